// Ordinals as officials write them: Roman, Arabic, hierarchical (1.1.2), letters a) … đ), dashes and plus signs.
import type { Ordinal } from '../model/appendix.ts';

/** Vietnamese alphabetical order for lettered items: đ follows d. */
const LETTERS = 'abcdđefghijklmnopqrstuvwxyz';
const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];
/** Larger Roman numbers are letters in practice ("C)", "D."): no appendix has fifty groups. */
const MAX_ROMAN = 49;

/**
 * Positive integer to upper-case Roman numerals.
 * @example intToRoman(6) // 'VI'
 */
export function intToRoman(n: number): string {
  let rest = Math.floor(n);
  let out = '';
  for (const [v, s] of ROMAN) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/**
 * Roman numerals to an integer; null unless written canonically (so "IIII" or "VX" are not numbers).
 * @example romanToInt('XIV') // 14
 */
export function romanToInt(s: string): number | null {
  const u = s.toUpperCase();
  if (!/^[IVXLCDM]+$/.test(u)) return null;
  let total = 0;
  for (let i = 0; i < u.length; i++) {
    const v = value(u[i]!);
    const next = i + 1 < u.length ? value(u[i + 1]!) : 0;
    total += v < next ? -v : v;
  }
  return intToRoman(total) === u ? total : null;
}

function value(ch: string): number {
  return ROMAN.find(([, s]) => s === ch)![0];
}

/**
 * Read a TT cell. Returns null when the text is not an ordinal at all ("Ghi chú", "TT").
 * The written style and the trailing punctuation are kept so fixes can write numbers the plan's own way.
 * @example parseOrdinal('VI.') // { text: 'VI.', style: 'roman', value: 6, trailing: '.' }
 * @example parseOrdinal('1.2') // { text: '1.2', style: 'hierarchical', value: 2, path: [1, 2], trailing: '' }
 * @example parseOrdinal('đ)')  // { text: 'đ)', style: 'letter', value: 5, trailing: ')' }
 * @example parseOrdinal('III.1') // { text: 'III.1', style: 'hierarchical', value: 1, path: [3, 1], romanHead: true, trailing: '' }
 */
export function parseOrdinal(input: string): Ordinal | null {
  // Most TT cells are a plain number ("12", "3.", "4)"): read without normalizing, trimming or a regular expression.
  const plain = plainNumber(input);
  if (plain !== undefined) return plain;
  // Printable ASCII with no space at either end is its own NFC form and trims to itself.
  const text = isBareAscii(input) ? input : input.normalize('NFC').trim();
  if (text === '') return null;
  if (/^[-–—‒−]+$/.test(text)) return { text, style: 'dash', value: null, trailing: '' };
  if (/^\++$/.test(text)) return { text, style: 'plus', value: null, trailing: '' };
  if (/^[•·●○◦▪*]$/.test(text)) return { text, style: 'bullet', value: null, trailing: '' };

  const m = /^\(?([^\s.)]+(?:\.[^\s.)]+)*)\s*([.):]?)$/u.exec(text);
  if (!m) return null;
  const body = m[1]!;
  const trailing = m[2]!;

  if (/^\d{1,4}$/.test(body)) return { text, style: 'arabic', value: Number(body), trailing };
  if (/^\d{1,4}(?:\.\d{1,4})+$/.test(body)) {
    const path = body.split('.').map(Number);
    return { text, style: 'hierarchical', value: path[path.length - 1]!, path, trailing };
  }
  // "III.1", "III.1.2": a subgroup under group III (the Roman head keeps its place when renumbered).
  const romanPath = /^([IVXLC]+)((?:\.\d{1,4})+)$/.exec(body);
  const head = romanPath ? romanToInt(romanPath[1]!) : null;
  if (romanPath && head !== null && head <= MAX_ROMAN) {
    const path = [head, ...romanPath[2]!.slice(1).split('.').map(Number)];
    return { text, style: 'hierarchical', value: path[path.length - 1]!, path, romanHead: true, trailing };
  }
  const roman = /^[IVXLC]+$/.test(body) ? romanToInt(body) : null;
  if (roman !== null && roman <= MAX_ROMAN && !(body.length === 1 && trailing === ')' && roman > 1)) {
    return { text, style: 'roman', value: roman, trailing };
  }
  const letter = LETTERS.indexOf(body.toLowerCase());
  if (body.length === 1 && letter >= 0) return { text, style: 'letter', value: letter + 1, trailing };
  return null;
}

/**
 * 1–4 ASCII digits and at most one '.' or ')' after them, as parseOrdinal's general path reads them (an Arabic
 * number); undefined for anything else, which that path decides. test/core/text/ordinal.test.ts checks the two agree.
 */
function plainNumber(s: string): Ordinal | undefined {
  const n = s.length;
  let digits = 0;
  let value = 0;
  while (digits < n && digits < 5) {
    const c = s.charCodeAt(digits);
    if (c < 0x30 || c > 0x39) break;
    value = value * 10 + (c - 0x30);
    digits++;
  }
  if (digits === 0 || digits > 4) return undefined;
  if (digits === n) return { text: s, style: 'arabic', value, trailing: '' };
  if (digits + 1 !== n) return undefined;
  const last = s.charCodeAt(digits);
  if (last === 0x2e) return { text: s, style: 'arabic', value, trailing: '.' };
  if (last === 0x29) return { text: s, style: 'arabic', value, trailing: ')' };
  return undefined;
}

/** Whether every character is printable ASCII and neither end is a space. */
function isBareAscii(s: string): boolean {
  const n = s.length;
  if (n === 0 || s.charCodeAt(0) === 0x20 || s.charCodeAt(n - 1) === 0x20) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/**
 * Format a number in an ordinal's style, keeping its trailing punctuation.
 * @example formatOrdinal(parseOrdinal('II.')!, 3) // 'III.'
 */
export function formatOrdinal(like: Ordinal, n: number): string {
  switch (like.style) {
    case 'roman':
      return `${intToRoman(n)}${like.trailing}`;
    case 'letter': {
      const ch = LETTERS[n - 1] ?? String(n);
      const upper = like.text.replace(/^\(/, '')[0] !== like.text.replace(/^\(/, '')[0]!.toLowerCase();
      return `${upper ? ch.toUpperCase() : ch}${like.trailing}`;
    }
    case 'hierarchical': {
      const parts: (number | string)[] = [...(like.path ?? []).slice(0, -1), n];
      if (like.romanHead && parts.length > 1) parts[0] = intToRoman(parts[0] as number);
      return `${parts.join('.')}${like.trailing}`;
    }
    case 'arabic':
      return `${n}${like.trailing}`;
    default:
      return like.text;
  }
}
