// Storage normalization: NFC, one kind of space, one kind of dash — never applied to a user's cell unless asked.

const SPACES = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]+/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

/**
 * Collapse whitespace (keeping line breaks as single spaces) and trim.
 * @example collapseSpaces('  a \u00a0 b\n c ') // 'a b c'
 */
export function collapseSpaces(s: string): string {
  return s.replace(SPACES, ' ').replace(/\s*\r?\n\s*/g, ' ').replace(/ {2,}/g, ' ').trim();
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
  return s !== s.normalize('NFC');
}
