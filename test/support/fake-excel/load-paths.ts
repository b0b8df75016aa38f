// load() arguments as Office.js accepts them, turned into property paths and checked against the class specs.
import { fail } from './errors.ts';
import type { ClassSpec, Runtime } from './runtime.ts';

/**
 * load('a, b/c'), load(['a']), load({ select, expand }) and load({ a: true, b: { c: true } }) → paths.
 * @example parseLoad('items/name, items/visibility') // [['items', 'name'], ['items', 'visibility']]
 */
export function parseLoad(arg: unknown): string[][] {
  if (arg === undefined || arg === null) return [['*']];
  if (typeof arg === 'string')
    return arg
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => s.split('/'));
  if (Array.isArray(arg)) return arg.flatMap((a) => parseLoad(a));
  if (typeof arg === 'object') {
    const o = arg as Record<string, unknown>;
    if ('select' in o || 'expand' in o) return [...parseLoad(o.select ?? ''), ...parseLoad(o.expand ?? '')];
    const out: string[][] = [];
    for (const [k, v] of Object.entries(o)) {
      if (k.startsWith('$')) continue;
      if (v === true) out.push([k]);
      else if (typeof v === 'object' && v !== null) for (const p of parseLoad(v)) out.push([k, ...p]);
    }
    return out;
  }
  throw fail('InvalidArgument', 'Unsupported load() argument');
}

/**
 * Check a load path against the class specs when it is queued: a misspelled property fails at once.
 * @example checkPath(rt, specs.Range, ['format', 'fill', 'colr']) // throws UnknownMember
 */
export function checkPath(rt: Runtime, cls: ClassSpec, path: string[]): void {
  let cur = cls;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (cur.items) {
      cur = rt.specs[cur.items.cls]!;
      if (seg === 'items') continue;
    }
    if (seg === '*') continue;
    const nav = cur.nav?.[seg];
    if (nav) {
      cur = rt.specs[nav.cls]!;
      continue;
    }
    if (cur.props?.[seg] && i === path.length - 1) continue;
    throw fail('UnknownMember', `Cannot load "${path.join('/')}": ${cur.name}.${seg} is not a loadable property of the fake's subset.`);
  }
}
