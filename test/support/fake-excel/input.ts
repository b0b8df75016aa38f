// What Excel makes of a value written through `values`/`formulas`: the same parse as typing it into the cell.
import type { FakeValue } from './types.ts';

// This is where "2" becomes the number 2, "12/2025" a date and "- abc" a broken formula, unless it starts with "'".

export interface ParsedInput {
  v: FakeValue;
  f?: string;
  /** A number format Excel applies because of the input ("80%" → "0%", a date → "dd/mm/yyyy"). */
  fmt?: string;
  /** The text was forced by a leading apostrophe. */
  quote?: boolean;
}

export interface InputOptions {
  /** How typed dates read: Vietnamese Excel takes 31/12/2026 as day/month/year. */
  dateOrder: 'dmy' | 'mdy';
  calculate: (formula: string) => FakeValue;
}

const ERRORS = new Set(['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!']);
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/**
 * Parse one input value; `undefined` means "leave the cell unchanged" (null in a 2-D array).
 * @example parseInput('2', opts) // { v: 2 }; parseInput("'2", opts) // { v: '2', quote: true }
 */
export function parseInput(raw: unknown, opts: InputOptions): ParsedInput | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'number') return { v: raw };
  if (typeof raw === 'boolean') return { v: raw };
  if (typeof raw !== 'string') throw new TypeError(`Cannot write ${typeof raw} to a cell`);
  const s = raw;
  if (s === '') return { v: null };
  if (s.startsWith("'")) return { v: s.length > 1 ? s.slice(1) : null, quote: true };
  if (s.startsWith('=') && s.length > 1) return { v: opts.calculate(s), f: s };
  const t = s.trim();
  if (t !== '' && NUMBER.test(t) && /\d/.test(t)) return { v: Number(t.replace(/,/g, '')) };
  const pct = /^([+-]?\d+(?:\.(\d+))?)%$/.exec(t);
  if (pct) return { v: Number(pct[1]) / 100, fmt: pct[2] ? `0.${'0'.repeat(pct[2].length)}%` : '0%' };
  if (/^(true|false)$/i.test(t)) return { v: t.toLowerCase() === 'true' };
  if (ERRORS.has(t.toUpperCase())) return { v: t.toUpperCase() };
  const date = parseDate(t, opts.dateOrder);
  if (date !== null) return { v: date, fmt: 'dd/mm/yyyy' };
  // "+abc", "-abc", "@abc" are read as formulas: the text is lost to a #NAME? error.
  if (/^[+\-@]/.test(t)) return { v: '#NAME?', f: `=${t.replace(/^@/, '')}` };
  return { v: s };
}

function parseDate(t: string, order: 'dmy' | 'mdy'): number | null {
  let m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [d, mo] = order === 'dmy' ? [a, b] : [b, a];
    return serial(fullYear(m[3]!), mo, d);
  }
  m = /^(\d{1,2})[/-](\d{4})$/.exec(t);
  if (m) return serial(Number(m[2]), Number(m[1]), 1);
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return serial(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 4 ? n : n < 30 ? 2000 + n : 1900 + n;
}

function serial(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, m - 1, d);
  if (new Date(t).getUTCDate() !== d) return null;
  return t / 86_400_000 + 25_569;
}
