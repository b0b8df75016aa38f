// Strict plain objects and client results for the fake, and the small helpers every part of it shares.
import { fail } from './errors.ts';

/** Keys JavaScript machinery (await, test printers) probes on any object: answered with undefined, never an error. */
export const PROBES = new Set([
  'then',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'constructor',
  '@@__IMMUTABLE_ITERABLE__@@',
  '_isMockFunction',
  'toString',
  'inspect',
]);

/**
 * A plain object (context, Office namespaces, enums) that throws on any member it does not have.
 * @example strictObject('Excel.DeleteShiftDirection', { up: 'Up' }).upp // throws UnknownMember
 */
export function strictObject<T extends object>(name: string, members: T): T {
  return new Proxy(members, {
    get(target, key) {
      if (typeof key === 'symbol' || PROBES.has(key)) return (target as Record<string | symbol, unknown>)[key];
      if (!(key in target)) throw fail('UnknownMember', `${name}.${key} is not part of the fake's Office.js subset (misspelled?).`);
      return (target as Record<string, unknown>)[key];
    },
    set(_t, key) {
      throw fail('UnknownMember', `Cannot set ${name}.${String(key)}.`);
    },
  });
}

/** OfficeExtension.ClientResult: `value` is readable after the sync that computed it. */
export class ResultState {
  value: unknown;
  loaded = false;
  readonly proxy: object;

  constructor(where: string) {
    this.proxy = new Proxy(
      {},
      {
        get: (_t, key) => {
          if (typeof key === 'symbol' || PROBES.has(key)) return undefined;
          if (key === 'value') {
            if (!this.loaded)
              throw fail(
                'ValueNotLoaded',
                `The value of the result object (${where}) has not been loaded yet. Call context.sync() before reading it.`,
              );
            return this.value;
          }
          if (key === 'toJSON') return () => ({ value: this.value });
          throw fail('UnknownMember', `ClientResult.${key} does not exist.`);
        },
        set: () => {
          throw fail('InvalidArgument', 'ClientResult is read-only.');
        },
      },
    );
  }
}

/**
 * Office.js's error for a property read before load + sync.
 * @example throw notLoaded('Range', 'values')
 */
export function notLoaded(cls: string, key: string) {
  return fail(
    'PropertyNotLoaded',
    `The property '${key}' of ${cls} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/**
 * Estimated wire size of a value: the length of its JSON.
 * @example size([['TT']]) // 8
 */
export function size(value: unknown): number {
  if (value === undefined) return 0;
  return JSON.stringify(value)?.length ?? 0;
}

/** @example compareVersions('1.9', '1.10') // -1 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
