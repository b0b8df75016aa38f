// Storage normalization: NFC, one kind of space, one kind of dash — never applied to a user's cell unless asked.

const SPACES = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]+/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

/**
 * Collapse whitespace (keeping line breaks as single spaces) and trim.
 * @example collapseSpaces('  a \u00a0 b\n c ') // 'a b c'
 */
export function collapseSpaces(s: string): string {
  return s
    .replace(SPACES, ' ')
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * Text as phuluc stores it: NFC, collapsed spaces, every dash variant (– — ‒ −) as a spaced "-"
 * only where it separates words, hyphens inside words kept.
 * @example normalizeText('Phòng Văn hoá – Xã hội') // 'Phòng Văn hoá - Xã hội'
 */
export function normalizeText(s: string): string {
  return collapseSpaces(s.normalize('NFC').replace(DASHES, '-'));
}

/** Whether a string is not in NFC (e.g. typed with a decomposed-Unicode keyboard setting). */
export function isDecomposed(s: string): boolean {
  // Latin letters (precomposed Vietnamese included) and ordinary punctuation are NFC-stable; normalizing is the slow part.
  if (NFC_STABLE.test(s)) return false;
  return s !== s.normalize('NFC');
}

/** Text made only of characters that NFC never changes and that never compose with a neighbour. */
const NFC_STABLE = /^[\t\n\r\u0020-\u02ff\u1e00-\u1eff\u2010-\u206f\u20ab]*$/;
