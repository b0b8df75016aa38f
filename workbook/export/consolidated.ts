// The provincial consolidation as an .xlsx ready to print and send: "Tổng hợp" (tasks), "Thống kê" (per commune ×
// group), "Chỉ tiêu" (indicators) and, when the caller knows them, "Chưa nộp" (communes that have not submitted).
import { createWriteStream } from 'node:fs';
import type { CommuneStats, ConsolidatedIndicator, ConsolidatedRow, ConsolidatedStats } from '../../core/consolidate/index.ts';
import type { Consolidated, ColumnSpec, Lang } from '../../core/consolidate/index.ts';
import { findProvince } from '../../core/dvhc.ts';
import { formatDay, term } from '../../core/i18n/index.ts';
import { INDICATOR_SHEET, STATS_SHEET, TASK_SHEET } from './consolidated-columns.ts';
import { TableSheetAhead, tableStyles, writeTableSheet, type TableStyles } from './consolidated-sheet.ts';
import type { DocumentHeading } from './heading.ts';
import { StyleSheet } from './xlsx-stream/styles.ts';
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
  await toOutput(out, (stream) => writeWorkbook(c, stream, opts));
}

/** Run `write` on `out`, or on the file it names; fails when the output does. */
async function toOutput(out: NodeJS.WritableStream | string, write: (stream: NodeJS.WritableStream) => Promise<void>): Promise<void> {
  // We open the file ourselves, so an unopenable path fails this promise rather than an unhandled 'error' event.
  const stream: NodeJS.WritableStream = typeof out === 'string' ? createWriteStream(out) : out;
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => {});
  await Promise.race([write(stream), failed]);
}

/** Each sheet's heading: the title naming the province when the communes are of one, the caption and date under it. */
function headings(c: { asOf: string; province?: { name: string } }, opts: ConsolidatedXlsxOptions) {
  const lang = opts.lang ?? 'vi';
  const cap = CAPTION[lang];
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
  return heading;
}

function workbookWriter(stream: NodeJS.WritableStream, opts: ConsolidatedXlsxOptions, styles?: StyleSheet): WorkbookWriter {
  return new WorkbookWriter(stream, {
    creator: 'phuluc',
    ...(opts.deflateLevel === undefined ? {} : { level: opts.deflateLevel }),
    ...(styles ? { styles } : {}),
  });
}

async function writeWorkbook(c: ConsolidatedSource, stream: NodeJS.WritableStream, opts: ConsolidatedXlsxOptions): Promise<void> {
  const lang = opts.lang ?? 'vi';
  const cap = CAPTION[lang];
  const sheets = CONSOLIDATED_SHEETS[lang];
  const wb = workbookWriter(stream, opts);
  const styles = tableStyles(wb);
  const heading = headings(c, opts);
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
  await writeStats(wb, stats, heading, opts, styles);
  await writeTableSheet(wb, {
    name: sheets.indicators,
    heading: heading(cap.indicators),
    lang,
    columns: INDICATOR_SHEET,
    rows: indicators,
    styles,
  });
  await writeNotSubmitted(wb, heading, opts, styles);
  await wb.finish();
}

type Headings = ReturnType<typeof headings>;

/** "Thống kê": one row per commune, totals below. */
async function writeStats(
  wb: WorkbookWriter,
  stats: ConsolidatedStats,
  heading: Headings,
  opts: ConsolidatedXlsxOptions,
  styles: TableStyles,
) {
  const lang = opts.lang ?? 'vi';
  const cap = CAPTION[lang];
  const totals: CommuneStats = { ...stats.totals, code: '', name: cap.total };
  await writeTableSheet(wb, {
    name: CONSOLIDATED_SHEETS[lang].stats,
    heading: heading(cap.stats),
    lang,
    columns: STATS_SHEET,
    rows: stats.communes,
    footer: [totals],
    styles,
  });
}

/** "Chưa nộp", when the caller knows who has not submitted. */
async function writeNotSubmitted(wb: WorkbookWriter, heading: Headings, opts: ConsolidatedXlsxOptions, styles: TableStyles) {
  const lang = opts.lang ?? 'vi';
  const cap = CAPTION[lang];
  const sheets = CONSOLIDATED_SHEETS[lang];
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
}

