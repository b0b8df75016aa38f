// Any value in any cell of a real appendix: read, validate and fix never throw, and what they produce is well-formed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanSchema } from '../../core/model/index.ts';
import { fixAll } from '../../core/fix/index.ts';
import { readPlan } from '../../core/read/index.ts';
import { allIssues } from '../../core/validate/index.ts';
import { validate } from '../../core/validate/index.ts';
import { fuzz } from './support/fuzz.ts';
import { editsArb, fixtureGrids, withEdits } from './support/grids.ts';

const grids = fixtureGrids();
const A1 = /^[A-Z]{1,3}[1-9]\d*$/;

describe('cell values', () => {
  it('read and validate: the plan matches its schema, every issue has a location and both messages', () => {
    fc.assert(
      fc.property(fc.nat(grids.length - 1), editsArb, (s, edits) => {
        const g = withEdits(grids[s]!, edits);
        const { plan, sheets } = readPlan([g]);
        const parsed = PlanSchema.safeParse(plan);
        expect(parsed.success, parsed.error?.message).toBe(true);
        for (const issue of allIssues(validate({ plan, grids: [g], sheets }))) {
          expect(issue.message.trim(), issue.code).not.toBe('');
          expect(issue.messageEn.trim(), issue.code).not.toBe('');
          expect(issue.message, issue.code).not.toMatch(/undefined|\[object /);
          if (issue.cell !== undefined) expect(issue.cell, issue.code).toMatch(A1);
        }
      }),
      fuzz(0x5701, 150),
    );
  });

  it('fixAll ends, and its grids read and validate again', () => {
    fc.assert(
      fc.property(fc.nat(grids.length - 1), editsArb, fc.boolean(), (s, edits, includeSuggestions) => {
        const g = withEdits(grids[s]!, edits);
        const { grids: fixed, rounds } = fixAll([g], { includeSuggestions });
        expect(rounds.length).toBeLessThanOrEqual(8);
        const { plan, sheets } = readPlan(fixed);
        expect(PlanSchema.safeParse(plan).success).toBe(true);
        validate({ plan, grids: fixed, sheets });
      }),
      fuzz(0x5702, 60),
    );
  });
});
