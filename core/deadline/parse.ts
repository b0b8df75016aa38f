// Deadline grammar: reads "Thời gian hoàn thành" text (or an Excel date / number) into a structured Deadline.
import type { Deadline, Period, Recurrence } from '../model/deadline.ts';
import { fold } from '../text/fold.ts';
import { dayPeriod, halfPeriod, isPlausibleYear, monthPeriod, nextDay, quarterPeriod, rangePeriod, yearPeriod } from './calendar.ts';
import { formatDay } from './format.ts';
import { lex, type Token } from './lexer.ts';

/** Options for {@link parseDeadline}. */
export interface ParseDeadlineOptions {
  /** Year assumed when a phrase names a month, quarter or half but no year ("Quý IV", "6 tháng đầu năm"). */
  planYear?: number;
}

type Relative = NonNullable<Extract<Deadline, { kind: 'recurring' }>['relative']>;
/** A deadline before its original text is attached. */
type Body =
  | { kind: 'period'; period: Period; note?: string }
  | { kind: 'recurring'; every: Recurrence; first?: Period; relative?: Relative; note?: string }
  | { kind: 'conditional' }
  | { kind: 'unparsed' };

// Keywords are folded with the same fold() the lexer uses, so "tùy"→"tui", "kỳ"→"ki" can never drift apart.
type Phrase = readonly string[];
const P = (s: string): Phrase => fold(s).split(' ');
const PS = (...list: string[]): Phrase[] => list.map(P).sort((a, b) => b.length - a.length);

const K = {
  thang: P('tháng'),
  qui: P('quý'),
  q: P('q'),
  nam: P('năm'),
  ngay: P('ngày'),
  cuoi: P('cuối'),
  dau: P('đầu'),
  nua: P('nửa'),
  sau: P('sáu'),
  tu: P('từ'),
  het: P('hết'),
  va: P('và'),
  giaiDoan: PS('giai đoạn', 'gđ'),
  thuongXuyen: P('thường xuyên'),
  lienTuc: P('liên tục'),
  troDi: PS('trở đi', 'trở về sau'),
  nay: PS('nay', 'bây giờ', 'hiện nay'),
  cua: PS('của', 'vào', 'trong'),
  of: P('của'),
  do: P('đó'),
  hangNam: PS('hằng năm', 'mỗi năm'), // fold() makes "hàng năm" the same words
  yearBefore: PS('trước', 'liền trước'),
  // "Trước ngày 31/01 năm liền kề": the year after, as "năm sau" and "năm tiếp theo" say it.
  yearAfter: PS('sau', 'tới', 'kế tiếp', 'tiếp theo', 'liền kề', 'liền sau'),
  batDauTu: PS('bắt đầu từ', 'kể từ', 'từ'),
};
const EVERY_WORDS = PS('hằng', 'mỗi', 'từng');
const EVERY_UNITS: [Phrase, Recurrence][] = [
  [P('năm'), 'yearly'],
  [P('quý'), 'quarterly'],
  [P('tháng'), 'monthly'],
];
const VERBS = PS('bắt đầu', 'hoàn thành', 'thực hiện', 'triển khai', 'dự kiến', 'thời gian', 'thời hạn', 'tiến độ');
const FILLERS = PS('định kỳ', 'duy trì', 'thực hiện', 'triển khai', 'sau đó', 'tiếp tục', 'và');
const NEXT_YEARS = PS('tiếp theo', 'sau', 'kế tiếp', 'tiếp', 'sau đó', 'tiếp sau');
const prep = (kind: Prep, ...list: string[]): [Phrase, Prep][] => list.map((x): [Phrase, Prep] => [P(x), kind]);
// "Hoàn thành trong…", "Chậm nhất…", "Đến hết năm 2030", "Trước ngày 15/3/2026": longest first.
const PREPS: [Phrase, Prep][] = [
  ...prep(
    'in',
    'chậm nhất là vào',
    'chậm nhất là trong',
    'chậm nhất là',
    'chậm nhất vào',
    'chậm nhất trong',
    'chậm nhất',
    'muộn nhất là',
    'muộn nhất',
    'trong',
    'vào',
    'hết',
  ),
  ...prep('by', 'đến hết', 'đến', 'tới hết', 'tới'),
  ...prep('before', 'trước'),
].sort((a, b) => b[0].length - a[0].length);
// Phrases that make a date unknowable: "Khi có văn bản…", "Theo hướng dẫn…", "Sau khi có…", "Tùy theo…".
const CONDITIONAL = PS('khi', 'sau khi', 'ngay khi', 'ngay sau khi', 'theo', 'tùy', 'căn cứ', 'phụ thuộc', 'đột xuất', 'nếu', 'chờ');
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
// "Sau 03 tháng kể từ khi …", "Trong vòng 30 ngày kể từ ngày …": a span counted from an event, not a date.
const EVENT_LEADS = PS('sau', 'trong', 'trong vòng', 'trong thời hạn', 'trong thời gian', 'chậm nhất', 'không quá', 'tối đa');
const EVENT_UNITS = PS('ngày làm việc', 'ngày', 'tuần', 'tháng', 'quý', 'năm');
const EVENT_FROM = PS('kể từ', 'tính từ', 'từ', 'sau khi', 'sau', 'khi');

