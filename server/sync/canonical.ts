// Canonical JSON (object keys sorted) written in one walk: the text a push stores and answers with is the one it hashes.
import type { Plan } from '../../core/model/index.ts';

/** Keys JavaScript enumerates first, in numeric order, whatever order they were added in (array indices). */
function isIndexKey(k: string): boolean {
  const n = Number(k);
  return n >= 0 && n < 4294967295 && Number.isInteger(n) && String(n) === k;
}

/** An object's keys in the order `JSON.stringify(sortedCopy)` would write them: indices first, then the rest sorted. */
function sortedKeys(o: object): string[] {
  const keys = Object.keys(o);
  let i = 0;
  while (i < keys.length && isIndexKey(keys[i]!)) i++;
  if (i === 0) return keys.sort();
  return keys.slice(0, i).concat(keys.slice(i).sort());
}

// Text that JSON writes as is between quotes (no quote, backslash, control character or surrogate to escape).
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;
// Keys repeat in every row ("kind", "fields", "content"…): each is quoted once.
const quotedKeys = new Map<string, string>();

function quoteKey(k: string): string {
  let q = quotedKeys.get(k);
  if (q === undefined) {
    q = JSON.stringify(k);
    if (quotedKeys.size < 10_000) quotedKeys.set(k, q);
  }
  return q;
}

function write(value: unknown, key: string): string | undefined {
  let v = value;
  if (typeof v === 'string') return PLAIN.test(v) ? `"${v}"` : JSON.stringify(v);
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function')
    v = (v as { toJSON: (k: string) => unknown }).toJSON(key);
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + (write(v[i], String(i)) ?? 'null');
    return out + ']';
  }
  const o = v as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const k of sortedKeys(o)) {
    const s = write(o[k], k);
    if (s === undefined) continue;
    out += (first ? '' : ',') + quoteKey(k) + ':' + s;
    first = false;
  }
  return out + '}';
}

/**
 * JSON with every object's keys in sorted order (arrays keep theirs); undefined properties left out, as JSON.stringify
 * does — the same text as `JSON.stringify` through a key-sorting replacer, without building a sorted copy of every object.
 * @example canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, '') as string;
}

export interface PlanTexts {
  /** The whole plan's canonical JSON: what is stored and answered. */
  json: string;
  /** The same without `source` (the file is not the content): what the content hash is taken of. */
  content: string;
  /** Each appendix's canonical JSON, in order. */
  appendices: string[];
  /** Canonical JSON of everything but the appendices (`source` included). */
  rest: string;
}

/**
 * A plan's canonical texts, each part written once: the stored JSON, the hashed content, and the appendices apart.
 * @example const { json, content } = planTexts(plan); hashJson(content) === contentHash(plan)
 */
export function planTexts(plan: Plan): PlanTexts {
  const appendices = plan.appendices.map((a, i) => write(a, String(i)) ?? 'null');
  const o = plan as unknown as Record<string, unknown>;
  const all: string[] = [];
  const content: string[] = [];
  const rest: string[] = [];
  for (const k of sortedKeys(o)) {
    const s = k === 'appendices' ? `[${appendices.join(',')}]` : write(o[k], k);
    if (s === undefined) continue;
    const member = JSON.stringify(k) + ':' + s;
    all.push(member);
    if (k !== 'source') content.push(member);
    if (k !== 'appendices') rest.push(member);
  }
  return { json: `{${all.join(',')}}`, content: `{${content.join(',')}}`, appendices, rest: `{${rest.join(',')}}` };
}
