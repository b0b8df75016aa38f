// The five published appendix tables (test/fixtures/real): the hand-checked labels hold — tables, column roles,
// counts, true problems at their rows, no forbidden code, at most max_errors errors.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnLetter } from '../../../core/model/a1.ts';
import { allIssues } from '../../../core/validate/report.ts';
import { validateGrids } from '../../../core/validate/validate.ts';
import { readWorkbook } from '../../../server/xlsx/index.ts';
import { REAL } from '../../support/paths.ts';

interface LabelTable {
  sheet: string;
  kind: 'tasks' | 'indicators';
  roles: string[];
  roleColumns?: Record<string, string>;
  tasks?: number;
  indicators?: number;
  groups: number;
  all_deadlines_parse?: boolean;
}
interface LabelCase {
  file: string;
  tables: LabelTable[];
  issues?: { code: string; row: number }[];
  forbid: string[];
  max_errors?: number;
}

const LABELS = JSON.parse(readFileSync(path.join(REAL, 'labels.json'), 'utf8')) as { cases: LabelCase[] };

async function check(file: string) {
  const wb = await readWorkbook(readFileSync(path.join(REAL, file)));
  return validateGrids(wb.sheets);
}

describe.each(LABELS.cases)('$file', (c) => {
  it('reads the labelled tables, roles and counts', async () => {
    const { plan } = await check(c.file);
    expect(plan.appendices.map((a) => [a.sheet, a.kind])).toEqual(c.tables.map((t) => [t.sheet, t.kind]));
    c.tables.forEach((t, i) => {
      const a = plan.appendices[i]!;
      for (const role of t.roles) expect(a.columns, `${t.sheet}: role ${role}`).toHaveProperty(role);
      for (const [role, letter] of Object.entries(t.roleColumns ?? {})) expect(a.columns[role as 'lead'], `${t.sheet}: ${role}`).toBe(letter);
      const items = a.rows.filter((r) => r.kind === (t.kind === 'tasks' ? 'task' : 'indicator')).length;
      expect(items, `${t.sheet}: items`).toBe(t.kind === 'tasks' ? t.tasks : t.indicators);
      expect(a.rows.filter((r) => r.kind === 'group').length, `${t.sheet}: groups`).toBe(t.groups);
      if (t.all_deadlines_parse) {
        const unparsed = a.rows.filter((r) => r.kind === 'task' && (!r.deadline || r.deadline.kind === 'unparsed')).map((r) => r.source.row);
        expect(unparsed, `${t.sheet}: rows whose deadline does not parse`).toEqual([]);
      }
      expect(columnLetter(1)).toBe('A');
    });
  });

  it('reports the true problems at their rows, no forbidden code, at most max_errors errors', async () => {
    const { report } = await check(c.file);
    const issues = allIssues(report);
    const found = new Set(issues.map((i) => `${i.code}@${i.row}`));
    for (const want of c.issues ?? []) expect(found, `${want.code} at row ${want.row}`).toContain(`${want.code}@${want.row}`);
    const forbidden = issues.filter((i) => c.forbid.includes(i.code)).map((i) => `${i.code}@${i.cell ?? i.row}`);
    expect(forbidden).toEqual([]);
    if (c.max_errors !== undefined) {
      const errors = issues.filter((i) => i.severity === 'error').map((i) => `${i.code}@${i.cell ?? i.row}`);
      expect(errors.length, errors.join(', ')).toBeLessThanOrEqual(c.max_errors);
    }
  });
});
