// Appendix identity across revisions: table kind and folded sheet name, numbered when a sheet holds two such tables.
import type { Appendix, Plan } from '../model/appendix.ts';
import { fold } from '../text/fold.ts';

/**
 * Key of an appendix; `index` is its 0-based occurrence among tables of the same kind on the same sheet
 * (see appendixKeys), so the second tasks table of a sheet gets a "#2" suffix.
 * @example appendixKey({ kind: 'tasks', sheet: 'PL II', … }, 1) // 'tasks:pl ii#2'
 */
export function appendixKey(a: Appendix, index: number): string {
  const key = `${a.kind}:${fold(a.sheet)}`;
  return index === 0 ? key : `${key}#${index + 1}`;
}

/**
 * The key of every appendix of a plan, in order.
 * @example appendixKeys(plan) // ['tasks:pl i', 'indicators:pl ii', 'indicators:pl ii#2']
 */
export function appendixKeys(plan: Plan): string[] {
  const seen = new Map<string, number>();
  return plan.appendices.map((a) => {
    const bare = appendixKey(a, 0);
    const n = seen.get(bare) ?? 0;
    seen.set(bare, n + 1);
    return appendixKey(a, n);
  });
}

/**
 * Appendices of `a` matched to appendices of `b` by key (index in a → index in b).
 * @example matchAppendices(base, head).get(0) // 0
 */
export function matchAppendices(a: Plan, b: Plan): Map<number, number> {
  const inB = new Map(appendixKeys(b).map((k, j) => [k, j]));
  const out = new Map<number, number>();
  appendixKeys(a).forEach((k, i) => {
    const j = inB.get(k);
    if (j !== undefined) out.set(i, j);
  });
  return out;
}