type Prep = 'in' | 'by' | 'before';
type NumTok = Extract<Token, { kind: 'num' }>;
type UnitKind = 'day' | 'month' | 'quarter' | 'half' | 'year';
/** One stated unit; `y` is missing when the year comes from a neighbour ("Tháng 7, 8/2025") or the plan year. */
interface Item {
  kind: UnitKind;
  y?: number;
  n: number; // month, quarter, half, or (for day) the month
  d?: number;
}
type Sep = 'list' | 'range';

/** A token cursor with cheap backtracking (save/restore the index). */
class Cursor {
  i = 0;
  constructor(readonly toks: readonly Token[]) {}
  get done(): boolean {
    return this.i >= this.toks.length;
  }
  phrase(words: Phrase): boolean {
    for (let k = 0; k < words.length; k++) {
      const t = this.toks[this.i + k];
      if (!t || t.kind !== 'word' || t.value !== words[k]) return false;
    }
    this.i += words.length;
    return true;
  }
  /** Index of the first phrase consumed (lists are sorted longest first), or -1. */
  oneOf(list: readonly Phrase[]): number {
    for (let k = 0; k < list.length; k++) if (this.phrase(list[k]!)) return k;
    return -1;
  }
  sep(...values: string[]): string | null {
    const t = this.toks[this.i];
    if (t?.kind !== 'sep' || !values.includes(t.value)) return null;
    this.i++;
    return t.value;
  }
  num(maxDigits = 9): NumTok | null {
    const t = this.toks[this.i];
    if (t?.kind !== 'num' || t.digits > maxDigits || Number.isNaN(t.value)) return null;
    this.i++;
    return t;
  }
  /** Run a sub-parser; on null, rewind as if nothing was read. */
  try<T>(f: () => T | null): T | null {
    const at = this.i;
    const r = f();
    if (r === null) this.i = at;
    return r;
  }
}

// ── units ────────────────────────────────────────────────────────────────────

/** A four-digit year token (validity is checked when periods are built, so "2150" fails the whole phrase). */
function year4(c: Cursor): number | null {
  return c.try(() => {
    const t = c.num(4);
    return t && t.digits === 4 ? t.value : null;
  });
}

/** "/2025", "-2025", ".2025", ", 2025", "năm 2025", "của năm 2025", " 2025" after a month or quarter. */
function yearPart(c: Cursor): number | null {
  return c.try(() => {
    c.sep('/', '-', '.', ',');
    c.phrase(K.of);
    c.phrase(K.nam);
    return year4(c);
  });
}

