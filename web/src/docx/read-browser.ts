// A Word plan's appendix tables read in the browser: the shared .docx reader (no Node API; fflate's inflate, saxes)
// behind the same guards as workbooks, in a lazy chunk of its own loaded only when a .docx is picked.
import type { Grid } from '../../../core/model/index.ts';
import type { FileNote } from '../../../core/validate/index.ts';
import { readDocx } from '../../../workbook/docx/index.ts';

export interface DocxInBrowser {
  grids: Grid[];
  /** Appendix tables that could not be read (a table nested in a cell), each said where, in both languages. */
  notes: FileNote[];
}

/**
 * The appendix grids of a .docx, and what could not be read. Throws DocxReadError (vi message, en messageEn, code).
 * @example const { grids, notes } = readDocxInBrowser(new Uint8Array(await file.arrayBuffer()), file.name)
 */
export function readDocxInBrowser(bytes: Uint8Array, name: string): DocxInBrowser {
  const read = readDocx(bytes, { name });
  return { grids: read.grids, notes: read.refused.map((r) => ({ message: `${name}: ${r.vi}`, messageEn: `${name}: ${r.en}` })) };
}
