// The words of many texts as ids, for duplicate-task: each distinct written word is folded once, not each text.
import { copyCodes, fold, foldCodes, foldedCodes } from '../../text/fold.ts';

/** Every text's words as ids, flat: text t's words are ids[start[t]…start[t + 1]), `words` maps an id to its word. */
export interface Words {
  ids: Int32Array;
  start: Int32Array;
  words: string[];
}

/**
 * The folded words of every text (fold(text) split at its spaces) as ids. A table of tasks writes a few hundred
 * distinct words ten thousand times over, so each text is cut at its white space into written pieces ("Triển",
 * "(nhiệm", "vụ", "17)"), each piece is looked up by its characters, and only a piece not seen before is folded
 * (into fold's reused buffer of codes, no string) and its words looked up in turn. Folding piece by piece is folding
 * the text: fold maps each character by itself, white space is a separator either way, and its one rule that looks
 * at neighbours (a final y after a consonant) looks within a word. On new 10,000-task bench tables, folding each text
 * into codes made the whole rule ~10% slower, and folding it into a (cached) string ~25% slower still.
 */
export function wordIds(texts: string[]): Words {
  const pieces = new Pieces();
  let ids = new Int32Array(Math.max(16, texts.length * 24));
  const start = new Int32Array(texts.length + 1);
  let n = 0;
  for (let t = 0; t < texts.length; t++) {
    const s = texts[t]!;
    const len = s.length;
    let i = 0;
    while (i < len) {
      let h = s.charCodeAt(i);
      if (h <= 32 && isSpace(h)) {
        i++;
        continue;
      }
      const from = i;
      h = Math.imul(FNV_BASIS ^ h, FNV_PRIME);
      for (i++; i < len; i++) {
        const c = s.charCodeAt(i);
        if (c <= 32 && isSpace(c)) break;
        h = Math.imul(h ^ c, FNV_PRIME);
      }
      const table = pieces.table;
      let slot = table.firstSlot(h);
      let p = table.at(slot);
      while (p >= 0 && !(table.hash(p) === h && sameText(pieces.keys[p]!, s, from, i))) {
        slot = table.nextSlot(slot);
        p = table.at(slot);
      }
      if (p < 0) p = pieces.add(slot, h, s, from, i);
      const w = pieces.word[p]!;
      if (w >= 0) {
        if (n === ids.length) ids = grown(ids, n * 2);
        ids[n++] = w;
        continue;
      }
      for (let k = pieces.from[p]!, end = pieces.to[p]!; k < end; k++) {
        if (n === ids.length) ids = grown(ids, n * 2);
        ids[n++] = pieces.ids[k]!;
      }
    }
    start[t + 1] = n;
  }
  return { ids, start, words: pieces.words.keys };
}

/** The distinct written pieces of a call and their words, added (and folded) off the hot loop. */
class Pieces {
  readonly table = new Strings();
  readonly keys = this.table.keys;
  readonly words = new Strings();
  /** Piece p's words: its one word's id when word[p] ≥ 0 (most pieces), else ids[from[p]…to[p]). */
  word = new Int32Array(256);
  from = new Int32Array(256);
  to = new Int32Array(256);
  ids = new Int32Array(1024);
  private size = 0;

  /** Adds text[from…to) at a free slot of the table, the last one probed: its id. */
  add(slot: number, h: number, text: string, from: number, to: number): number {
    const piece = text.slice(from, to);
    const p = this.table.add(slot, h, piece);
    if (p === this.word.length) {
      this.word = grown(this.word, p * 2);
      this.from = grown(this.from, p * 2);
      this.to = grown(this.to, p * 2);
    }
    const first = this.size;
    let size = foldCodes(piece);
    if (size < 0) size = copyCodes(fold(piece)); // a character fold's table does not know
    const f = foldedCodes();
    const words = this.words;
    for (let k = 0; k < size;) {
      if (f[k] === 32) {
        k++;
        continue;
      }
      const wordFrom = k;
      let wh = FNV_BASIS;
      for (; k < size && f[k] !== 32; k++) wh = Math.imul(wh ^ f[k]!, FNV_PRIME);
      let ws = words.firstSlot(wh);
      let w = words.at(ws);
      while (w >= 0 && !(words.hash(w) === wh && sameCodes(words.keys[w]!, f, wordFrom, k))) {
        ws = words.nextSlot(ws);
        w = words.at(ws);
      }
      if (w < 0) w = words.add(ws, wh, String.fromCharCode.apply(null, f.subarray(wordFrom, k) as unknown as number[]));
      if (this.size === this.ids.length) this.ids = grown(this.ids, this.size * 2);
      this.ids[this.size++] = w;
    }
    this.from[p] = first;
    this.to[p] = this.size;
    this.word[p] = this.size - first === 1 ? this.ids[first]! : -1;
    return p;
  }
}

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Tab, line feed, carriage return, space: white space fold turns into a space, whatever surrounds it. */
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Distinct strings by their hash (open addressing): the caller probes slots and compares, then adds at a free one. */
class Strings {
  readonly keys: string[] = [];
  private hashes = new Int32Array(256);
  private slots = new Int32Array(1024); // key id + 1 by slot, 0 = free
  private mask = this.slots.length - 1;

  firstSlot(h: number): number {
    return (h ^ (h >>> 15)) & this.mask;
  }

  nextSlot(slot: number): number {
    return (slot + 1) & this.mask;
  }

  /** The key at a slot, −1 when it is free. */
  at(slot: number): number {
    return this.slots[slot]! - 1;
  }

  hash(id: number): number {
    return this.hashes[id]!;
  }

  /** Adds a key at a free slot, the last one probed: its id. */
  add(slot: number, h: number, key: string): number {
    const id = this.keys.length;
    this.keys.push(key);
    if (id === this.hashes.length) this.hashes = grown(this.hashes, id * 2);
    this.hashes[id] = h;
    this.slots[slot] = id + 1;
    if (this.keys.length * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      this.mask = this.slots.length - 1;
      for (let k = 0; k < this.keys.length; k++) {
        let s = this.firstSlot(this.hashes[k]!);
        while (this.slots[s] !== 0) s = this.nextSlot(s);
        this.slots[s] = k + 1;
      }
    }
    return id;
  }
}

function sameText(key: string, text: string, from: number, to: number): boolean {
  if (key.length !== to - from) return false;
  for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) !== text.charCodeAt(from + k)) return false;
  return true;
}

function sameCodes(key: string, codes: Uint16Array, from: number, to: number): boolean {
  if (key.length !== to - from) return false;
  for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) !== codes[from + k]) return false;
  return true;
}

/** A copy of `a` in a larger array of `size` entries (the rest 0): the growing id arrays of the duplicate rule. */
export function grown(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
