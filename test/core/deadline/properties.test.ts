// Property tests: canonical text round-trips, many spellings of one date parse alike, junk never throws or invents a date.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueDate, formatDeadline, isCanonical, parseDeadline } from '../../../core/deadline.ts';
import { daysInMonth, ymd } from '../../../core/deadline/calendar.ts';
import { DeadlineSchema, type Deadline, type Period, type Recurrence } from '../../../core/model/deadline.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const ROMAN = ['I', 'II', 'III', 'IV'];

// ── arbitraries ──────────────────────────────────────────────────────────────
const yearArb = fc.integer({ min: 1990, max: 2100 });
const monthArb = fc.integer({ min: 1, max: 12 });
const dayArb = fc
  .record({ y: yearArb, m: monthArb, d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysInMonth(y, m)) }));
const quarterArb = fc.record({ y: yearArb, q: fc.integer({ min: 1, max: 4 }) });

const monthP = (y: number, m: number): Period => ({ precision: 'month', start: isoOf(y, m, 1), end: isoOf(y, m, daysInMonth(y, m)) });
const quarterP = (y: number, q: number): Period => ({
  precision: 'quarter',
  start: isoOf(y, q * 3 - 2, 1),
  end: isoOf(y, q * 3, daysInMonth(y, q * 3)),
});
const dayP = (y: number, m: number, d: number): Period => ({ precision: 'day', start: isoOf(y, m, d), end: isoOf(y, m, d) });
const yearP = (y: number): Period => ({ precision: 'year', start: `${y}-01-01`, end: `${y}-12-31` });

const periodArb: fc.Arbitrary<Period> = fc.oneof(
  dayArb.map(({ y, m, d }) => dayP(y, m, d)),
  fc.record({ y: yearArb, m: monthArb }).map(({ y, m }) => monthP(y, m)),
  quarterArb.map(({ y, q }) => quarterP(y, q)),
  fc.record({ y: yearArb, h: fc.constantFrom(1, 2) }).map(({ y, h }): Period => ({
    precision: 'half',
    start: isoOf(y, h === 1 ? 1 : 7, 1),
    end: isoOf(y, h === 1 ? 6 : 12, h === 1 ? 30 : 31),
  })),
  yearArb.map(yearP),
  // Ranges: whole years, months of one year, months across years, arbitrary days.
  fc
    .record({ y: fc.integer({ min: 1990, max: 2099 }), n: fc.integer({ min: 1, max: 10 }) })
    .map(({ y, n }): Period => ({ precision: 'range', start: `${y}-01-01`, end: `${Math.min(2100, y + n)}-12-31` })),
  fc
    .record({ y: yearArb, a: fc.integer({ min: 1, max: 11 }), n: fc.integer({ min: 1, max: 11 }) })
    .map(({ y, a, n }): Period => ({ precision: 'range', start: isoOf(y, a, 1), end: monthP(y, Math.min(12, a + n)).end })),
  fc
    .record({ y: fc.integer({ min: 1990, max: 2099 }), a: monthArb, b: monthArb, n: fc.integer({ min: 1, max: 3 }) })
    .map(({ y, a, b, n }): Period => ({ precision: 'range', start: isoOf(y, a, 1), end: monthP(Math.min(2100, y + n), b).end })),
  fc
    .tuple(dayArb, dayArb)
    .map(([p, q]) => [isoOf(p.y, p.m, p.d), isoOf(q.y, q.m, q.d)].sort())
    .filter(([a, b]) => a! < b!)
    .map(([a, b]): Period => ({ precision: 'range', start: a!, end: b! })),
);

const everyArb = fc.constantFrom<Recurrence>('continuous', 'yearly', 'quarterly', 'monthly');
const recurringArb: fc.Arbitrary<Deadline> = fc.oneof(
  everyArb.map((every): Deadline => ({ kind: 'recurring', text: '', every })),
  fc.record({ every: everyArb, first: periodArb }).map(({ every, first }): Deadline => ({ kind: 'recurring', text: '', every, first })),
  fc
    .record({
      unit: fc.oneof(
        fc.integer({ min: 1, max: 4 }).map((quarter) => ({ quarter })),
        monthArb.map((month) => ({ month })),
      ),
      yearOffset: fc.integer({ min: -3, max: 3 }),
    })
    .map(({ unit, yearOffset }): Deadline => ({ kind: 'recurring', text: '', every: 'yearly', relative: { ...unit, yearOffset } })),
  // "Ngày 31/1 năm sau": a day of a month a year or more before or after, never "hằng năm" (that is a first day).
  fc
    .record({ month: monthArb, day: fc.integer({ min: 1, max: 31 }), n: fc.integer({ min: 1, max: 3 }), after: fc.boolean() })
    .filter(({ month, day }) => day <= daysInMonth(2000, month))
    .map(({ month, day, n, after }): Deadline => ({
      kind: 'recurring',
      text: '',
      every: 'yearly',
      relative: { month, day, yearOffset: after ? n : -n },
    })),
);
const deadlineArb: fc.Arbitrary<Deadline> = fc.oneof(
  periodArb.map((period): Deadline => ({ kind: 'period', text: '', period })),
  recurringArb,
);

