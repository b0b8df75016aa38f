// Cell values across the Office.js boundary: serial dates, number formats that mean a date, and text Excel must not reinterpret.
import type { CellValue } from '../../../core/model/index.ts';

const DAY_MS = 86_400_000;
/** Excel serial number of 1970-01-01 (the 1900 date system). */
const EPOCH = 25_569;

/**
 * Excel serial → Date (UTC), rounded to the millisecond as exceljs does, so both readers agree.
 * @example serialToDate(46022) // 2025-12-31T00:00:00.000Z
 */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - EPOCH) * DAY_MS));
}

/** @example dateToSerial(new Date(Date.UTC(2025, 11, 31))) // 46022 */
export function dateToSerial(d: Date): number {
  return d.getTime() / DAY_MS + EPOCH;
}

/**
 * Whether a number format shows a date or time (the rule exceljs applies when it reads a file: quoted text and
 * [colour]/[$-locale] sections do not count; escaped characters do not either).
 * @example isDateFormat('dd/mm/yyyy') // true; isDateFormat('0.0%') // false
 */
export function isDateFormat(fmt: string | null | undefined): boolean {
  if (!fmt || fmt === 'General') return false;
  const bare = fmt
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '');
  return /[ymdhMsb]/.test(bare);
}

const MONTHS = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*[\s\-/.,]*\d/i;

/**
 * Whether Excel would turn this text into something else when written through `values` (a number, a date, a boolean,
 * a formula, an error, a percentage). Those get a leading apostrophe, which Excel strips and which keeps them text.
 * Anything not starting with a letter is quoted: safe in every locale, and Vietnamese text starts with a letter.
 * @example needsQuote('2') // true; needsQuote('- Tuyên truyền') // true; needsQuote('Quý I/2026') // false
 */
export function needsQuote(s: string): boolean {
  if (s === '') return false;
  if (!/^\p{L}/u.test(s)) return true;
  return /^(true|false)$/i.test(s.trim()) || MONTHS.test(s);
}

/**
 * A value as input for `range.values` / `range.formulas`: text quoted when needed, dates as serials, empty as ''.
 * @example cellInput('12/2025') // "'12/2025"
 */
export function cellInput(v: CellValue | undefined): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === 'string') return needsQuote(v) ? `'${v}` : v;
  return v;
}

/**
 * The input that puts back what a cell held, from its `formulas` and `values` as loaded: a formula as written,
 * a constant through cellInput. (A formula reads as "=…" and differs from its value; text that merely starts with "=" does not.)
 * @example restoreInput('=SUM(A1:A3)', 6) // '=SUM(A1:A3)'; restoreInput('2', '2') // "'2"
 */
export function restoreInput(formula: unknown, value: unknown): string | number | boolean {
  if (typeof formula === 'string' && formula.startsWith('=') && formula !== value) return formula;
  const v = formula ?? value;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return cellInput(typeof v === 'string' ? v : '');
}

/**
 * Size of a value as JSON: the layer's estimate of what a sync carries.
 * @example jsonSize([['TT']]) // 8
 */
export function jsonSize(value: unknown): number {
  return value === undefined ? 0 : (JSON.stringify(value)?.length ?? 0);
}
