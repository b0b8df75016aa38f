// mergePlans properties on random plans and random edits: identities, symmetry, purity; and 5,000-row plans.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergePlans, type MergeResult } from '../../../core/merge/index.ts';
import { fold } from '../../../core/text/fold.ts';
import { applyOps, randomPlan, renumber, task, type Op } from './gen.ts';
import { deepFreeze, flat, flatSpecs, planOf, type RowSpec } from './plan-of.ts';

const op: fc.Arbitrary<Op> = fc.record({
  op: fc.constantFrom('lead', 'deadline', 'tweak', 'replace', 'delete', 'insert'),
  at: fc.nat(200),
  seed: fc.nat(10_000),
});
const side = fc.record({ ops: fc.array(op, { maxLength: 6 }), renumbered: fc.boolean() });
const scenario = fc
  .record({ seed: fc.nat(1000), tasks: fc.integer({ min: 0, max: 24 }), groups: fc.integer({ min: 1, max: 4 }), theirs: side, mine: side })
  .map((s) => {
    const base = randomPlan(s.seed, s.tasks, s.groups);
    return { base, theirs: applyOps(base, s.theirs.ops, s.theirs.renumbered), mine: applyOps(base, s.mine.ops, s.mine.renumbered) };
  });

function merge(base: RowSpec[], theirs: RowSpec[], mine: RowSpec[]): MergeResult {
  return mergePlans(deepFreeze(planOf(base)), deepFreeze(planOf(theirs)), deepFreeze(planOf(mine)));
}

const rowsOf = (r: MergeResult) => (r.ok ? flat(r.plan) : r.conflicts);
const folded = (rows: string[][]) => rows.map((r) => r.map(fold).join('|')).sort();
/** Without TT: where both sides renumbered, the merged table is renumbered in theirs' row order, so numbers are positional. */
const foldedContent = (rows: string[][]) => folded(rows.map((r) => r.slice(1)));

describe('mergePlans properties', () => {
  it('merge(base, base, mine) is mine', () => {
    fc.assert(
      fc.property(scenario, ({ base, mine }) => {
        expect(rowsOf(merge(base, base, mine))).toEqual(flatSpecs(mine));
      }),
      { numRuns: 200 },
    );
  });

  it('merge(base, theirs, base) is theirs', () => {
    fc.assert(
      fc.property(scenario, ({ base, theirs }) => {
        expect(rowsOf(merge(base, theirs, base))).toEqual(flatSpecs(theirs));
      }),
      { numRuns: 200 },
    );
  });

  it('merge(base, x, x) is x: the same edits on both sides never conflict', () => {
    fc.assert(
      fc.property(scenario, ({ base, theirs }) => {
        expect(rowsOf(merge(base, theirs, theirs))).toEqual(flatSpecs(theirs));
      }),
      { numRuns: 200 },
    );
  });

  it('merge(base, theirs, mine) has the content of merge(base, mine, theirs)', () => {
    let clean = 0;
    fc.assert(
      fc.property(scenario, ({ base, theirs, mine }) => {
        const a = merge(base, theirs, mine);
        const b = merge(base, mine, theirs);
        expect(a.ok).toBe(b.ok);
        if (a.ok && b.ok) {
          clean++;
          expect(foldedContent(flat(a.plan))).toEqual(foldedContent(flat(b.plan)));
          expect(a.stats).toEqual({ fromTheirs: b.stats.fromMine, fromMine: b.stats.fromTheirs, both: b.stats.both });
        } else if (!a.ok && !b.ok) expect(a.conflicts.length).toBe(b.conflicts.length);
      }),
      { numRuns: 300 },
    );
    // The property must not hold only vacuously.
    expect(clean).toBeGreaterThan(50);
  });
});

describe('mergePlans on 5,000-row plans', () => {
  const base = randomPlan(7, 5000, 10);

  it('merges edits, insertions and deletions with one side renumbered throughout', () => {
    const theirs = base
      .map((s, i): RowSpec => (i % 25 === 7 && typeof s[0] === 'number' ? [s[0], s[1], 'Phòng Kinh tế', s[3], s[4], s[5]] : s))
      .filter((_, i) => i % 97 !== 50);
    // Mine: a new first task in every group (so every task is renumbered) and new deadlines.
    const mine = renumber(
      base.flatMap((s, i): RowSpec[] => {
        const edited: RowSpec = i % 31 === 3 && i % 97 !== 50 && typeof s[0] === 'number' ? [s[0], s[1], s[2], s[3], s[4], 'Năm 2030'] : s;
        return typeof s[0] === 'string' ? [edited, task(0, 9e6 + i)] : [edited];
      }),
    );
    const r = merge(base, theirs, mine);
    if (!r.ok) throw new Error(JSON.stringify(r.conflicts.slice(0, 3)));
    const rows = flat(r.plan);
    expect(rows).toHaveLength(mine.length - (base.length - theirs.length));
    expect(rows.filter((x) => x[2] === 'Phòng Kinh tế').length).toBeGreaterThanOrEqual(base.filter((_, i) => i % 25 === 7).length - 1);
    expect(rows.filter((x) => x[5] === 'Năm 2030').length).toBeGreaterThan(100);
    expect(rows[1]![1]).toBe(mine[1]![1]);
  });

  it('merges a bulk edit of every task text with field edits on the other side', () => {
    const theirs = base.map((s): RowSpec =>
      typeof s[0] === 'number' ? ([s[0], `${s[1]}, báo cáo kết quả về UBND xã`, ...s.slice(2)] as RowSpec) : s,
    );
    const mine = base.map((s, i): RowSpec => (i % 10 === 1 && typeof s[0] === 'number' ? [s[0], s[1], 'Công an xã', s[3], s[4], s[5]] : s));
    const r = merge(base, theirs, mine);
    if (!r.ok) throw new Error(JSON.stringify(r.conflicts.slice(0, 3)));
    expect(r.plan.appendices[0]!.rows).toHaveLength(base.length);
    expect(r.stats.fromTheirs).toBe(5000);
    expect(r.stats.fromMine).toBe(mine.filter((s, i) => s[2] !== base[i]![2]).length);
  });
});
