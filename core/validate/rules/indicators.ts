// Indicator checks: unit and target present, target a valid number for its unit, later milestones not asking less.
import type { AppendixRow } from '../../model/appendix.ts';
import { fold } from '../../text/fold.ts';
import { cellLoc, items, type Check } from '../context.ts';

/** Units whose target must be a number ("%", "người", "hồ sơ"…); "Báo cáo", "Văn bản", "Mô hình" may be words. */
const QUALITATIVE_UNITS = ['bao cao', 'van ban', 'ke hoach', 'mo hinh', 'de an', 'quyet dinh', 'san pham'];

export interface ParsedTarget {
  value: number;
  /** "≥ 70" → 'min'; "≤ 5" → 'max'; "70" → 'exact'; a range "40 - 50" → 'min' at its low end. */
  bound: 'min' | 'max' | 'exact';
  /** The high end of a range ("40 - 50", "Từ 40 đến 50%"). */
  upTo?: number;
}

/**
 * Parse a target like "80", "≥ 70", ">= 98%", "Trên 90", "Tối thiểu 85", "100%", "0,5", "40 - 50".
 * @example parseTarget('≥ 70') // { value: 70, bound: 'min' }
 */
export function parseTarget(text: string): ParsedTarget | null {
  const range = parseRange(text);
  if (range) return range;
  let t = text.trim().normalize('NFC');
  let bound: ParsedTarget['bound'] = 'exact';
  const f = fold(t);
  if (/^(>=?|≥|⩾)/.test(t) || /^(tren|it nhat|toi thieu|khong duoi|dat tren|dat it nhat)\b/.test(f)) bound = 'min';
  else if (/^(<=?|≤|⩽)/.test(t) || /^(duoi|toi da|khong qua)\b/.test(f)) bound = 'max';
  t = t.replace(/^(>=?|≥|⩾|<=?|≤|⩽)\s*/, '').replace(/^[^\d-]*?(?=-?\d)/u, '');
  const m = /^(-?\d{1,3}(?:[.\s]\d{3})+|-?\d+)(?:,(\d+))?\s*%?\s*$/.exec(t) ?? /^(-?\d+)(?:[.,](\d+))?\s*%?\s*$/.exec(t);
  if (!m) return null;
  const whole = m[1]!.replace(/[.\s]/g, '');
  const value = Number(m[2] ? `${whole}.${m[2]}` : whole);
  return Number.isFinite(value) ? { value, bound } : null;
}

const NUM = String.raw`(\d+(?:[.,]\d+)?)`;
const RANGE = new RegExp(String.raw`^(?:từ\s*)?${NUM}\s*%?\s*(?:-|–|—|đến|tới|~)\s*${NUM}\s*%?$`, 'iu');

/** "40 - 50", "40–50%", "Từ 40 đến 50": a range, read as at least its low end. */
function parseRange(text: string): ParsedTarget | null {
  const m = RANGE.exec(text.trim().normalize('NFC'));
  if (!m) return null;
  const lo = Number(m[1]!.replace(',', '.'));
  const hi = Number(m[2]!.replace(',', '.'));
  return Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi ? { value: lo, bound: 'min', upTo: hi } : null;
}

/**
 * The first number inside a target written with words ("Trên 90% dân số", "100% xã đạt chuẩn").
 * @example numberInWords('Trên 90% dân số') // { value: 90, bound: 'min' }
 */
export function numberInWords(text: string): ParsedTarget | null {
  const m = /(\d+(?:[.,]\d+)?)\s*%?/u.exec(text);
  if (!m) return null;
  return parseTarget(text.slice(0, m.index + m[0].length));
}

function isPercent(unit: string, target: string): boolean {
  return unit.includes('%') || target.trim().endsWith('%') || fold(unit).includes('phan tram') || fold(unit) === 'ti le';
}

export const indicatorValues: Check = (ctx) => {
  if (ctx.appendix.kind !== 'indicators') return;
  const hasUnit = ctx.appendix.columns.unit !== undefined || ctx.appendix.header.rows.length === 0;
  const hasTarget = ctx.appendix.columns.target !== undefined || ctx.appendix.header.rows.length === 0;
  for (const row of items(ctx.appendix)) {
    const unit = (row.fields.unit ?? '').trim();
    const target = (row.fields.target ?? '').trim();
    if (hasUnit && unit === '') ctx.push({ code: 'indicator-unit-missing', params: {}, loc: cellLoc(ctx, row, 'unit') });
    if (!hasTarget) continue;
    const qualitative = QUALITATIVE_UNITS.some((u) => fold(unit).startsWith(u));
    if (target === '') {
      if (!qualitative) ctx.push({ code: 'indicator-target-missing', params: {}, loc: cellLoc(ctx, row, 'target') });
      continue;
    }
    if (qualitative) continue;
    // A target with words ("Trên 90% dân số", "Đạt chuẩn") is a valid target: check its number when it has one.
    // Words alone cannot measure a percentage ("cao" in %), so there they stay invalid.
    const parsed = parseTarget(target) ?? numberInWords(target);
    if (!parsed && /\p{L}/u.test(target) && !isPercent(unit, target)) continue;
    if (!parsed)
      ctx.push({ code: 'indicator-target-invalid', params: { target, unit, reason: 'not-number' }, loc: cellLoc(ctx, row, 'target') });
    else if (parsed.value < 0)
      ctx.push({ code: 'indicator-target-invalid', params: { target, unit, reason: 'negative' }, loc: cellLoc(ctx, row, 'target') });
    else if (isPercent(unit, target) && Math.max(parsed.value, parsed.upTo ?? 0) > 100)
      ctx.push({ code: 'indicator-target-invalid', params: { target, unit, reason: 'percent-range' }, loc: cellLoc(ctx, row, 'target') });
  }
};

/**
 * The same indicator (same folded text and unit) in a later milestone group must not ask less.
 * Direction: a "≤" bound (a maximum) may go down; everything else must not.
 */
export const indicatorRegression: Check = (ctx) => {
  if (ctx.appendix.kind !== 'indicators') return;
  const last = new Map<string, { row: AppendixRow; target: ParsedTarget; text: string }>();
  for (const row of items(ctx.appendix)) {
    const target = parseTarget(row.fields.target ?? '');
    if (!target) continue;
    const key = `${fold(row.fields.content ?? '')}|${fold(row.fields.unit ?? '')}`;
    const prev = last.get(key);
    if (prev && prev.row.group !== row.group) {
      const regress = target.bound === 'max' ? target.value > prev.target.value : target.value < prev.target.value;
      if (regress) {
        ctx.push({
          code: 'indicator-target-regression',
          params: { target: row.fields.target!, earlier: prev.text, earlierRow: prev.row.source.row },
          loc: cellLoc(ctx, row, 'target'),
        });
      }
    }
    last.set(key, { row, target, text: row.fields.target! });
  }
};
