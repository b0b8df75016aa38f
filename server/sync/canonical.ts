// Canonical JSON (object keys sorted) written in one walk: the text a push stores and answers with is the one it hashes.
import type { Plan } from '../../core/model/index.ts';

/** Keys JavaScript enumerates first, in numeric order, whatever order they were added in (array indices). */
function isIndexKey(k: string): boolean {
  const c = k.charCodeAt(0);
  if (!(c >= 48 && c <= 57)) return false;
  const n = Number(k);
  return n >= 0 && n < 4294967295 && Number.isInteger(n) && String(n) === k;
}

/**
 * An object's keys in the order `JSON.stringify(sortedCopy)` would write them: indices first, then the rest sorted —
 * sorted in place (the objects of a plan have a handful of keys: no copy, and none when already in order).
 */
function sortedKeys(o: object): string[] {
  const keys = Object.keys(o);
  const n = keys.length;
  let i = 0;
  while (i < n && isIndexKey(keys[i]!)) i++;
  if (n - i > 32) {
    const sorted = keys.slice(i).sort();
    for (let j = i; j < n; j++) keys[j] = sorted[j - i]!;
    return keys;
  }
  // Insertion sort: `<` on strings orders by UTF-16 code units, as Array.prototype.sort does.
  for (let j = i + 1; j < n; j++) {
    const k = keys[j]!;
    let m = j - 1;
    if (!(k < keys[m]!)) continue;
    while (m >= i && k < keys[m]!) {
      keys[m + 1] = keys[m]!;
      m--;
    }
    keys[m + 1] = k;
  }
  return keys;
}

// Text that JSON writes as is between quotes (no quote, backslash, control character or surrogate to escape).
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;
// Keys repeat in every row ("kind", "fields", "content"…): each is quoted once, with its colon, with and without the
// comma before it.
const quotedKeys = new Map<string, [string, string]>();

function keyPrefix(k: string, comma: boolean): string {
  let q = quotedKeys.get(k);
  if (q === undefined) {
    const quoted = `${JSON.stringify(k)}:`;
    q = [quoted, `,${quoted}`];
    if (quotedKeys.size < 10_000) quotedKeys.set(k, q);
  }
  return q[comma ? 1 : 0];
}

/**
 * The text written so far, as pieces joined once at the end: a 37 KB plan is thousands of pieces, and adding each to
 * a growing string made as many intermediate strings (and the garbage a push left behind). `n` counts characters, so
 * a part of the text can be cut out of the joined whole without copying it. The array of pieces is reused from one
 * text to the next at its full length, emptied ('') rather than shortened: growing it to ten thousand entries on every
 * push was a third of what writing a plan's text allocated, and V8 gives the room back when an array is shortened.
 */
class Pieces {
  parts: string[];
  count = 0;
  n = 0;
  constructor() {
    this.parts = spare ?? [];
    spare = null;
  }
  /** Entries written: `count` and what `back` took back. */
  high = 0;
  add(s: string): void {
    this.parts[this.count++] = s;
    this.n += s.length;
  }
  /** Forget what was added since `mark` (a member whose value writes nothing). */
  back(mark: number, n: number): void {
    if (this.count > this.high) this.high = this.count;
    this.count = mark;
    this.n = n;
  }
  /** The text; the array is emptied and kept for the next one (not past 100,000 pieces: a huge plan's stays its own). */
  join(): string {
    const parts = this.parts;
    // Only the pieces of this text: a text written mostly by JSON.stringify has a few, the array may have thousands.
    if (this.count > this.high) this.high = this.count;
    const text = this.count === parts.length ? parts.join('') : parts.slice(0, this.count).join('');
    if (parts.length <= 100_000) {
      // Every entry ever written (some past `count`, taken back) is emptied: the array holds no text between uses.
      parts.fill('', 0, this.high);
      spare = parts;
    }
    return text;
  }
}
/** The array of pieces free for the next text (a toJSON writing JSON meanwhile takes a fresh one). */
let spare: string[] | null = null;

/**
 * Whether JSON.stringify writes `v` exactly as the canonical walk would: every object below it a plain one (no toJSON,
 * no boxed primitive, no class) whose keys already come in canonical order — true of a plan that went out as canonical
 * JSON and came back with its cells edited. Then the native writer, a few times faster, writes the text.
 */
function inOrder(v: object): boolean {
  if ((v as { toJSON?: unknown }).toJSON !== undefined) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === 'object' && x !== null && !inOrder(x)) return false;
    }
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  let i = 0;
  // Index keys come first in either writer, in the same (numeric) order: only the rest must be sorted.
  while (i < keys.length && isIndexKey(keys[i]!)) i++;
  for (let j = 0; j < keys.length; j++) {
    const k = keys[j]!;
    if (j > i && !(keys[j - 1]! < k)) return false;
    const x = o[k];
    if (typeof x === 'object' && x !== null && !inOrder(x)) return false;
  }
  return true;
}

