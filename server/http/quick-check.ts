// A zod schema compiled into a yes-or-no check for request bodies: `true` only when zod would accept the value and
// give it back unchanged (the same keys and values; zod copies, in its own key order). The schema stays the one
// contract — this is derived from it at start-up — and zod still decides every body this answers `false` for, so the
// 400's wording never changes. A 37 KB push body took zod ~0.2 ms and a copy of the whole plan; this, a walk.
import type { z } from 'zod';

/** A compiled check: `true` means zod accepts `value` and returns it as is. */
export type QuickCheck = (value: unknown) => boolean;

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  [k: string]: unknown;
}
interface CheckDef {
  check: string;
  when?: unknown;
  [k: string]: unknown;
}
type Inner = { _zod: { def: Def; optin?: string; optout?: string; values?: Set<unknown> } };

/** Thrown while compiling: the schema uses something this does not vouch for (then zod checks every body). */
class Unsupported extends Error {}

const LENGTH_CHECKS = new Set(['min_length', 'max_length', 'length_equals']);

/** A length as zod's length checks count it: an array's elements, a string's code points (a surrogate pair is one). */
function lengthOf(v: string | unknown[]): number {
  if (typeof v !== 'string') return v.length;
  let n = v.length;
  for (let i = 0; i < v.length - 1; i++) {
    if ((v.charCodeAt(i) & 0xfc00) === 0xd800 && (v.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The checks a schema carries (`.min()`, `.regex()`, `.int()`, `.refine()` …) as one test, or null when it has none. */
function checksOf(def: Def): ((v: never) => boolean) | null {
  const tests: ((v: never) => boolean)[] = [];
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    // A `when` of one's own changes when a check runs: not vouched for. Length checks carry zod's default (a value with
    // a length), always true here: the type is checked first.
    if (d.when !== undefined && !(LENGTH_CHECKS.has(d.check) && (d.when as () => unknown).name === '_whenHasLength'))
      throw new Unsupported(`check ${d.check} with when`);
    switch (d.check) {
      case 'min_length': {
        const min = d.minimum as number;
        tests.push((v: string | unknown[]) => lengthOf(v) >= min);
        break;
      }
      case 'max_length': {
        const max = d.maximum as number;
        tests.push((v: string | unknown[]) => lengthOf(v) <= max);
        break;
      }
      case 'length_equals': {
        const n = d.length as number;
        tests.push((v: string | unknown[]) => lengthOf(v) === n);
        break;
      }
      case 'string_format': {
        if (d.format !== 'regex') throw new Unsupported(`string format ${String(d.format)}`);
        const re = d.pattern as RegExp;
        tests.push((v: string) => {
          re.lastIndex = 0;
          return re.test(v);
        });
        break;
      }
      case 'number_format': {
        if (d.format === 'safeint') tests.push((v: number) => Number.isSafeInteger(v));
        else if (d.format !== 'float64') throw new Unsupported(`number format ${String(d.format)}`);
        break;
      }
      case 'greater_than': {
        const x = d.value as number;
        if (typeof x !== 'number') throw new Unsupported('greater_than on a non-number');
        tests.push(d.inclusive ? (v: number) => v >= x : (v: number) => v > x);
        break;
      }
      case 'less_than': {
        const x = d.value as number;
        if (typeof x !== 'number') throw new Unsupported('less_than on a non-number');
        tests.push(d.inclusive ? (v: number) => v <= x : (v: number) => v < x);
        break;
      }
      case 'custom': {
        // `.refine(fn)`: zod accepts when fn answers truthy; a promise (an async refinement) is not vouched for.
        const fn = d.fn as (v: unknown) => unknown;
        tests.push((v: never) => {
          const r = fn(v);
          return !!r && !(r instanceof Promise);
        });
        break;
      }
      default:
        // Transforms (`.trim()`, overwrite), size checks, starts/ends-with …: not needed by the API's bodies yet.
        throw new Unsupported(`check ${d.check}`);
    }
  }
  if (tests.length === 0) return null;
  if (tests.length === 1) return tests[0]!;
  return (v: never) => {
    for (const t of tests) if (!t(v)) return false;
    return true;
  };
}

function compileNode(schema: Inner): QuickCheck {
  const def = schema._zod.def;
  const base = compileType(schema, def);
  const checks = checksOf(def);
  return checks ? (v) => base(v) && checks(v as never) : base;
}

function compileType(schema: Inner, def: Def): QuickCheck {
  switch (def.type) {
    case 'string':
      if (def.coerce) throw new Unsupported('coerced string');
      return (v) => typeof v === 'string';
    case 'number':
      if (def.coerce) throw new Unsupported('coerced number');
      return (v) => typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      if (def.coerce) throw new Unsupported('coerced boolean');
      return (v) => typeof v === 'boolean';
    case 'null':
      return (v) => v === null;
    case 'unknown':
    case 'any':
      return () => true;
    case 'enum':
    case 'literal': {
      const values = schema._zod.values!;
      return (v) => values.has(v);
    }
    case 'optional': {
      const inner = compileNode(def.innerType as Inner);
      return (v) => v === undefined || inner(v);
    }
    case 'nullable': {
      const inner = compileNode(def.innerType as Inner);
      return (v) => v === null || inner(v);
    }
    case 'array': {
      const element = compileNode(def.element as Inner);
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      };
    }
    case 'object':
      return compileObject(def);
    case 'record':
      return compileRecord(def);
    case 'union':
      return compileUnion(def);
    default:
      // default, transform, pipe, lazy, catch, date, intersection …: zod's output may differ from its input.
      throw new Unsupported(def.type);
  }
}

function compileObject(def: Def): QuickCheck {
  // Unknown keys: zod strips them (or refuses them, strict): either way not given back as is. Loose objects keep them.
  if (def.catchall !== undefined && (def.catchall as Inner)._zod.def.type !== 'never') throw new Unsupported('object catchall');
  const shape = def.shape as Record<string, Inner>;
  const fields = new Map<string, { check: QuickCheck; required: boolean }>();
  let required = 0;
  for (const key of Object.keys(shape)) {
    const s = shape[key]!;
    const absentOk = s._zod.optin === 'optional' && s._zod.optout === 'optional';
    if (!absentOk && s._zod.optin !== undefined) throw new Unsupported(`field ${key}: ${s._zod.optin} in`);
    fields.set(key, { check: compileNode(s), required: !absentOk });
    if (!absentOk) required++;
  }
  return (v) => {
    if (!isObject(v)) return false;
    let seen = 0;
    for (const key in v) {
      const field = fields.get(key);
      // Own "__proto__" (JSON.parse makes one) is in no shape: zod drops it.
      if (field === undefined || !field.check(v[key])) return false;
      if (field.required) seen++;
    }
    return seen === required;
  };
}

function compileRecord(def: Def): QuickCheck {
  if (def.mode === 'loose') throw new Unsupported('loose record');
  const keyType = def.keyType as Inner;
  const values = keyType._zod.values;
  const value = compileNode(def.valueType as Inner);
  let key: (k: string) => boolean;
  if (values) {
    // An exhaustive record (z.record over an enum) is built in the enum's order with every key: only partial ones.
    if (!def.partial) throw new Unsupported('exhaustive record');
    key = (k) => k !== '__proto__' && values.has(k);
  } else if (keyType._zod.def.type === 'string' && !keyType._zod.def.checks?.length) key = (k) => k !== '__proto__';
  else throw new Unsupported('record key');
  return (v) => {
    if (!isObject(v)) return false;
    for (const k in v) if (!key(k) || !value(v[k])) return false;
    return true;
  };
}

function compileUnion(def: Def): QuickCheck {
  const options = def.options as Inner[];
  const tag = def.discriminator as string | undefined;
  if (tag === undefined) {
    // A plain union answers with the first option that accepts: vouched for only when no option can change a value
    // (strings, numbers, enums, literals…), so "some option accepts" is "zod accepts, value unchanged".
    if (def.unionFallback !== undefined) throw new Unsupported('union fallback');
    for (const o of options)
      if (['object', 'record', 'array', 'union'].includes(o._zod.def.type)) throw new Unsupported('union of containers');
    const checks = options.map(compileNode);
    return (v) => checks.some((c) => c(v));
  }
  if (def.unionFallback) throw new Unsupported('discriminated union fallback');
  // A discriminated union: the tag's value picks the one option zod runs.
  const byTag = new Map<unknown, QuickCheck>();
  for (const o of options) {
    const tags = (o._zod as { propValues?: Record<string, Set<unknown>> }).propValues?.[tag];
    if (!tags) throw new Unsupported('option without its tag');
    const check = compileNode(o);
    for (const t of tags) {
      if (byTag.has(t)) throw new Unsupported('tag shared by two options');
      byTag.set(t, check);
    }
  }
  return (v) => {
    if (!isObject(v)) return false;
    const check = byTag.get(v[tag]);
    return check !== undefined && check(v);
  };
}

/**
 * The schema's quick check, or null when it uses something the check does not vouch for (zod then checks every body).
 * @example const quick = quickCheck(PushBody); if (quick?.(value)) return value as PushBody
 */
export function quickCheck(schema: z.ZodType): QuickCheck | null {
  try {
    return compileNode(schema as unknown as Inner);
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
}
