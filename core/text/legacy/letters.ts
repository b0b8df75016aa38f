// The Vietnamese alphabet the legacy tables are laid out by, built from Unicode marks so no letter is typed by hand.

/** The twelve vowels, in the order the legacy tables list them; each takes five tones. */
export const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
export type Vowel = (typeof VOWELS)[number];

/** Combining tone marks in table order: huyền, hỏi, ngã, sắc, nặng. */
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;

/**
 * A vowel with a tone, as one NFC character.
 * @example toned('ê', 4) // 'ệ'
 */
export function toned(vowel: Vowel, tone: number): string {
  return (vowel + TONES[tone]!).normalize('NFC');
}

/** The 67 lower-case letters Vietnamese adds to ASCII: ă â ê ô ơ ư đ and the 60 toned vowels. */
const VIETNAMESE_LOWER: readonly string[] = ['ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', ...VOWELS.flatMap((v) => TONES.map((_, t) => toned(v, t)))];

const LETTERS = new Set([...VIETNAMESE_LOWER, ...VIETNAMESE_LOWER.map((c) => c.toUpperCase())]);

/**
 * Whether a character is one of the 134 non-ASCII Vietnamese letters (either case).
 * @example isVietnameseLetter('Ư') // true
 */
export function isVietnameseLetter(ch: string): boolean {
  return LETTERS.has(ch);
}
