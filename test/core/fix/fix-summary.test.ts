// fixSummary: the counts a "fix all" button shows are those of the rounds its preview applies.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fixAll, fixChanges, fixSummary, type Patch } from '../../../core/fix/index.ts';
import type { Issue } from '../../../core/validate/index.ts';
import { validateGrids } from '../../../core/validate/index.ts';
import { readWorkbook } from '../../../workbook/xlsx/index.ts';
import { fixture } from '../../support/paths.ts';

const edit: Patch = {
  id: 'deadline-format@S!F7',
  code: 'deadline-format',
  safe: true,
  ops: [{ op: 'set-cells', sheet: 'S', edits: [{ cell: 'F7', from: 'Quý 3/2026', to: 'Quý III/2026' }] }],
};
const merge: Patch = {
  id: 'continuation-row@S!9',
  code: 'continuation-row',
  safe: true,
  ops: [
    {
      op: 'merge-rows',
      sheet: 'S',
      into: 8,
      rows: [9],
      edits: [
        { cell: 'B8', from: 'Tổ chức', to: 'Tổ chức hội nghị' },
        { cell: 'C8', from: 'Văn phòng', to: 'Văn phòng UBND' },
      ],
    },
  ],
};
const removal: Patch = { id: 'blank-row@S!3', code: 'blank-row', safe: true, ops: [{ op: 'delete-rows', sheet: 'S', rows: [3, 4] }] };
const issue = (severity: Issue['severity'], fix: Patch): Issue =>
  ({ code: fix.code, severity, sheet: 'S', message: '', messageEn: '', tags: [], params: {}, fix }) as Issue;

describe('fixSummary', () => {
  it('counts every cell edited, every row deleted and every join, and the issues resolved by severity', () => {
    const summary = fixSummary({
      rounds: [[edit, merge], [removal]],
      // Two notes share the join's patch: one change resolves both.
      fixed: [[issue('error', edit), issue('info', merge), issue('info', merge)], [issue('warning', removal)]],
    });
    expect(summary).toEqual({ changes: 6, errors: 1, warnings: 1, infos: 2, rounds: 2 });
    expect(fixChanges([[edit, merge], [removal]])).toEqual([
      { kind: 'edit', round: 1, code: 'deadline-format', sheet: 'S', cell: 'F7', from: 'Quý 3/2026', to: 'Quý III/2026' },
      { kind: 'merge-rows', round: 1, code: 'continuation-row', sheet: 'S', into: 8, rows: [9] },
      { kind: 'edit', round: 1, code: 'continuation-row', sheet: 'S', cell: 'B8', from: 'Tổ chức', to: 'Tổ chức hội nghị' },
      { kind: 'edit', round: 1, code: 'continuation-row', sheet: 'S', cell: 'C8', from: 'Văn phòng', to: 'Văn phòng UBND' },
      { kind: 'delete-row', round: 2, code: 'blank-row', sheet: 'S', row: 3 },
      { kind: 'delete-row', round: 2, code: 'blank-row', sheet: 'S', row: 4 },
    ]);
    expect(fixSummary({ rounds: [], fixed: [] })).toEqual({ changes: 0, errors: 0, warnings: 0, infos: 0, rounds: 0 });
  });

  it('on Quảng Sơn: 47 notes and warnings have a safe fix, but all rounds make 55 changes resolving 48 issues', async () => {
    const grids = (await readWorkbook(new Uint8Array(await readFile(fixture('quang-son-phu-luc.xlsx'))))).sheets;
    const { report } = validateGrids(grids);
    // The old label counted these (issues of the first read only, called "lỗi" though none is an error) …
    expect(report.stats).toMatchObject({ errors: 0, fixable: 47 });
    const result = fixAll(grids);
    // … the preview applies two rounds: a fix deferred from round 1 (it overlapped another) and what round 1 revealed.
    expect(fixSummary(result)).toEqual({ changes: 55, errors: 0, warnings: 9, infos: 39, rounds: 2 });
    expect(result.fixed.flat().every((i) => i.fix?.safe === true)).toBe(true);
  });
});
