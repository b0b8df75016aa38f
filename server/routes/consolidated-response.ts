// The consolidated table as a response: JSON, or an .xlsx streamed while it is written (province and national routes).
import { PassThrough, Readable } from 'node:stream';
import type { Context } from 'hono';
import { XLSX_TYPE } from '../../core/api/index.ts';
import { consolidate, type ConsolidateInput, type Consolidated } from '../../core/consolidate/index.ts';
import type { NotSubmittedCommune } from '../../workbook/export/consolidated.ts';
import { badRequest } from '../http/errors.ts';

export { ConsolidatedQuery } from '../../core/api/index.ts';

/** asOf checked as a real date; 400 otherwise. @example checkedAsOf('2026-06-30') */
export function checkedAsOf(asOf: string): string {
  if (Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)))
    throw badRequest('bad-as-of', 'asOf phải là ngày dạng YYYY-MM-DD.', 'asOf must be a date YYYY-MM-DD.');
  return asOf;
}

/**
 * consolidate() with a bad asOf turned into a 400.
 * @example const result = consolidateOr400(inputs, '2026-06-30')
 */
export function consolidateOr400(inputs: readonly ConsolidateInput[], asOf: string): Consolidated {
  try {
    return consolidate(inputs, { asOf });
  } catch (err) {
    if (err instanceof RangeError)
      throw badRequest('bad-as-of', 'asOf phải là một ngày có thật (YYYY-MM-DD).', 'asOf must be a real date (YYYY-MM-DD).');
    throw err;
  }
}

/**
 * Stream the workbook as the response body: written while sent, never whole in memory; a failure mid-way ends the
 * download early. `write` gets the stream to write the workbook into.
 * @example return xlsxResponse(c, (out) => writeConsolidatedXlsx(result, out, { lang: 'vi' }), 'tong-hop-31.xlsx')
 */
export function xlsxResponse(c: Context, write: (out: NodeJS.WritableStream) => Promise<void>, filename: string): Response {
  const stream = new PassThrough();
  write(stream).catch((err: unknown) => stream.destroy(err as Error));
  c.header('Content-Type', XLSX_TYPE);
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  return c.body(Readable.toWeb(stream) as unknown as ReadableStream, 200);
}

/**
 * The communes of a province that have no plan under the key: the .xlsx lists them on its "Chưa nộp" sheet
 * (writeConsolidatedXlsx's `notSubmitted`).
 * @example notSubmittedCommunes(await provinceCommunes(db, '31'), heads.map((h) => h.communeCode), prov.name)
 */
export function notSubmittedCommunes(
  all: readonly { code: string; name: string }[],
  submitted: Iterable<string>,
  province: string,
): NotSubmittedCommune[] {
  const done = new Set(submitted);
  return all.filter((c) => !done.has(c.code)).map((c) => ({ code: c.code, name: c.name, province }));
}