/** Quarter number: I–IV or 1–4. */
function quarterNumber(c: Cursor): number | null {
  return c.try(() => {
    const t = c.toks[c.i];
    if (t?.kind === 'word' && ROMAN[t.value] !== undefined) {
      c.i++;
      return ROMAN[t.value]!;
    }
    const n = c.num(2);
    return n && n.value >= 1 && n.value <= 4 ? n.value : null;
  });
}

/** "Quý", "Quí", "Quy", "Q" followed by the number; "QIII" written as one word. */
function quarterHead(c: Cursor): number | null {
  return c.try(() => {
    const t = c.toks[c.i];
    if (t?.kind === 'word' && t.value.length > 1 && t.value[0] === 'q' && ROMAN[t.value.slice(1)] !== undefined) {
      c.i++;
      return ROMAN[t.value.slice(1)]!;
    }
    if (!c.phrase(K.qui) && !c.phrase(K.q)) return null;
    return quarterNumber(c);
  });
}

function month(c: Cursor): number | null {
  return c.try(() => {
    const n = c.num(2);
    return n && n.value >= 1 && n.value <= 12 ? n.value : null;
  });
}

function withYear(item: Item, y: number | null): Item {
  return y === null ? item : { ...item, y };
}

/** One unit: a day, month, quarter, half or year, in any of its spellings. `prev` allows bare list items ("Tháng 7, 8"). */
function unit(c: Cursor, prev?: Item, prevSep?: Sep): Item | null {
  const t = c.toks[c.i];
  if (!t) return null;
  if (t.kind === 'word') {
    return (
      c.try(() => endOfYear(c)) ??
      c.try(() => half(c)) ??
      c.try(() => {
        const q = quarterHead(c);
        return q === null ? null : withYear({ kind: 'quarter', n: q }, yearPart(c));
      }) ??
      c.try(() => {
        if (!c.phrase(K.thang)) return null;
        const m = month(c);
        return m === null ? null : withYear({ kind: 'month', n: m }, yearPart(c));
      }) ??
      c.try(() => (c.phrase(K.ngay) ? (c.try(() => dayNumeric(c, true)) ?? dayWords(c)) : null)) ??
      c.try(() => {
        if (!c.phrase(K.nam)) return null;
        const y = year4(c);
        return y === null ? null : { kind: 'year', n: 0, y };
      }) ??
      (prev?.kind === 'quarter'
        ? c.try(() => {
            const q = quarterNumber(c);
            return q === null ? null : withYear({ kind: 'quarter', n: q }, yearPart(c));
          })
        : null)
    );
  }
  if (t.kind !== 'num') return null;
  // A bare number continuing a list keeps the list's unit: "Tháng 7, 8/2025", "Quý I, 2/2026", "2025-26".
  if (prev?.kind === 'month') {
    const r = c.try(() => {
      const m = month(c);
      return m === null ? null : withYear({ kind: 'month', n: m }, yearPart(c));
    });
    if (r) return r;
  }
  if (prev?.kind === 'quarter') {
    const r = c.try(() => {
      const q = quarterNumber(c);
      return q === null ? null : withYear({ kind: 'quarter', n: q }, yearPart(c));
    });
    if (r) return r;
  }
  if (prev?.kind === 'year' && prev.y !== undefined && prevSep === 'range' && t.digits === 2) {
    c.i++;
    const y = Math.floor(prev.y / 100) * 100 + t.value;
    return y > prev.y ? { kind: 'year', n: 0, y } : null;
  }
  return (
    c.try(() => dayNumeric(c, false)) ??
    c.try(() => isoDay(c)) ??
    half(c) ??
    c.try(() => {
      // "7/2025": a bare month needs its year, or it would be any number.
      const m = month(c);
      if (m === null || !c.sep('/', '-', '.')) return null;
      const y = year4(c);
      return y === null ? null : { kind: 'month', n: m, y };
    }) ??
    c.try(() => {
      const y = year4(c);
      return y === null ? null : { kind: 'year', n: 0, y };
    })
  );
}

