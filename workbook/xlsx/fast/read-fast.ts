// The fast .xlsx reader on Node: read-portable.ts with native zlib's inflate (several times fflate's over thousands of
// workbooks) — a few hundred workbooks a second on one core. exceljs stays for editing.
import type { Grid } from '../../../core/model/index.ts';
import { inflateRawNative } from '../inflate-native.ts';
import { DEFAULT_LIMITS, type ReadLimits } from '../limits.ts';
import { readWorkbookPortable } from './read-portable.ts';

/**
 * Every worksheet of an .xlsx as a Grid (chart sheets and macro sheets skipped). Throws WorkbookReadError.
 * @example const { sheets } = readWorkbookFast(bytes)
 */
export function readWorkbookFast(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): { sheets: Grid[] } {
  return readWorkbookPortable(bytes, limits, inflateRawNative);
}
