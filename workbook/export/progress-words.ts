// Words the two progress workbooks share: a group's band, a verdict, the follow-up lists' titles, a report's state.
import type { GroupRef, Lang } from '../../core/consolidate/index.ts';
import { GROUP_COLUMNS } from '../../core/consolidate/index.ts';
import type { Evaluation } from '../../core/progress/index.ts';

/**
 * The heading a task table writes over a group's tasks.
 * @example groupBand({ id: 'nq57-3', number: 3, short: 'Hạ tầng', shortEn: 'Infrastructure' }, 'vi') // 'Nhóm nhiệm vụ 3: Hạ tầng'
 */
export function groupBand(g: GroupRef, lang: Lang): string {
  if (g.number === 0) return lang === 'en' ? 'Other tasks' : 'Nhiệm vụ khác';
  return lang === 'en' ? `Group ${g.number}: ${g.shortEn}` : `Nhóm nhiệm vụ ${g.number}: ${g.short}`;
}

/** Items in NQ57 group order (1 to 7, then "Khác"), in their given order within a group. */
export function byGroup<T>(items: readonly T[], group: (t: T) => GroupRef): T[] {
  const order = new Map(GROUP_COLUMNS.map((g, i) => [g.id, i]));
  const rank = (t: T) => order.get(group(t).id) ?? GROUP_COLUMNS.length;
  return items
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
    .map(({ t }) => t);
}

const VERDICT = {
  vi: { met: 'Đạt', 'not-met': 'Chưa đạt', unknown: 'Chưa đánh giá được' },
  en: { met: 'Met', 'not-met': 'Not met', unknown: 'Cannot be judged' },
} as const;

/**
 * An indicator's verdict with the rule it was judged by: "Đạt (≥ 70%)", "Chưa đánh giá được".
 * @example verdictText(evaluateActual('≥ 70%', '72%'), 'vi') // 'Đạt (≥ 70%)'
 */
export function verdictText(e: Evaluation, lang: Lang): string {
  const word = VERDICT[lang][e.verdict];
  return e.verdict !== 'unknown' && e.rule ? `${word} (${e.rule.text})` : word;
}

/** The three follow-up lists: sheet name, subtitle, and the line written when a list is empty. */
export const FOLLOW_UP_WORDS = {
  vi: {
    highlights: { sheet: 'Kết quả nổi bật', title: 'Kết quả nổi bật', none: 'Không có kết quả nổi bật được báo cáo.' },
    obstacles: { sheet: 'Khó khăn, vướng mắc', title: 'Khó khăn, vướng mắc', none: 'Không có khó khăn, vướng mắc được báo cáo.' },
    proposals: { sheet: 'Đề xuất, kiến nghị', title: 'Đề xuất, kiến nghị', none: 'Không có đề xuất, kiến nghị được báo cáo.' },
  },
  en: {
    highlights: { sheet: 'Highlights', title: 'Highlights', none: 'No highlights were reported.' },
    obstacles: { sheet: 'Obstacles', title: 'Obstacles', none: 'No obstacles were reported.' },
    proposals: { sheet: 'Proposals', title: 'Proposals', none: 'No proposals were reported.' },
  },
} as const;

export type FollowUpList = keyof (typeof FOLLOW_UP_WORDS)['vi'];
export const FOLLOW_UP_LISTS: readonly FollowUpList[] = ['highlights', 'obstacles', 'proposals'];

/** "tính đến ngày 30/06/2026" / "as of 30/06/2026". */
export function asOfWords(lang: Lang): string {
  return lang === 'en' ? 'as of' : 'tính đến ngày';
}

/** A number as a Vietnamese report writes it: decimal comma ("72,5"). */
export function numberText(n: number, lang: Lang): string {
  const s = String(Math.round(n * 100) / 100);
  return lang === 'en' ? s : s.replace('.', ',');
}

/**
 * A share of a whole in per cent, one decimal, "" when the whole is 0.
 * @example shareText(1, 3, 'vi') // '33,3%'
 */
export function shareText(part: number, whole: number, lang: Lang): string {
  if (whole === 0) return '';
  const s = String(Math.round((part / whole) * 1000) / 10);
  return `${lang === 'en' ? s : s.replace('.', ',')}%`;
}
