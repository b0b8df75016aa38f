// What the duplicate-rule tests share: a task row holding a text, and the definition the candidate search must match
// (each text's word pairs, every pair of texts compared).
import type { AppendixRow } from '../../../../core/model/appendix.ts';

/** A task row numbered n (also its sheet row) whose content is `content`. */
export const row = (n: number, content: string): AppendixRow => ({
  kind: 'task',
  tt: String(n),
  fields: { content },
  source: { sheet: 'S', row: n, cells: {} },
});

/** A text's word pairs; a text of 1 to 5 words is one "pair" standing for the whole text. */
function shingles(s: string): Set<string> {
  const w = s.split(' ').filter((x) => x !== '');
  if (w.length > 0 && w.length < 6) return new Set([`#${w.join(' ')}`]);
  const out = new Set<string>();
  for (let i = 0; i + 1 < w.length; i++) out.add(`${w[i]} ${w[i + 1]}`);
  return out;
}

/**
 * [row i, row j, containment] (rows numbered from 1, i < j) for every pair of texts whose shorter keeps at least
 * `threshold` of its word pairs in the longer: comparing all pairs, the definition findSimilar must reproduce.
 */
export function similarByAllPairs(texts: string[], threshold: number): number[][] {
  const sets = texts.map(shingles);
  const out: number[][] = [];
  for (let i = 0; i < sets.length; i++)
    for (let j = i + 1; j < sets.length; j++) {
      const [s, l] = sets[i]!.size <= sets[j]!.size ? [sets[i]!, sets[j]!] : [sets[j]!, sets[i]!];
      if (s.size === 0) continue;
      let shared = 0;
      for (const x of s) if (l.has(x)) shared++;
      if (shared >= Math.ceil(threshold * s.size - 1e-9)) out.push([i + 1, j + 1, shared / s.size]);
    }
  return out;
}
