// The province's progress summary for a period as an .xlsx ready to print: counts per commune per category with the
// total, overdue tasks per lead agency, the highlights, obstacles and proposals by commune and NQ57 group (the lists
// officials build by hand today), and the communes that have not reported. Built from the wire's ProvinceProgress,
// so the server's `?format=xlsx` and any client holding the JSON print the same workbook.
import type { ProvinceProgress } from '../../core/api/index.ts';
import type { Lang } from '../../core/consolidate/index.ts';
import { GROUP_COLUMNS } from '../../core/consolidate/index.ts';
import { formatDay } from '../../core/i18n/index.ts';
import { parsePeriodId, periodLabel } from '../../core/progress/index.ts';
import { tableStyles, writeTableSheet } from './consolidated-sheet.ts';
import type { DocumentHeading } from './heading.ts';
import {
  COMMUNE_COUNT_COLUMNS,
  NOT_REPORTED_COLUMNS,
  OVERDUE_LEAD_COLUMNS,
  summaryFollowUpColumns,
  type CommuneLine,
  type LeadLine,
  type MissingLine,
  type SummaryFollowUp,
} from './progress-summary-columns.ts';
import { asOfWords, FOLLOW_UP_LISTS, FOLLOW_UP_WORDS } from './progress-words.ts';
import { xlsxBytes } from './xlsx-bytes.ts';
import { WorkbookWriter } from './xlsx-stream/workbook.ts';

export interface ProgressSummaryOptions {
  lang?: Lang;
  /** When the workbook is made (ISO day or moment): the year of the heading's date line; the period's as-of year when not given. */
  generatedAt?: string;
}

export const PROGRESS_SUMMARY_SHEETS: Record<Lang, { counts: string; overdue: string; notReported: string }> = {
  vi: { counts: 'Tổng hợp', overdue: 'Quá hạn theo cơ quan', notReported: 'Chưa báo cáo' },
  en: { counts: 'Summary', overdue: 'Overdue by agency', notReported: 'Not reported' },
};

const CAPTION = {
  vi: {
    title: (province: string, period: string) =>
      `TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW CỦA CẤP XÃ TRÊN ĐỊA BÀN ${province.toLocaleUpperCase('vi')} ${period.toLocaleUpperCase('vi')}`,
    counts: 'Số nhiệm vụ theo phân loại của từng xã, phường',
    overdue: 'Nhiệm vụ quá hạn chưa hoàn thành theo cơ quan chủ trì',
    followUp: (title: string) => `${title} của các xã, phường theo nhóm nhiệm vụ`,
    notReported: 'Danh sách xã, phường chưa báo cáo',
    total: 'Tổng cộng',
    overdueTotal: 'Tổng số nhiệm vụ quá hạn chưa hoàn thành',
    noLead: '(Không ghi cơ quan chủ trì)',
    noOverdue: 'Không có nhiệm vụ quá hạn chưa hoàn thành.',
    allReported: 'Tất cả xã, phường đã báo cáo.',
    noPlan: 'Chưa nộp kế hoạch',
    cutoff: (d: string) => `Hạn báo cáo: ${d}`,
    reopened: (d: string) => `Được mở lại đến ${d}`,
  },
  en: {
    title: (province: string, period: string) =>
      `PROGRESS OF COMMUNE PLANS IMPLEMENTING RESOLUTION 57-NQ/TW IN ${province.toUpperCase()}, ${period.toUpperCase()}`,
    counts: 'Tasks by category in each commune',
    overdue: 'Overdue tasks not done, by lead agency',
    followUp: (title: string) => `${title} of the communes, by task group`,
    notReported: 'Communes that have not reported',
    total: 'Total',
    overdueTotal: 'Overdue tasks not done',
    noLead: '(No lead agency given)',
    noOverdue: 'No task is overdue.',
    allReported: 'Every commune has reported.',
    noPlan: 'No plan submitted',
    cutoff: (d: string) => `Report due: ${d}`,
    reopened: (d: string) => `Reopened until ${d}`,
  },
} as const;

/** Overdue tasks per lead agency, each with the communes it has them in ("Xã Cẩm Giàng (3)"), then the total. */
function leadLines(data: ProvinceProgress, lang: Lang): { rows: LeadLine[]; total: LeadLine } {
  const cap = CAPTION[lang];
  const rows = data.total.overdueByLead.map((l, i): LeadLine => {
    const communes = data.communes.flatMap((c) => {
      const n = c.counts?.overdueByLead.find((x) => x.lead === l.lead)?.overdue ?? 0;
      return n > 0 ? [`${c.name} (${n})`] : [];
    });
    return { n: i + 1, lead: l.lead === '' ? cap.noLead : l.lead, overdue: l.overdue, communes: communes.join(', ') };
  });
  return { rows, total: { n: null, lead: cap.overdueTotal, overdue: data.total.byCategory.overdue, communes: '' } };
}

