// Columns of the consolidated tables (Tổng hợp, Thống kê, Chỉ tiêu): header (vi/en), width, cell kind and how each value is
// read. One spec for the server's .xlsx export and the task pane's consolidated sheets.
import { GROUP_COLUMNS, type GroupRef } from './groups.ts';
import { STATUS_LABEL } from './status.ts';
import type { CommuneStats, ConsolidatedIndicator, ConsolidatedRow } from './types.ts';

export type Lang = 'vi' | 'en';
/** A cell's value before writing: text (neutralized on write), a count, an ISO date, or empty. */
export type CellOut = { text: string } | { number: number } | { date: string } | null;
/** How a cell looks: wrapped text, centred short text/number, or a dd/mm/yyyy date. */
export type CellKind = 'text' | 'center' | 'date';

export interface ColumnSpec<T> {
  header: Record<Lang, string>;
  width: number;
  kind: CellKind;
  value: (row: T, lang: Lang) => CellOut;
}

const text = (s: string): CellOut => (s === '' ? null : { text: s });
const num = (n: number): CellOut => ({ number: n });

/**
 * How a group reads in a cell or header: "3. Hạ tầng", or "Khác".
 * @example groupLabel(mapGroup('Nhiệm vụ về hạ tầng'), 'vi') // '3. Hạ tầng'
 */
export function groupLabel(g: GroupRef, lang: Lang): string {
  const name = lang === 'en' ? g.shortEn : g.short;
  return g.number === 0 ? name : `${g.number}. ${name}`;
}

/** "Tổng hợp": one row per task. */
export const TASK_COLUMNS: readonly ColumnSpec<ConsolidatedRow>[] = [
  { header: { vi: 'Mã xã', en: 'Commune code' }, width: 9, kind: 'center', value: (r) => text(r.communeCode) },
  { header: { vi: 'Xã/phường', en: 'Commune' }, width: 18, kind: 'text', value: (r) => text(r.communeName) },
  { header: { vi: 'Nhóm NQ57', en: 'NQ57 group' }, width: 20, kind: 'text', value: (r, l) => text(groupLabel(r.group, l)) },
  { header: { vi: 'Nhóm (theo kế hoạch)', en: 'Group (as in the plan)' }, width: 30, kind: 'text', value: (r) => text(r.groupHeading) },
  { header: { vi: 'TT', en: 'No.' }, width: 6, kind: 'center', value: (r) => text(r.tt) },
  { header: { vi: 'Nội dung', en: 'Task' }, width: 60, kind: 'text', value: (r) => text(r.content) },
  { header: { vi: 'Cơ quan chủ trì', en: 'Lead agency' }, width: 24, kind: 'text', value: (r) => text(r.lead) },
  {
    header: { vi: 'Cơ quan chủ trì (chuẩn hóa)', en: 'Lead agency (catalog name)' },
    width: 24,
    kind: 'text',
    value: (r) => text(r.leadCanonical),
  },
  { header: { vi: 'Cơ quan phối hợp', en: 'Partner agencies' }, width: 26, kind: 'text', value: (r) => text(r.partners) },
  { header: { vi: 'Kết quả/sản phẩm', en: 'Result/output' }, width: 24, kind: 'text', value: (r) => text(r.result) },
  { header: { vi: 'Thời gian hoàn thành', en: 'Deadline (as written)' }, width: 18, kind: 'text', value: (r) => text(r.deadline) },
  { header: { vi: 'Hạn', en: 'Due date' }, width: 12, kind: 'date', value: (r) => (r.dueDate === null ? null : { date: r.dueDate }) },
  { header: { vi: 'Tình trạng', en: 'Status' }, width: 18, kind: 'text', value: (r, l) => text(STATUS_LABEL[r.status][l]) },
  { header: { vi: 'Phiên bản', en: 'Revision' }, width: 9, kind: 'center', value: (r) => num(r.revision) },
];

/** "Thống kê": one row per commune; the same columns serve the totals row. */
export const STATS_COLUMNS: readonly ColumnSpec<CommuneStats>[] = [
  { header: { vi: 'Mã xã', en: 'Commune code' }, width: 9, kind: 'center', value: (s) => text(s.code) },
  { header: { vi: 'Xã/phường', en: 'Commune' }, width: 22, kind: 'text', value: (s) => text(s.name) },
  ...GROUP_COLUMNS.map((g): ColumnSpec<CommuneStats> => ({
    header: { vi: groupLabel(g, 'vi'), en: groupLabel(g, 'en') },
    width: 13,
    kind: 'center',
    value: (s) => num(s.byGroup[g.id] ?? 0),
  })),
  { header: { vi: 'Tổng số nhiệm vụ', en: 'Tasks' }, width: 11, kind: 'center', value: (s) => num(s.tasks) },
  { header: { vi: 'Thiếu cơ quan chủ trì', en: 'No lead agency' }, width: 12, kind: 'center', value: (s) => num(s.missingLead) },
  { header: { vi: 'Thiếu thời hạn', en: 'No deadline' }, width: 11, kind: 'center', value: (s) => num(s.missingDeadline) },
  { header: { vi: 'Thiếu kết quả/sản phẩm', en: 'No result/output' }, width: 12, kind: 'center', value: (s) => num(s.missingResult) },
  { header: { vi: 'Quá hạn', en: 'Overdue' }, width: 10, kind: 'center', value: (s) => num(s.overdue) },
];

/** "Chỉ tiêu": one row per indicator. */
export const INDICATOR_COLUMNS: readonly ColumnSpec<ConsolidatedIndicator>[] = [
  { header: { vi: 'Mã xã', en: 'Commune code' }, width: 9, kind: 'center', value: (r) => text(r.communeCode) },
  { header: { vi: 'Xã/phường', en: 'Commune' }, width: 18, kind: 'text', value: (r) => text(r.communeName) },
  { header: { vi: 'Nhóm (theo kế hoạch)', en: 'Section (as in the plan)' }, width: 24, kind: 'text', value: (r) => text(r.groupHeading) },
  { header: { vi: 'TT', en: 'No.' }, width: 6, kind: 'center', value: (r) => text(r.tt) },
  { header: { vi: 'Chỉ tiêu', en: 'Indicator' }, width: 60, kind: 'text', value: (r) => text(r.content) },
  { header: { vi: 'Đơn vị tính', en: 'Unit' }, width: 12, kind: 'center', value: (r) => text(r.unit) },
  { header: { vi: 'Kết quả', en: 'Target' }, width: 14, kind: 'center', value: (r) => text(r.target) },
  { header: { vi: 'Cơ quan chủ trì theo dõi, đánh giá', en: 'Monitoring agency' }, width: 30, kind: 'text', value: (r) => text(r.monitor) },
  { header: { vi: 'Phiên bản', en: 'Revision' }, width: 9, kind: 'center', value: (r) => num(r.revision) },
];

/**
 * A cell as plain data for a sheet that is written value by value (the task pane): dates as dd/mm/yyyy text.
 * @example plainCell({ date: '2026-06-30' }) // '30/06/2026'
 */
export function plainCell(out: CellOut): string | number {
  if (out === null) return '';
  if ('text' in out) return out.text;
  if ('number' in out) return out.number;
  const [y, m, d] = out.date.split('-');
  return `${d}/${m}/${y}`;
}
