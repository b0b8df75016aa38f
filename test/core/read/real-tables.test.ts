// The five published appendix tables (test/fixtures/real): the hand-checked labels hold — tables, column roles,
// counts, true problems at their rows, no forbidden code, at most max_errors errors.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnLetter } from '../../../core/model/a1.ts';
import { allIssues } from '../../../core/validate/report.ts';
import { validateGrids } from '../../../core/validate/validate.ts';
import { readWorkbook } from '../../../workbook/xlsx/index.ts';
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
      for (const [role, letter] of Object.entries(t.roleColumns ?? {}))
        expect(a.columns[role as 'lead'], `${t.sheet}: ${role}`).toBe(letter);
      const items = a.rows.filter((r) => r.kind === (t.kind === 'tasks' ? 'task' : 'indicator')).length;
      expect(items, `${t.sheet}: items`).toBe(t.kind === 'tasks' ? t.tasks : t.indicators);
      expect(a.rows.filter((r) => r.kind === 'group').length, `${t.sheet}: groups`).toBe(t.groups);
      if (t.all_deadlines_parse) {
        const unparsed = a.rows
          .filter((r) => r.kind === 'task' && (!r.deadline || r.deadline.kind === 'unparsed'))
          .map((r) => r.source.row);
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

/** The whole report, table by table, one line per issue: "cell-or-row code severity". */
async function lines(file: string): Promise<Record<string, string[]>> {
  const { report } = await check(file);
  return Object.fromEntries(
    report.tables.map((t) => [`${t.sheet}!${t.range}`, t.issues.map((i) => `${i.cell ?? i.row} ${i.code} ${i.severity}`)]),
  );
}

// Every finding on the five tables, each looked at against the published table: a new false alarm or a lost finding
// changes these lists (the labels above only say what must and must not be there).
describe('complete lists', () => {
  it('bac-ninh-144.xlsx: an assignment of indicators (no unit, no target column: advice) and two tasks with several leads', async () => {
    expect(await lines('bac-ninh-144.xlsx')).toMatchInlineSnapshot(`
      {
        "Phụ lục!A6:C27": [
          "6 missing-column warning",
          "6 missing-column warning",
          "C9 lead-multiple warning",
          "C13 lead-multiple warning",
        ],
      }
    `);
  });

  it('dong-thap-552.xlsx: no result column, years and ranges of years not in the canonical form, three variant spellings', async () => {
    expect(await lines('dong-thap-552.xlsx')).toMatchInlineSnapshot(`
      {
        "Phụ lục!A6:E29": [
          "6 missing-column warning",
          "B8 tone-style-mixed info",
          "D9 agency-variant info",
          "E9 deadline-format info",
          "E11 deadline-format info",
          "E13 deadline-format info",
          "E14 deadline-format info",
          "E15 deadline-format info",
          "E16 deadline-format info",
          "E19 deadline-format info",
          "E20 deadline-format info",
          "E21 deadline-format info",
          "C22 agency-variant info",
          "E22 deadline-format info",
          "C23 agency-variant info",
          "E23 deadline-format info",
          "E25 deadline-format info",
          "E26 deadline-format info",
        ],
      }
    `);
  });

  it('ha-noi-310.xlsx: two agencies fused (row 7), a lead of three non-state actors (row 11), deadlines to write canonically', async () => {
    expect(await lines('ha-noi-310.xlsx')).toMatchInlineSnapshot(`
      {
        "Phụ lục!A6:E12": [
          "6 missing-column warning",
          "D7 agency-unknown info",
          "E7 deadline-format info",
          "E8 deadline-format info",
          "C11 lead-multiple warning",
          "C11 agency-unknown info",
          "C11 agency-unknown info",
          "E12 deadline-format info",
        ],
      }
    `);
  });

  it("hcm-2820.xlsx: cells merged down, collective leads, the last group's tasks 1-4 (rows 36-39) without result", async () => {
    expect(await lines('hcm-2820.xlsx')).toMatchInlineSnapshot(`
      {
        "Phụ lục!A6:G40": [
          "G8 merged-cells-in-body info",
          "E9 deadline-format info",
          "E10 deadline-format info",
          "C11 lead-generic warning",
          "A13 merged-cells-in-body info",
          "D13 merged-cells-in-body info",
          "E13 merged-cells-in-body info",
          "F13 merged-cells-in-body info",
          "G13 merged-cells-in-body info",
          "G18 merged-cells-in-body info",
          "C18 lead-generic warning",
          "C19 lead-generic warning",
          "C20 lead-generic warning",
          "B21 tone-style-mixed info",
          "C22 lead-generic warning",
          "C23 lead-generic warning",
          "F25 merged-cells-in-body info",
          "G25 merged-cells-in-body info",
          "A26 merged-cells-in-body info",
          "E26 merged-cells-in-body info",
          "C29 lead-multiple warning",
          "A31 merged-cells-in-body info",
          "D31 merged-cells-in-body info",
          "E31 merged-cells-in-body info",
          "F31 merged-cells-in-body info",
          "G31 merged-cells-in-body info",
          "C31 lead-multiple warning",
          "E31 deadline-format info",
          "C33 lead-multiple warning",
          "E33 deadline-format info",
          "E34 deadline-format info",
          "F36 result-missing warning",
          "C36 lead-multiple warning",
          "E36 deadline-format info",
          "F37 result-missing warning",
          "E37 deadline-format info",
          "F38 result-missing warning",
          "E38 deadline-format info",
          "F39 result-missing warning",
          "E39 deadline-conditional info",
          "C40 lead-generic warning",
        ],
      }
    `);
  });

  it('ttg-2629.xlsx: nothing on the indicators; collective leads and "Năm 2025-2030" deadlines on the tasks', async () => {
    expect(await lines('ttg-2629.xlsx')).toMatchInlineSnapshot(`
      {
        "Phụ lục I!A6:E34": [],
        "Phụ lục II!A6:F95": [
          "C11 lead-multiple warning",
          "F11 deadline-format info",
          "C12 lead-generic warning",
          "F12 deadline-format info",
          "C13 lead-generic warning",
          "F13 deadline-format info",
          "F14 deadline-format info",
          "F18 deadline-format info",
          "C19 lead-generic warning",
          "F19 deadline-format info",
          "F21 deadline-format info",
          "C23 lead-generic warning",
          "F23 deadline-format info",
          "C24 lead-generic warning",
          "F24 deadline-format info",
          "C25 lead-generic warning",
          "C26 lead-generic warning",
          "F30 deadline-format info",
          "F31 deadline-format info",
          "F32 deadline-format info",
          "F33 deadline-format info",
          "F35 deadline-format info",
          "F36 deadline-format info",
          "F37 deadline-format info",
          "F38 deadline-format info",
          "F39 deadline-format info",
          "F41 deadline-format info",
          "F42 deadline-format info",
          "C44 lead-multiple warning",
          "F44 deadline-format info",
          "F45 deadline-format info",
          "F46 deadline-format info",
          "C47 lead-generic warning",
          "F47 deadline-format info",
          "F48 deadline-format info",
          "F49 deadline-format info",
          "F50 deadline-format info",
          "F51 deadline-format info",
          "F52 deadline-format info",
          "F53 deadline-format info",
          "F54 deadline-format info",
          "F55 deadline-format info",
          "C57 lead-generic warning",
          "F57 deadline-format info",
          "C59 lead-generic warning",
          "C60 lead-generic warning",
          "F60 deadline-format info",
          "C61 lead-generic warning",
          "F61 deadline-format info",
          "C62 lead-generic warning",
          "F62 deadline-format info",
          "C63 lead-generic warning",
          "F63 deadline-format info",
          "C64 lead-generic warning",
          "F64 deadline-format info",
          "C66 lead-generic warning",
          "F66 deadline-format info",
          "F67 deadline-format info",
          "F68 deadline-format info",
          "F69 deadline-format info",
          "C70 lead-generic warning",
          "F70 deadline-format info",
          "F71 deadline-format info",
          "F72 deadline-format info",
          "F76 deadline-format info",
          "F77 deadline-format info",
          "F79 deadline-format info",
          "C80 lead-generic warning",
          "F80 deadline-format info",
          "C81 lead-generic warning",
          "F81 deadline-format info",
          "C82 lead-multiple warning",
          "F83 deadline-format info",
          "C84 lead-generic warning",
          "F84 deadline-format info",
          "C87 agency-variant info",
          "F87 deadline-format info",
          "F88 deadline-format info",
          "F89 deadline-format info",
          "F91 deadline-format info",
          "F92 deadline-format info",
          "F95 deadline-format info",
        ],
      }
    `);
  });
});
