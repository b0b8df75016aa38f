// What the standard template's input rules say (prompts and error alerts), shared by the .xlsx template
// (workbook/export/template.ts) and the sheets the pane writes (addin/src/excel), which cannot import exceljs's file.
import { PROGRESS_STATUS_LABEL, PROGRESS_STATUSES } from './status.ts';

/** The title of every prompt and alert. */
export const RULE_TITLE = 'phuluc';

/** The prompt of each column whose list only suggests (free text stays possible). */
export const LIST_PROMPTS = {
  lead: 'Chọn một cơ quan chủ trì (rõ người, rõ việc).',
  partners: 'Chọn hoặc gõ các cơ quan phối hợp, cách nhau bằng dấu chấm phẩy.',
  deadline: 'Ví dụ: Quý III/2026, Tháng 7/2026, 31/12/2026, Thường xuyên.',
  monitor: 'Chọn cơ quan theo dõi, đánh giá.',
} as const;

/** The alert of a list that only suggests. */
export const LIST_ERROR = 'Giá trị không có trong danh mục. Vẫn giữ?';

/** The status column's words, in the order the dropdown offers them. */
export const STATUS_WORDS: readonly string[] = PROGRESS_STATUSES.map((st) => PROGRESS_STATUS_LABEL[st].vi);

/** The status column takes one of its words and nothing else. */
export const STATUS_RULE = {
  prompt: 'Chọn tình trạng thực hiện trong kỳ báo cáo.',
  error: `Chọn một trong: ${STATUS_WORDS.join(', ')}.`,
} as const;

/** The completion day takes a real date. */
export const COMPLETED_ON_RULE = {
  prompt: 'Ngày đã hoàn thành, ghi ngày/tháng/năm (15/06/2026).',
  error: 'Ghi một ngày cụ thể dạng ngày/tháng/năm, ví dụ 15/06/2026.',
} as const;
