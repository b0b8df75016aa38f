// Reporting periods in words: labels as reports title them ("Quý I năm 2026", "6 tháng đầu năm 2026") and reading them back.
import { parseDeadline, quarterOfMonth, ymd } from '../deadline.ts';
import { formatDay, type Lang } from '../i18n/index.ts';
import { fold } from '../text/index.ts';
import { parsePeriodId, periodSpan, type ReportingPeriod } from './period.ts';

const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A period as a report's title names it.
 * @example periodLabel({ kind: 'quarter', year: 2026, quarter: 1 }) // 'Quý I năm 2026'
 * @example periodLabel({ kind: 'half', year: 2026, half: 1 }, 'en') // 'First half of 2026'
 */
export function periodLabel(p: ReportingPeriod, lang: Lang = 'vi'): string {
  const vi = lang === 'vi';
  switch (p.kind) {
    case 'month':
      return vi ? `Tháng ${p.month} năm ${p.year}` : `${MONTHS_EN[p.month - 1]} ${p.year}`;
    case 'quarter':
      return vi ? `Quý ${ROMAN[p.quarter - 1]} năm ${p.year}` : `Q${p.quarter} ${p.year}`;
    case 'half':
      if (vi) return `6 tháng ${p.half === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
      return `${p.half === 1 ? 'First' : 'Second'} half of ${p.year}`;
    case 'nine-months':
      return vi ? `9 tháng năm ${p.year}` : `First nine months of ${p.year}`;
    case 'year':
      return vi ? `Năm ${p.year}` : `Year ${p.year}`;
    case 'day':
      return vi ? `Đến ngày ${formatDay(p.date)}` : `As of ${formatDay(p.date)}`;
  }
}

// "9 tháng năm 2026", "9 tháng đầu năm 2026": the deadline grammar has no such period, so it is read here.
const NINE_MONTHS = /^9 thang (?:dau )?(?:nam )?(\d{4})$/;

/**
 * A period from a canonical id or from the words a report uses ("Quý I/2026", "6 tháng đầu năm 2026",
 * "9 tháng năm 2026", "Tháng 3 năm 2026", "Năm 2026", "Đến ngày 15/6/2026"); null for anything else
 * (a range of years, "Hằng năm", an impossible month). Words go through the deadline grammar, so they are read
 * exactly as a deadline cell would be.
 * @example parsePeriod('Quý II/2026') // { kind: 'quarter', year: 2026, quarter: 2 }
 * @example parsePeriod('9 tháng đầu năm 2026') // { kind: 'nine-months', year: 2026 }
 */
export function parsePeriod(text: string): ReportingPeriod | null {
  const t = text.trim();
  const byId = parsePeriodId(t);
  if (byId) return byId;
  const nine = NINE_MONTHS.exec(fold(t).replace(/\s+/g, ' '));
  if (nine) {
    const p: ReportingPeriod = { kind: 'nine-months', year: Number(nine[1]) };
    return periodSpan(p) ? p : null;
  }
  const d = parseDeadline(t);
  if (d.kind !== 'period') return null;
  const start = ymd(d.period.start);
  if (!start) return null;
  switch (d.period.precision) {
    case 'day':
      return { kind: 'day', date: d.period.start };
    case 'month':
      return { kind: 'month', year: start.y, month: start.m };
    case 'quarter':
      return { kind: 'quarter', year: start.y, quarter: quarterOfMonth(start.m) };
    case 'half':
      return { kind: 'half', year: start.y, half: start.m === 1 ? 1 : 2 };
    case 'year':
      return { kind: 'year', year: start.y };
    case 'range':
      return null;
  }
}
