// Cell formats: the defaults Excel reports for an unformatted cell, projection by load options, merging of writes.
import { fail } from './errors.ts';
import type { CellStyle } from './types.ts';

const BORDER = { style: 'None', color: '#000000', weight: 'Thin' };

/**
 * Every format leaf the fake knows, with the value an unformatted cell reports. Also the schema: other keys throw.
 * @example defaultFormat('Calibri').fill // { color: '#FFFFFF', pattern: 'None', patternColor: '#000000' }
 */
export function defaultFormat(defaultFont: string): Required<CellStyle> {
  return {
    font: { name: defaultFont, bold: false, italic: false, size: 11, color: '#000000' },
    fill: { color: '#FFFFFF', pattern: 'None', patternColor: '#000000' },
    borders: { top: { ...BORDER }, bottom: { ...BORDER }, left: { ...BORDER }, right: { ...BORDER } },
    horizontalAlignment: 'General',
    verticalAlignment: 'Bottom',
    wrapText: false,
  };
}

type Tree = { [k: string]: unknown };

/**
 * The cell's format shaped like the load options (`{ format: { font: { name: true } } }` → `{ format: { font: { name } } }`).
 * Unknown option keys throw, as a misspelled load option would fail in Excel.
 * @example projectFormat(cell.style, { font: { name: true } }, defaults) // { font: { name: 'Calibri' } }
 */
export function projectFormat(style: CellStyle | undefined, options: Tree, defaults: Tree): Tree {
  return project((style ?? {}) as Tree, options, defaults, 'format');
}

function project(have: Tree, options: Tree, defaults: Tree, path: string): Tree {
  const out: Tree = {};
  // Office.js takes one set of border options for every edge: { borders: { style: true } } → each edge's style.
  if (path === 'format.borders') options = Object.fromEntries(Object.keys(defaults).map((edge) => [edge, options]));
  for (const [key, want] of Object.entries(options)) {
    if (!(key in defaults)) throw fail('InvalidArgument', `Unknown cell property "${path}.${key}"`, 'Range.getCellProperties');
    if (!want) continue;
    const d = defaults[key];
    if (typeof d === 'object' && d !== null) {
      const sub = typeof want === 'object' ? (want as Tree) : Object.fromEntries(Object.keys(d).map((k) => [k, true]));
      out[key] = project((have[key] ?? {}) as Tree, sub, d as Tree, `${path}.${key}`);
    } else out[key] = have[key] ?? d;
  }
  return out;
}

/**
 * Merge a write (`setCellProperties` format, or one property set on a range) into a cell's style.
 * @example mergeStyle(undefined, { fill: { color: '#FFC7CE' } }, defaults) // { fill: { color: '#FFC7CE', pattern: 'Solid' } }
 */
export function mergeStyle(style: CellStyle | undefined, patch: Tree, defaults: Tree): CellStyle | undefined {
  const next = merge((style ?? {}) as Tree, patch, defaults, 'format') as CellStyle;
  const fill = patch.fill as Tree | undefined;
  // Setting a colour on an unfilled cell makes a solid fill; pattern "None" removes the fill entirely.
  if (fill && next.fill) {
    if (fill.pattern === 'None') delete next.fill;
    else if (fill.color !== undefined && (next.fill.pattern === undefined || next.fill.pattern === 'None')) next.fill.pattern = 'Solid';
  }
  const pruned = prune(next as Tree, defaults);
  return Object.keys(pruned).length === 0 ? undefined : (pruned as CellStyle);
}

/** A leaf set to its default is no formatting at all: drop it (so "restored to default" equals "never formatted"). */
function prune(have: Tree, defaults: Tree): Tree {
  const out: Tree = {};
  for (const [key, value] of Object.entries(have)) {
    const d = defaults[key];
    if (typeof d === 'object' && d !== null && typeof value === 'object' && value !== null) {
      const sub = prune(value as Tree, d as Tree);
      if (Object.keys(sub).length > 0) out[key] = sub;
    } else if (value !== d) out[key] = value;
  }
  return out;
}

function merge(have: Tree, patch: Tree, defaults: Tree, path: string): Tree {
  const out: Tree = { ...have };
  for (const [key, value] of Object.entries(patch)) {
    if (!(key in defaults)) throw fail('InvalidArgument', `Unknown cell property "${path}.${key}"`, 'Range.setCellProperties');
    if (value === undefined) continue;
    if (value === null) throw fail('InvalidArgument', `null is not a valid value for "${path}.${key}"`, 'Range.setCellProperties');
    const d = defaults[key];
    if (typeof d === 'object' && d !== null) out[key] = merge((have[key] ?? {}) as Tree, value as Tree, d as Tree, `${path}.${key}`);
    else out[key] = value;
  }
  return out;
}

/**
 * Read one leaf ("fill.color") of a cell's style, falling back to the default.
 * @example styleLeaf(cell.style, ['font', 'name'], defaults) // 'Times New Roman'
 */
export function styleLeaf(style: CellStyle | undefined, path: string[], defaults: Tree): unknown {
  let have: unknown = style;
  let d: unknown = defaults;
  for (const k of path) {
    have = (have as Tree | undefined)?.[k];
    d = (d as Tree)[k];
  }
  return have ?? d;
}

/**
 * A patch object setting one leaf: leafPatch(['fill', 'color'], '#FF0000') → { fill: { color: '#FF0000' } }.
 * @example leafPatch(['fill', 'color'], '#FF0000') // { fill: { color: '#FF0000' } }
 */
export function leafPatch(path: string[], value: unknown): Tree {
  return path.reduceRight<unknown>((acc, k) => ({ [k]: acc }), value) as Tree;
}
