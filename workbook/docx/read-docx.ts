// A .docx → Grids core reads, behind the workbook reader's guards (file size, declared and inflated sizes, ratio).
// No Node-only API here: the browser page and the pane can call it with fflate's inflate (the default).
import type { Grid } from '../../core/model/index.ts';
import { DEFAULT_LIMITS, formatBytes, type ReadLimits } from '../xlsx/limits.ts';
import { checkDeclaredSizes, listEntries, PartInflater, type RawInflate, type ZipEntry } from '../xlsx/zip.ts';
import { assemble, type RefusedTable } from './assemble.ts';
import { DocxReadError, docxError } from './errors.ts';
import { parseNumbering } from './numbering.ts';
import { parseStyles } from './styles.ts';
import { documentKind } from './sniff.ts';
import { sniffContainer } from '../xlsx/sniff.ts';
import { DEFAULT_WALK_LIMITS, walkDocument } from './walk.ts';

export interface DocxRead {
  /** The appendix tables with their titles (one grid), and an appendix written as paragraphs (a grid of lines). */
  grids: Grid[];
  /** Tables that look like an appendix but cannot be read (a table nested in a cell), with the reason. */
  refused: RefusedTable[];
  /** Rows of the first grid marked in Word to repeat on every page: the header, held once. */
  headerRows: number[];
}

export interface DocxOptions {
  /** The grids' sheet name: the file's name. */
  name?: string;
  limits?: ReadLimits;
  /** Raw inflate; fflate's (browser and Node) by default, native zlib on the server. */
  inflate?: RawInflate;
}

/**
 * Read a Word document. Throws DocxReadError (Vietnamese message, English messageEn, stable code).
 * @example const { grids } = readDocx(bytes, { name: 'ke-hoach.docx' }); readPlan(grids)
 */
export function readDocx(bytes: Uint8Array, opts: DocxOptions = {}): DocxRead {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  try {
    if (bytes.length === 0) throw new DocxReadError('empty');
    if (bytes.length > limits.maxFileBytes)
      throw new DocxReadError('too-large', `${formatBytes(bytes.length)} > ${formatBytes(limits.maxFileBytes)}`);
    const kind = documentKind(bytes);
    if (kind === 'doc') throw new DocxReadError('legacy-doc');
    if (kind === 'encrypted') throw new DocxReadError('encrypted');
    // Not a zip at all (HTML, PDF, text): the workbook reader's sniffing says what it is.
    sniffContainer(bytes);
    const entries = listEntries(bytes);
    const byName = new Map<string, ZipEntry>(entries.map((e) => [e.name.replace(/^\//, '').toLowerCase(), e]));
    checkDeclaredSizes(entries, limits);
    const inflater = new PartInflater(bytes, limits, opts.inflate);
    const decoder = new TextDecoder('utf-8');
    const part = (name: string): string | undefined => {
      const e = byName.get(name.toLowerCase());
      return e ? decoder.decode(inflater.read(e)) : undefined;
    };
    // Word, LibreOffice, python-docx and docx.js all name the main part so; a workbook or a presentation has none.
    if (kind !== 'docx') throw new DocxReadError('not-docx', otherPackage(byName));
    const documentXml = part('word/document.xml') ?? '';
    const styles = parseStyles(part('word/styles.xml'));
    const numbering = parseNumbering(part('word/numbering.xml'));
    const blocks = walkDocument(documentXml, styles, { ...DEFAULT_WALK_LIMITS, maxCells: limits.maxCells }, numbering);
    return assemble(blocks, opts.name ?? 'Tài liệu Word');
  } catch (err) {
    throw docxError(err);
  }
}

function otherPackage(names: Map<string, ZipEntry>): string {
  if (names.has('xl/workbook.xml')) return ' (Excel .xlsx)';
  if (names.has('ppt/presentation.xml')) return ' (PowerPoint)';
  return names.has('content.xml') ? ' (OpenDocument)' : '';
}
