// Development aid for validation throughput: time readPlan + validate on the bench's 10,000-task tables (a new one each run), read and
// validate apart, wall and CPU time; `--profile FILE` writes a CPU profile of the runs after the warm-up (not the
// cold first run): `node --import tsx bench/validate-profile.ts 5 --profile /tmp/validate.cpuprofile`.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { readPlan, type TextGrid } from '../core/read/index.ts';
import type { Grid } from '../core/model/index.ts';
import { validate } from '../core/validate/index.ts';
import { generateAppendix } from './gen/appendix.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--profile');
const profileFile = at >= 0 ? args.splice(at, 2)[1] : undefined;
const runs = Number(args[0] ?? 10);
// A new table each run, as in the bench: the validator's per-text caches must not turn a repeat into a cache hit.
const grids = Array.from({ length: runs + 1 }, (_, i) => generateAppendix({ tasks: 10_000, seed: 7 + i, repeatHeaderEvery: 60 }));
let rows = 0;
const session = profileFile ? new Session() : undefined;
let readMs = 0;
let validateMs = 0;
let cpuStart = process.cpuUsage();
for (let i = 0; i <= runs; i++) {
  const grid = grids[i]!;
  const t0 = performance.now();
  const textGrids = new Map<Grid, TextGrid>();
  const { plan, sheets } = readPlan([grid], { textGrids });
  const t1 = performance.now();
  const report = validate({ plan, grids: [grid], sheets, textGrids });
  const t2 = performance.now();
  if (i === 0) {
    console.log(`warm-up: ${(t2 - t0).toFixed(0)} ms, ${report.stats.errors} errors, ${report.stats.warnings} warnings`);
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    cpuStart = process.cpuUsage();
    continue;
  }
  rows += grid.rows.length;
  readMs += t1 - t0;
  validateMs += t2 - t1;
}
const cpu = process.cpuUsage(cpuStart);
if (session && profileFile) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(profileFile, JSON.stringify(profile));
}
const cpuMs = (cpu.user + cpu.system) / 1000;
const per = (ms: number) => (ms / runs).toFixed(1);
const rate = (ms: number) => Math.round((rows * 1000) / ms).toLocaleString('en-US');
console.log(
  `read ${per(readMs)} ms, validate ${per(validateMs)} ms per run; ${rate(readMs + validateMs)} rows/s; CPU ${per(cpuMs)} ms per run = ${rate(cpuMs)} rows per CPU second`,
);
