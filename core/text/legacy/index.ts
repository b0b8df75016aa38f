// Legacy Vietnamese encodings (TCVN3/ABC and VNI): decoding, encoding, detection from the font or from the text itself.
export { decodeLegacy, encodeLegacy, type LegacyOptions } from './codec.ts';
export { detectLegacy } from './detect.ts';
export { encodingFromFont, unicodeFontFor, type FontEncoding } from './font.ts';
