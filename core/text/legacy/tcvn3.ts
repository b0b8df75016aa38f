// TCVN3 (ABC, TCVN 5712 VN3): one byte per lower-case letter; toned capitals have none and borrow the lower-case byte.
import { toned, VOWELS, type Vowel } from './letters.ts';

/** Bytes of each vowel's toned forms, in TONES order (huyền, hỏi, ngã, sắc, nặng); UniKey's TCVN3 table. */
const TONED_BYTES: Record<Vowel, readonly number[]> = {
  a: [0xb5, 0xb6, 0xb7, 0xb8, 0xb9],
  ă: [0xbb, 0xbc, 0xbd, 0xbe, 0xc6],
  â: [0xc7, 0xc8, 0xc9, 0xca, 0xcb],
  e: [0xcc, 0xce, 0xcf, 0xd0, 0xd1],
  ê: [0xd2, 0xd3, 0xd4, 0xd5, 0xd6],
  i: [0xd7, 0xd8, 0xdc, 0xdd, 0xde],
  o: [0xdf, 0xe1, 0xe2, 0xe3, 0xe4],
  ô: [0xe5, 0xe6, 0xe7, 0xe8, 0xe9],
  ơ: [0xea, 0xeb, 0xec, 0xed, 0xee],
  u: [0xef, 0xf1, 0xf2, 0xf3, 0xf4],
  ư: [0xf5, 0xf6, 0xf7, 0xf8, 0xf9],
  y: [0xfa, 0xfb, 0xfc, 0xfd, 0xfe],
};

/** The derived letters, lower case then the seven capitals TCVN3 does have, zipped with PLAIN_BYTES. */
const PLAIN = 'ăâêôơưđĂÂÊÔƠƯĐ';
const PLAIN_BYTES = [0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7];

const TO_UNICODE = new Map<string, string>();
const FROM_UNICODE = new Map<string, string>();
function add(letter: string, byte: number): void {
  const ch = String.fromCharCode(byte);
  TO_UNICODE.set(ch, letter);
  FROM_UNICODE.set(letter, ch);
}
[...PLAIN].forEach((letter, i) => add(letter, PLAIN_BYTES[i]!));
for (const v of VOWELS) TONED_BYTES[v].forEach((byte, tone) => add(toned(v, tone), byte));

/**
 * TCVN3 text (one Latin-1 character per byte) to Unicode, character by character; other characters pass through.
 * @example decodeTcvn3('ViÖt Nam') // 'Việt Nam'
 */
export function decodeTcvn3(s: string): string {
  let out = '';
  for (const ch of s) out += TO_UNICODE.get(ch) ?? ch;
  return out;
}

/**
 * NFC Unicode to TCVN3. A toned capital gets its lower-case byte (UniKey does the same: .VnTime shows it
 * in lower case, a .VnTimeH font as the capital); with `capitals`, so do Ă Â Ê Ô Ơ Ư Đ, as .VnTimeH text is typed.
 * @example encodeTcvn3('Hà Nội', false) // 'Hµ Néi'
 */
export function encodeTcvn3(s: string, capitals: boolean): string {
  let out = '';
  for (const ch of s) {
    const lower = ch.toLowerCase();
    out += (capitals ? FROM_UNICODE.get(lower) : undefined) ?? FROM_UNICODE.get(ch) ?? FROM_UNICODE.get(lower) ?? ch;
  }
  return out;
}
