// Equivalence: validation gives exactly the stored answers (reports, plans) on every fixture, real table and generated
// layout (test/fixtures/validate-golden, written by test/support/write-validate-golden.ts before the fast paths).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenAnswer, goldenCases, goldenFile } from '../../support/validate-golden.ts';

describe('validation answers stay the same', () => {
  it.each(goldenCases().map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      const expected = JSON.parse(readFileSync(goldenFile(c), 'utf8')) as unknown;
      expect(await goldenAnswer(c)).toEqual(expected);
    },
    60_000,
  );
});
