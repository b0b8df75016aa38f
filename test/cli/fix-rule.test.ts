// The rule for fixes through `phuluc fix` (the .xlsx written by the exceljs path): the fixtures and the five real
// tables read back from the repaired copy as the same tables, with numbers changed only where a numbering problem was.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'vitest';
import { validateGrids } from '../../core/validate/index.ts';
import { readWorkbook } from '../../workbook/xlsx/index.ts';
import { expectSameTable } from '../support/fix-rule.ts';
import { FIXTURES, REAL, REPO_ROOT } from '../support/paths.ts';

const run = promisify(execFile);

describe('phuluc fix keeps what the table says', () => {
  it.each([
    ['cam-giang-phu-luc.xlsx', FIXTURES],
    ['quang-son-phu-luc.xlsx', FIXTURES],
    ...['bac-ninh-144.xlsx', 'dong-thap-552.xlsx', 'ha-noi-310.xlsx', 'hcm-2820.xlsx', 'ttg-2629.xlsx'].map((f) => [f, REAL]),
  ])('%s', async (name, folder) => {
    const file = path.join(folder!, name!);
    const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'phuluc-fixrule-')), 'da-sua.xlsx');
    await run(process.execPath, [path.join(REPO_ROOT, 'bin/phuluc'), 'fix', file, '-o', out], { timeout: 120_000 });
    const before = validateGrids((await readWorkbook(await readFile(file))).sheets);
    const after = validateGrids((await readWorkbook(await readFile(out))).sheets);
    expectSameTable(before.plan.appendices, before.report, after.plan.appendices);
  });
});
