// Folding key for comparing Vietnamese strings: the one function every match in phuluc goes through.

const COMBINING = /[\u0300-\u036f]/g;

/**
 * Fold a string for matching (never for display or storage):
 * NFC → lower case → tone marks and diacritics stripped → đ→d → "&" ≡ "và" →
 * "y" after a consonant ≡ "i" (quý/quí, kỹ/kĩ) → punctuation to spaces → single spaces.
 * "hoà" and "hòa" fold alike because both lose their tone mark.
 * @example fold('Phòng Văn hoá – Xã hội') === fold('phong van hoa - xa hoi') // true
 */
export function fold(input: string): string {
  const hit = CACHE.get(input);
  if (hit !== undefined) return hit;
  const key = foldByTable(input) ?? foldByRules(input);
  // Sheets repeat the same agency names, deadlines and labels thousands of times; a bounded cache pays for itself.
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(input, key);
  return key;
}

const CACHE = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** The definition: what fold() answers, spelled as the chain of normalizations it stands for. */
export function foldByRules(input: string): string {
  let s = input.normalize('NFD').toLowerCase().replace(COMBINING, '');
  s = s.replace(/đ/g, 'd').replace(/\u0111/g, 'd');
  s = s.replace(/&/g, ' va ');
  // Punctuation and dashes separate words; keep letters, digits, '%' and '/'.
  s = s.replace(/[^a-z0-9%/]+/g, ' ');
  // A final y right after the initial consonant is the same vowel as i (kỹ ≡ kĩ, lý ≡ lí, quý ≡ quí);
  // "uy" after a consonant (thuỷ, huy) is a different vowel and stays.
  s = s.replace(Y_AFTER_CONSONANT, '$1i');
  return s.trim();
}

const Y_AFTER_CONSONANT = /\b(qu|[bcdghklmnprstvx]+)y\b/g;

// The same key in one pass over the characters, for text made only of Latin characters (Vietnamese precomposed or
// decomposed, punctuation, digits): each character's share of the key is the rules applied to it alone, worked out
// once at load. Per character is exact there: NFD, lower case and mark stripping act on each character by itself
// (no final sigma; combining marks only reorder among themselves, and all of U+0300–U+036F are dropped), and a run of
// separators becomes one space either way. Any other character (CJK, Greek, emoji…) takes the rules themselves.
const TABLE_END = 0x1f00;
const SEPARATOR = -1;
const DROPPED = -2;
const UNKNOWN = -3;
const MULTI = -4;
/** Char code → the one code it folds to, or SEPARATOR / DROPPED / UNKNOWN / MULTI (see MULTI_CODES). */
const SINGLE = new Int32Array(TABLE_END).fill(UNKNOWN);
const MULTI_CODES = new Map<number, number[]>();
{
  const ranges: [number, number][] = [
    [0, 0x250],
    [0x300, 0x370],
    [0x1e00, 0x1f00],
  ];
  for (const [lo, hi] of ranges) {
    for (let code = lo; code < hi; code++) {
      const part = foldPart(String.fromCharCode(code));
      if (part === '') SINGLE[code] = DROPPED;
      else if (part === ' ') SINGLE[code] = SEPARATOR;
      else if (part.length === 1) SINGLE[code] = part.charCodeAt(0);
      else {
        SINGLE[code] = MULTI;
        MULTI_CODES.set(
          code,
          [...part].map((ch) => (ch === ' ' ? SEPARATOR : ch.charCodeAt(0))),
        );
      }
    }
  }
}

/** One character's share of the key, before spaces are collapsed (a separator is one space). */
function foldPart(ch: string): string {
  const s = ch
    .normalize('NFD')
    .toLowerCase()
    .replace(COMBINING, '')
    .replace(/\u0111/g, 'd')
    .replace(/&/g, ' va ');
  return s.replace(/[^a-z0-9%/]+/g, ' ');
}

let buffer = new Uint16Array(256);

function foldByTable(input: string): string | null {
  const len = foldCodes(input);
  return len < 0 ? null : decode(buffer, len);
}

/**
 * fold(input) as UTF-16 codes in foldedCodes() (for matching without making the string), and its length; -1 when a
 * character is not in the table (then fold() itself is the answer). The buffer is reused by the next call.
 */
export function foldCodes(input: string): number {
  const n = input.length;
  if (buffer.length < n * 4 + 4) buffer = new Uint16Array(n * 4 + 4);
  const out = buffer;
  let len = 0;
  let pendingSpace = false;
  let sawY = false;
  for (let i = 0; i < n; i++) {
    const code = input.charCodeAt(i);
    const to = code < TABLE_END ? SINGLE[code]! : UNKNOWN;
    if (to >= 0) {
      if (pendingSpace && len > 0) out[len++] = 0x20;
      pendingSpace = false;
      if (to === 0x79) sawY = true;
      out[len++] = to;
    } else if (to === SEPARATOR) {
      pendingSpace = true;
    } else if (to === MULTI) {
      for (const c of MULTI_CODES.get(code)!) {
        if (c === SEPARATOR) {
          pendingSpace = true;
          continue;
        }
        if (pendingSpace && len > 0) out[len++] = 0x20;
        pendingSpace = false;
        if (c === 0x79) sawY = true;
        out[len++] = c;
      }
    } else if (to === UNKNOWN) {
      return -1;
    }
  }
  if (sawY) yAfterConsonant(out, len);
  return len;
}

/** The codes foldCodes() or copyCodes() left (valid up to the length they answered, until the next call). */
export function foldedCodes(): Uint16Array {
  return buffer;
}

/** A folded string's codes into the buffer, for text foldCodes() could not fold itself. */
export function copyCodes(folded: string): number {
  const n = folded.length;
  if (buffer.length < n + 4) buffer = new Uint16Array(n + 4);
  for (let i = 0; i < n; i++) buffer[i] = folded.charCodeAt(i);
  return n;
}

/** Y_AFTER_CONSONANT in place: a word (a run of a–z, 0–9) that is "qu" or consonants, then a final y, ends in i. */
function yAfterConsonant(codes: Uint16Array, len: number): void {
  let start = 0;
  for (let i = 0; i <= len; i++) {
    if (i < len && isWordCode(codes[i]!)) continue;
    // codes[start, i) is a word.
    const last = i - 1;
    if (last > start && codes[last] === 0x79) {
      let ok = last - start === 2 && codes[start] === 0x71 && codes[start + 1] === 0x75; // "quy"
      if (!ok) {
        ok = true;
        for (let k = start; k < last; k++) if (!CONSONANT[codes[k]!]) ok = false;
      }
      if (ok) codes[last] = 0x69;
    }
    start = i + 1;
  }
}

function isWordCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

const CONSONANT = new Uint8Array(128);
for (const ch of 'bcdghklmnprstvx') CONSONANT[ch.charCodeAt(0)] = 1;

function decode(codes: Uint16Array, len: number): string {
  if (len <= 4096) return String.fromCharCode.apply(null, codes.subarray(0, len) as unknown as number[]);
  let s = '';
  for (let at = 0; at < len; at += 4096) {
    s += String.fromCharCode.apply(null, codes.subarray(at, Math.min(len, at + 4096)) as unknown as number[]);
  }
  return s;
}

/**
 * Fold, then drop spaces: for labels whose spacing varies ("Số TT" ≡ "SốTT").
 * @example foldTight('Số  TT') // 'sott'
 */
export function foldTight(input: string): string {
  return fold(input).replace(/ /g, '');
}

/** Whether two strings are equal after folding. */
export function sameFolded(a: string, b: string): boolean {
  return fold(a) === fold(b);
}
