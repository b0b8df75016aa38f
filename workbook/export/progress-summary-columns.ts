// The columns of the province's progress summary workbook: counts per commune per category, overdue tasks per lead
// agency, the follow-up lists by commune and NQ57 group, the communes that have not reported.
import type { ProvinceProgress, ReportStatus } from '../../core/api/index.ts';
import type { CellOut, ColumnSpec, Lang } from '../../core/consolidate/index.ts';
import { groupLabel } from '../../core/consolidate/index.ts';
import { term } from '../../core/i18n/index.ts';
import { PROGRESS_CATEGORIES, PROGRESS_CATEGORY_LABEL } from '../../core/progress/index.ts';
import type { SheetColumns } from './consolidated-columns.ts';

const text = (s: string | undefined): CellOut => (s === undefined || s.trim() === '' ? null : { text: s });
const all = <T>(columns: ColumnSpec<T>[]): SheetColumns<T> => ({ columns, printed: columns.length });

export type CommuneLine = ProvinceProgress['communes'][number] & { n: number | null };

/** The glossary's words, as the pane and the dashboard show them. */
const stateWords = (lang: Lang) => ({
  'not-reported': term('reportNotReported', lang),
  submitted: term('reportSubmitted', lang),
  accepted: term('reportAccepted', lang),
  returned: term('reportReturned', lang),
  nothing: term('nothingToReport', lang),
});

/**
 * Where a commune's report stands, in words: "Đã gửi", "Đã chấp nhận (không phát sinh)", "Chưa nộp kế hoạch".
 * @example reportStateText({ state: 'submitted', nothingToReport: true, … }, true, 'vi') // 'Đã gửi (không phát sinh)'
 */
export function reportStateText(r: ReportStatus, submittedPlan: boolean, lang: Lang): string {
  if (!submittedPlan) return lang === 'en' ? 'No plan submitted' : 'Chưa nộp kế hoạch';
  const s = stateWords(lang);
  const word = s[r.state];
  return r.nothingToReport && r.state !== 'not-reported' ? `${word} (${s.nothing.toLocaleLowerCase(lang)})` : word;
}

/** "Tổng hợp": one line per commune, the total row under them (its `n` null, its report state blank). */
export const COMMUNE_COUNT_COLUMNS = all<CommuneLine>([
  { header: { vi: 'STT', en: 'No.' }, width: 6, kind: 'center', value: (r) => (r.n === null ? null : { number: r.n }) },
  { header: { vi: 'Xã/phường', en: 'Commune' }, width: 22, kind: 'text', value: (r) => text(r.name) },
  {
    header: { vi: 'Báo cáo kỳ này', en: 'Report for the period' },
    width: 15,
    kind: 'center',
    value: (r, l) => (r.n === null ? null : text(reportStateText(r.report, r.submittedPlan, l))),
  },
  {
    header: { vi: 'Tổng số nhiệm vụ', en: 'Tasks' },
    width: 11,
    kind: 'center',
    value: (r) => (r.counts ? { number: r.counts.tasks } : null),
  },
  ...PROGRESS_CATEGORIES.map((c): ColumnSpec<CommuneLine> => ({
    header: PROGRESS_CATEGORY_LABEL[c],
    width: 12,
    kind: 'center',
    value: (r) => (r.counts ? { number: r.counts.byCategory[c] } : null),
  })),
  {
    header: { vi: 'Nhiệm vụ chưa có báo cáo tiến độ', en: 'Tasks without a progress report' },
    width: 13,
    kind: 'center',
    value: (r) => (r.counts ? { number: r.counts.unreported } : null),
  },
]);

/** One lead agency's overdue tasks, with the communes they are in. */
export interface LeadLine {
  n: number | null;
  lead: string;
  overdue: number;
  communes: string;
}

export const OVERDUE_LEAD_COLUMNS = all<LeadLine>([
  { header: { vi: 'STT', en: 'No.' }, width: 6, kind: 'center', value: (r) => (r.n === null ? null : { number: r.n }) },
  { header: { vi: 'Cơ quan chủ trì', en: 'Lead agency' }, width: 50, kind: 'text', value: (r) => text(r.lead) },
  {
    header: { vi: 'Số nhiệm vụ quá hạn chưa hoàn thành', en: 'Overdue tasks not done' },
    width: 20,
    kind: 'center',
    value: (r) => ({ number: r.overdue }),
  },
  {
    header: { vi: 'Xã, phường có nhiệm vụ quá hạn (số nhiệm vụ)', en: 'Communes with overdue tasks (tasks)' },
    width: 98,
    kind: 'text',
    value: (r) => text(r.communes),
  },
]);

export type SummaryFollowUp = ProvinceProgress['followUps']['obstacles'][number] & { n: number };

/** A follow-up list's columns; the last one's header names the list. */
export function summaryFollowUpColumns(title: Record<Lang, string>): SheetColumns<SummaryFollowUp> {
  return all<SummaryFollowUp>([
    { header: { vi: 'STT', en: 'No.' }, width: 6, kind: 'center', value: (r) => ({ number: r.n }) },
    { header: { vi: 'Xã/phường', en: 'Commune' }, width: 18, kind: 'text', value: (r) => text(r.communeName) },
    { header: { vi: 'Nhóm nhiệm vụ', en: 'Task group' }, width: 18, kind: 'text', value: (r, l) => text(groupLabel(r.group, l)) },
    { header: { vi: 'TT', en: 'No.' }, width: 6, kind: 'center', value: (r) => text(r.tt) },
    { header: { vi: 'Nhiệm vụ', en: 'Task' }, width: 50, kind: 'text', value: (r) => text(r.content) },
    { header: title, width: 80, kind: 'text', value: (r) => text(r.text) },
  ]);
}

/** A commune that has not reported for the period. */
export interface MissingLine {
  n: number;
  code: string;
  name: string;
  note: string;
}

export const NOT_REPORTED_COLUMNS = all<MissingLine>([
  { header: { vi: 'STT', en: 'No.' }, width: 6, kind: 'center', value: (r) => ({ number: r.n }) },
  { header: { vi: 'Mã xã', en: 'Commune code' }, width: 12, kind: 'center', value: (r) => text(r.code) },
  { header: { vi: 'Xã/phường', en: 'Commune' }, width: 50, kind: 'text', value: (r) => text(r.name) },
  { header: { vi: 'Ghi chú', en: 'Note' }, width: 60, kind: 'text', value: (r) => text(r.note) },
]);
