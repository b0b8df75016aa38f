// The provincial consolidation as an .xlsx: "Tổng hợp" (tasks), "Thống kê" (per commune × group), "Chỉ tiêu" (indicators).
import ExcelJS from 'exceljs';
import { createWriteStream } from 'node:fs';
import type { Stream } from 'node:stream';
import type { CommuneStats, Consolidated } from '../../core/consolidate/index.ts';
import { INDICATOR_COLUMNS, STATS_COLUMNS, TASK_COLUMNS, type Lang } from './consolidated-columns.ts';
import { writeTableSheet } from './consolidated-sheet.ts';

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
 * Write a consolidation as .xlsx with exceljs's streaming writer (rows committed one by one, memory flat).
 * `out` is a file path or a writable stream (an HTTP response); the promise settles once the zip is finished.
 * @example await writeConsolidatedXlsx(consolidate(inputs, { asOf: '2026-05-15' }), 'tong-hop.xlsx', { lang: 'vi' })
 */
export async function writeConsolidatedXlsx(c: Consolidated, out: NodeJS.WritableStream | string, opts: ConsolidatedXlsxOptions = {}): Promise<void> {
  // We open the file ourselves: exceljs listens for the stream's errors only when finishing, and an unopened
  // path would otherwise raise an unhandled 'error' event long before that.
  const stream: NodeJS.WritableStream = typeof out === 'string' ? createWriteStream(out) : out;
  let failure: { error: unknown } | undefined;
  const failed = new Promise<never>((_, reject) => {
    stream.once('error', (error: unknown) => {
      failure = { error };
      reject(error);
    });
  });
  const check = () => {
    if (failure) throw failure.error;
  };
  await Promise.race([writeWorkbook(c, stream, opts, check), failed]);
}

async function writeWorkbook(c: Consolidated, stream: NodeJS.WritableStream, opts: ConsolidatedXlsxOptions, check: () => void): Promise<void> {
  const lang = opts.lang ?? 'vi';
  const cap = CAPTION[lang];
  const sheets = CONSOLIDATED_SHEETS[lang];
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: stream as unknown as Stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'phuluc';
  const heading = opts.title ?? (c.province ? `${cap.defaultTitle} – ${c.province.name.toUpperCase()}` : cap.defaultTitle);
  const title = (caption: string) => `${heading}\n${caption} (${cap.asOf} ${dmy(c.asOf)})`;

  await writeTableSheet(wb, { name: sheets.tasks, title: title(cap.tasks), lang, columns: TASK_COLUMNS, rows: c.rows, check });
  const totals: CommuneStats = { ...c.stats.totals, code: '', name: cap.total };
  await writeTableSheet(wb, { name: sheets.stats, title: title(cap.stats), lang, columns: STATS_COLUMNS, rows: c.stats.communes, footer: [totals], check });
  await writeTableSheet(wb, { name: sheets.indicators, title: title(cap.indicators), lang, columns: INDICATOR_COLUMNS, rows: c.indicators, check });
  check();
  await wb.commit();
}