/** A follow-up list by commune (in the communes' order), then NQ57 group, then as given; numbered. */
function sortedFollowUps(data: ProvinceProgress, list: (typeof FOLLOW_UP_LISTS)[number]): SummaryFollowUp[] {
  const commune = new Map(data.communes.map((c, i) => [c.code, i]));
  const group = new Map(GROUP_COLUMNS.map((g, i) => [g.id, i]));
  const rank = (f: { communeCode: string; group: { id: string } }) =>
    [commune.get(f.communeCode) ?? data.communes.length, group.get(f.group.id) ?? GROUP_COLUMNS.length] as const;
  return data.followUps[list]
    .map((f, i) => ({ f, i, r: rank(f) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.i - b.i)
    .map(({ f }, i) => ({ ...f, n: i + 1 }));
}

/** The communes without a report for the period, then those without a plan on the server. */
function missingLines(data: ProvinceProgress, lang: Lang): MissingLine[] {
  const cap = CAPTION[lang];
  const byCode = new Map(data.communes.map((c) => [c.code, c]));
  const note = (code: string): string => {
    const r = byCode.get(code)?.report;
    if (r?.reopenedUntil) return cap.reopened(formatDay(r.reopenedUntil));
    return r?.cutoff ? cap.cutoff(formatDay(r.cutoff)) : '';
  };
  const listed = new Set(data.notReported.map((c) => c.code));
  const noPlan = data.communes.filter((c) => !c.submittedPlan && !listed.has(c.code));
  return [
    ...data.notReported.map((c) => ({ code: c.code, name: c.name, note: note(c.code) })),
    ...noPlan.map((c) => ({ code: c.code, name: c.name, note: cap.noPlan })),
  ].map((c, i) => ({ ...c, n: i + 1 }));
}

/**
 * Write the province's summary. `out` is a writable stream; the promise settles once the zip is finished.
 * @example await writeProgressSummary(data, res, { lang: 'vi' })
 */
export async function writeProgressSummary(
  data: ProvinceProgress,
  out: NodeJS.WritableStream,
  opts: ProgressSummaryOptions = {},
): Promise<void> {
  const lang = opts.lang ?? 'vi';
  const cap = CAPTION[lang];
  const sheets = PROGRESS_SUMMARY_SHEETS[lang];
  const period = parsePeriodId(data.period);
  const label = period ? periodLabel(period, lang) : data.periodLabel;
  const year = Number((/^\d{4}/.exec(opts.generatedAt ?? '') ?? [data.asOf.slice(0, 4)])[0]);
  const heading = (caption: string): DocumentHeading => ({
    lang,
    unit: data.province.name,
    title: cap.title(data.province.name, label),
    subtitles: [`${caption} (${asOfWords(lang)} ${formatDay(data.asOf)})`],
    year,
  });
  const wb = new WorkbookWriter(out, { creator: 'phuluc' });
  const styles = tableStyles(wb);

  const total: CommuneLine = {
    n: null,
    code: '',
    name: cap.total,
    submittedPlan: true,
    report: {
      period: data.period,
      state: 'not-reported',
      seq: null,
      nothingToReport: false,
      locked: false,
      cutoff: null,
      reopenedUntil: null,
      returnReason: null,
      lastSent: null,
    },
    counts: data.total,
  };
  await writeTableSheet(wb, {
    name: sheets.counts,
    heading: heading(cap.counts),
    lang,
    columns: COMMUNE_COUNT_COLUMNS,
    rows: data.communes.map((c, i) => ({ ...c, n: i + 1 })),
    footer: [total],
    styles,
  });
  const leads = leadLines(data, lang);
  await writeTableSheet(wb, {
    name: sheets.overdue,
    heading: heading(cap.overdue),
    lang,
    columns: OVERDUE_LEAD_COLUMNS,
    rows: leads.rows,
    ...(leads.rows.length > 0 ? { footer: [leads.total] } : {}),
    none: cap.noOverdue,
    styles,
  });
  for (const list of FOLLOW_UP_LISTS) {
    const w = FOLLOW_UP_WORDS[lang][list];
    await writeTableSheet(wb, {
      name: w.sheet,
      heading: heading(cap.followUp(w.title)),
      lang,
      columns: summaryFollowUpColumns({ vi: FOLLOW_UP_WORDS.vi[list].title, en: FOLLOW_UP_WORDS.en[list].title }),
      rows: sortedFollowUps(data, list),
      none: w.none,
      styles,
    });
  }
  await writeTableSheet(wb, {
    name: sheets.notReported,
    heading: heading(cap.notReported),
    lang,
    columns: NOT_REPORTED_COLUMNS,
    rows: missingLines(data, lang),
    none: cap.allReported,
    styles,
  });
  await wb.finish();
}

/**
 * The province's summary workbook as .xlsx bytes: what `GET …/progress/{period}?format=xlsx` sends.
 * @example const bytes = await progressSummaryXlsx(view, { lang: 'vi', generatedAt: new Date().toISOString() })
 */
export function progressSummaryXlsx(data: ProvinceProgress, opts: ProgressSummaryOptions = {}): Promise<Uint8Array> {
  return xlsxBytes((out) => writeProgressSummary(data, out, opts));
}
