// The quick check a zod schema compiles to says yes exactly when zod accepts a value and gives it back unchanged: over
// push bodies of real plans with seeded random damage (keys removed, added, "__proto__", wrong types, NUL, long
// messages, other tags), and over a small zoo of the constructs it supports; what it cannot vouch for compiles to null.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadPlan } from '../../../cli/load-plan.ts';
import { PushBody } from '../../../core/api/index.ts';
import { quickCheck, type QuickCheck } from '../../../server/http/quick-check.ts';
import { canonicalJson } from '../../../server/sync/canonical.ts';
import { fixture } from '../../support/paths.ts';

/** What the quick check must answer: zod accepts, and its output is the value (keys in any order). */
function zodGivesBack(schema: z.ZodType, v: unknown): boolean {
  const r = schema.safeParse(v);
  return r.success && canonicalJson(r.data) === canonicalJson(v);
}

let bodies: unknown[];

beforeAll(async () => {
  const plans = await Promise.all(['quang-son-phu-luc.xlsx', 'cam-giang-phu-luc.xlsx'].map(async (f) => (await loadPlan(fixture(f))).plan));
  // As the add-in sends them: JSON text, with and without the optional members.
  bodies = [
    JSON.parse(JSON.stringify({ plan: plans[0], message: 'Cập nhật tiến độ' })),
    JSON.parse(JSON.stringify({ plan: plans[1], partial: true, confirmCommune: false })),
  ];
});

/** Every (container, key) in a JSON value, the root's own members first. */
function slots(v: unknown, out: [Record<string, unknown> | unknown[], string | number][] = []) {
  if (Array.isArray(v)) {
    v.forEach((x, i) => {
      out.push([v, i]);
      slots(x, out);
    });
  } else if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      out.push([o, k]);
      slots(o[k], out);
    }
  }
  return out;
}

// Values a damaged body may hold: other tags and enum members (so some damage is still valid), wrong types, edge numbers.
const VALUE = fc.constantFrom<unknown>(
  'task',
  'group',
  'indicators',
  'period',
  'recurring',
  'unparsed',
  'quarter',
  'A1',
  '',
  'a\u0000b',
  'x'.repeat(501),
  '😀'.repeat(300),
  '😀'.repeat(501),
  0,
  -1,
  1.5,
  3,
  2 ** 53,
  true,
  null,
  [],
  {},
  { text: 'Quý IV/2026' },
);
const KEY = fc.constantFrom('__proto__', 'constructor', 'extra', 'id', 'note', 'kind', 'content', 'lead', 'row', 'message');

type Damage = { at: number; how: 'delete' | 'set' | 'add'; value: unknown; key: string };
const DAMAGE: fc.Arbitrary<Damage> = fc.record({
  at: fc.nat(),
  how: fc.constantFrom('delete', 'set', 'add'),
  value: VALUE,
  key: KEY,
});

function damaged(body: unknown, damage: Damage[]): unknown {
  const v = structuredClone(body);
  for (const d of damage) {
    const all = slots(v);
    const [holder, key] = all[d.at % all.length]!;
    if (d.how === 'set') (holder as Record<string | number, unknown>)[key] = structuredClone(d.value);
    else if (d.how === 'delete') {
      if (Array.isArray(holder)) holder.splice(key as number, 1);
      else delete holder[key as string];
    } else {
      const target = (holder as Record<string | number, unknown>)[key];
      // An own "__proto__", as JSON.parse makes one.
      if (target !== null && typeof target === 'object' && !Array.isArray(target))
        Object.defineProperty(target, d.key, { value: structuredClone(d.value), enumerable: true, writable: true, configurable: true });
    }
  }
  return v;
}

