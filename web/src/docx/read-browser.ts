// A Word plan's appendix tables read in the browser: the shared .docx reader (no Node API; fflate's inflate) behind
// the same guards as workbooks, loaded only when a .docx is picked.
import type { Grid } from '../../../core/model/index.ts';
import { readDocx } from '../../../workbook/docx/index.ts';

/**
 * The appendix grids of a .docx. Throws DocxReadError (vi message, en messageEn, code).
 * @example const grids = readDocxInBrowser(new Uint8Array(await file.arrayBuffer()), file.name)
 */
export function readDocxInBrowser(bytes: Uint8Array, name: string): Grid[] {
  return readDocx(bytes, { name }).grids;
}
