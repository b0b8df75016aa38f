// The rule for fixes: after every safe fix the table reads back with the same tables, tasks, groups and texts, and
// task numbers change only in a table where a numbering problem was reported — on generated layouts with planted
// problems (at least 200), on the fixtures and on the five real tables.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixAll } from '../../../core/fix/fix-all.ts';
import type { Grid } from '../../../core/model/grid.ts';
import { readPlan } from '../../../core/read/read-plan.ts';
import { validateGrids } from '../../../core/validate/validate.ts';
import { readWorkbookFast } from '../../../workbook/xlsx/fast/read-fast.ts';
import type { Appendix } from '../../../core/model/appendix.ts';
import { expectSameTable, meaning, same } from '../../support/fix-rule.ts';
import { buildLayout, layoutArb } from '../../support/layouts.ts';
import { FIXTURES, REAL } from '../../support/paths.ts';

/** Fix every safe issue, read the copy, and hold it to the rule. Returns the two plans for further checks. */
function holdsRule(grids: Grid[]): { before: Appendix[]; after: Appendix[] } {
  const { report, plan } = validateGrids(grids);
  const { grids: fixed } = fixAll(grids);
  const after = readPlan(fixed).plan.appendices;
  expectSameTable(plan.appendices, report, after);
  return { before: plan.appendices, after };
}

describe('a safe fix never changes what the table says', () => {
  it('on 240 generated layouts with planted problems, and the copy reads as the layout was written', () => {
    fc.assert(
      fc.property(layoutArb, (opts) => {
        const l = buildLayout(opts);
        const { after } = holdsRule([l.grid]);
        expect(after).toHaveLength(1);
        expect(meaning(after[0]!).items).toEqual(l.truth.tasks.map((t) => same(t.content)));
        expect(meaning(after[0]!).groups).toEqual(l.truth.groups.map(same));
      }),
      { numRuns: 240, seed: 57 },
    );
  });

  it.each(['cam-giang-phu-luc.xlsx', 'quang-son-phu-luc.xlsx'])('on the fixture %s', (file) => {
    holdsRule(readWorkbookFast(new Uint8Array(readFileSync(path.join(FIXTURES, file)))).sheets);
  });

  it.each(['bac-ninh-144.xlsx', 'dong-thap-552.xlsx', 'ha-noi-310.xlsx', 'hcm-2820.xlsx', 'ttg-2629.xlsx'])(
    'on the real table %s',
    (file) => {
      holdsRule(readWorkbookFast(new Uint8Array(readFileSync(path.join(REAL, file)))).sheets);
    },
  );
});
