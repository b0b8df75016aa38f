// A commune's group heading → one of the seven NQ57 groups, by IDF-weighted term overlap; "Khác" below a threshold.
import { romanToInt } from '../text/ordinal.ts';
import { fold } from '../text/fold.ts';
import { GROUP_KEYWORDS, headingTerms, splitOrdinal } from './group-terms.ts';
import { groupByNumber, NQ57_GROUPS, OTHER_GROUP, type GroupRef } from './groups.ts';

/** How a heading was placed, with the evidence: for reports and tests. */
export interface GroupMatch {
  group: GroupRef;
  /** 'text' from the heading's words, 'ordinal' from its Roman number alone, 'none' for "Khác". */
  by: 'text' | 'ordinal' | 'none';
  score: number;
}

/**
 * Least score a heading needs: about one word pair found in a single group ("hạ tầng", "thể chế").
 * Stray syllables never reach it: a Vietnamese syllable alone ("tác", "hội") is not a word.
 */
const MIN_SCORE = 3;
const KEYWORD_WEIGHT = 2;
const PAIR_WEIGHT = 2;
const SYLLABLE_WEIGHT = 0.25;
/** "Khác", "Nhiệm vụ khác", "Các nội dung khác". */
const SAYS_OTHER = /(?:^|\s)khac(?:\s|$)/;

/** Term → score it adds to each group (index 0 = group 1). Built once from the titles and key words. */
const INDEX: ReadonlyMap<string, readonly number[]> = buildIndex();

function buildIndex(): Map<string, number[]> {
  const n = NQ57_GROUPS.length;
  const weight = new Map<string, number[]>();
  const add = (term: string, g: number, w: number) => {
    let row = weight.get(term);
    if (!row) weight.set(term, (row = new Array<number>(n).fill(0)));
    row[g] = Math.max(row[g]!, w);
  };
  NQ57_GROUPS.forEach((group, g) => {
    for (const t of headingTerms(`${group.title} ${group.short}`)) add(t, g, 1);
    for (const k of GROUP_KEYWORDS[group.number] ?? []) for (const t of headingTerms(k)) add(t, g, KEYWORD_WEIGHT);
  });
  // IDF over the seven groups: a term every group uses ("phát triển") weighs nothing.
  for (const [term, row] of weight) {
    const df = row.filter((w) => w > 0).length;
    const idf = Math.log(n / df);
    const len = term.includes(' ') ? PAIR_WEIGHT : SYLLABLE_WEIGHT;
    for (let g = 0; g < n; g++) row[g] = row[g]! * idf * len;
  }
  return weight;
}

function scoreText(text: string): { g: number; score: number } {
  const scores = new Array<number>(NQ57_GROUPS.length).fill(0);
  for (const t of headingTerms(text)) {
    const row = INDEX.get(t);
    if (row) for (let g = 0; g < row.length; g++) scores[g]! += row[g]!;
  }
  let g = 0;
  // Ties go to the lower group number, so the result depends on nothing but the text.
  for (let k = 1; k < scores.length; k++) if (scores[k]! > scores[g]!) g = k;
  return { g, score: scores[g]! };
}

/**
 * Place a heading, with the evidence. The heading's words decide; a Roman number (leading the heading, or the
 * group row's TT passed as `tt`) counts only when the words give no evidence at all, since communes renumber
 * and drop groups (Cẩm Giàng's table goes from III straight to VI).
 * @example matchGroup('NHÓM NHIỆM VỤ VỀ HẠ TẦNG') // { group: { id: 'nq57-3', … }, by: 'text', score: … }
 */
export function matchGroup(heading: string, tt?: string): GroupMatch {
  const { text, roman } = splitOrdinal(heading);
  const { g, score } = scoreText(text);
  if (score >= MIN_SCORE) return { group: groupByNumber(g + 1)!, by: 'text', score };
  const written = roman ?? (tt === undefined ? undefined : /^\s*([IVXivx]{1,4})\s*[.):]?\s*$/.exec(tt)?.[1]);
  // "Các nhiệm vụ khác" says where it belongs: its number is only its place in the plan.
  const saysOther = SAYS_OTHER.test(fold(text));
  const byNumber = score === 0 && !saysOther && written !== undefined ? groupByNumber(romanToInt(written.toUpperCase()) ?? 0) : undefined;
  if (byNumber) return { group: byNumber, by: 'ordinal', score };
  return { group: OTHER_GROUP, by: 'none', score };
}

// Headings repeat across thousands of communes (most copy the resolution's wording): map each folded text once.
// A first map keyed by the text as written skips even the folding of a 250-character heading seen before.
const BY_FOLDED = new Map<string, GroupRef>();
const BY_TEXT = new Map<string, GroupRef>();
const CACHE_LIMIT = 50_000;

function remember(map: Map<string, GroupRef>, key: string, group: GroupRef): void {
  if (map.size >= CACHE_LIMIT) map.clear();
  map.set(key, group);
}

/**
 * The NQ57 group a commune's group heading belongs to, or "Khác" (id 'khac', number 0).
 * `tt` is the group row's TT ("III"), weak evidence used only when the words give none.
 * Cached by folded heading (and TT), so a province's worth of rows costs one match per distinct heading.
 * @example mapGroup('Nâng cao nhận thức, đột phá về đổi mới tư duy…').number // 1
 * @example mapGroup('Hoàn thiện thể chế, chính sách').short // 'Thể chế, chính sách'
 * @example mapGroup('Các nhiệm vụ khác').id // 'khac'
 */
export function mapGroup(groupHeading: string, tt?: string): GroupRef {
  const textKey = `${groupHeading}\u0000${tt ?? ''}`;
  const seen = BY_TEXT.get(textKey);
  if (seen) return seen;
  const key = `${fold(groupHeading)}|${tt === undefined ? '' : fold(tt)}`;
  let group = BY_FOLDED.get(key);
  if (!group) remember(BY_FOLDED, key, (group = matchGroup(groupHeading, tt).group));
  remember(BY_TEXT, textKey, group);
  return group;
}