/** "31/12/2025", "31-12-2025", "31.12.2025" (one separator throughout); after "ngày" the year may be left out. */
function dayNumeric(c: Cursor, afterNgay: boolean): Item | null {
  const d = c.num(2);
  if (!d) return null;
  const s = c.sep('/', '-', '.');
  if (!s) return null;
  const m = c.num(2);
  if (!m) return null;
  const y = c.try(() => (c.sep(s) ? year4(c) : null));
  if (y === null && !afterNgay) return null;
  return { kind: 'day', n: m.value, d: d.value, ...(y === null ? {} : { y }) };
}

/** "ngày 15 tháng 3 năm 2026" (the "ngày" already read). */
function dayWords(c: Cursor): Item | null {
  const d = c.num(2);
  if (!d || !c.phrase(K.thang)) return null;
  const m = c.num(2);
  if (!m) return null;
  const y = c.try(() => (c.phrase(K.nam) ? year4(c) : null));
  return { kind: 'day', n: m.value, d: d.value, ...(y === null ? {} : { y }) };
}

/** "2025-12-31" (ISO, as exported by other tools). */
function isoDay(c: Cursor): Item | null {
  const y = year4(c);
  if (y === null || !c.sep('-')) return null;
  const m = c.num(2);
  if (!m || !c.sep('-')) return null;
  const d = c.num(2);
  return d ? { kind: 'day', y, n: m.value, d: d.value } : null;
}

/** "6 tháng đầu năm 2026", "sáu tháng cuối năm", "nửa đầu năm 2026". */
function half(c: Cursor): Item | null {
  return c.try(() => {
    const six = c.try(() => ((c.num(2)?.value === 6 || c.phrase(K.sau)) && c.phrase(K.thang) ? true : null));
    if (!six && !c.phrase(K.nua)) return null;
    const h = c.phrase(K.dau) ? 1 : c.phrase(K.cuoi) ? 2 : 0;
    if (h === 0) return null;
    c.phrase(K.nam);
    c.sep('/');
    return withYear({ kind: 'half', n: h }, year4(c));
  });
}

/**
 * "Cuối năm 2025" → Quý IV/2025 and "Đầu năm 2026" → Quý I/2026 (the quarter such phrases mean in practice);
 * "Cuối quý III/2025", "Cuối tháng 9/2025" → that quarter or month (its end is the due date anyway).
 */
function endOfYear(c: Cursor): Item | null {
  const end = c.phrase(K.cuoi);
  if (!end && !c.phrase(K.dau)) return null;
  if (c.phrase(K.nam)) {
    c.sep('/');
    return withYear({ kind: 'quarter', n: end ? 4 : 1 }, year4(c));
  }
  if (!end) return null; // "đầu tháng/quý": the unit's end would be a later date than meant
  const q = quarterHead(c);
  if (q !== null) return withYear({ kind: 'quarter', n: q }, yearPart(c));
  if (!c.phrase(K.thang)) return null;
  const m = month(c);
  return m === null ? null : withYear({ kind: 'month', n: m }, yearPart(c));
}

function listSep(c: Cursor): Sep | null {
  if (c.sep(',')) {
    c.phrase(K.va);
    return 'list';
  }
  if (c.phrase(K.va)) return 'list';
  if (c.sep('-')) {
    c.phrase(K.het);
    return 'range';
  }
  if (c.oneOf(PS('đến', 'tới')) >= 0) {
    c.phrase(K.het);
    return 'range';
  }
  return null;
}

