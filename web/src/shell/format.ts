// Small text formatting shared by the pages.

/**
 * A numbered line: "3. Nội dung", without doubling the ordinal's own stop ("VI." → "VI. …", "a)" → "a) …").
 * @example numbered('VI.', 'Thúc đẩy…') // 'VI. Thúc đẩy…'
 */
export function numbered(tt: string | null | undefined, text: string): string {
  if (!tt) return text;
  return /[.)]$/.test(tt) ? `${tt} ${text}` : `${tt}. ${text}`;
}
