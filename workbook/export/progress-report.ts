// A commune's periodic report as an .xlsx ready to print and sign: "Báo cáo kết quả thực hiện Kế hoạch … 6 tháng đầu
// năm 2026" — the tasks counted by category, the task table by NQ57 group (status, completion, result, reasons), the
// indicators against their targets, and the highlights, obstacles and proposals the province reads first.
import type { Catalog } from '../../core/agencies.ts';
import type { Lang } from '../../core/consolidate/index.ts';
import { formatDay } from '../../core/i18n/index.ts';
import type { Plan } from '../../core/model/index.ts';
import {
  countIndicators,
  countJudged,
  followUps,
  judgeIndicators,
  judgePlan,
  parsePeriodId,
  periodLabel,
  PROGRESS_CATEGORIES,
  PROGRESS_CATEGORY_LABEL,
  taskRows,
  type IndicatorActual,
  type TaskProgress,
} from '../../core/progress/index.ts';
import { tableStyles, writeTableSheet } from './consolidated-sheet.ts';
import type { DocumentHeading } from './heading.ts';
import {
  followUpColumns,
  INDICATOR_REPORT_COLUMNS,
  SUMMARY_COLUMNS,
  TASK_REPORT_COLUMNS,
  type SummaryLine,
  type TaskLine,
} from './progress-report-columns.ts';
import { asOfWords, byGroup, FOLLOW_UP_LISTS, FOLLOW_UP_WORDS, groupBand, shareText } from './progress-words.ts';
import { xlsxBytes } from './xlsx-bytes.ts';
import { WorkbookWriter } from './xlsx-stream/workbook.ts';

export interface ProgressReportInput {
  plan: Plan;
  /** The period's task entries (other periods' entries may be given: judgePlan takes the latest that speaks). */
  entries: readonly TaskProgress[];
  /** Indicator actuals reported up to the period. */
  actuals?: readonly IndicatorActual[];
  /** Canonical period id ("2026-H1"). */
  period: string;
  /** The day categories are judged at (ISO). */
  asOf: string;
  /** The commune as the list names it ("Xã Cẩm Giàng"); the plan's title block ("của UBND xã Cẩm Giàng") when not given. */
  commune?: string;
  lang?: Lang;
  catalog?: Catalog;
}

/** The sheets, in order. */
export const PROGRESS_REPORT_SHEETS: Record<Lang, { summary: string; tasks: string; indicators: string }> = {
  vi: { summary: 'Tổng hợp', tasks: 'Nhiệm vụ', indicators: 'Chỉ tiêu' },
  en: { summary: 'Summary', tasks: 'Tasks', indicators: 'Indicators' },
};

const CAPTION = {
  vi: {
    summary: 'Số nhiệm vụ theo phân loại và số chỉ tiêu theo kết quả đánh giá',
    tasks: 'Tình hình thực hiện các nhiệm vụ',
    indicators: 'Kết quả thực hiện các chỉ tiêu',
    taskBand: 'NHIỆM VỤ',
    indicatorBand: 'CHỈ TIÊU',
    allTasks: 'Tổng số nhiệm vụ',
    unreported: 'Trong đó: nhiệm vụ chưa có báo cáo tiến độ',
    allIndicators: 'Tổng số chỉ tiêu',
    met: 'Đạt',
    notMet: 'Chưa đạt',
    unknown: 'Chưa đánh giá được',
    noTasks: 'Kế hoạch không có nhiệm vụ.',
    noIndicators: 'Kế hoạch không có bảng chỉ tiêu.',
  },
  en: {
    summary: 'Tasks by category and indicators by verdict',
    tasks: 'Progress of the tasks',
    indicators: 'Indicators against their targets',
    taskBand: 'TASKS',
    indicatorBand: 'INDICATORS',
    allTasks: 'Tasks',
    unreported: 'Of which: tasks without a progress report',
    allIndicators: 'Indicators',
    met: 'Met',
    notMet: 'Not met',
    unknown: 'Cannot be judged',
    noTasks: 'The plan has no tasks.',
    noIndicators: 'The plan has no indicator table.',
  },
} as const;

/**
 * The commune's name as a heading names its authority: given, or read from the plan's title block ("của UBND xã
 * Cẩm Giàng" → "Xã Cẩm Giàng"); undefined when neither says.
 * @example reportUnit(plan) // 'Xã Cẩm Giàng'
 */
export function reportUnit(plan: Plan, given?: string): string | undefined {
  if (given?.trim()) return given.trim();
  const ref = plan.reference ?? plan.appendices.find((a) => a.title.reference.issuer)?.title.reference;
  const kind = /(?:xã|phường|thị trấn|đặc khu)\s+.+$/iu.exec(ref?.issuer ?? '')?.[0];
  const unit = kind ?? (ref?.commune ? `xã ${ref.commune}` : undefined);
  return unit ? unit.charAt(0).toLocaleUpperCase('vi') + unit.slice(1) : undefined;
}

/**
 * "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 03/KH-UBND 6 THÁNG ĐẦU NĂM 2026": the plan named by its number when the
 * title block gives it, else by what it implements.
 */
