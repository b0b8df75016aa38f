// Addresses the layer builds and parses: sheet-qualified A1, RangeAreas lists, row blocks and column runs.
import { columnNumber } from '../../../core/model/index.ts';
import type { Merge } from '../../../core/model/index.ts';

/**
 * Sheet name as written in an address or a formula: quoted unless a plain identifier.
 * @example quoteSheet('PL I') // "'PL I'"
 */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** @example qualified('PL I', 'A1') // "'PL I'!A1" */
export function qualified(sheet: string, ref: string): string {
  return `${quoteSheet(sheet)}!${ref}`;
}

/**
 * A range address ("'PL I'!A5:E47", "Sheet1!B3", "Sheet1!14:15") → 1-based rectangle; null when not an address.
 * @example parseRange("'PL I'!A5:E47") // { top: 5, left: 1, bottom: 47, right: 5 }
 */
export function parseRange(address: string): Merge | null {
  const ref = address
    .slice(address.lastIndexOf('!') + 1)
    .replace(/\$/g, '')
    .toUpperCase();
  const [a, b = a] = ref.split(':') as [string, string?];
  const cell = /^([A-Z]{1,3})(\d+)$/;
  const ca = cell.exec(a);
  const cb = cell.exec(b!);
  if (ca && cb) return { top: Number(ca[2]), left: columnNumber(ca[1]!), bottom: Number(cb[2]), right: columnNumber(cb[1]!) };
  if (/^\d+$/.test(a) && /^\d+$/.test(b!)) return { top: Number(a), left: 1, bottom: Number(b), right: 16_384 };
  return null;
}

/**
 * The areas of a RangeAreas address ("'A, B'!A1:E1,'A, B'!A2:E2"): commas inside quoted sheet names do not split.
 * @example parseAreas('S!A1:E1, S!A2:E2').length // 2
 */
export function parseAreas(address: string): Merge[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => parseRange(p.trim())).filter((m): m is Merge => m !== null);
}

/**
 * Sorted numbers grouped into runs; numbers up to `maxGap` apart share a run (the cells between are read, not written).
 * @example runs([5, 6, 7, 12], 0) // [[5, 7], [12, 12]]
 */
export function runs(sorted: number[], maxGap: number): [number, number][] {
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && n - last[1] <= maxGap + 1) last[1] = Math.max(last[1], n);
    else out.push([n, n]);
  }
  return out;
}
