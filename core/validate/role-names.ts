// Column role names as officials write them (Vietnamese) and in English.
import type { ColumnRole } from '../model/appendix.ts';

export const ROLE_NAMES: Record<ColumnRole, { vi: string; en: string }> = {
  tt: { vi: 'TT', en: 'No.' },
  content: { vi: 'Nội dung', en: 'Task' },
  head: { vi: 'Người đứng đầu chịu trách nhiệm', en: 'Accountable head' },
  lead: { vi: 'Cơ quan chủ trì', en: 'Lead agency' },
  partners: { vi: 'Cơ quan phối hợp', en: 'Partner agencies' },
  result: { vi: 'Kết quả', en: 'Result' },
  deadline: { vi: 'Thời gian hoàn thành', en: 'Deadline' },
  unit: { vi: 'Đơn vị tính', en: 'Unit' },
  target: { vi: 'Kết quả (chỉ tiêu)', en: 'Target' },
  monitor: { vi: 'Cơ quan chủ trì theo dõi, đánh giá', en: 'Monitoring agency' },
  note: { vi: 'Ghi chú', en: 'Note' },
  status: { vi: 'Tình trạng', en: 'Status' },
  funding: { vi: 'Nguồn kinh phí', en: 'Funding source' },
  start: { vi: 'Thời gian bắt đầu', en: 'Start date' },
  completedOn: { vi: 'Ngày hoàn thành', en: 'Completion date' },
  achieved: { vi: 'Kết quả đạt được', en: 'Achieved' },
  reason: { vi: 'Lý do', en: 'Reason' },
  evidence: { vi: 'Tài liệu kiểm chứng', en: 'Evidence' },
  highlights: { vi: 'Kết quả nổi bật', en: 'Highlights' },
  obstacles: { vi: 'Khó khăn, vướng mắc', en: 'Obstacles' },
  proposals: { vi: 'Đề xuất, kiến nghị', en: 'Proposals' },
};
