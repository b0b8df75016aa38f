// Excel layer: syncs and payload bytes of each task-pane operation, counted by the strict fake Excel host, on both
// fixtures and on a 10,000-task sheet. A sync is a round trip to Excel (slow on the web): what the pane must keep low.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createExcelPort } from '../addin/src/excel/index.ts';
import type { ExcelPort } from '../addin/src/excel/port.ts';
import { fixAll } from '../core/fix/index.ts';
import { allIssues } from '../core/validate/index.ts';
import { validateGrids } from '../core/validate/index.ts';
import { createFakeExcel, DEFAULT_PAYLOAD_LIMIT, type FakeExcel } from '../test/support/fake-excel/fake-host.ts';
import { snapshotFromGrids } from '../test/support/fake-excel/from-grid.ts';
import { snapshotFromXlsx } from '../test/support/fake-excel/snapshot.ts';
import { generateAppendix } from './gen/appendix.ts';
import type { BenchResult, TargetCheck } from './measure.ts';

const SECTION = 'Excel layer (strict fake host)';
const FIXTURES = process.env.PHULUC_FIXTURES ?? new URL('../test/fixtures/workbooks', import.meta.url).pathname;

interface Counted {
  syncs: number;
  bytes: number;
  ms: number;
}

async function counted(fake: FakeExcel, op: () => Promise<unknown>): Promise<Counted> {
  const s = fake.stats.syncs;
  const b = fake.stats.payloadBytes.length;
  const t0 = performance.now();
  await op();
  return { syncs: fake.stats.syncs - s, bytes: fake.stats.payloadBytes.slice(b).reduce((a, x) => a + x, 0), ms: performance.now() - t0 };
}

const kb = (n: number) => (n >= 1e6 ? `${(n / 2 ** 20).toFixed(2)} MiB` : `${(n / 1024).toFixed(1)} KiB`);

/** Every operation the pane offers, in the order a user would run them, on a fresh fake over `make()`. */
async function operations(
  label: string,
  make: () => FakeExcel,
): Promise<{ rows: BenchResult[]; validate: Counted & { read: number; write: number; readBytes: number } }> {
  const fake = make();
  const port: ExcelPort = createExcelPort(fake);
  const rows: BenchResult[] = [];
  const add = (op: string, c: Counted, note = '') =>
    rows.push({
      section: SECTION,
      name: `${label}: ${op}`,
      ms: [c.ms],
      note: `${c.syncs} sync${c.syncs === 1 ? '' : 's'}, ${kb(c.bytes)} payload${note ? `; ${note}` : ''}`,
    });

  let grids: Awaited<ReturnType<ExcelPort['readWorkbook']>>['grids'] = [];
  const read = await counted(fake, async () => (grids = (await port.readWorkbook()).grids));
  let issues: ReturnType<typeof allIssues> = [];
  const mark = await counted(fake, async () => {
    issues = allIssues(validateGrids(grids).report);
    await port.markIssues(issues);
  });
  const validate = {
    syncs: read.syncs + mark.syncs,
    bytes: read.bytes + mark.bytes,
    ms: read.ms + mark.ms,
    read: read.syncs,
    write: mark.syncs,
    readBytes: read.bytes,
  };
  add(
    'validate = read + validate + mark issues',
    validate,
    `read ${read.syncs} (${kb(read.bytes)}), write ${mark.syncs} (${kb(mark.bytes)}); ${issues.length} issues marked`,
  );
  add('clear marks', await counted(fake, () => port.clearMarks()));
  const { rounds } = fixAll(grids);
  let applied = 0;
  const fix = await counted(fake, async () => {
    for (const round of rounds) applied += (await port.applyPatches(round)).applied;
  });
  add('fix all safe issues (apply patches)', fix, `${rounds.length} round(s), ${applied} patches`);
  add('undo last', await counted(fake, () => port.undoLast()));
  add('select a cell', await counted(fake, () => port.selectCell(grids[0]?.sheet ?? 'Sheet1', 'B7')));
  return { rows, validate };
}

/** @example const { results, checks } = await benchExcel() */
export async function benchExcel(): Promise<{ results: BenchResult[]; checks: TargetCheck[] }> {
  const results: BenchResult[] = [];
  const checks: TargetCheck[] = [];
  const cases: { label: string; make: () => FakeExcel }[] = [];
  for (const name of ['cam-giang-phu-luc.xlsx', 'quang-son-phu-luc.xlsx']) {
    const snapshot = await snapshotFromXlsx(await readFile(path.join(FIXTURES, name)));
    cases.push({ label: name, make: () => createFakeExcel(snapshot) });
  }
  const big = snapshotFromGrids([generateAppendix({ tasks: 10_000, seed: 7, repeatHeaderEvery: 60 })]);
  cases.push({ label: '10,000-task sheet', make: () => createFakeExcel(big) });
  for (const c of cases) {
    const { rows, validate } = await operations(c.label, c.make);
    results.push(...rows);
    if (validate.readBytes < DEFAULT_PAYLOAD_LIMIT) {
      checks.push({
        target: `validate = 1 read + 1 write sync (${c.label}, ${kb(validate.readBytes)} read)`,
        measured: `${validate.read} read + ${validate.write} write`,
        met: validate.read === 1 && validate.write === 1,
      });
    }
  }
  return { results, checks };
}
