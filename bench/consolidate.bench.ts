// Consolidation from files: `phuluc consolidate DIR -o out.xlsx` over the national workbooks, beside the plain
// pandas + openpyxl script and a bare SheetJS read of the same files; wall time and peak RSS of each process.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { timedRun, type ChildRun } from './child.ts';
import { median, speedup, type BenchResult, type TargetCheck } from './measure.ts';
import { withSnapshot } from './snapshot.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const SECTION = 'Consolidation from files';
export const PYTHON = '/usr/bin/python3';

/** Whether the system Python has pandas and openpyxl (Debian: apt-get install python3-pandas python3-openpyxl). */
export function pandasAvailable(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import pandas, openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

interface Series {
  ms: number[];
  peak: number[];
  last: ChildRun | null;
}

async function once(label: string, s: Series, run: () => Promise<ChildRun>): Promise<void> {
  const r = await run();
  if (r.code !== 0) throw new Error(`${label} exited with ${r.code}:\n${r.stderr.slice(-2000)}`);
  s.ms.push(r.ms);
  s.peak.push(r.peakMiB);
  s.last = r;
  console.error(`  ${label}: ${(r.ms / 1000).toFixed(1)} s, ${Math.round(r.peakMiB)} MiB`);
}

interface ConsolidateContext {
  dir: string;
  files: number;
  tmp: string;
  runs: number;
}

/**
 * `phuluc consolidate` as a user runs it, the compiled CLI (bench/snapshot.ts): from the sources through tsx, the main
 * thread and each read worker would first compile the TypeScript.
 * @example await benchConsolidate({ dir: '/tmp/…/national', files: 3321, tmp: '/tmp/…', runs: 3 })
 */
export function benchConsolidate(ctx: ConsolidateContext): Promise<{ results: BenchResult[]; checks: TargetCheck[] }> {
  return withSnapshot((snap) => measure(ctx, path.join(snap, 'bin/phuluc')));
}

async function measure(ctx: ConsolidateContext, phuluc: string): Promise<{ results: BenchResult[]; checks: TargetCheck[] }> {
  const n = ctx.files.toLocaleString('en-US');
  const hasPandas = pandasAvailable();
  if (!hasPandas)
    console.error(
      `  pandas peer skipped: ${PYTHON} lacks pandas/openpyxl (Debian/Ubuntu: sudo apt-get install python3-pandas python3-openpyxl)`,
    );
  const ours: Series = { ms: [], peak: [], last: null };
  const sheetjs: Series = { ms: [], peak: [], last: null };
  const pandas: Series = { ms: [], peak: [], last: null };
  // Runs interleave (ours, SheetJS, pandas, ours, …): on a shared machine the load drifts, and a drift should hit
  // every contender alike rather than whichever happened to run last. pandas takes ~a minute: at most 2 runs.
  for (let i = 0; i < ctx.runs; i++) {
    await once('phuluc consolidate', ours, () =>
      timedRun(process.execPath, [
        phuluc,
        'consolidate',
        ctx.dir,
        '-o',
        path.join(ctx.tmp, 'ours.xlsx'),
        '--plan-key',
        'NQ57-2026',
        '--as-of',
        '2026-06-30',
      ]),
    );
    await once('SheetJS read', sheetjs, () =>
      timedRun(process.execPath, ['--import', 'tsx', path.join(here, 'peers/sheetjs-read.ts'), ctx.dir], { cwd: root }),
    );
    if (hasPandas && i < 2)
      await once('pandas + openpyxl', pandas, () =>
        timedRun(PYTHON, [path.join(here, 'peers/consolidate_pandas.py'), ctx.dir, path.join(ctx.tmp, 'pandas.xlsx')]),
      );
  }
  const summary = /Đã tổng hợp ([^\n]*)/.exec(ours.last!.stderr)?.[1]?.replace(/ → .*/, '') ?? '';
  const results: BenchResult[] = [
    {
      section: SECTION,
      name: `phuluc consolidate, ${n} workbooks → .xlsx`,
      ms: ours.ms,
      peakMiB: ours.peak,
      throughput: { unit: 'files/s', values: ours.ms.map((ms) => (ctx.files / ms) * 1000) },
      note: `read, merge continuations, parse deadlines, consolidate, write 3 sheets; ${summary}`,
    },
  ];
  const checks: TargetCheck[] = [];
  const oursS = median(ours.ms) / 1000;
  const peakMiB = Math.max(...ours.peak);
  if (hasPandas) {
    results.push({
      section: SECTION,
      name: `pandas 1.5 + openpyxl script, same ${n} workbooks → .xlsx`,
      ms: pandas.ms,
      peakMiB: pandas.peak,
      throughput: { unit: 'files/s', values: pandas.ms.map((ms) => (ctx.files / ms) * 1000) },
      note: `header found, rows with content kept, concatenated, written: ${pandas.last!.stdout.trim()}`,
    });
    results[0]!.vs = `${speedup(ours.ms, pandas.ms)} than pandas`;
    const x = median(pandas.ms) / median(ours.ms);
    checks.push({ target: 'consolidate ≥ 8× faster than pandas + openpyxl (issue 20)', measured: `${x.toFixed(1)}×`, met: x >= 8 });
  } else {
    checks.push({
      target: 'consolidate ≥ 8× faster than pandas + openpyxl (issue 20)',
      measured: 'not measured',
      met: false,
      why: `${PYTHON} has no pandas/openpyxl`,
    });
  }
  results.push({
    section: SECTION,
    name: `SheetJS 0.18 read only (no consolidation, no output), same ${n} workbooks`,
    ms: sheetjs.ms,
    peakMiB: sheetjs.peak,
    throughput: { unit: 'files/s', values: sheetjs.ms.map((ms) => (ctx.files / ms) * 1000) },
    note: sheetjs.last!.stdout.trim(),
  });
  results[0]!.vs = [results[0]!.vs, `${speedup(ours.ms, sheetjs.ms)} than SheetJS read`].filter(Boolean).join('; ');
  checks.push({ target: `consolidate ${n} workbooks ≤ 60 s`, measured: `${oursS.toFixed(1)} s`, met: oursS <= 60 });
  const vsRead = median(ours.ms) / median(sheetjs.ms);
  checks.push({
    target: "consolidate within 1.2× of SheetJS's read-only time (issue 20)",
    measured: `${vsRead.toFixed(2)}×`,
    met: vsRead <= 1.2,
  });
  checks.push({ target: 'consolidate peak RSS ≤ 600 MiB (issue 20)', measured: `${Math.round(peakMiB)} MiB`, met: peakMiB <= 600 });
  return { results, checks };
}
