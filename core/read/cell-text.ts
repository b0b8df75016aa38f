// Cell value → the text a reader sees (numbers, percentages and dates written the Vietnamese way).
import type { Cell } from '../model/grid.ts';

/**
 * Display text of a cell, verbatim for strings (no trimming: rules look at stray spaces).
 * Dates become dd/mm/yyyy; a percentage-formatted 0.8 becomes "80%".
 * @example cellText({ v: new Date(Date.UTC(2025, 11, 31)) }) // '31/12/2025'
 */
export function cellText(cell: Cell | null | undefined): string {
  if (!cell) return '';
  const v = cell.v;
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return formatDate(v);
  if (cell.fmt && cell.fmt.includes('%')) return `${trimFloat(v * 100)}%`;
  return trimFloat(v);
}

/** @example formatDate(new Date(Date.UTC(2026, 2, 15))) // '15/03/2026' */
export function formatDate(d: Date): string {
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

function trimFloat(n: number): string {
  // Binary floats like 0.1 + 0.2 print as 0.30000000000000004; 12 significant digits is what Excel shows.
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}