describe('quickCheck(PushBody)', () => {
  let quick: QuickCheck;
  beforeAll(() => {
    quick = quickCheck(PushBody)!;
  });

  it('compiles: every construct of the push body is vouched for', () => {
    expect(quick).toBeTypeOf('function');
  });

  it('says yes to real plans as the add-in sends them, and zod gives them back as they are', () => {
    for (const b of bodies) {
      expect(quick(b)).toBe(true);
      expect(zodGivesBack(PushBody, b)).toBe(true);
    }
  });

  it('says yes exactly when zod accepts and gives the body back unchanged, over damaged bodies', () => {
    let yes = 0;
    let no = 0;
    fc.assert(
      fc.property(fc.nat({ max: 1 }), fc.array(DAMAGE, { minLength: 1, maxLength: 3 }), (b, damage) => {
        const v = damaged(bodies[b], damage);
        const answer = quick(v);
        expect(answer).toBe(zodGivesBack(PushBody, v));
        if (answer) yes++;
        else no++;
      }),
      { numRuns: 800, seed: 20 },
    );
    // Both answers were exercised: damage that keeps a body valid, and damage that breaks it.
    expect(yes).toBeGreaterThan(100);
    expect(no).toBeGreaterThan(100);
  });

  it('says no to what zod would strip or refuse', () => {
    const b = structuredClone(bodies[0]) as { plan: unknown; message?: string };
    expect(quick({ ...b, extra: 1 })).toBe(false);
    expect(quick(JSON.parse(`{"__proto__":{},${JSON.stringify(b).slice(1)}`))).toBe(false);
    expect(quick({ ...b, message: 'a\u0000' })).toBe(false);
    expect(quick({ ...b, message: 'x'.repeat(501) })).toBe(false);
    // 500 code points in 1,000 UTF-16 units: zod counts code points.
    expect(quick({ ...b, message: '😀'.repeat(500) })).toBe(true);
    expect(quick({ message: 'm' })).toBe(false);
    expect(quick(null)).toBe(false);
    expect(quick([])).toBe(false);
  });
});

describe('quickCheck on the constructs it supports', () => {
  const Tagged = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('a'), n: z.number().int().positive() }),
    z.object({ kind: z.literal('b'), s: z.string().regex(/^x+$/).optional() }),
  ]);
  const ZOO: z.ZodType[] = [
    z.object({ a: z.string().min(2).max(4), b: z.number().min(0).max(10).optional(), c: z.boolean().nullable() }),
    z.strictObject({ a: z.string() }),
    z.array(Tagged).max(2),
    z.partialRecord(z.enum(['x', 'y']), z.string()),
    z.record(z.string(), z.number().int()),
    z.union([z.literal(1), z.enum(['p', 'q']), z.null()]),
    z.object({ t: z.string().refine((s) => !s.includes('!')), u: z.unknown() }),
    z.number().gt(1).lt(3),
  ];
  const json = fc.jsonValue({ maxDepth: 3 });
  const shaped = fc.oneof(
    json,
    fc.record(
      {
        a: fc.constantFrom('ab', 'abcde', 'x'),
        b: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.double()),
        c: fc.constantFrom(true, null, 1),
      },
      { requiredKeys: [] },
    ),
    fc.array(
      fc.record(
        {
          kind: fc.constantFrom('a', 'b', 'c'),
          n: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constant(1.5)),
          s: fc.constantFrom('x', 'xx', 'y'),
        },
        { requiredKeys: ['kind'] },
      ),
      { maxLength: 3 },
    ),
    fc.dictionary(fc.constantFrom('x', 'y', 'z', '__proto__'), fc.oneof(fc.string(), fc.integer())),
    fc.record({ t: fc.constantFrom('ok', 'no!'), u: json }, { requiredKeys: [] }),
    fc.constantFrom(1, 2, 2.5, 3, 'p', 'r', null),
  );

  it('each compiles', () => {
    for (const s of ZOO) expect(quickCheck(s)).toBeTypeOf('function');
  });

  it('says yes exactly when zod accepts and gives the value back unchanged', () => {
    const checks = ZOO.map((s) => quickCheck(s)!);
    fc.assert(
      fc.property(shaped, (v) => {
        // JSON.parse, as a body is: "__proto__" an own member.
        const value = JSON.parse(JSON.stringify(v) ?? 'null') as unknown;
        ZOO.forEach((s, i) => expect(checks[i]!(value)).toBe(zodGivesBack(s, value)));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('compiles what may change a value (defaults, transforms, loose objects, exhaustive records) to null', () => {
    expect(quickCheck(z.object({ a: z.string().default('x') }))).toBeNull();
    expect(quickCheck(z.string().transform((s) => s.length))).toBeNull();
    expect(quickCheck(z.string().trim())).toBeNull();
    expect(quickCheck(z.looseObject({ a: z.string() }))).toBeNull();
    expect(quickCheck(z.record(z.enum(['x', 'y']), z.string()))).toBeNull();
    expect(quickCheck(z.union([z.object({ a: z.string() }), z.object({ b: z.string() })]))).toBeNull();
    expect(quickCheck(z.string().email())).toBeNull();
    expect(quickCheck(z.date())).toBeNull();
  });
});
