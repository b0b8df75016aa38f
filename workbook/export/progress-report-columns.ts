// The columns of a commune's periodic report workbook: the summary by category, the task table, the indicators, the
// follow-up lists. Widths add up to about 175 characters: what an A4 landscape page prints at 12 points.
import type { CellOut, ColumnSpec, Lang } from '../../core/consolidate/index.ts';
import type { FollowUp, JudgedIndicator, JudgedTask } from '../../core/progress/index.ts';
import { PROGRESS_CATEGORY_LABEL, PROGRESS_STATUS_LABEL } from '../../core/progress/index.ts';
import type { SheetColumns } from './consolidated-columns.ts';
import { numberText, verdictText } from './progress-words.ts';

const text = (s: string | undefined): CellOut => (s === undefined || s.trim() === '' ? null : { text: s });

/** Every column prints. */
const all = <T>(columns: ColumnSpec<T>[]): SheetColumns<T> => ({ columns, printed: columns.length });

/** One line of the summary: a category (numbered) or a total (not). */
export interface SummaryLine {
  n: number | null;
  label: string;
  count: number;
  share: string;
}

export const SUMMARY_COLUMNS = all<SummaryLine>([
  { header: { vi: 'STT', en: 'No.' }, width: 8, kind: 'center', value: (r) => (r.n === null ? null : { number: r.n }) },
  { header: { vi: 'Nội dung', en: 'Item' }, width: 110, kind: 'text', value: (r) => text(r.label) },
  { header: { vi: 'Số lượng', en: 'Count' }, width: 29, kind: 'center', value: (r) => ({ number: r.count }) },
  { header: { vi: 'Tỷ lệ', en: 'Share' }, width: 29, kind: 'center', value: (r) => text(r.share) },
]);

/** A task of the plan as the report lists it: the judgement, and the lead and deadline cells as the plan writes them. */
export interface TaskLine {
  task: JudgedTask;
  lead: string;
  deadline: string;
}

/** "Chưa báo cáo" for a task no entry speaks for (judged as not started, but nobody said so). */
function statusText(t: JudgedTask, lang: Lang): string {
  if (!t.reported) return lang === 'en' ? 'Not reported' : 'Chưa báo cáo';
  return PROGRESS_STATUS_LABEL[t.status][lang];
}

/** What was achieved, with the evidence under it when given. */
function achievedText(t: JudgedTask, lang: Lang): string {
  const e = t.entry;
  if (!e) return '';
  const lines = [e.achieved ?? ''];
  if (e.evidence) lines.push(`${lang === 'en' ? 'Evidence' : 'Tài liệu kiểm chứng'}: ${e.evidence}`);
  return lines.filter((l) => l !== '').join('\n');
}

export const TASK_REPORT_COLUMNS = all<TaskLine>([
  { header: { vi: 'TT', en: 'No.' }, width: 6, kind: 'center', value: (r) => text(r.task.tt) },
  { header: { vi: 'Nội dung', en: 'Task' }, width: 46, kind: 'text', value: (r) => text(r.task.content) },
  { header: { vi: 'Cơ quan chủ trì', en: 'Lead agency' }, width: 17, kind: 'text', value: (r) => text(r.lead) },
  { header: { vi: 'Thời gian hoàn thành', en: 'Deadline' }, width: 13, kind: 'center', value: (r) => text(r.deadline) },
  { header: { vi: 'Tình trạng', en: 'Status' }, width: 13, kind: 'center', value: (r, l) => text(statusText(r.task, l)) },
  {
    header: { vi: 'Ngày hoàn thành', en: 'Completed on' },
    width: 12,
    kind: 'date',
    value: (r) => (r.task.entry?.completedOn ? { date: r.task.entry.completedOn } : null),
  },
  { header: { vi: 'Kết quả đạt được', en: 'Result achieved' }, width: 30, kind: 'text', value: (r, l) => text(achievedText(r.task, l)) },
  {
    header: { vi: 'Lý do chậm/tạm dừng', en: 'Reason for delay or pause' },
    width: 20,
    kind: 'text',
    value: (r) => text(r.task.entry?.reason),
  },
  {
    header: { vi: 'Phân loại', en: 'Category' },
    width: 16,
    kind: 'center',
    value: (r, l) => text(PROGRESS_CATEGORY_LABEL[r.task.category][l]),
  },
]);

/**
 * An actual as written: text as given; a number with a decimal comma, and "%" after it when the target is a percentage
 * the unit column does not say ("Tỷ lệ …", unit blank, target "≥ 80%": 85 reads "85%").
 */
function actualText(i: JudgedIndicator, lang: Lang): string {
  const v = i.actual?.value;
  if (v === undefined) return '';
  if (typeof v !== 'number') return v;
  const percent = i.evaluation.rule?.percent === true && !i.unit.includes('%');
  return `${numberText(v, lang)}${percent ? '%' : ''}`;
}

export const INDICATOR_REPORT_COLUMNS = all<JudgedIndicator>([
  { header: { vi: 'TT', en: 'No.' }, width: 6, kind: 'center', value: (r) => text(r.tt) },
  { header: { vi: 'Chỉ tiêu', en: 'Indicator' }, width: 56, kind: 'text', value: (r) => text(r.content) },
  { header: { vi: 'Đơn vị tính', en: 'Unit' }, width: 13, kind: 'center', value: (r) => text(r.unit) },
  { header: { vi: 'Chỉ tiêu đề ra', en: 'Target' }, width: 18, kind: 'center', value: (r) => text(r.target) },
  { header: { vi: 'Thực hiện', en: 'Actual' }, width: 18, kind: 'center', value: (r, l) => text(actualText(r, l)) },
  { header: { vi: 'Đánh giá', en: 'Verdict' }, width: 20, kind: 'center', value: (r, l) => text(verdictText(r.evaluation, l)) },
  { header: { vi: 'Ghi chú', en: 'Note' }, width: 40, kind: 'text', value: (r) => text(r.actual?.note) },
]);

/** One task's text in a follow-up list, numbered. */
export type FollowUpLine = FollowUp & { n: number };

/** A follow-up list's columns; the last one's header names the list ("Khó khăn, vướng mắc"). */
export function followUpColumns(title: Record<Lang, string>): SheetColumns<FollowUpLine> {
  return all<FollowUpLine>([
    { header: { vi: 'STT', en: 'No.' }, width: 6, kind: 'center', value: (r) => ({ number: r.n }) },
    { header: { vi: 'TT nhiệm vụ', en: 'Task No.' }, width: 11, kind: 'center', value: (r) => text(r.tt) },
    { header: { vi: 'Nhiệm vụ', en: 'Task' }, width: 60, kind: 'text', value: (r) => text(r.content) },
    { header: title, width: 98, kind: 'text', value: (r) => text(r.text) },
  ]);
}