function periodOf(it: Item): Period | null {
  const y = it.y;
  if (y === undefined) return null;
  switch (it.kind) {
    case 'day':
      return dayPeriod(y, it.n, it.d ?? 0);
    case 'month':
      return monthPeriod(y, it.n);
    case 'quarter':
      return quarterPeriod(y, it.n);
    case 'half':
      return halfPeriod(y, it.n);
    case 'year':
      return yearPeriod(y);
  }
}

/**
 * Units joined by "," / "và" (consecutive items of one unit: "Tháng 7,8", "Quý I, II") or "-" / "đến"
 * (a later item: "2025 - 2026", "tháng 7/2025 đến tháng 12/2025"), as one period.
 */
function span(c: Cursor, planYear: number | undefined): Period | null {
  return spanWithCount(c, planYear)?.period ?? null;
}

/** {@link span}, also saying how many units were written (one unit after "Từ" is an open start). */
function spanWithCount(c: Cursor, planYear: number | undefined): { period: Period; count: number } | null {
  const first = unit(c);
  if (!first) return null;
  const items: Item[] = [first];
  const seps: Sep[] = [];
  for (;;) {
    const at = c.i;
    const s = listSep(c);
    const next = s ? unit(c, items[items.length - 1], s) : null;
    if (!s || !next) {
      c.i = at;
      break;
    }
    items.push(next);
    seps.push(s);
  }
  // A year written once covers the items before it ("Tháng 7, 8/2025") and after it ("tháng 7/2025 đến tháng 12").
  for (let k = items.length - 2; k >= 0; k--) if (items[k]!.y === undefined) items[k]!.y = items[k + 1]!.y;
  for (let k = 1; k < items.length; k++) if (items[k]!.y === undefined) items[k]!.y = items[k - 1]!.y;
  const periods: Period[] = [];
  for (const it of items) {
    const p = periodOf(it.y === undefined && planYear !== undefined ? { ...it, y: planYear } : it);
    if (!p) return null;
    periods.push(p);
  }
  for (let k = 0; k < seps.length; k++) {
    const a = periods[k]!;
    const b = periods[k + 1]!;
    const ok = seps[k] === 'list' ? items[k]!.kind === items[k + 1]!.kind && nextDay(a.end) === b.start : a.end < b.start;
    if (!ok) return null;
  }
  const period = periods.length === 1 ? periods[0]! : rangePeriod(periods[0]!, periods[periods.length - 1]!);
  return period ? { period, count: periods.length } : null;
}

// ── phrases ──────────────────────────────────────────────────────────────────

/** "Thường xuyên", "Liên tục", "Hằng năm", "Hàng quý", "Mỗi tháng". */
function frequency(c: Cursor): Recurrence | null {
  return c.try(() => {
    if (c.phrase(K.thuongXuyen)) {
      c.try(() => {
        if (!c.sep(',')) c.phrase(K.va);
        return c.phrase(K.lienTuc) ? true : null;
      });
      return 'continuous';
    }
    if (c.phrase(K.lienTuc)) return 'continuous';
    if (c.oneOf(EVERY_WORDS) < 0) return null;
    for (const [w, every] of EVERY_UNITS) if (c.phrase(w)) return every;
    return null;
  });
}

function skipFillers(c: Cursor): void {
  while (c.oneOf(FILLERS) >= 0) c.sep(',');
}

/** "Quý IV", "Tháng 12" or (withDay) "ngày 31/01" with no year, as used in relative phrases. */
function relativeUnit(c: Cursor, withDay = false): Relative | null {
  return c.try(() => {
    const q = quarterHead(c);
    if (q !== null) return { quarter: q, yearOffset: 0 };
    if (c.phrase(K.thang)) {
      const m = month(c);
      return m === null ? null : { month: m, yearOffset: 0 };
    }
    if (!withDay) return null;
    const ngay = c.phrase(K.ngay);
    const it = c.try(() => dayNumeric(c, true)) ?? (ngay ? dayWords(c) : null);
    // A day some year has (29/02 in a leap one), and no year of its own.
    if (!it || it.y !== undefined || it.d === undefined || !dayPeriod(2000, it.n, it.d)) return null;
    return { month: it.n, day: it.d, yearOffset: 0 };
  });
}

