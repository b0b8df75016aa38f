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
  const key = foldUncached(input);
  // Sheets repeat the same agency names, deadlines and labels thousands of times; a bounded cache pays for itself.
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(input, key);
  return key;
}

const CACHE = new Map<string, string>();
const CACHE_LIMIT = 50_000;

function foldUncached(input: string): string {
  let s = input.normalize('NFD').toLowerCase().replace(COMBINING, '');
  s = s.replace(/đ/g, 'd').replace(/\u0111/g, 'd');
  s = s.replace(/&/g, ' va ');
  // Punctuation and dashes separate words; keep letters, digits, '%' and '/'.
  s = s.replace(/[^a-z0-9%/]+/g, ' ');
  // A final y right after the initial consonant is the same vowel as i (kỹ ≡ kĩ, lý ≡ lí, quý ≡ quí);
  // "uy" after a consonant (thuỷ, huy) is a different vowel and stays.
  s = s.replace(/\b(qu|[bcdghklmnprstvx]+)y\b/g, '$1i');
  return s.trim();
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
