// Legacy Vietnamese text (TCVN3, VNI) to NFC Unicode and back, as Excel hands it over: one character per legacy byte.
import type { LegacyEncoding } from '../../model/appendix.ts';
import { c1ToCp1252 } from './cp1252.ts';
import { decodeTcvn3, encodeTcvn3 } from './tcvn3.ts';
import { decodeVni, encodeVni } from './vni.ts';

export interface LegacyOptions {
  encoding: LegacyEncoding;
  /** The font shows every letter as a capital (.VnTimeH-style "H" fonts), so toned capitals share the lower-case byte. */
  capitals?: boolean;
}

/**
 * Decode a legacy string to NFC Unicode. ASCII is unchanged; bytes 0x80–0x9F are accepted both as their
 * Windows-1252 characters (how Excel stores them) and as C1 code points. With `capitals` the result is upper case,
 * as the "H" font draws it.
 * @example decodeLegacy('Hµ Néi', { encoding: 'tcvn3' }) // 'Hà Nội'
 * @example decodeLegacy('Haø Noäi', { encoding: 'vni' }) // 'Hà Nội'
 */
export function decodeLegacy(s: string, enc: LegacyOptions): string {
  const bytes = c1ToCp1252(s);
  const text = (enc.encoding === 'tcvn3' ? decodeTcvn3(bytes) : decodeVni(bytes)).normalize('NFC');
  // Upper-casing can decompose (Greek ῒ → Ϊ̀): normalize again so the result is NFC as promised.
  return enc.capitals ? text.toUpperCase().normalize('NFC') : text;
}

/**
 * Encode Unicode text to a legacy encoding, one character per byte, bytes 0x80–0x9F as Windows-1252 characters.
 * TCVN3 has no toned capitals: they get the lower-case byte, and with `capitals` so do Ă Â Ê Ô Ơ Ư Đ,
 * which is how text in a .VnTimeH font is stored. Characters the encoding cannot spell pass through.
 * @example encodeLegacy('Việt Nam', { encoding: 'tcvn3' }) // 'ViÖt Nam'
 * @example encodeLegacy('VIỆT NAM', { encoding: 'tcvn3', capitals: true }) // 'VIÖT NAM'
 */
export function encodeLegacy(s: string, enc: LegacyOptions): string {
  const text = s.normalize('NFC');
  return c1ToCp1252(enc.encoding === 'tcvn3' ? encodeTcvn3(text, enc.capitals === true) : encodeVni(text));
}