/** A relative unit in a given year: "Quý I năm sau" in a 2026 plan is Quý I/2027. */
function relativeIn(rel: Relative, y: number): Period | null {
  if (rel.quarter !== undefined) return quarterPeriod(y, rel.quarter);
  if (rel.month === undefined) return null;
  return rel.day === undefined ? monthPeriod(y, rel.month) : dayPeriod(y, rel.month, rel.day);
}

/**
 * "Quý IV của năm trước", "Tháng 12 năm sau", "Quý IV 2 năm trước", "Quý IV hằng năm", "Trước ngày 31/01 năm liền
 * kề". A later year ("năm sau", "năm tiếp theo", "năm liền kề") counts from the plan's year when it has one: in the
 * 2026 plan "Trước ngày 31/01 năm liền kề" is 31/1/2027. Without one (no year, or a stage "giai đoạn 2026-2030") it
 * stays relative, each year's. "Năm trước" stays relative either way: a duty done the year before each year's plan.
 */
function relative(c: Cursor, planYear: number | undefined): Body | null {
  const prep = leadingPrep(c);
  const rel = relativeUnit(c, true);
  if (!rel) return null;
  // "Trước quý I năm sau" could mean before it starts: only a day is unambiguous after "trước" (as for periods).
  if (prep === 'before' && rel.day === undefined) return null;
  c.oneOf(K.cua);
  if (c.oneOf(K.hangNam) >= 0) return c.done && rel.day === undefined ? { kind: 'recurring', every: 'yearly', relative: rel } : null;
  const n = c.num(1);
  if (n && n.value === 0) return null;
  if (!c.phrase(K.nam)) return null;
  const sign = c.oneOf(K.yearBefore) >= 0 ? -1 : c.oneOf(K.yearAfter) >= 0 ? 1 : 0;
  if (sign === 0) return null;
  c.phrase(K.do);
  if (!c.done) return null;
  const yearOffset = sign * (n?.value ?? 1);
  if (yearOffset > 0 && planYear !== undefined) {
    const period = relativeIn(rel, planYear + yearOffset);
    return period ? { kind: 'period', period } : null;
  }
  return { kind: 'recurring', every: 'yearly', relative: { ...rel, yearOffset } };
}

/** "Sau 03 tháng kể từ khi …", "30 ngày sau khi …", "Trong vòng 15 ngày": due some time after an event, no date. */
function fromEvent(c: Cursor): Body | null {
  const lead = c.oneOf(EVENT_LEADS) >= 0;
  if (!c.num(3) || c.oneOf(EVENT_UNITS) < 0) return null;
  if (c.done) return lead ? { kind: 'conditional' } : null;
  return c.oneOf(EVENT_FROM) >= 0 ? { kind: 'conditional' } : null;
}

/** "Định kỳ hằng quý", "Thực hiện thường xuyên", "Hằng năm vào quý IV", "Hằng năm, bắt đầu từ năm 2025". */
function recurrence(c: Cursor, planYear: number | undefined): Body | null {
  skipFillers(c);
  const every = frequency(c);
  if (!every) return null;
  if (c.done) return { kind: 'recurring', every };
  c.sep(',');
  if (every === 'yearly') {
    const rel = c.try(() => {
      c.oneOf(K.cua);
      const r = relativeUnit(c);
      return r && c.done ? r : null;
    });
    if (rel) return { kind: 'recurring', every, relative: rel };
  }
  if (c.oneOf(K.batDauTu) < 0) return null;
  const first = span(c, planYear);
  return first && c.done ? { kind: 'recurring', every, first } : null;
}

