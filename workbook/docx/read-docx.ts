// A .docx → Grids core reads, behind the workbook reader's guards (file size, declared and inflated sizes, ratio).
// No Node-only API here: the browser page and the pane can call it with fflate's inflate (the default).
import type { Grid } from '../../core/model/index.ts';
import { DEFAULT_LIMITS, formatBytes, type ReadLimits } from '../xlsx/limits.ts';
import { checkDeclaredSizes, listEntries, PartInflater, type RawInflate, type ZipEntry } from '../xlsx/zip.ts';
import { assemble, type RefusedTable } from './assemble.ts';
import { DocxReadError, docxError } from './errors.ts';
import { parseStyles } from './styles.ts';
import { documentKind } from './sniff.ts';
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

const MAIN_DOCUMENT = /relationships\/officeDocument$/;

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
    const entries = listEntries(bytes);
    const byName = new Map<string, ZipEntry>(entries.map((e) => [e.name.replace(/^\//, '').toLowerCase(), e]));
    checkDeclaredSizes(entries, limits);
    const inflater = new PartInflater(bytes, limits, opts.inflate);
    const decoder = new TextDecoder('utf-8');
    const part = (name: string): string | undefined => {
      const e = byName.get(name.toLowerCase());
      return e ? decoder.decode(inflater.read(e)) : undefined;
    };
    const main = mainPart(part('_rels/.rels')) ?? 'word/document.xml';
    const documentXml = part(main);
    if (documentXml === undefined) throw new DocxReadError('not-docx', '');
    const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
    const styles = parseStyles(part(`${dir}styles.xml`));
    const blocks = walkDocument(documentXml, styles, { ...DEFAULT_WALK_LIMITS, maxCells: limits.maxCells });
    return assemble(blocks, opts.name ?? 'Tài liệu Word');
  } catch (err) {
    throw docxError(err);
  }
}

// The main part named by the package relationships (Word writes word/document.xml; other writers may not).
function mainPart(rels: string | undefined): string | undefined {
  if (!rels) return undefined;
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const type = /\bType="([^"]*)"/.exec(m[0])?.[1] ?? '';
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (MAIN_DOCUMENT.test(type) && target && !/^[a-z]+:/i.test(target)) return target.replace(/^\//, '');
  }
  return undefined;
}
