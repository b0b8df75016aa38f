// VNI Windows: a base letter followed by a mark character (ø ù û õ ï, â à á å ã ä, ê è é ú ü ë); ơ ư đ and toned i, ỵ are single characters.
import { toned, VOWELS, type Vowel } from './letters.ts';

/** Mark characters in TONES order (huyền, hỏi, ngã, sắc, nặng): plain tone, after a circumflex, after a breve. */
const TONE = ['ø', 'û', 'õ', 'ù', 'ï'];
const HAT = ['à', 'å', 'ã', 'á', 'ä'];
const BREVE = ['è', 'ú', 'ü', 'é', 'ë'];

/** Each vowel: its VNI spelling without tone, then with each tone. UniKey's VNI Windows table, lower case. */
const ROWS: Record<Vowel, readonly [string, readonly string[]]> = {
  a: ['a', TONE.map((m) => 'a' + m)],
  ă: ['aê', BREVE.map((m) => 'a' + m)],
  â: ['aâ', HAT.map((m) => 'a' + m)],
  e: ['e', TONE.map((m) => 'e' + m)],
  ê: ['eâ', HAT.map((m) => 'e' + m)],
  i: ['i', ['ì', 'æ', 'ó', 'í', 'ò']],
  o: ['o', TONE.map((m) => 'o' + m)],
  ô: ['oâ', HAT.map((m) => 'o' + m)],
  ơ: ['ô', TONE.map((m) => 'ô' + m)],
  u: ['u', TONE.map((m) => 'u' + m)],
  ư: ['ö', TONE.map((m) => 'ö' + m)],
  y: ['y', ['yø', 'yû', 'yõ', 'yù', 'î']],
};

const TO_UNICODE = new Map<string, string>();
const FROM_UNICODE = new Map<string, string>();
function add(letter: string, vni: string): void {
  if (letter === vni) return;
  for (const [l, v] of [
    [letter, vni],
    [letter.toUpperCase(), vni.toUpperCase()],
  ] as const) {
    FROM_UNICODE.set(l, v);
    TO_UNICODE.set(v, l);
  }
  if (vni.length === 2) {
    // Word's Change Case leaves "Aùo" (capital base, small mark): the base decides the case.
    TO_UNICODE.set(vni[0]!.toUpperCase() + vni[1], letter.toUpperCase());
    TO_UNICODE.set(vni[0] + vni[1]!.toUpperCase(), letter);
  }
}
add('đ', 'ñ');
for (const v of VOWELS) {
  const [plain, tones] = ROWS[v];
  add(v, plain);
  tones.forEach((vni, tone) => add(toned(v, tone), vni));
}

/**
 * VNI text (one Latin-1 character per byte) to Unicode; unknown characters pass through. Not yet NFC-checked.
 * @example decodeVni('Vieät Nam') // 'Việt Nam'
 */
export function decodeVni(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    // No VNI mark is also a VNI letter, so the longest match at each position is the only reading.
    const pair = i + 1 < s.length ? TO_UNICODE.get(s[i]! + s[i + 1]) : undefined;
    if (pair !== undefined) {
      out += pair;
      i++;
    } else {
      out += TO_UNICODE.get(s[i]!) ?? s[i];
    }
  }
  return out;
}

/**
 * NFC Unicode to VNI; characters VNI cannot spell pass through.
 * @example encodeVni('Hà Nội') // 'Haø Noäi'
 */
export function encodeVni(s: string): string {
  let out = '';
  for (const ch of s) out += FROM_UNICODE.get(ch) ?? ch;
  return out;
}