/** Whether a first period is whole years (then "trở đi" means yearly, otherwise continuous). */
function wholeYears(p: Period): boolean {
  return p.start.endsWith('-01-01') && p.end.endsWith('-12-31');
}

/** After a first period: ", duy trì hằng năm", "và thường xuyên", "và những năm tiếp theo", "trở đi". */
function continuation(c: Cursor, first: Period): Recurrence | null {
  return c.try(() => {
    c.sep(',');
    skipFillers(c);
    let every = frequency(c);
    if (!every && c.oneOf(PS('những', 'các')) >= 0 && c.phrase(K.nam) && c.oneOf(NEXT_YEARS) >= 0) every = 'yearly';
    if (!every && c.oneOf(K.troDi) >= 0) every = wholeYears(first) ? 'yearly' : 'continuous';
    return every && c.done ? every : null;
  });
}

/** "Hoàn thành trong", "Chậm nhất là", "Đến hết", "Trước": the first one read, or null. */
function leadingPrep(c: Cursor): Prep | null {
  for (const [p, kind] of PREPS) if (c.phrase(p)) return kind;
  return null;
}

/** A period, possibly "Từ … đến …", "Giai đoạn …", or a first period followed by a recurrence. */
function periodPhrase(c: Cursor, planYear: number | undefined): Body | null {
  const prep = leadingPrep(c);
  let open = false;
  let period: Period | null;
  if (c.phrase(K.tu)) {
    // "Từ nay đến năm 2030" is read as "Đến năm 2030": the deadline is the end.
    const fromNow = c.oneOf(K.nay) >= 0;
    if (fromNow && listSep(c) !== 'range') return null;
    const r = spanWithCount(c, planYear);
    period = r?.period ?? null;
    // "Từ tháng 7/2025" with no end: an open start, i.e. the first period of something ongoing.
    open = !fromNow && r?.count === 1;
  } else {
    if (c.oneOf(K.giaiDoan) >= 0) c.phrase(K.tu);
    period = span(c, planYear);
  }
  if (!period) return null;
  // "Trước quý III" could mean "before Q3 starts": only a day is unambiguous after "trước".
  if (prep === 'before' && period.precision !== 'day') return null;
  if (c.done) {
    if (!open) return { kind: 'period', period };
    return { kind: 'recurring', every: wholeYears(period) ? 'yearly' : 'continuous', first: period };
  }
  const every = continuation(c, period);
  return every ? { kind: 'recurring', every, first: period } : null;
}

const EDGE_SEPS = new Set(['-', ',', '.', ':']);

/** Leading bullets and trailing punctuation ("Năm 2025.", "- Thường xuyên", "Tháng 7/2025,"). */
function trimSeps(toks: Token[]): Token[] {
  let a = 0;
  let b = toks.length;
  const edge = (t: Token) => t.kind === 'sep' && EDGE_SEPS.has(t.value);
  while (a < b && edge(toks[a]!)) a++;
  while (b > a && edge(toks[b - 1]!)) b--;
  return toks.slice(a, b);
}

function parseText(text: string, planYear: number | undefined): Body {
  const whole = parseTokens(trimSeps(lex(text)), planYear);
  if (whole.kind !== 'unparsed') return whole;
  // "Thường xuyên, định kỳ hằng quý báo cáo về Sở Tài chính": a deadline, a comma, then words about it.
  const comma = text.indexOf(',');
  if (comma < 0) return whole;
  const head = parseTokens(trimSeps(lex(text.slice(0, comma))), planYear);
  const note = text.slice(comma + 1).trim();
  if ((head.kind !== 'period' && head.kind !== 'recurring') || !/\p{L}{2}/u.test(note)) return whole;
  return { ...head, note };
}

