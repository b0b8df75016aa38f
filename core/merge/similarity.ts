// Content similarity of two tasks: word-bigram Dice, or containment of the shorter text in the longer.
import { fold } from '../text/fold.ts';

/** A text prepared for comparison: its distinct word bigrams (or its only word). */
export interface Shingled {
  shingles: string[];
  set: ReadonlySet<string>;
}

/**
 * Containment only counts for texts of at least this many bigrams: a three-word heading is
 * "contained" in too many sentences to say anything about identity.
 */
const MIN_CONTAINED = 4;
/** Tolerance for comparing ratios with thresholds (0.8 × 5 is not exactly 4 in floating point). */
export const EPSILON = 1e-9;

/**
 * Distinct word bigrams of a text after folding; a one-word text is its own shingle.
 * @example shingle('Xây dựng kế hoạch').shingles // ['xay dung', 'dung ke', 'ke hoach']
 */
export function shingle(text: string): Shingled {
  const words = fold(text)
    .split(' ')
    .filter((w) => w !== '');
  const set = new Set<string>();
  if (words.length === 1) set.add(words[0]!);
  for (let i = 0; i + 1 < words.length; i++) set.add(`${words[i]} ${words[i + 1]}`);
  return { shingles: [...set], set };
}

/**
 * Similarity in [0, 1]: the larger of Dice (2|A∩B| / (|A|+|B|)) and, for texts long enough, containment
 * (|A∩B| / min(|A|,|B|)) — so a task whose text was extended ("…, định kỳ báo cáo UBND xã") still matches.
 * Never below Dice and never above containment, which is what makes prefix filtering exact (see similar-pairs.ts).
 * @example similarity(shingle('Tổ chức hội nghị tổng kết'), shingle('Tổ chức hội nghị sơ kết')) // 0.6
 */
export function similarity(a: Shingled, b: Shingled): number {
  const na = a.shingles.length;
  const nb = b.shingles.length;
  if (na === 0 || nb === 0) return 0;
  const [small, large] = na <= nb ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small.shingles) if (large.set.has(s)) shared++;
  const dice = (2 * shared) / (na + nb);
  const min = small.shingles.length;
  return min >= MIN_CONTAINED ? Math.max(dice, shared / min) : dice;
}
