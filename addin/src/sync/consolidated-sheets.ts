// The province's consolidated JSON as two sheets' values: "Tổng hợp" (one row per task) and "Thống kê" (per commune).
import { GROUP_COLUMNS, STATUS_LABEL, type Consolidated } from '../../../core/consolidate/index.ts';
import type { CellValue } from '../../../core/model/grid.ts';
import type { Lang } from '../i18n/index.ts';

const T = {
  vi: { tasks: 'Tổng hợp', stats: 'Thống kê', code: 'Mã xã', commune: 'Xã/phường', group: 'Nhóm NQ57', tt: 'TT', content: 'Nội dung', lead: 'Cơ quan chủ trì', partners: 'Cơ quan phối hợp', result: 'Kết quả/sản phẩm', deadline: 'Thời gian hoàn thành', due: 'Hạn', status: 'Tình trạng', rev: 'Phiên bản', total: 'Tổng số nhiệm vụ', noLead: 'Thiếu cơ quan chủ trì', noDeadline: 'Thiếu thời hạn', overdue: 'Quá hạn', all: 'Cả tỉnh' },
  en: { tasks: 'Consolidated', stats: 'Statistics', code: 'Commune code', commune: 'Commune', group: 'NQ57 group', tt: 'No.', content: 'Task', lead: 'Lead agency', partners: 'Partner agencies', result: 'Result/output', deadline: 'Deadline', due: 'Due date', status: 'Status', rev: 'Revision', total: 'Tasks', noLead: 'No lead agency', noDeadline: 'No deadline', overdue: 'Overdue', all: 'Province' },
};

/**
 * @example consolidatedSheets(json, 'vi').map((s) => s.name) // ['Tổng hợp', 'Thống kê']
 */
export function consolidatedSheets(c: Consolidated, lang: Lang): { name: string; values: CellValue[][] }[] {
  const t = T[lang];
  const group = (g: { number: number; short: string; shortEn: string }) => (g.number === 0 ? (lang === 'en' ? g.shortEn : g.short) : `${g.number}. ${lang === 'en' ? g.shortEn : g.short}`);
  const tasks: CellValue[][] = [
    [t.code, t.commune, t.group, t.tt, t.content, t.lead, t.partners, t.result, t.deadline, t.due, t.status, t.rev],
    ...c.rows.map((r) => [r.communeCode, r.communeName, group(r.group), r.tt, r.content, r.lead, r.partners, r.result, r.deadline, r.dueDate ?? '', STATUS_LABEL[r.status][lang], r.revision]),
  ];
  const statRow = (code: string, name: string, s: Consolidated['stats']['totals'] | Consolidated['stats']['communes'][number]): CellValue[] => [
    code, name, ...GROUP_COLUMNS.map((g) => s.byGroup[g.id] ?? 0), s.tasks, s.missingLead, s.missingDeadline, s.overdue,
  ];
  const stats: CellValue[][] = [
    [t.code, t.commune, ...GROUP_COLUMNS.map((g) => group(g)), t.total, t.noLead, t.noDeadline, t.overdue],
    ...c.stats.communes.map((s) => statRow(s.code, s.name, s)),
    statRow('', t.all, c.stats.totals),
  ];
  return [{ name: t.tasks, values: tasks }, { name: t.stats, values: stats }];
}
