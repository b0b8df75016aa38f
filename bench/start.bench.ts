// Start-up: `phuluc --help` from the compiled CLI next to `node -e 0` (Node's own floor), runs interleaved so both see
// the same load; issue 19's target is a median under 0.3 s.
import path from 'node:path';
import { timedRun } from './child.ts';
import { median, type BenchResult, type TargetCheck } from './measure.ts';
import { withSnapshot } from './snapshot.ts';

const SECTION = 'Start-up';
const TARGET_MS = 300;

/** `runs` timed starts of each command, after one untimed start of each (disk cache). */
export async function benchStart(runs = 10): Promise<{ results: BenchResult[]; checks: TargetCheck[] }> {
  // Measure what a user runs: bin/phuluc over a current dist/node, in a snapshot of the sources (bench/snapshot.ts).
  return withSnapshot((snap) => measureStart(snap, runs));
}

async function measureStart(snap: string, runs: number): Promise<{ results: BenchResult[]; checks: TargetCheck[] }> {
  const commands: [string, string[]][] = [
    ['node -e 0', ['-e', '0']],
    ['phuluc --help (dist/node)', [path.join(snap, 'bin/phuluc'), '--help']],
  ];
  const ms = commands.map(() => [] as number[]);
  const peak = commands.map(() => [] as number[]);
  for (let i = -1; i < runs; i++) {
    for (const [k, [, args]] of commands.entries()) {
      const r = await timedRun(process.execPath, args, { cwd: snap });
      if (r.code !== 0) throw new Error(`${args.join(' ')} exited with ${r.code}: ${r.stderr}`);
      if (i < 0) continue;
      ms[k]!.push(r.ms);
      peak[k]!.push(r.peakMiB);
    }
  }
  const floor = median(ms[0]!);
  const help = median(ms[1]!);
  const results = commands.map(([name], k): BenchResult => ({
    section: SECTION,
    name,
    ms: ms[k]!,
    peakMiB: peak[k]!,
    ...(k > 0 ? { note: `${Math.round(median(ms[k]!) - floor)} ms above node -e 0` } : { note: "Node's start, the floor" }),
  }));
  return {
    results,
    checks: [
      {
        target: 'phuluc --help < 0.3 s median over 10 runs (issue 19)',
        measured: `${Math.round(help)} ms (node -e 0: ${Math.round(floor)} ms)`,
        met: help < TARGET_MS,
      },
    ],
  };
}