/**
 * writeConsolidatedXlsx for a consolidation whose communes' rows come one commune at a time while files are still
 * being read (`phuluc consolidate`): the "Tổng hợp" and "Chỉ tiêu" rows are rendered and deflated into memory as they
 * come, on the thread that would otherwise wait for the readers; write() then adds the headings (the title names the
 * province, known once every file is read), the other sheets, and opens the output. Rows must come in the
 * consolidation's order (commune code); a commune out of order, or rows that are not the consolidation's, and write()
 * writes the whole workbook at the end as writeConsolidatedXlsx does. The same workbook either way.
 * @example const w = await ConsolidatedAhead.open({ lang: 'vi' }); await w.add(code, rows, indicators); await w.write(c, 'out.xlsx')
 */
export class ConsolidatedAhead {
  private last: string | undefined;
  private rows = 0;
  private indicators = 0;
  private off = false;

  private constructor(
    private readonly opts: ConsolidatedXlsxOptions,
    private readonly styleSheet: StyleSheet,
    private readonly styles: TableStyles,
    private readonly tasks: TableSheetAhead<ConsolidatedRow>,
    private readonly inds: TableSheetAhead<ConsolidatedIndicator>,
  ) {}

  /** `opts`: the language, row heights and deflate level (title and "Chưa nộp" list are given to write()). */
  static async open(opts: Omit<ConsolidatedXlsxOptions, 'title' | 'notSubmitted'> = {}): Promise<ConsolidatedAhead> {
    const lang = opts.lang ?? 'vi';
    const level = opts.deflateLevel ?? 6;
    // The looks are registered as writeWorkbook registers them, so every cell has the same style index.
    const styleSheet = new StyleSheet();
    const styles = tableStyles({ styles: styleSheet });
    const sheets = CONSOLIDATED_SHEETS[lang];
    const tasks = await TableSheetAhead.open<ConsolidatedRow>(
      { name: sheets.tasks, lang, columns: TASK_SHEET, styles, ...(opts.taskHeight ? { height: opts.taskHeight } : {}) },
      level,
    );
    const inds = await TableSheetAhead.open<ConsolidatedIndicator>(
      { name: sheets.indicators, lang, columns: INDICATOR_SHEET, styles },
      level,
    );
    return new ConsolidatedAhead(opts, styleSheet, styles, tasks, inds);
  }

  /** The next commune's task rows and indicators (all of its plan's); a commune out of code order stops writing ahead. */
  async add(communeCode: string, rows: readonly ConsolidatedRow[], indicators: readonly ConsolidatedIndicator[]): Promise<void> {
    if (this.off) return;
    if (this.last !== undefined && !(communeCode > this.last)) return this.stop();
    this.last = communeCode;
    this.rows += rows.length;
    this.indicators += indicators.length;
    for (const r of rows) await this.tasks.add(r);
    for (const i of indicators) await this.inds.add(i);
  }

  /** Whether the rows given so far are written ahead (false once a commune came out of order, or after stop()). */
  get writing(): boolean {
    return !this.off;
  }

  /** Write nothing more ahead: write() writes the whole workbook at the end. */
  stop(): void {
    if (this.off) return;
    this.off = true;
    this.tasks.discard();
    this.inds.discard();
  }

  /** Write the workbook of `c` (the consolidation of the rows given) to `out`, a file path or a writable stream. */
  async write(
    c: Consolidated,
    out: NodeJS.WritableStream | string,
    opts: Pick<ConsolidatedXlsxOptions, 'title' | 'notSubmitted'> = {},
  ): Promise<void> {
    const all = { ...this.opts, ...opts };
    // Counts are the check that the rows given are the consolidation's, in its order (add() refused any other order).
    if (this.off || c.rows.length !== this.rows || c.indicators.length !== this.indicators) {
      this.stop();
      return writeConsolidatedXlsx(c, out, all);
    }
    const lang = all.lang ?? 'vi';
    const cap = CAPTION[lang];
    const heading = headings(c, all);
    await toOutput(out, async (stream) => {
      const wb = workbookWriter(stream, all, this.styleSheet);
      await this.tasks.finish(wb, heading(cap.tasks));
      await writeStats(wb, c.stats, heading, all, this.styles);
      await this.inds.finish(wb, heading(cap.indicators));
      await writeNotSubmitted(wb, heading, all, this.styles);
      await wb.finish();
    });
  }
}
