// core/validate/rules/duplicates-search.ts: the candidate search behind duplicate-task answers exactly what comparing
// all pairs of texts answers (through findSimilar, which runs it on rows' texts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSimilar } from '../../../../core/validate/rules/duplicates.ts';
import { row, similarByAllPairs } from './similar-pairs.ts';

describe('similarPairs', () => {
  it('finds candidates exactly as all pairs do on larger tables of edited copies: many candidates, few true pairs (property)', () => {
    // The search counts each text's hits in a few bits per text and turns most candidates away by a 128-bit signature
    // of their pairs before counting them: tables of up to 120 texts, each a fresh text or an earlier one with words
    // changed, dropped or added (so that true pairs, near misses and long hit counts all occur), from a vocabulary
    // wide enough that the signature's bits tell texts apart, and one narrow enough that they do not.
    const wide = Array.from({ length: 60 }, (_, i) => `w${i}`);
    const narrow = ['ke', 'hoach', 'so', 'hoa', 'du', 'lieu'];
    const table = (words: string[]) =>
      fc.array(
        fc.record({
          fresh: fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 45, size: 'max' }),
          source: fc.nat(),
          edits: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...words), fc.constantFrom('change', 'drop', 'add')), { maxLength: 4 }),
          copy: fc.boolean(),
        }),
        { minLength: 2, maxLength: 120, size: 'max' },
      );
    fc.assert(
      fc.property(fc.oneof(table(wide), table(narrow)), fc.constantFrom(0.5, 0.8, 0.9), (specs, threshold) => {
        const docs: string[][] = [];
        for (const { fresh, source, edits, copy } of specs) {
          if (!copy || docs.length === 0) {
            docs.push(fresh);
            continue;
          }
          const w = [...docs[source % docs.length]!];
          for (const [at, word, kind] of edits) {
            const i = w.length === 0 ? 0 : at % w.length;
            if (kind === 'change' && w.length > 0) w[i] = word;
            else if (kind === 'drop') w.splice(i, 1);
            else w.splice(i, 0, word);
          }
          docs.push(w);
        }
        const texts = docs.map((d) => d.join(' '));
        const rows = texts.map((t, i) => row(i + 1, t));
        const fast = findSimilar(rows, threshold).map(([a, b, sim]) => [a.source.row, b.source.row, sim]);
        expect(fast).toEqual(similarByAllPairs(texts, threshold));
      }),
      { numRuns: 150 },
    );
  });
});
