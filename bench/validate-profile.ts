// Development aid for validation throughput: time readPlan + validate on the bench's 10,000-task table, phase by phase.
// Run with `node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/validate-profile.ts [runs]` and read the profile.
import { readPlan } from '../core/read/index.ts';
import type { TextGrid } from '../core/read/text-grid.ts';
import type { Grid } from '../core/model/index.ts';
import { validate } from '../core/validate/index.ts';
import { generateAppendix } from './gen/appendix.ts';

const runs = Number(process.argv[2] ?? 10);
const grid = generateAppendix({ tasks: 10_000, seed: 7, repeatHeaderEvery: 60 });
const rows = grid.rows.length;
let readMs = 0;
let validateMs = 0;
const cpu0 = process.cpuUsage();
let cpuStart = cpu0;
for (let i = 0; i <= runs; i++) {
  const t0 = performance.now();
  const textGrids = new Map<Grid, TextGrid>();
  const { plan, sheets } = readPlan([grid], { textGrids });
  const t1 = performance.now();
  const report = validate({ plan, grids: [grid], sheets, textGrids });
  const t2 = performance.now();
  if (i === 0) {
    console.log(`warm-up: ${(t2 - t0).toFixed(0)} ms, ${report.stats.errors} errors, ${report.stats.warnings} warnings`);
    cpuStart = process.cpuUsage();
    continue;
  }
  readMs += t1 - t0;
  validateMs += t2 - t1;
}
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
const per = (ms: number) => (ms / runs).toFixed(1);
console.log(
  `read ${per(readMs)} ms, validate ${per(validateMs)} ms per run; ${Math.round((rows * runs * 1000) / (readMs + validateMs)).toLocaleString('en-US')} rows/s; CPU ${per(cpuMs)} ms per run = ${Math.round((rows * runs * 1000) / cpuMs).toLocaleString('en-US')} rows per CPU second`,
);
