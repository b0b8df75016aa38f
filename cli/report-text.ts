// What `phuluc report` prints: the period and commune, the tasks per category, the indicators per verdict, and the
// progress cells that need a look (each with its sheet and cell), in the reader's language.
import { formatDay, term } from '../core/i18n/index.ts';
import type { IndicatorCounts, ProgressCounts, ProgressIssue } from '../core/progress/index.ts';
import { PROGRESS_CATEGORIES, PROGRESS_CATEGORY_LABEL } from '../core/progress/index.ts';
import type { Lang } from './labels.ts';

export interface ReportSummary {
  label: string;
  asOf: string;
  commune?: string;
  counts: ProgressCounts;
  indicators: IndicatorCounts;
  issues: readonly ProgressIssue[];
  out: string;
}

/**
 * The summary, one line per count, the issues after it, the file written last.
 * @example reportText({ label: '6 tháng đầu năm 2026', asOf: '2026-06-30', counts, indicators, issues: [], out: 'bc.xlsx' }, 'vi')
 */
export function reportText(s: ReportSummary, lang: Lang): string {
  const vi = lang !== 'en';
  const c = s.counts;
  const i = s.indicators;
  const who = s.commune ? (vi ? ` của ${s.commune}` : ` of ${s.commune}`) : '';
  const lines = [
    vi
      ? `Báo cáo ${s.label}${who}, tính đến ngày ${formatDay(s.asOf)}: ${c.tasks} nhiệm vụ, ${c.reported} nhiệm vụ có ghi tiến độ.`
      : `Report for ${s.label}${who}, as of ${formatDay(s.asOf)}: ${c.tasks} tasks, ${c.reported} with progress written.`,
  ];
  const width = Math.max(...PROGRESS_CATEGORIES.map((k) => PROGRESS_CATEGORY_LABEL[k][lang].length));
  for (const k of PROGRESS_CATEGORIES) lines.push(`  ${`${PROGRESS_CATEGORY_LABEL[k][lang]}:`.padEnd(width + 1)} ${c.byCategory[k]}`);
  if (i.indicators > 0)
    lines.push(
      vi
        ? `Chỉ tiêu: ${i.indicators} (đạt ${i.met}, chưa đạt ${i.notMet}, chưa đánh giá được ${i.unknown}).`
        : `Indicators: ${i.indicators} (met ${i.met}, not met ${i.notMet}, cannot be judged ${i.unknown}).`,
    );
  if (s.issues.length > 0) {
    lines.push(vi ? `Ô tiến độ cần xem (${s.issues.length}):` : `Progress cells to look at (${s.issues.length}):`);
    for (const x of s.issues) {
      const where = x.at ? `${x.at.sheet}!${x.at.cell}: ` : '';
      lines.push(`  ${term(x.severity, lang)} ${where}${x.message[lang]}`);
    }
  }
  lines.push(vi ? `Đã ghi báo cáo: ${s.out}` : `Report written: ${s.out}`);
  return `${lines.join('\n')}\n`;
}
