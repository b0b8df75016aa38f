// The provincial consolidation as an .xlsx ready to print and send: "Tổng hợp" (tasks), "Thống kê" (per commune ×
// group), "Chỉ tiêu" (indicators) and, when the caller knows them, "Chưa nộp" (communes that have not submitted).
import { createWriteStream } from 'node:fs';
import type { CommuneStats, ConsolidatedIndicator, ConsolidatedRow, ConsolidatedStats } from '../../core/consolidate/index.ts';
import type { Consolidated, ColumnSpec, Lang } from '../../core/consolidate/index.ts';
import { findProvince } from '../../core/dvhc.ts';
import { formatDay, term } from '../../core/i18n/index.ts';
import { INDICATOR_SHEET, STATS_SHEET, TASK_SHEET } from './consolidated-columns.ts';
import { tableStyles, writeTableSheet } from './consolidated-sheet.ts';
import type { DocumentHeading } from './heading.ts';
import { WorkbookWriter } from './xlsx-stream/workbook.ts';

/** A commune that has not submitted the plan: listed on the "Chưa nộp" sheet. */
export interface NotSubmittedCommune {
  code: string;
  name: string;
  /** The province's name ("Thành phố Hải Phòng"). */
  province?: string;
}

export interface ConsolidatedXlsxOptions {
  lang?: Lang;
  /** The title over each table; a blank one, one that only names a province, or none is the default naming the province. */
  title?: string;
  /** Communes that have not submitted; a "Chưa nộp" sheet lists them when given (an empty list says all have). */
  notSubmitted?: readonly NotSubmittedCommune[];
  /** A task row's height measured ahead (tableRowHeight with TASK_SHEET and this lang), or undefined to measure it here. */
  taskHeight?: (row: ConsolidatedRow) => number | undefined;
  /**
   * zlib's level for the parts (default 6). The CLI writes a national table at 2: the same content, ~25% larger, its
   * deflate ~2.5× cheaper (levels 1–3 are zlib's fast strategy).
   */
  deflateLevel?: number;
}

export const CONSOLIDATED_SHEETS: Record<Lang, { tasks: string; stats: string; indicators: string; notSubmitted: string }> = {
  vi: {
    tasks: term('consolidated', 'vi'),
    stats: term('statistics', 'vi'),
    indicators: 'Chỉ tiêu',
    notSubmitted: term('notSubmitted', 'vi'),
  },
  en: { tasks: 'Tasks', stats: 'Statistics', indicators: 'Indicators', notSubmitted: term('notSubmitted', 'en') },
};

const CAPTION: Record<
  Lang,
  {
    tasks: string;
    stats: string;
    indicators: string;
    notSubmitted: string;
    asOf: string;
    total: string;
    defaultTitle: string;
    all: string;
    of: string;
  }
> = {
  vi: {
    tasks: 'Danh mục nhiệm vụ của các xã, phường',
    stats: 'Số nhiệm vụ theo nhóm nhiệm vụ của Nghị quyết 57-NQ/TW',
    indicators: 'Chỉ tiêu của các xã, phường',
    notSubmitted: 'Danh sách xã, phường chưa nộp kế hoạch',
    asOf: 'tình trạng tính đến ngày',
    total: 'Tổng cộng',
    defaultTitle: 'TỔNG HỢP KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW CỦA CẤP XÃ',
    all: 'Tất cả xã, phường đã nộp kế hoạch.',
    of: 'TRÊN ĐỊA BÀN',
  },
  en: {
    tasks: 'Tasks of all communes',
    stats: 'Tasks per group of Resolution 57-NQ/TW',
    indicators: 'Indicators of all communes',
    notSubmitted: 'Communes that have not submitted their plan',
    asOf: 'status as of',
    total: 'Total',
    defaultTitle: 'COMMUNE PLANS IMPLEMENTING RESOLUTION 57-NQ/TW',
    all: 'Every commune has submitted its plan.',
    of: '–',
  },
};

/** The "Chưa nộp" sheet's columns: number, code, name, province. */
function notSubmittedColumns(lang: Lang): ColumnSpec<NotSubmittedCommune & { n: number }>[] {
  const vi = lang === 'vi';
  return [
    { header: { vi: 'STT', en: 'No.' }, width: 6, kind: 'center', value: (r) => ({ number: r.n }) },
    { header: { vi: 'Mã xã', en: 'Commune code' }, width: 12, kind: 'center', value: (r) => ({ text: r.code }) },
    { header: { vi: 'Xã/phường', en: 'Commune' }, width: 40, kind: 'text', value: (r) => ({ text: r.name }) },
    {
      header: { vi: 'Tỉnh/thành phố', en: 'Province' },
      width: 36,
      kind: 'text',
      value: (r) => (r.province ? { text: r.province } : null),
    },
    { header: { vi: 'Ghi chú', en: 'Note' }, width: vi ? 30 : 30, kind: 'text', value: () => null },
  ];
}

