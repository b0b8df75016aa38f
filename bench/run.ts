// `npm run bench`: run every benchmark on this machine and write bench/RESULTS.md (never part of npm test).
// Knobs for development: PHULUC_BENCH_COMMUNES (default all 3,321), PHULUC_BENCH_RUNS (3), PHULUC_BENCH_SECONDS (5),
// PHULUC_BENCH_ONLY=validate,consolidate,server,excel,start,weight (a subset updates only its sections of RESULTS.md; push = the
// server's pushes without the national export, export = the national export without the pushes); PHULUC_BENCH_NATIONAL
// reuses a folder of generated workbooks. Generated workbooks go to a temporary folder, removed at the end.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchConsolidate, pandasAvailable, PYTHON } from './consolidate.bench.ts';
import { benchExcel } from './excel.bench.ts';
import { writeNationalWorkbooks } from './gen/workbooks.ts';
import { formatRow, median, TABLE_HEAD, type BenchResult, type TargetCheck } from './measure.ts';
import { mergeResults, renderResults } from './report.ts';
import { benchServer } from './server.bench.ts';
import { benchPageWeight } from './page-weight.bench.ts';
import { withSnapshot } from './snapshot.ts';
import { benchStart } from './start.bench.ts';
import { benchValidate } from './validate.bench.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const env = process.env;
const communes = Number(env.PHULUC_BENCH_COMMUNES ?? 3321);
const runs = Number(env.PHULUC_BENCH_RUNS ?? 3);
const seconds = Number(env.PHULUC_BENCH_SECONDS ?? 5);
const ALL = ['validate', 'consolidate', 'server', 'excel', 'start', 'weight'];
const only = new Set((env.PHULUC_BENCH_ONLY ?? ALL.join(',')).split(','));
const partial = ALL.some((b) => !only.has(b));

if (only.has('consolidate') && !pandasAvailable()) {
  console.error(
    `note: ${PYTHON} lacks pandas/openpyxl, so the pandas peer will be skipped.\n  Debian/Ubuntu: sudo apt-get install python3-pandas python3-openpyxl`,
  );
}
const load = () =>
  `${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}`;
const loadBefore = load();
const t0 = performance.now();
const tmp = await mkdtemp(path.join(os.tmpdir(), 'phuluc-bench-'));
const results: BenchResult[] = [];
const checks: TargetCheck[] = [];
const take = ({ results: rs, checks: cs = [] }: { results: BenchResult[]; checks?: TargetCheck[] }) => {
  for (const r of rs) console.log(formatRow(r));
  results.push(...rs);
  checks.push(...cs);
};
let generated = '';
try {
  if (only.has('validate')) {
    const v = await benchValidate(10_000, runs + 2);
    const rate = median(v[0]!.throughput!.values);
    const peerRate = median(v[1]!.throughput!.values);
    const rows = (r: number) => `${Math.round(r).toLocaleString('en-US')} rows/s`;
    take({
      results: v,
      checks: [
        {
          target: 'validation ≥ 1× tableschema-js rows/s on the same 10,000-task table (issue 20)',
          measured: `${rows(rate)} = ${(rate / peerRate).toFixed(2)}× (tableschema-js ${rows(peerRate)})`,
          met: rate >= peerRate,
        },
        { target: 'validation ≥ 300,000 rows/s (issue 20: the aim)', measured: rows(rate), met: rate >= 300_000 },
      ],
    });
  }
  if (only.has('excel')) take(await benchExcel());
  if (only.has('start')) take(await benchStart(10));
  if (only.has('weight')) take(await benchPageWeight());
  if (only.has('consolidate') || only.has('server') || only.has('export')) {
    // PHULUC_BENCH_NATIONAL: a folder generated before (bench/gen/workbooks.ts), reused in development runs.
    const dir = env.PHULUC_BENCH_NATIONAL ?? path.join(tmp, 'national');
    const g0 = performance.now();
    if (!env.PHULUC_BENCH_NATIONAL) {
      console.error(`generating ${communes} workbooks in ${dir} …`);
      await writeNationalWorkbooks(dir, communes);
    }
    const files = (await readdir(dir))
      .filter((f) => f.endsWith('.xlsx'))
      .sort()
      .map((f) => path.join(dir, f));
    generated = env.PHULUC_BENCH_NATIONAL
      ? `${files.length.toLocaleString('en-US')} workbooks generated before the run (${dir})`
      : `${files.length.toLocaleString('en-US')} workbooks generated in ${((performance.now() - g0) / 1000).toFixed(0)} s`;
    if (only.has('consolidate')) take(await benchConsolidate({ dir, files: files.length, tmp, runs }));
    // The server as a user runs it: compiled (bench/snapshot.ts); export = the national export alone, without the pushes.
    if (only.has('server') || only.has('export'))
      take(
        await withSnapshot((snap) =>
          benchServer({ tmp, files, runs, seconds, pushes: only.has('server'), phuluc: path.join(snap, 'bin/phuluc') }),
        ),
      );
  } else if (only.has('push')) take(await benchServer({ tmp, files: [], runs, seconds, exports: false }));
} finally {
  await rm(tmp, { recursive: true, force: true });
}

const cpu = os.cpus();
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: here, encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
})();
const md = renderResults({
  machine: `${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`,
  when: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  commit,
  load: { before: loadBefore, after: load() },
  minutes: (performance.now() - t0) / 60_000,
  generated,
  runs,
  seconds,
  results,
  checks,
  // The analysis (why a target is missed, what was optimised) lives in NOTES.md, kept by hand, and is copied in.
  notes: [await readFile(path.join(here, 'NOTES.md'), 'utf8').catch(() => '')].filter(Boolean),
});
const resultsFile = path.join(here, 'RESULTS.md');
const previous = partial ? await readFile(resultsFile, 'utf8').catch(() => '') : '';
const sectionNames = [...new Set(results.map((r) => r.section))].join(', ');
await writeFile(
  resultsFile,
  previous
    ? mergeResults(
        previous,
        md,
        `${sectionNames} at ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} (commit ${commit}), load ${loadBefore}`,
      )
    : md,
);
console.log(TABLE_HEAD.join('\n'));
console.log(`wrote ${path.join(here, 'RESULTS.md')} (${((performance.now() - t0) / 60_000).toFixed(1)} min)`);
