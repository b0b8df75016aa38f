// Tone-mark placement style of a syllable: "hòa/thủy" (tone on the first vowel) or "hoà/thuỷ" (on the second).

const MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;

/**
 * Which placement a word uses, or null when it has none to tell (most words are written one way only).
 * Only open syllables ending in oa, oe or uy (not after q, where u belongs to the consonant) differ:
 * "hòa", "khỏe", "thủy" are 'old'; "hoà", "khoẻ", "thuỷ" are 'new'.
 * @example toneStyleOf('Hoá') // 'new'
 * @example toneStyleOf('hóa') // 'old'
 * @example toneStyleOf('hoàn') // null
 */
export function toneStyleOf(word: string): 'old' | 'new' | null {
  let style = STYLES.get(word);
  if (style === undefined) {
    if (STYLES.size >= 50_000) STYLES.clear();
    STYLES.set(word, (style = toneStyleUncached(word)));
  }
  return style;
}

const STYLES = new Map<string, 'old' | 'new' | null>();

function toneStyleUncached(word: string): 'old' | 'new' | null {
  const d = word.normalize('NFD').toLowerCase();
  // Letters with their marks, as [base, marks] pairs; a circumflex/breve/horn is part of the base.
  const m = /(^|[^q])(o|u)([\u0300\u0301\u0303\u0309\u0323]?)(a|e|y)([\u0300\u0301\u0303\u0309\u0323]?)$/u.exec(d);
  if (!m) return null;
  const [, , first, firstMark, second, secondMark] = m;
  if ((first === 'o' && second === 'y') || (first === 'u' && second !== 'y')) return null;
  if (firstMark && !secondMark) return 'old';
  if (secondMark && !firstMark) return 'new';
  return null;
}

/** Whether a word carries any tone mark at all. */
export function hasToneMark(word: string): boolean {
  return MARKS.test(word.normalize('NFD'));
}
