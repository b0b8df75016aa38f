// Canonical written form of a Deadline ("Quý III/2025", "Tháng 7/2025, duy trì hằng năm"): what a fix suggests.
import type { Deadline, Period } from '../model/deadline.ts';
import { daysInMonth, halfPeriod, monthPeriod, quarterOfMonth, quarterPeriod, yearPeriod, ymd, type Ymd } from './calendar.ts';

const ROMAN = ['I', 'II', 'III', 'IV'];
const EVERY = { continuous: 'thường xuyên', yearly: 'hằng năm', quarterly: 'hằng quý', monthly: 'hằng tháng' } as const;

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function dmy(p: Ymd): string {
  return `${p.d}/${p.m}/${p.y}`;
}

/**
 * A single day as written in plans: no leading zeros, like "Tháng 7/2025".
 * @example formatDay({ precision: 'day', start: '2025-07-01', end: '2025-07-01' }) // '1/7/2025'
 */
export function formatDay(p: Period): string {
  const s = ymd(p.start);
  return s ? dmy(s) : p.start;
}

function same(a: Period | null, b: Period): boolean {
  return a !== null && a.start === b.start && a.end === b.end;
}

/** The unit form of a period whose dates match its precision exactly, else null. */
function unitText(p: Period, s: Ymd): string | null {
  switch (p.precision) {
    case 'day':
      return p.start === p.end ? dmy(s) : null;
    case 'month':
      return same(monthPeriod(s.y, s.m), p) ? `Tháng ${s.m}/${s.y}` : null;
    case 'quarter': {
      const q = quarterOfMonth(s.m);
      return same(quarterPeriod(s.y, q), p) ? `Quý ${ROMAN[q - 1]}/${s.y}` : null;
    }
    case 'half': {
      const h = s.m === 1 ? 1 : 2;
      return same(halfPeriod(s.y, h), p) ? `6 tháng ${h === 1 ? 'đầu' : 'cuối'} năm ${s.y}` : null;
    }
    case 'year':
      return same(yearPeriod(s.y), p) ? `Năm ${s.y}` : null;
    case 'range':
      return null;
  }
}

/**
 * The shortest form that reads back as the same range: whole years → "Giai đoạn 2025-2026", whole months
 * of one year → "Tháng 7-8/2025" (also for quarters: "Quý I, II/2026" → "Tháng 1-6/2026", as month
 * numbers need no Roman numerals), whole months across years → "Từ tháng 12/2025 đến tháng 2/2026",
 * else "Từ 1/7/2025 đến 15/8/2025".
 */
function rangeText(s: Ymd, e: Ymd): string {
  if (s.d === 1 && e.d === daysInMonth(e.y, e.m)) {
    if (s.m === 1 && e.m === 12 && e.y > s.y) return `Giai đoạn ${s.y}-${e.y}`;
    if (s.y === e.y && e.m > s.m) return `Tháng ${s.m}-${e.m}/${s.y}`;
    if (e.y > s.y) {
      return `Từ tháng ${s.m}/${s.y} đến tháng ${e.m}/${e.y}`;
    }
  }
  return `Từ ${dmy(s)} đến ${dmy(e)}`;
}

/**
 * The canonical text of a period. A period whose dates do not match its precision is written as a range,
 * so the text never claims more (or less) than the dates say.
 * @example formatPeriod({ precision: 'month', start: '2025-07-01', end: '2025-07-31' }) // 'Tháng 7/2025'
 */
export function formatPeriod(p: Period): string {
  // A plan's deadlines are a few dozen periods written thousands of times (validation formats each twice).
  const key = `${p.precision}|${p.start}|${p.end}`;
  const hit = FORMATTED.get(key);
  if (hit !== undefined) return hit;
  const s = ymd(p.start);
  const e = ymd(p.end);
  const text = !s || !e ? `${p.start} - ${p.end}` : (unitText(p, s) ?? rangeText(s, e));
  if (FORMATTED.size >= FORMATTED_LIMIT) FORMATTED.clear();
  FORMATTED.set(key, text);
  return text;
}

const FORMATTED = new Map<string, string>();
const FORMATTED_LIMIT = 10_000;

type Recurring = Extract<Deadline, { kind: 'recurring' }>;

function relativeText(rel: NonNullable<Recurring['relative']>): string {
  const n = Math.abs(rel.yearOffset);
  const when = rel.yearOffset === 0 ? 'hằng năm' : `${n === 1 ? '' : `${n} `}năm ${rel.yearOffset < 0 ? 'trước' : 'sau'}`;
  const head =
    rel.quarter !== undefined
      ? `Quý ${ROMAN[rel.quarter - 1]}`
      : rel.month === undefined
        ? ''
        : rel.day === undefined
          ? `Tháng ${rel.month}`
          : `Ngày ${rel.day}/${rel.month}`;
  return head ? `${head} ${when}` : capitalize(when);
}

/**
 * The canonical written form of a deadline; conditional and unparsed deadlines keep their text (trimmed).
 * @example formatDeadline(parseDeadline('Quy 3 / 2025')) // 'Quý III/2025'
 * @example formatDeadline(parseDeadline('Tháng 07/2025, duy trì hàng năm')) // 'Tháng 7/2025, duy trì hằng năm'
 * @example formatDeadline(parseDeadline('Quý 4/2026, báo cáo UBND xã')) // 'Quý IV/2026, báo cáo UBND xã'
 */
export function formatDeadline(d: Deadline): string {
  // The words after the deadline phrase are the author's: the canonical form keeps them as written.
  const withNote = (s: string) => ('note' in d && d.note ? `${s}, ${d.note}` : s);
  switch (d.kind) {
    case 'period':
      return withNote(formatPeriod(d.period));
    case 'recurring': {
      if (d.relative) return withNote(relativeText(d.relative));
      if (!d.first) return withNote(capitalize(EVERY[d.every]));
      const first = formatPeriod(d.first);
      return withNote(d.every === 'continuous' ? `${first} và thường xuyên` : `${first}, duy trì ${EVERY[d.every]}`);
    }
    case 'conditional':
    case 'unparsed':
      return d.text.trim();
  }
}
