// Which legacy encoding a cell's font implies: ABC fonts (.VnTime, .VnArialH…) are TCVN3, VNI-* fonts are VNI.
import type { LegacyEncoding } from '../../model/appendix.ts';

export interface FontEncoding {
  encoding: LegacyEncoding;
  /** .VnTimeH-style "H" fonts: all capitals, toned capitals share the lower-case byte */
  capitals?: boolean;
}

/** Style words some writers append to the family name ("VNI-Times Bold"). */
const STYLE_SUFFIX = /(?:[\s,-]+(?:bold|italic|regular|oblique|normal))+$/;

/**
 * The legacy encoding a font name implies, or null for a Unicode font. Case and spaces do not matter.
 * ABC fonts all start with ".Vn" (the dot keeps them apart from Unicode fonts named "VN…"); an "H" at the end
 * of the family name marks the all-capitals variant.
 * @example encodingFromFont('.VnTimeH') // { encoding: 'tcvn3', capitals: true }
 * @example encodingFromFont('VNI-Times Bold') // { encoding: 'vni' }
 * @example encodingFromFont('Times New Roman') // null
 */
export function encodingFromFont(font: string | undefined): FontEncoding | null {
  if (!font) return null;
  // Asked for every text cell of a sheet, which uses a handful of fonts: each name is worked out once.
  let enc = BY_NAME.get(font);
  if (enc === undefined) {
    if (BY_NAME.size >= 1_000) BY_NAME.clear();
    BY_NAME.set(font, (enc = encodingOfName(font)));
  }
  return enc;
}

const BY_NAME = new Map<string, FontEncoding | null>();
// The three answers, shared (frozen: a caller must not change what the next cell gets).
const TCVN3: FontEncoding = Object.freeze({ encoding: 'tcvn3' });
const TCVN3_CAPITALS: FontEncoding = Object.freeze({ encoding: 'tcvn3', capitals: true });
const VNI: FontEncoding = Object.freeze({ encoding: 'vni' });

function encodingOfName(font: string): FontEncoding | null {
  const name = font.trim().toLowerCase().replace(/\s+/g, ' ').replace(STYLE_SUFFIX, '');
  if (/^\. ?vn/.test(name)) return name.endsWith('h') ? TCVN3_CAPITALS : TCVN3;
  if (/^vni(?: ?[-_ ]|$)/.test(name)) return VNI;
  return null;
}

/**
 * The Unicode font to put on a cell converted from a legacy font: the same family where Windows has one
 * (Arial for .VnArial and VNI-Helve, Arial Narrow, Courier New), Times New Roman otherwise.
 * @example unicodeFontFor('.VnArialH') // 'Arial'
 * @example unicodeFontFor('VNI-Times') // 'Times New Roman'
 */
export function unicodeFontFor(font: string | undefined): string {
  const name = (font ?? '').toLowerCase().replace(/[\s._-]+/g, '');
  if (name.includes('arialnarrow')) return 'Arial Narrow';
  if (/arial|helve|univer/.test(name)) return 'Arial';
  if (/couri/.test(name)) return 'Courier New';
  return 'Times New Roman';
}
