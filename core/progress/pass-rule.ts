// Judging an indicator's actual value against its target ("≥ 70%" met or not), with the target grammar of the checks.
import { numberInWords, parseTarget, type ParsedTarget } from '../validate/index.ts';

export type Verdict = 'met' | 'not-met' | 'unknown';

/** The rule a target sets, as a province reads it: "≥ 70%", "≤ 5". */
export interface PassRule {
  op: '≥' | '≤';
  value: number;
  percent: boolean;
  /** The rule written out ("≥ 70%", "≤ 0,5"). */
  text: string;
}

/**
 * The pass rule of a target: a minimum ("≥ 70", "Trên 90% dân số", "Tối thiểu 85", a range "40 - 50" at its low end)
 * or a maximum ("≤ 5", "Không quá 3"); a bare number ("80", "100%") is a level to reach, so ≥. Null when the
 * target has no number ("Đạt chuẩn", "Đã ban hành"): such a target is judged by people, not here.
 * @example passRuleOf('≥ 70%') // { op: '≥', value: 70, percent: true, text: '≥ 70%' }
 */
export function passRuleOf(target: string, unit = ''): PassRule | null {
  const t: ParsedTarget | null = parseTarget(target) ?? numberInWords(target);
  if (!t) return null;
  const op = t.bound === 'max' ? '≤' : '≥';
  const percent = target.includes('%') || unit.includes('%');
  return { op, value: t.value, percent, text: `${op} ${String(t.value).replace('.', ',')}${percent ? '%' : ''}` };
}

/**
 * An actual value as a number: a number as is; text when it is one number as the targets write them ("75%",
 * "75,5", "1.234"); null for words ("Đạt", "Đã ban hành") or anything else.
 * @example actualNumber('75,5%') // 75.5
 */
export function actualNumber(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const t = parseTarget(value);
  return t && t.bound === 'exact' && t.upTo === undefined ? t.value : null;
}

export interface Evaluation {
  verdict: Verdict;
  rule: PassRule | null;
  actual: number | null;
  /** Why the verdict is unknown. */
  why?: 'no-target-number' | 'no-value' | 'value-not-number';
}

/**
 * An actual against a target: met when the number satisfies the pass rule; unknown when either side is not a
 * number (a target in words, a value in words, nothing reported) — never guessed.
 * @example evaluateActual('≥ 70%', '72%').verdict // 'met'
 * @example evaluateActual('Đạt chuẩn', 'Đạt').verdict // 'unknown'
 */
export function evaluateActual(target: string | undefined, value: number | string | undefined, unit = ''): Evaluation {
  const rule = target === undefined ? null : passRuleOf(target, unit);
  if (value === undefined || (typeof value === 'string' && value.trim() === ''))
    return { verdict: 'unknown', rule, actual: null, why: 'no-value' };
  const actual = actualNumber(value);
  if (!rule) return { verdict: 'unknown', rule, actual, why: 'no-target-number' };
  if (actual === null) return { verdict: 'unknown', rule, actual, why: 'value-not-number' };
  const met = rule.op === '≥' ? actual >= rule.value : actual <= rule.value;
  return { verdict: met ? 'met' : 'not-met', rule, actual };
}
