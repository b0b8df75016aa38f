// Validation throughput: read + validate a generated 10,000-row appendix, rows per second (median of several runs).
import { validateGrids } from '../core/validate/validate.ts';
import { generateAppendix } from './gen/appendix.ts';
import { measure, type BenchResult } from './measure.ts';

/** @example await benchValidate() // { name: 'validate 10,000 rows', … } */
export async function benchValidate(rows = 10_000, runs = 5): Promise<BenchResult> {
  const grid = generateAppendix({ tasks: rows, seed: 7, repeatHeaderEvery: 60 });
  const size = grid.rows.length;
  let issues = 0;
  const r = await measure(`validate ${rows.toLocaleString('en-US')} tasks (${size.toLocaleString('en-US')} rows)`, runs, () => {
    issues = validateGrids([grid]).report.stats.errors;
  });
  return { ...r, throughput: { unit: 'rows/s', values: r.ms.map((ms) => (size / ms) * 1000) }, note: `${issues} errors found per run` };
}