// ── spelling noise (test-side only: produces inputs, never compares) ────────
const stripAccents = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
const noiseArb = fc.record({
  upper: fc.boolean(),
  accents: fc.boolean(),
  spaces: fc.integer({ min: 1, max: 3 }),
  dot: fc.boolean(),
  lead: fc.constantFrom('', ' ', '  '),
});
function noisy(text: string, n: { upper: boolean; accents: boolean; spaces: number; dot: boolean; lead: string }): string {
  let s = n.accents ? text : stripAccents(text);
  if (n.upper) s = s.toUpperCase();
  s = s.replace(/ /g, ' '.repeat(n.spaces));
  return `${n.lead}${s}${n.dot ? '.' : ''}`;
}

const body = (d: Deadline) => ({ ...d, text: undefined });

function plausible(p: Period): boolean {
  const s = ymd(p.start);
  const e = ymd(p.end);
  return !!s && !!e && p.start <= p.end && s.y >= 1990 && e.y <= 2100;
}

describe('round trip', () => {
  it('parseDeadline(formatDeadline(d)) equals d apart from text, and the text is canonical', () => {
    fc.assert(
      fc.property(deadlineArb, (d) => {
        const text = formatDeadline(d);
        const back = parseDeadline(text);
        expect(body(back)).toEqual(body(d));
        expect(back.text).toBe(text);
        expect(isCanonical(text)).toBe(true);
        expect(DeadlineSchema.safeParse(back).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('formatting a parsed deadline is idempotent', () => {
    fc.assert(
      fc.property(deadlineArb, noiseArb, (d, n) => {
        const once = parseDeadline(noisy(formatDeadline(d), n));
        expect(body(once)).toEqual(body(d));
        expect(formatDeadline(parseDeadline(formatDeadline(once)))).toBe(formatDeadline(once));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('one date, many spellings', () => {
  it('months', () => {
    fc.assert(
      fc.property(fc.record({ y: yearArb, m: monthArb }), fc.integer({ min: 0, max: 9 }), noiseArb, ({ y, m }, k, n) => {
        const spellings = [
          `Tháng ${m}/${y}`,
          `tháng ${pad(m)}/${y}`,
          `Tháng ${m} / ${y}`,
          `tháng ${m} năm ${y}`,
          `Tháng ${m}-${y}`,
          `Hoàn thành trong tháng ${m}/${y}`,
          `Chậm nhất tháng ${m}/${y}`,
          `${m}/${y}`,
          `Cuối tháng ${m}/${y}`,
          `Trong tháng ${pad(m)} năm ${y}`,
        ];
        expect(parseDeadline(noisy(spellings[k]!, n))).toMatchObject({ kind: 'period', period: monthP(y, m) });
      }),
      { numRuns: 500 },
    );
  });

  it('quarters', () => {
    fc.assert(
      fc.property(quarterArb, fc.integer({ min: 0, max: 8 }), noiseArb, ({ y, q }, k, n) => {
        const r = ROMAN[q - 1]!;
        const spellings = [
          `Quý ${r}/${y}`,
          `Quý ${q}/${y}`,
          `Q${q}/${y}`,
          `Q${r}/${y}`,
          `Quý ${r} năm ${y}`,
          `Quí ${r} / ${y}`,
          `Hoàn thành trong Quý ${r}/${y}`,
          `Cuối quý ${r}/${y}`,
          `quý ${r} - ${y}`,
        ];
        expect(parseDeadline(noisy(spellings[k]!, n))).toMatchObject({ kind: 'period', period: quarterP(y, q) });
      }),
      { numRuns: 500 },
    );
  });

  it('days, including real Date cells and Excel serial numbers', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 10 }), noiseArb, ({ y, m, d }, k, n) => {
        const spellings = [
          `${d}/${m}/${y}`,
          `${pad(d)}/${pad(m)}/${y}`,
          `${d}-${m}-${y}`,
          `${d}.${m}.${y}`,
          `ngày ${d}/${m}/${y}`,
          `ngày ${d} tháng ${m} năm ${y}`,
          `Trước ngày ${pad(d)}/${m}/${y}`,
          `Trước ${d}/${m}/${y}`,
          `Chậm nhất ngày ${d}/${m}/${y}`,
          `${y}-${pad(m)}-${pad(d)}`,
          `Hoàn thành trước ngày ${d} tháng ${m} năm ${y}`,
        ];
        const want = { kind: 'period', period: dayP(y, m, d) };
        expect(parseDeadline(noisy(spellings[k]!, n))).toMatchObject(want);
        const utc = Date.UTC(y, m - 1, d);
        expect(parseDeadline(new Date(utc))).toEqual({ ...want, text: `${d}/${m}/${y}` });
        expect(parseDeadline((utc - Date.UTC(1899, 11, 30)) / 86_400_000)).toMatchObject(want);
      }),
      { numRuns: 500 },
    );
  });

  it('years, halves and year ranges', () => {
    fc.assert(
      fc.property(yearArb, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 5 }), noiseArb, (y, len, k, n) => {
        const years = [`Năm ${y}`, `Trong năm ${y}`, `${y}`, `Đến năm ${y}`, `Đến hết năm ${y}`, `Hoàn thành trong năm ${y}`];
        expect(parseDeadline(noisy(years[k]!, n))).toMatchObject({ kind: 'period', period: yearP(y) });
        expect(parseDeadline(y)).toMatchObject({ kind: 'period', period: yearP(y) });
        const halves = [`6 tháng đầu năm ${y}`, `Sáu tháng đầu năm ${y}`, `Nửa đầu năm ${y}`];
        expect(parseDeadline(noisy(halves[k % 3]!, n))).toMatchObject({
          kind: 'period',
          period: { precision: 'half', start: `${y}-01-01`, end: `${y}-06-30` },
        });
        const z = y + len;
        if (z > 2100) return;
        const ranges = [
          `Giai đoạn ${y}-${z}`,
          `${y} - ${z}`,
          `Từ ${y} đến ${z}`,
          `Năm ${y}–${z}`,
          `Từ năm ${y} đến năm ${z}`,
          `Giai đoạn ${y} – ${z}`,
        ];
        expect(parseDeadline(noisy(ranges[k]!, n))).toMatchObject({
          kind: 'period',
          period: { precision: 'range', start: `${y}-01-01`, end: `${z}-12-31` },
        });
      }),
      { numRuns: 500 },
    );
  });

  it('out-of-range values are never dates', () => {
    const badYear = fc.oneof(fc.integer({ min: 1000, max: 1989 }), fc.integer({ min: 2101, max: 9999 }));
    fc.assert(
      fc.property(badYear, monthArb, fc.integer({ min: 1, max: 4 }), (y, m, q) => {
        for (const t of [`Năm ${y}`, `Tháng ${m}/${y}`, `Quý ${ROMAN[q - 1]}/${y}`, `1/${m}/${y}`, `Giai đoạn 2025-${y}`]) {
          expect(parseDeadline(t).kind, t).toBe('unparsed');
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(yearArb, fc.integer({ min: 13, max: 99 }), fc.integer({ min: 5, max: 99 }), (y, m, q) => {
        for (const t of [`Tháng ${m}/${y}`, `Quý ${q}/${y}`, `1/${m}/${y}`, `32/1/${y}`]) expect(parseDeadline(t).kind, t).toBe('unparsed');
      }),
      { numRuns: 300 },
    );
  });
});

describe('junk', () => {
  const VOCAB = [
    'Quý',
    'quý',
    'tháng',
    'Tháng',
    'năm',
    'Năm',
    'ngày',
    'IV',
    'III',
    'I',
    'V',
    '/',
    '-',
    ',',
    '.',
    'và',
    'đến',
    'từ',
    'Từ',
    'giai đoạn',
    'thường xuyên',
    'hằng',
    'hàng',
    'duy trì',
    'những năm tiếp theo',
    'trở đi',
    'trước',
    'của',
    'năm trước',
    'cuối',
    'đầu',
    '6',
    '7',
    '12',
    '13',
    '31',
    '29',
    '02',
    '0',
    '2025',
    '2026',
    '1989',
    '2101',
    '2100',
    '1990',
    '99999',
    'Q',
    'khi',
    'theo',
    '(',
    ')',
    '–',
  ];
  const vocabArb = fc
    .array(fc.constantFrom(...VOCAB), { maxLength: 12 })
    .chain((words) =>
      fc
        .array(fc.constantFrom(' ', '', '  '), { minLength: words.length, maxLength: words.length })
        .map((gaps) => words.map((w, i) => w + gaps[i]).join('')),
    );
  const junkArb = fc.oneof(vocabArb, fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));

  it('never throws, never yields an implausible or inverted period, and anything parsed round-trips', () => {
    fc.assert(
      fc.property(junkArb, fc.option(yearArb, { nil: undefined }), (s, planYear) => {
        const d = parseDeadline(s, { planYear });
        expect(DeadlineSchema.safeParse(d).success).toBe(true);
        expect(d.text).toBe(s.trim());
        if (d.kind === 'period') expect(plausible(d.period), s).toBe(true);
        if (d.kind === 'recurring' && d.first) expect(plausible(d.first), s).toBe(true);
        const text = formatDeadline(d);
        if (d.kind === 'period' || d.kind === 'recurring') expect(body(parseDeadline(text)), s).toEqual(body(d));
        else expect(text).toBe(s.trim());
        const due = dueDate(d, '2025-06-15');
        if (due !== null) expect(ymd(due)).not.toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('stays fast on 10,000 cells, long cells included', () => {
    const cells = fc
      .sample(junkArb, 9000)
      .concat(Array.from({ length: 1000 }, (_, i) => `${'Quý III/2025, '.repeat(50)}${'1/'.repeat(200)}${i}`));
    const t0 = performance.now();
    for (const c of cells) parseDeadline(c);
    // Generous bound (≈100× the measured time) so a slow CI machine does not flake; a backtracking blow-up would exceed it.
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