/**
 * Write a consolidation as .xlsx, streamed (rows rendered and deflated as they go, memory flat; a few seconds for
 * 180,000 rows). `out` is a file path or a writable stream (an HTTP response); the promise settles once the zip is
 * finished, or rejects when the output fails (a closed download).
 * @example await writeConsolidatedXlsx(consolidate(inputs, { asOf: '2026-05-15' }), 'tong-hop.xlsx', { lang: 'vi' })
 */
export async function writeConsolidatedXlsx(
  c: Consolidated,
  out: NodeJS.WritableStream | string,
  opts: ConsolidatedXlsxOptions = {},
): Promise<void> {
  await writeConsolidatedSource({ asOf: c.asOf, ...(c.province ? { province: c.province } : {}), rows: c.rows, rest: () => c }, out, opts);
}

/** A consolidation whose task rows are produced while the first sheet is written; stats and indicators after. */
export interface ConsolidatedSource {
  asOf: string;
  province?: { code: string; name: string };
  rows: Iterable<ConsolidatedRow> | AsyncIterable<ConsolidatedRow>;
  /** Called once the rows are exhausted. */
  rest(): { stats: ConsolidatedStats; indicators: ConsolidatedIndicator[] };
}

/**
 * writeConsolidatedXlsx for rows that arrive as they are written: memory holds one page of plans, not all rows.
 * @example await writeConsolidatedSource({ asOf, rows: pagedRows(), rest: () => consolidator.finish() }, res)
 */
export async function writeConsolidatedSource(
  c: ConsolidatedSource,
  out: NodeJS.WritableStream | string,
  opts: ConsolidatedXlsxOptions = {},
): Promise<void> {
  // We open the file ourselves, so an unopenable path fails this promise rather than an unhandled 'error' event.
  const stream: NodeJS.WritableStream = typeof out === 'string' ? createWriteStream(out) : out;
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => {});
  await Promise.race([writeWorkbook(c, stream, opts), failed]);
}

async function writeWorkbook(c: ConsolidatedSource, stream: NodeJS.WritableStream, opts: ConsolidatedXlsxOptions): Promise<void> {
  const lang = opts.lang ?? 'vi';
  const cap = CAPTION[lang];
  const sheets = CONSOLIDATED_SHEETS[lang];
  const wb = new WorkbookWriter(stream, { creator: 'phuluc', ...(opts.deflateLevel === undefined ? {} : { level: opts.deflateLevel }) });
  const styles = tableStyles(wb);
  const place = c.province?.name;
  // Callers used to pass the province's name as the title's first line: a title that only names a province is the
  // default title, never a heading of its own.
  const given = opts.title?.trim() && !findProvince(opts.title.trim()) ? opts.title.trim() : '';
  const title =
    given ||
    (place ? `${cap.defaultTitle} ${cap.of} ${lang === 'vi' ? place.toLocaleUpperCase('vi') : place.toUpperCase()}` : cap.defaultTitle);
  const heading = (caption: string, asOf = true): DocumentHeading => ({
    lang,
    ...(place ? { unit: place } : {}),
    title,
    subtitles: [asOf ? `${caption} (${cap.asOf} ${formatDay(c.asOf)})` : caption],
    year: Number(c.asOf.slice(0, 4)),
  });

  await writeTableSheet(wb, {
    name: sheets.tasks,
    heading: heading(cap.tasks),
    lang,
    columns: TASK_SHEET,
    rows: c.rows,
    styles,
    ...(opts.taskHeight ? { height: opts.taskHeight } : {}),
  });
  const { stats, indicators } = c.rest();
  const totals: CommuneStats = { ...stats.totals, code: '', name: cap.total };
  await writeTableSheet(wb, {
    name: sheets.stats,
    heading: heading(cap.stats),
    lang,
    columns: STATS_SHEET,
    rows: stats.communes,
    footer: [totals],
    styles,
  });
  await writeTableSheet(wb, {
    name: sheets.indicators,
    heading: heading(cap.indicators),
    lang,
    columns: INDICATOR_SHEET,
    rows: indicators,
    styles,
  });
  if (opts.notSubmitted) {
    const columns = notSubmittedColumns(lang);
    await writeTableSheet(wb, {
      name: sheets.notSubmitted,
      heading: heading(cap.notSubmitted),
      lang,
      columns: { columns, printed: columns.length },
      rows: opts.notSubmitted.map((x, i) => ({ ...x, n: i + 1 })),
      none: cap.all,
      styles,
    });
  }
  await wb.finish();
}
