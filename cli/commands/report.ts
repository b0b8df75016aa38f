// `phuluc report FILE --period 2026-H1 [-o OUT.xlsx] [--as-of YYYY-MM-DD]`: a commune's periodic report workbook made
// from the progress columns of its own appendix, without a server. Exit 0 = written, 1 = written but some progress
// cells are wrong (listed), 2 = could not run (nothing written).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { findCommune } from '../../core/dvhc.ts';
import { assignIds } from '../../core/merge/index.ts';
import {
  countIndicators,
  isIsoDay,
  judgeIndicators,
  parsePeriod,
  periodId,
  periodLabel,
  periodSpan,
  progressCounts,
  progressFromPlan,
  vietnamDay,
} from '../../core/progress/index.ts';
import { progressReportXlsx, reportUnit } from '../../workbook/export/progress-report.ts';
import { fileWriteProblem } from '../file-errors.ts';
import type { Lang } from '../labels.ts';
import { loadPlan, PlanLoadError } from '../load-plan.ts';
import { reportText } from '../report-text.ts';

export interface ReportCommandOptions {
  period: string;
  out?: string;
  /** ISO day; the period's end, or today when the period has not ended, when not given. */
  asOf?: string;
  lang: Lang;
  /** Today (ISO), for tests; the day in Vietnam otherwise. */
  today?: string;
}

const PERIOD_FORMS = {
  vi: [
    '2026-M03 hoặc “Tháng 3 năm 2026”',
    '2026-Q2 hoặc “Quý II/2026”',
    '2026-H1 hoặc “6 tháng đầu năm 2026”',
    '2026-9M hoặc “9 tháng năm 2026”',
    '2026 hoặc “Năm 2026”',
    '2026-06-15 hoặc “Đến ngày 15/6/2026”',
  ],
  en: [
    '2026-M03 or "Tháng 3 năm 2026" (a month)',
    '2026-Q2 or "Quý II/2026" (a quarter)',
    '2026-H1 or "6 tháng đầu năm 2026" (a half-year)',
    '2026-9M or "9 tháng năm 2026" (nine months)',
    '2026 or "Năm 2026" (a year)',
    '2026-06-15 or "Đến ngày 15/6/2026" (up to a day)',
  ],
} as const;

/**
 * The message for a period that cannot be read, listing the forms that can.
 * @example badPeriod('H1', 'vi') // 'Không đọc được kỳ báo cáo “H1”. …'
 */
export function badPeriod(typed: string, lang: Lang): string {
  const forms = PERIOD_FORMS[lang].map((f) => `  ${f}`).join('\n');
  return lang === 'en'
    ? `Cannot read the reporting period "${typed}". Write it in one of these forms:\n${forms}`
    : `Không đọc được kỳ báo cáo “${typed}”. Hãy ghi kỳ theo một trong các dạng:\n${forms}`;
}

/** "<file>-bao-cao-<period>.xlsx" beside the input. */
export function defaultReportName(file: string, period: string): string {
  const base = path.basename(file, path.extname(file));
  return path.join(path.dirname(file), `${base}-bao-cao-${period}.xlsx`);
}

/** @example await reportCommand('10903-cam-giang.xlsx', { period: '2026-H1', lang: 'vi' }) */
export async function reportCommand(file: string, opts: ReportCommandOptions): Promise<number> {
  const vi = opts.lang !== 'en';
  const fail = (viText: string, enText: string) => {
    process.stderr.write(`${vi ? viText : enText}\n`);
    return 2;
  };
  const parsed = parsePeriod(opts.period);
  const span = parsed ? periodSpan(parsed) : null;
  if (!parsed || !span) return fail(badPeriod(opts.period, 'vi'), badPeriod(opts.period, 'en'));
  const period = periodId(parsed);
  if (opts.asOf !== undefined && !isIsoDay(opts.asOf))
    return fail(
      `--as-of phải là một ngày có thật, dạng YYYY-MM-DD (nhận được “${opts.asOf}”).`,
      `--as-of must be a real day, YYYY-MM-DD (got "${opts.asOf}").`,
    );
  const today = opts.today ?? vietnamDay(new Date().toISOString())!;
  const asOf = opts.asOf ?? (span.end < today ? span.end : today);
  const out = opts.out ?? defaultReportName(file, period);
  if (path.resolve(out) === path.resolve(file))
    return fail(
      `Tệp kết quả trùng với phụ lục “${file}”: hãy chọn tên khác với --out (phụ lục không bị ghi đè).`,
      `The output is the appendix itself ("${file}"): choose another name with --out (the appendix is never overwritten).`,
    );

  let loaded;
  try {
    loaded = await loadPlan(file);
  } catch (err) {
    if (err instanceof PlanLoadError) return fail(err.message, err.messageEn);
    throw err;
  }
  if (!loaded.plan.appendices.some((a) => a.kind === 'tasks'))
    return fail(
      `Không tìm thấy bảng nhiệm vụ trong “${path.basename(file)}”: báo cáo được lập từ bảng nhiệm vụ có các cột tiến độ.`,
      `No task table found in "${path.basename(file)}": the report is made from a task table with progress columns.`,
    );
  // A file has no ids of record: every task gets one for this run, so each row's progress is read (none is kept).
  let n = 0;
  const plan = assignIds(loaded.plan, null, () => `r${++n}`);
  const { report, issues } = progressFromPlan(plan, period, { today });
  const code = /^(\d{5})(?:\D|$)/.exec(path.basename(file))?.[1];
  const commune = (code ? findCommune(code)?.name : undefined) ?? reportUnit(plan);
  const bytes = await progressReportXlsx({
    plan,
    entries: report.entries,
    actuals: report.indicators,
    period,
    asOf,
    ...(commune ? { commune } : {}),
    lang: opts.lang,
  });
  try {
    await writeFile(out, bytes);
  } catch (err) {
    const p = fileWriteProblem(out, err);
    if (p === undefined) throw err;
    return fail(p.vi, p.en);
  }
  const summary = {
    label: periodLabel(parsed, opts.lang),
    asOf,
    ...(commune ? { commune } : {}),
    counts: progressCounts(plan, report.entries, asOf, { period }),
    indicators: countIndicators(judgeIndicators(plan, report.indicators, asOf)),
    issues,
    out,
  };
  process.stdout.write(reportText(summary, opts.lang));
  return issues.some((i) => i.severity === 'error') ? 1 : 0;
}
