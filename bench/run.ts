// `npm run bench`: run every benchmark on this machine and write bench/RESULTS.md (never part of npm test).
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatRow, type BenchResult } from './measure.ts';
import { benchValidate } from './validate.bench.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const results: BenchResult[] = [];
for (const bench of [benchValidate]) {
  for (const r of await bench()) {
    console.log(formatRow(r));
    results.push(r);
  }
}
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
const md = [
  '# Benchmark results',
  '',
  `Machine: ${machine}. Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; medians with min–max over several runs.`,
  '',
  '| benchmark | time | throughput | note |',
  '| --- | --- | --- | --- |',
  ...results.map(formatRow),
  '',
].join('\n');
await writeFile(path.join(here, 'RESULTS.md'), md);
console.log(`wrote ${path.join(here, 'RESULTS.md')}`);
