// The provincial consolidation as an .xlsx: "Tổng hợp" (tasks), "Thống kê" (per commune × group), "Chỉ tiêu" (indicators).
import { createWriteStream } from 'node:fs';
import type {
  CommuneStats,
  Consolidated,
  ConsolidatedIndicator,
  ConsolidatedRow,
  ConsolidatedStats,
} from '../../core/consolidate/index.ts';
import { INDICATOR_COLUMNS, STATS_COLUMNS, TASK_COLUMNS, type Lang } from '../../core/consolidate/index.ts';
import { tableStyles, writeTableSheet } from './consolidated-sheet.ts';
import { WorkbookWriter } from './xlsx-stream/workbook.ts';

export interface ConsolidatedXlsxOptions {
  lang?: Lang;
  /** First line of each sheet's title; a default naming the province is used when left out. */
  title?: string;
}

export const CONSOLIDATED_SHEETS: Record<Lang, { tasks: string; stats: string; indicators: string }> = {
  vi: { tasks: 'Tổng hợp', stats: 'Thống kê', indicators: 'Chỉ tiêu' },
  en: { tasks: 'Tasks', stats: 'Statistics', indicators: 'Indicators' },
};

const CAPTION: Record<Lang, { tasks: string; stats: string; indicators: string; asOf: string; total: string; defaultTitle: string }> = {
  vi: {
    tasks: 'Danh mục nhiệm vụ của các xã, phường',
    stats: 'Số nhiệm vụ theo nhóm nhiệm vụ của Nghị quyết 57-NQ/TW',
    indicators: 'Chỉ tiêu của các xã, phường',
    asOf: 'tình trạng tính đến ngày',
    total: 'Tổng cộng',
    defaultTitle: 'TỔNG HỢP KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW CỦA CẤP XÃ',
  },
  en: {
    tasks: 'Tasks of all communes',
    stats: 'Tasks per group of Resolution 57-NQ/TW',
    indicators: 'Indicators of all communes',
    asOf: 'status as of',
    total: 'Total',
    defaultTitle: 'COMMUNE PLANS IMPLEMENTING RESOLUTION 57-NQ/TW',
  },
};

/** ISO yyyy-mm-dd → dd/mm/yyyy, as Vietnamese documents write dates. */
function dmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
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
  const wb = new WorkbookWriter(stream, { creator: 'phuluc' });
  const styles = tableStyles(wb);
  const heading = opts.title ?? (c.province ? `${cap.defaultTitle} – ${c.province.name.toUpperCase()}` : cap.defaultTitle);
  const title = (caption: string) => `${heading}\n${caption} (${cap.asOf} ${dmy(c.asOf)})`;

  await writeTableSheet(wb, { name: sheets.tasks, title: title(cap.tasks), lang, columns: TASK_COLUMNS, rows: c.rows, styles });
  const { stats, indicators } = c.rest();
  const totals: CommuneStats = { ...stats.totals, code: '', name: cap.total };
  await writeTableSheet(wb, {
    name: sheets.stats,
    title: title(cap.stats),
    lang,
    columns: STATS_COLUMNS,
    rows: stats.communes,
    footer: [totals],
    styles,
  });
  await writeTableSheet(wb, {
    name: sheets.indicators,
    title: title(cap.indicators),
    lang,
    columns: INDICATOR_COLUMNS,
    rows: indicators,
    styles,
  });
  await wb.finish();
}
