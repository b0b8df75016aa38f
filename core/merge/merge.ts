// mergePlans: three-way merge of a commune's plan by task identity, for a push whose base is older than the head.
import type { Appendix, Plan } from '../model/appendix.ts';
import type { FieldConflict, MergeLog, MergeStats } from './conflict.ts';
import { appendixKeys } from './identity.ts';
import { mergeAppendixRows } from './merge-rows.ts';
import { interleave, type Placed } from './order.ts';
import { pickChanged } from './same-value.ts';

export type MergeResult = { ok: true; plan: Plan; stats: MergeStats } | { ok: false; conflicts: FieldConflict[] };

type Meta = Omit<Appendix, 'rows'>;

/**
 * Merge `base` (the common ancestor), `theirs` (the head) and `mine` (the pushed plan). Changes to different
 * tasks, or to different fields of one task, combine; any conflict returns every conflict and merges nothing.
 * The merged plan holds item rows only, in theirs' order with mine's additions placed where mine put them.
 * Appendices match by appendixKey; metadata and the plan reference take mine's version when mine changed them.
 * Pure and deterministic: inputs are never mutated and the result shares no objects with them.
 * @example
 * const r = mergePlans(base, head, pushed);
 * if (!r.ok) return c.json({ conflicts: r.conflicts }, 409);
 */
export function mergePlans(base: Plan, theirs: Plan, mine: Plan): MergeResult {
  const log: MergeLog = { conflicts: [], stats: { fromTheirs: 0, fromMine: 0, both: 0 } };
  const baseByKey = byKey(base);
  const theirsByKey = byKey(theirs);
  const mineByKey = byKey(mine);

  const merge = (key: string): Appendix | null => {
    const b = baseByKey.get(key);
    const t = theirsByKey.get(key);
    const m = mineByKey.get(key);
    // A side lacking an appendix the ancestor had deleted it; lacking one the ancestor lacked, it just has none.
    const side = (a: Appendix | undefined) => (a ? a.rows : b ? null : []);
    const rows = mergeAppendixRows(key, b?.rows ?? [], side(t), side(m), log);
    if (b && (!t || !m)) return null;
    const meta = pickChanged<Meta | undefined>(b && metaOf(b), t && metaOf(t), m && metaOf(m)) ?? metaOf((t ?? m)!);
    return { ...structuredClone(meta), rows };
  };

  const spine: Appendix[] = [];
  const spineAt = new Map<string, number>();
  for (const key of theirsByKey.keys()) {
    const a = merge(key);
    if (!a) continue;
    spineAt.set(key, spine.length);
    spine.push(a);
  }
  const placed = [...mineByKey.keys()].map((key): Placed<Appendix> => {
    const at = spineAt.get(key);
    if (at !== undefined) return { at };
    if (theirsByKey.has(key)) return { dropped: true };
    const a = merge(key);
    return a ? { insert: a } : { dropped: true };
  });
  // Appendices both sides deleted: their tasks count as deleted on both.
  for (const key of baseByKey.keys()) if (!theirsByKey.has(key) && !mineByKey.has(key)) merge(key);

  if (log.conflicts.length > 0) return { ok: false, conflicts: log.conflicts };
  const plan: Plan = { appendices: interleave(spine, placed) };
  const source = pickChanged(base.source, theirs.source, mine.source);
  const reference = pickChanged(base.reference, theirs.reference, mine.reference);
  if (source !== undefined) plan.source = structuredClone(source);
  if (reference !== undefined) plan.reference = structuredClone(reference);
  return { ok: true, plan, stats: log.stats };
}

function byKey(plan: Plan): Map<string, Appendix> {
  const keys = appendixKeys(plan);
  return new Map(plan.appendices.map((a, i) => [keys[i]!, a]));
}

function metaOf(a: Appendix): Meta {
  const { rows: _rows, ...meta } = a;
  return meta;
}
