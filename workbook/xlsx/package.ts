// The package structure every reader and the in-place editor share: relationships, part paths, and the workbook's
// list of sheets — checked once here (a cap on sheets, no two sheets on one part). Portable: the browser bundles it.
import { WorkbookReadError } from './errors.ts';
import { attr, el } from './fast/xml.ts';
import { MAX_SHEETS } from './limits.ts';

export interface Relationship {
  id: string;
  type: string;
  /** Part path inside the package, resolved against the source part's folder (no leading '/'). */
  target: string;
  external: boolean;
}

/** One `<sheet>` entry of xl/workbook.xml with the part its relationship points at. */
export interface SheetRef {
  name: string;
  /** sheetId, as written. */
  sheetId: string;
  rid: string;
  /** The relationship's type: a worksheet ends in '/worksheet' (chartsheets, dialog and macro sheets also exist). */
  type: string;
  /** Part path, undefined when the relationship is missing. */
  target: string | undefined;
  hidden: boolean;
  /** The start tag as written. */
  tag: string;
}

const RELATIONSHIP = new RegExp(`<${el('Relationship')}\\s[^<>]*>`, 'g');
const SHEET = new RegExp(`<${el('sheet')}\\s[^<>]*>`, 'g');

/**
 * The relationships of a .rels part, by id. `source` is the part they belong to (targets resolve against its folder).
 * @example relationships(relsXml, 'xl/workbook.xml').get('rId1')?.target // 'xl/worksheets/sheet1.xml'
 */
export function relationships(xml: string, source: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  const dir = source.slice(0, source.lastIndexOf('/') + 1);
  for (const m of xml.matchAll(RELATIONSHIP)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (!id || target === undefined) continue;
    const external = attr(m[0], 'TargetMode') === 'External';
    out.set(id, { id, type: attr(m[0], 'Type') ?? '', target: external ? target : resolvePart(dir, target), external });
  }
  return out;
}

/**
 * A relationship target as a package path: absolute ('/xl/x.xml') or relative to `dir` ('../media/a.png').
 * @example resolvePart('xl/worksheets/', '../drawings/drawing1.xml') // 'xl/drawings/drawing1.xml'
 */
export function resolvePart(dir: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `${dir}${target}`;
  const out: string[] = [];
  for (const p of path.split('/')) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/**
 * The .rels part of a part.
 * @example relsPath('xl/worksheets/sheet1.xml') // 'xl/worksheets/_rels/sheet1.xml.rels'
 */
export function relsPath(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/**
 * Every `<sheet>` of the workbook with its part. Throws WorkbookReadError when there are more than MAX_SHEETS
 * (each costs a parse) or when two sheets point at one part: Excel never writes that, and a reader that followed
 * every entry would parse the same megabytes hundreds of times.
 * @example sheetRefs(workbookXml, relationships(relsXml, 'xl/workbook.xml')).map((s) => s.name)
 */
export function sheetRefs(workbookXml: string, rels: Map<string, Relationship>, max = MAX_SHEETS): SheetRef[] {
  const out: SheetRef[] = [];
  const byTarget = new Map<string, string>();
  for (const m of workbookXml.matchAll(SHEET)) {
    if (out.length === max) throw new WorkbookReadError('too-many-sheets', `> ${max.toLocaleString('vi-VN')}`);
    const tag = m[0];
    const rid = /\s(?:[\w]+:)?id="([^"]+)"/.exec(tag)?.[1] ?? '';
    const rel = rels.get(rid);
    const name = attr(tag, 'name') ?? `Sheet${out.length + 1}`;
    const target = rel && !rel.external ? rel.target : undefined;
    if (target !== undefined) {
      const first = byTarget.get(target.toLowerCase());
      if (first !== undefined) throw new WorkbookReadError('shared-sheet-part', `“${first}”, “${name}” → ${target}`);
      byTarget.set(target.toLowerCase(), name);
    }
    const state = attr(tag, 'state');
    out.push({
      name,
      sheetId: attr(tag, 'sheetId') ?? '',
      rid,
      type: rel?.type ?? '',
      target,
      hidden: state === 'hidden' || state === 'veryHidden',
      tag,
    });
  }
  return out;
}