/** Write a value's canonical JSON; false (nothing written) for what JSON leaves out: undefined, functions, symbols. */
function put(out: Pieces, value: unknown, key: string): boolean {
  let v = value;
  switch (typeof v) {
    case 'string':
      if (PLAIN.test(v)) {
        out.add('"');
        out.add(v);
        out.add('"');
      } else out.add(JSON.stringify(v));
      return true;
    case 'number':
      // Number's own text, as JSON.stringify writes it; NaN and the infinities as null.
      out.add(Number.isFinite(v) ? String(v) : 'null');
      return true;
    case 'boolean':
      out.add(v ? 'true' : 'false');
      return true;
    case 'object':
      break;
    default: {
      const s = JSON.stringify(v);
      if (s === undefined) return false;
      out.add(s);
      return true;
    }
  }
  // Already in order (checked again one level down when not: a plan with one edited cell is mostly in order).
  if (v !== null && inOrder(v)) {
    out.add(JSON.stringify(v));
    return true;
  }
  if (v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON: (k: string) => unknown }).toJSON(key);
    if (v === null || typeof v !== 'object') {
      const s = JSON.stringify(v);
      if (s === undefined) return false;
      out.add(s);
      return true;
    }
  }
  if (v === null) {
    out.add('null');
    return true;
  }
  if (Array.isArray(v)) {
    out.add('[');
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out.add(',');
      if (!put(out, v[i], String(i))) out.add('null');
    }
    out.add(']');
    return true;
  }
  const o = v as Record<string, unknown>;
  out.add('{');
  let first = true;
  for (const k of sortedKeys(o)) {
    const mark = out.count;
    const n = out.n;
    out.add(keyPrefix(k, !first));
    if (put(out, o[k], k)) first = false;
    else out.back(mark, n);
  }
  out.add('}');
  return true;
}

/**
 * JSON with every object's keys in sorted order (arrays keep theirs); undefined properties left out, as JSON.stringify
 * does — the same text as `JSON.stringify` through a key-sorting replacer, without building a sorted copy of every object.
 * @example canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const out = new Pieces();
  const written = put(out, value, '');
  const text = out.join();
  return written ? text : (undefined as unknown as string);
}

export interface PlanTexts {
  /** The whole plan's canonical JSON: what is stored and answered. */
  json: string;
  /**
   * The same without `source` (the file is not the content): what the content hash is taken of, as pieces of `json`
   * (their concatenation; `hashJson(content.join(''))`, but hashed without writing 37 KB out again: hashParts).
   */
  content: string[];
  /** Each appendix's canonical JSON, in order. */
  appendices: string[];
  /** Canonical JSON of everything but the appendices (`source` included). */
  rest: string;
}

/**
 * A plan's canonical texts, written in one walk and joined once: the stored JSON, and the hashed content, the
 * appendices and the rest cut out of it (slices of one string, not copies).
 * @example const { json, content } = planTexts(plan); hashJson(content) === contentHash(plan)
 */
export function planTexts(plan: Plan): PlanTexts {
  const o = plan as unknown as Record<string, unknown>;
  const out = new Pieces();
  // Where each member (`"key":value`) and each appendix starts and ends in the text.
  const members: { key: string; start: number; end: number }[] = [];
  const bounds: number[] = [];
  out.add('{');
  for (const k of sortedKeys(o)) {
    const mark = out.count;
    const n = out.n;
    if (members.length > 0) out.add(',');
    const start = out.n;
    out.add(keyPrefix(k, false));
    let written: boolean;
    if (k === 'appendices') {
      const list = plan.appendices;
      out.add('[');
      for (let i = 0; i < list.length; i++) {
        if (i > 0) out.add(',');
        bounds.push(out.n);
        if (!put(out, list[i], String(i))) out.add('null');
        bounds.push(out.n);
      }
      out.add(']');
      written = true;
    } else written = put(out, o[k], k);
    if (written) members.push({ key: k, start, end: out.n });
    else out.back(mark, n);
  }
  out.add('}');
  const json = out.join();
  const appendices: string[] = [];
  for (let i = 0; i < bounds.length; i += 2) appendices.push(json.slice(bounds[i], bounds[i + 1]));
  // The content is the text without its source: hashed piece by piece, never written out whole.
  const kept = members.filter((m) => m.key !== 'source');
  const content =
    kept.length === members.length
      ? [json]
      : ['{', ...kept.flatMap((m, i) => (i > 0 ? [',', json.slice(m.start, m.end)] : [json.slice(m.start, m.end)])), '}'];
  const rest = members.filter((m) => m.key !== 'appendices').map((m) => json.slice(m.start, m.end));
  return { json, content, appendices, rest: `{${rest.join(',')}}` };
}