export function reportTitle(plan: Plan, period: string, lang: Lang): string {
  const p = parsePeriodId(period);
  if (!p) throw new Error(`not a period id: ${period}`);
  const ref = plan.reference ?? plan.appendices.find((a) => a.title.reference.documentNumber)?.title.reference;
  const num = ref?.documentNumber;
  const label = periodLabel(p, lang);
  if (lang === 'en')
    return `REPORT ON THE IMPLEMENTATION OF ${num ? `PLAN No. ${num}` : 'THE PLAN IMPLEMENTING RESOLUTION 57-NQ/TW'}, ${label.toUpperCase()}`;
  const plan57 = num ? `KẾ HOẠCH SỐ ${num}` : 'KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW';
  return `BÁO CÁO KẾT QUẢ THỰC HIỆN ${plan57} ${label.toLocaleUpperCase('vi')}`;
}

/**
 * Write a commune's periodic report. `out` is a writable stream (a file's, an HTTP response); the promise settles once
 * the zip is finished.
 * @example await writeProgressReport({ plan, entries, period: '2026-H1', asOf: '2026-06-30' }, createWriteStream('bao-cao.xlsx'))
 */
export async function writeProgressReport(input: ProgressReportInput, out: NodeJS.WritableStream): Promise<void> {
  const lang = input.lang ?? 'vi';
  const cap = CAPTION[lang];
  const sheets = PROGRESS_REPORT_SHEETS[lang];
  const opts = { period: input.period, ...(input.catalog ? { catalog: input.catalog } : {}) };
  const judged = judgePlan(input.plan, input.entries, input.asOf, opts);
  const rows = taskRows(input.plan);
  const indicators = judgeIndicators(input.plan, input.actuals ?? [], input.asOf);
  const unit = reportUnit(input.plan, input.commune);
  const heading = (caption: string): DocumentHeading => ({
    lang,
    ...(unit ? { unit } : {}),
    title: reportTitle(input.plan, input.period, lang),
    subtitles: [`${caption} (${asOfWords(lang)} ${formatDay(input.asOf)})`],
    year: Number(input.asOf.slice(0, 4)),
  });

  const wb = new WorkbookWriter(out, { creator: 'phuluc' });
  const styles = tableStyles(wb);

  const counts = countJudged(judged, input.catalog);
  const ic = countIndicators(indicators);
  type Banded = SummaryLine & { band: string };
  const taskLines: Banded[] = [
    { n: null, label: cap.allTasks, count: counts.tasks, share: shareText(counts.tasks, counts.tasks, lang), band: cap.taskBand },
    ...PROGRESS_CATEGORIES.map((c, i) => ({
      n: i + 1,
      label: PROGRESS_CATEGORY_LABEL[c][lang],
      count: counts.byCategory[c],
      share: shareText(counts.byCategory[c], counts.tasks, lang),
      band: cap.taskBand,
    })),
    {
      n: null,
      label: cap.unreported,
      count: counts.unreported,
      share: shareText(counts.unreported, counts.tasks, lang),
      band: cap.taskBand,
    },
  ];
  const indicatorLines: Banded[] = [
    [cap.allIndicators, ic.indicators, null],
    [cap.met, ic.met, 1],
    [cap.notMet, ic.notMet, 2],
    [cap.unknown, ic.unknown, 3],
  ].map(([label, count, n]) => ({
    n: n as number | null,
    label: label as string,
    count: count as number,
    share: shareText(count as number, ic.indicators, lang),
    band: cap.indicatorBand,
  }));
  await writeTableSheet(wb, {
    name: sheets.summary,
    heading: heading(cap.summary),
    lang,
    columns: SUMMARY_COLUMNS,
    rows: [...taskLines, ...indicatorLines],
    band: (r) => r.band,
    styles,
  });

  // judgePlan walks the task rows in plan order: the i-th judged task is the i-th task row.
  const lines: TaskLine[] = judged.map((task, i) => ({
    task,
    lead: rows[i]?.fields.lead ?? '',
    deadline: rows[i]?.fields.deadline ?? '',
  }));
  await writeTableSheet(wb, {
    name: sheets.tasks,
    heading: heading(cap.tasks),
    lang,
    columns: TASK_REPORT_COLUMNS,
    rows: byGroup(lines, (l) => l.task.group),
    band: (l) => groupBand(l.task.group, lang),
    none: cap.noTasks,
    styles,
  });
  await writeTableSheet(wb, {
    name: sheets.indicators,
    heading: heading(cap.indicators),
    lang,
    columns: INDICATOR_REPORT_COLUMNS,
    rows: indicators,
    none: cap.noIndicators,
    styles,
  });
  const lists = followUps(judged);
  for (const list of FOLLOW_UP_LISTS) {
    const w = FOLLOW_UP_WORDS[lang][list];
    await writeTableSheet(wb, {
      name: w.sheet,
      heading: heading(w.title),
      lang,
      columns: followUpColumns({ vi: FOLLOW_UP_WORDS.vi[list].title, en: FOLLOW_UP_WORDS.en[list].title }),
      rows: lists[list].map((f, i) => ({ ...f, n: i + 1 })),
      band: (f) => groupBand(f.group, lang),
      none: w.none,
      styles,
    });
  }
  await wb.finish();
}

/**
 * The report's .xlsx bytes.
 * @example await writeFile('bao-cao.xlsx', await progressReportXlsx({ plan, entries, period: '2026-H1', asOf: '2026-06-30' }))
 */
export function progressReportXlsx(input: ProgressReportInput): Promise<Uint8Array> {
  return xlsxBytes((out) => writeProgressReport(input, out));
}
