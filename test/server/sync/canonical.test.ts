// The one-walk canonical JSON writes exactly what JSON.stringify through a key-sorting replacer wrote (the content
// hashes of revisions already stored depend on it), and a plan's texts are that JSON, whole and in parts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../../cli/load-plan.ts';
import type { Plan } from '../../../core/model/index.ts';
import { canonicalJson, planTexts } from '../../../server/sync/canonical.ts';
import { contentHash, hashJson, hashParts } from '../../../server/sync/summary.ts';
import { fixture } from '../../support/paths.ts';

/** The replacer canonicalJson replaced: a sorted copy of every object. */
function sortedCopyJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    // Defined, not assigned: a "__proto__" key (JSON.parse makes it an own member) stays a member.
    for (const k of Object.keys(o).sort())
      Object.defineProperty(out, k, { value: o[k], enumerable: true, writable: true, configurable: true });
    return out;
  });
}

// Values as plans hold them and more: nested objects and arrays, undefined members, index-like keys ("10", "2"),
// unicode keys and text, non-finite numbers.
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.string({ unit: 'binary' }),
    // Text JSON must escape: quotes, backslashes, control characters, lone surrogates, among plain letters.
    fc.string({ unit: fc.constantFrom('a', 'ệ', '"', '\\', '\n', '\u0000', '\u001f', '\ud800', '\udfff', '\ud83d\ude00') }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
  ),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('array'), tie('object')),
  array: fc.array(tie('node'), { maxLength: 5 }),
  object: fc.dictionary(
    fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom('a', '"', '\\', '\t') }),
      fc.nat({ max: 20 }).map(String),
      fc.constantFrom('a', 'é', 'A', '_'),
    ),
    tie('node'),
    {
      maxKeys: 6,
    },
  ),
}));

describe('canonicalJson', () => {
  it('writes what JSON.stringify with a key-sorting replacer writes', () => {
    fc.assert(
      fc.property(value.node, (v) => {
        expect(canonicalJson(v)).toBe(sortedCopyJson(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the same for values already in order, whole or with one object out of order (the native fast path)', () => {
    // A value sent back as it was answered: every object in order; then one object somewhere given a key at its end.
    const inOrder = value.node.map((v) => (v === undefined ? v : (JSON.parse(canonicalJson(v) ?? 'null') as unknown)));
    fc.assert(
      fc.property(inOrder, fc.nat(), fc.string({ unit: fc.constantFrom('a', 'z', 'A', '0', 'é') }), (v, at, key) => {
        expect(canonicalJson(v)).toBe(sortedCopyJson(v));
        const objects: Record<string, unknown>[] = [];
        const collect = (x: unknown) => {
          if (x === null || typeof x !== 'object') return;
          if (!Array.isArray(x)) objects.push(x as Record<string, unknown>);
          for (const y of Object.values(x)) collect(y);
        };
        collect(v);
        if (objects.length === 0) return;
        objects[at % objects.length]![key] = 1;
        expect(canonicalJson(v)).toBe(sortedCopyJson(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves to its own walk what JSON.stringify writes otherwise: toJSON, boxed primitives, class instances', () => {
    class Point {
      y = 2;
      x = 1;
    }
    const odd = {
      a: new Date(0),
      b: { toJSON: () => ({ z: 1, y: 2 }) },
      c: [Object('s'), Object(3)],
      d: new Point(),
      e: Object.create(null),
    };
    (odd.e as Record<string, unknown>).b = 1;
    (odd.e as Record<string, unknown>).a = 2;
    expect(canonicalJson(odd)).toBe(sortedCopyJson(odd));
    expect(canonicalJson({ '10': 1, '2': 2, a: { '1': [], b: 0 } })).toBe('{"2":2,"10":1,"a":{"1":[],"b":0}}');
  });

  it('sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3, x: undefined }], '10': 0, '2': 0 })).toBe('{"2":0,"10":0,"a":[{"c":3,"d":2}],"b":1}');
  });
});

describe('planTexts', () => {
  it('is the plan as stored, the content hashed without its source, and each appendix apart', async () => {
    const { plan } = await loadPlan(fixture('quang-son-phu-luc.xlsx'));
    const t = planTexts(plan);
    expect({ ...t, content: t.content.join('') }).toEqual({
      json: sortedCopyJson(plan),
      content: sortedCopyJson({ ...plan, source: undefined }),
      appendices: plan.appendices.map((a) => sortedCopyJson(a)),
      rest: sortedCopyJson({ ...plan, appendices: undefined }),
    });
    expect(JSON.parse(t.json)).toEqual(plan);
    expect(hashParts(t.content)).toBe(contentHash(plan));
    expect(hashParts(t.content)).toBe(hashJson(t.content.join('')));
  });

  it('gives the same texts as sorted copies for any plan-shaped value, each part cut at the right place', () => {
    const planLike = fc.record(
      {
        appendices: fc.array(value.node, { maxLength: 4 }),
        source: value.node,
        reference: value.node,
        '2': value.node,
        zeta: value.node,
      },
      { requiredKeys: ['appendices'] },
    );
    fc.assert(
      fc.property(planLike, (p) => {
        const plan = p as unknown as Plan;
        const t = planTexts(plan);
        expect(t.json).toBe(sortedCopyJson(plan));
        expect(t.content.join('')).toBe(sortedCopyJson({ ...plan, source: undefined }));
        expect(t.appendices).toEqual(plan.appendices.map((a) => sortedCopyJson(a) ?? 'null'));
        expect(t.rest).toBe(sortedCopyJson({ ...plan, appendices: undefined }));
        expect(hashParts(t.content)).toBe(contentHash(plan));
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves out what a plan does not have', () => {
    const plan: Plan = { appendices: [] };
    expect(planTexts(plan)).toEqual({ json: '{"appendices":[]}', content: ['{"appendices":[]}'], appendices: [], rest: '{}' });
  });
});
