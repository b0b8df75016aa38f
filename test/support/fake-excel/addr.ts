// A1 addresses as Excel writes them: cells, blocks, whole rows ("14:15") and columns ("A:C"), sheet-qualified and quoted.
import { columnLetter, columnNumber } from '../../../core/model/a1.ts';
import { fail } from './errors.ts';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** 1-based inclusive rectangle; `kind` remembers whether it was written as whole rows or columns. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
  kind?: 'rows' | 'cols';
}

/**
 * Parse an address, with or without a sheet prefix.
 * @example parseAddress("'PL I'!A1:E1") // { sheet: 'PL I', rect: { top: 1, left: 1, bottom: 1, right: 5 } }
 */
export function parseAddress(address: string): { sheet?: string; rect: Rect } {
  const bang = address.lastIndexOf('!');
  let sheet: string | undefined;
  let ref = address.trim();
  if (bang >= 0) {
    const raw = address.slice(0, bang).trim();
    sheet = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    ref = address.slice(bang + 1).trim();
  }
  const rect = parseRef(ref.replace(/\$/g, ''));
  if (!rect) throw fail('InvalidArgument', `Not an address: "${address}"`, 'Range');
  return sheet === undefined ? { rect } : { sheet, rect };
}

function parseRef(ref: string): Rect | null {
  const [a, b = a] = ref.toUpperCase().split(':') as [string, string?];
  const cell = /^([A-Z]{1,3})(\d+)$/;
  const ca = cell.exec(a);
  const cb = cell.exec(b!);
  if (ca && cb) {
    const r = { top: Number(ca[2]), left: columnNumber(ca[1]!), bottom: Number(cb[2]), right: columnNumber(cb[1]!) };
    return normalise(r);
  }
  if (/^\d+$/.test(a) && /^\d+$/.test(b!)) return normalise({ top: Number(a), left: 1, bottom: Number(b), right: MAX_COLS, kind: 'rows' });
  if (/^[A-Z]{1,3}$/.test(a) && /^[A-Z]{1,3}$/.test(b!)) {
    return normalise({ top: 1, left: columnNumber(a), bottom: MAX_ROWS, right: columnNumber(b!), kind: 'cols' });
  }
  return null;
}

function normalise(r: Rect): Rect | null {
  const out = {
    ...r,
    top: Math.min(r.top, r.bottom),
    bottom: Math.max(r.top, r.bottom),
    left: Math.min(r.left, r.right),
    right: Math.max(r.left, r.right),
  };
  if (out.top < 1 || out.left < 1 || out.bottom > MAX_ROWS || out.right > MAX_COLS) return null;
  return out;
}

/**
 * Sheet name as Excel prints it in an address: quoted when it is not a plain identifier.
 * @example quoteSheet('PL I') // "'PL I'"
 */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** @example formatRef({ top: 14, left: 1, bottom: 15, right: 16384, kind: 'rows' }) // '14:15' */
export function formatRef(r: Rect): string {
  if (r.kind === 'rows' || (r.left === 1 && r.right === MAX_COLS)) return `${r.top}:${r.bottom}`;
  if (r.kind === 'cols' || (r.top === 1 && r.bottom === MAX_ROWS)) return `${columnLetter(r.left)}:${columnLetter(r.right)}`;
  const tl = `${columnLetter(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${columnLetter(r.right)}${r.bottom}`;
}

/** @example formatAddress('PL I', rect) // "'PL I'!A1:E1" */
export function formatAddress(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${formatRef(r)}`;
}

/**
 * Number of cells in a rectangle.
 * @example cellCount({ top: 1, left: 1, bottom: 2, right: 3 }) // 6
 */
export function cellCount(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/**
 * The overlap of two rectangles, or null.
 * @example intersect(a, b) ?? 'disjoint'
 */
export function intersect(a: Rect, b: Rect): Rect | null {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}