function parseTokens(toks: Token[], planYear: number | undefined): Body {
  const c = new Cursor(toks);
  if (c.done) return { kind: 'unparsed' };
  while (c.oneOf(VERBS) >= 0) c.sep(':');
  const start = c.i;
  for (const alt of [() => recurrence(c, planYear), () => relative(c, planYear), () => periodPhrase(c, planYear)]) {
    c.i = start;
    const r = alt();
    if (r && c.done) return r;
  }
  c.i = start;
  if (c.try(() => fromEvent(c))) return { kind: 'conditional' };
  if (c.oneOf(CONDITIONAL) >= 0) return { kind: 'conditional' };
  return { kind: 'unparsed' };
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function withText(text: string, body: Body): Deadline {
  // Each Body member is a Deadline member without `text`; TypeScript cannot see that through the spread.
  return { ...body, text } as Deadline;
}

/** A date cell has no text of its own: its text is the day as written canonically ("31/12/2025"). */
function fromDate(date: Date): Deadline {
  if (Number.isNaN(date.getTime())) return { kind: 'unparsed', text: '' };
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  const p = dayPeriod(y, m, d);
  return p ? { kind: 'period', text: formatDay(p), period: p } : { kind: 'unparsed', text: `${d}/${m}/${y}` };
}

/**
 * Parse a deadline cell: text, a real Excel date (its UTC calendar date), or a number
 * (a year such as 2025, or an Excel serial date above 20000). Never throws; anything not
 * understood comes back as `unparsed`, never as a guessed date.
 * @example parseDeadline('Quý III/2025') // { kind: 'period', text: 'Quý III/2025', period: { precision: 'quarter', start: '2025-07-01', end: '2025-09-30' } }
 * @example parseDeadline('Tháng 7/2025, duy trì hàng năm').kind // 'recurring'
 */
export function parseDeadline(input: string | number | Date | null | undefined, opts: ParseDeadlineOptions = {}): Deadline {
  const planYear = opts.planYear !== undefined && isPlausibleYear(opts.planYear) ? opts.planYear : undefined;
  if (input === null || input === undefined) return { kind: 'unparsed', text: '' };
  if (input instanceof Date) return fromDate(input);
  if (typeof input === 'number') {
    if (Number.isInteger(input) && isPlausibleYear(input)) return { kind: 'period', text: String(input), period: yearPeriod(input)! };
    // Excel serial day numbers (1900 date system); the fraction is a time of day.
    if (Number.isFinite(input) && input > 20000 && input < 100_000) return fromDate(new Date(EXCEL_EPOCH + Math.floor(input) * DAY_MS));
    return { kind: 'unparsed', text: String(input) };
  }
  const text = String(input).trim();
  // A deadline column repeats a handful of phrases; parse each once and hand out copies (callers may edit them).
  // Keyed by the text itself, in a map per plan year: no key string to build and hash on every call.
  let cache = planYear === undefined ? PARSED : PARSED_IN.get(planYear);
  if (cache === undefined) PARSED_IN.set(planYear!, (cache = new Map()));
  let parsed = cache.get(text);
  if (parsed === undefined) {
    parsed = withText(text, parseText(text, planYear));
    if (parsedCount >= PARSED_LIMIT) {
      // Emptied, not dropped: a plausible year's map stays (a few hundred at most).
      PARSED.clear();
      for (const m of PARSED_IN.values()) m.clear();
      parsedCount = 0;
    }
    cache.set(text, parsed);
    parsedCount++;
  }
  return copyDeadline(parsed);
}

const PARSED = new Map<string, Deadline>();
const PARSED_IN = new Map<number, Map<string, Deadline>>();
const PARSED_LIMIT = 20_000;
let parsedCount = 0;

/** A deep copy of a deadline (two levels of plain objects at most). */
function copyDeadline(d: Deadline): Deadline {
  if (d.kind === 'period') return { ...d, period: { ...d.period } };
  if (d.kind === 'recurring') {
    const out = { ...d };
    if (d.first) out.first = { ...d.first };
    if (d.relative) out.relative = { ...d.relative };
    return out;
  }
  return { ...d };
}
