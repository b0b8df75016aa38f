// The progress section's figures, shaped from the province's progress answer (pure: tested without a browser).
import type { ProgressPeriod, ProvinceProgress, ReportState } from '../../../core/api/index.ts';
import { PROGRESS_CATEGORIES, PROGRESS_CATEGORY_LABEL, type ProgressCategory } from '../../../core/progress/index.ts';

type Lang = 'vi' | 'en';

/**
 * The period shown first: the one a period's `current` flag names (the server knows the cut-offs), else the one the
 * address asks for when the province collects it, else the last.
 * @example defaultPeriod(list.periods, 'ky-trong-dia-chi') // '2026-H1'
 */
export function defaultPeriod(periods: readonly ProgressPeriod[], wanted?: string | null): string | null {
  if (wanted && periods.some((p) => p.period === wanted)) return wanted;
  return (periods.find((p) => p.current) ?? periods[periods.length - 1])?.period ?? null;
}

/**
 * The period named inside a sentence ("Báo cáo năm 2026"): its label in the page's language, first letter in lower case
 * ("Năm 2026" heads a list, not a clause); the answer's Vietnamese label when the list does not hold the period.
 * @example periodWords(list.periods, '2026', 'Năm 2026', 'vi') // 'năm 2026'
 */
export function periodWords(periods: readonly ProgressPeriod[] | null, period: string, fallback: string, lang: Lang): string {
  const p = periods?.find((x) => x.period === period);
  const label = p ? (lang === 'en' ? p.labelEn : p.label) : fallback;
  return label.charAt(0).toLocaleLowerCase(lang) + label.slice(1);
}

export interface CategoryBar {
  category: ProgressCategory;
  label: string;
  count: number;
}

/**
 * Every category in the order a report lists them (zero ones too: an empty bar says "none", a missing one says nothing).
 * @example categoryBars(progress.total.byCategory, 'vi')[3] // { category: 'overdue', label: 'Quá hạn chưa hoàn thành', count: 4 }
 */
export function categoryBars(byCategory: Readonly<Record<ProgressCategory, number>>, lang: Lang): CategoryBar[] {
  return PROGRESS_CATEGORIES.map((category) => ({ category, label: PROGRESS_CATEGORY_LABEL[category][lang], count: byCategory[category] }));
}

/**
 * Whether anything has been reported that the figures stand on: a report of the period (a "không phát sinh" one too), or
 * an entry of an earlier period that still speaks for a task. Without, every task counts as not started.
 * @example hasProgress(progress) // true
 */
export function hasProgress(progress: ProvinceProgress): boolean {
  return progress.total.reported > 0 || progress.communes.some((c) => c.report.state !== 'not-reported');
}

/**
 * The overview's overdue figure: from the progress of the period when anything was reported (unfinished tasks only),
 * else the consolidation's (every task whose deadline passed, done or not: nobody has said which are done).
 * @example overdueFigure(12, progress) // { count: 4, unfinishedOnly: true }
 */
export function overdueFigure(consolidated: number, progress: ProvinceProgress | null): { count: number; unfinishedOnly: boolean } {
  if (progress && hasProgress(progress)) return { count: progress.total.byCategory.overdue, unfinishedOnly: true };
  return { count: consolidated, unfinishedOnly: false };
}

export interface CommuneProgressRow {
  code: string;
  name: string;
  state: ReportState;
  /** "Không phát sinh". */
  nothingToReport: boolean;
  tasks: number;
  reported: number;
  done: number;
  overdue: number;
  lastSent: string | null;
  /** The province's reason, while the report stands returned. */
  returnReason: string | null;
}

/**
 * One row per commune with a plan on the server, in the answer's order; the communes without a plan are the
 * overview's "chưa nộp" list, not this table's.
 * @example communeProgressRows(progress)[0] // { code: '10903', state: 'submitted', tasks: 42, done: 5, … }
 */
export function communeProgressRows(progress: ProvinceProgress): CommuneProgressRow[] {
  return progress.communes
    .filter((c) => c.submittedPlan)
    .map((c) => {
      const n = c.counts;
      return {
        code: c.code,
        name: c.name,
        state: c.report.state,
        nothingToReport: c.report.nothingToReport,
        tasks: n?.tasks ?? 0,
        reported: n?.reported ?? 0,
        done: (n?.byCategory['done-on-time'] ?? 0) + (n?.byCategory['done-late'] ?? 0),
        overdue: n?.byCategory.overdue ?? 0,
        lastSent: c.report.lastSent,
        returnReason: c.report.state === 'returned' ? c.report.returnReason : null,
      };
    });
}

/**
 * Overdue tasks per lead agency as the answer orders them (most first); the tasks without a lead ('' from the server)
 * under the words given for them.
 * @example overdueLeadRows(progress.total, '(không ghi)') // [['Phòng Kinh tế', 3], ['(không ghi)', 1]]
 */
export function overdueLeadRows(total: ProvinceProgress['total'], noLead: string): [string, number][] {
  return total.overdueByLead.filter((l) => l.overdue > 0).map((l) => [l.lead === '' ? noLead : l.lead, l.overdue]);
}
