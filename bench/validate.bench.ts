// Validation throughput: phuluc (read + every rule) on a generated 10,000-task appendix, side by side with
// tableschema-js (Frictionless) validating the same rows against an equivalent schema.
import { createRequire } from 'node:module';
import { validateGrids } from '../core/validate/index.ts';
import { generateAppendix } from './gen/appendix.ts';
import { measure, median, type BenchResult } from './measure.ts';

const require = createRequire(import.meta.url);
const SECTION = 'Validation';

/** The same checks tableschema can express: required content/lead/deadline, TT a number, deadline text patterns. */
const SCHEMA = {
  fields: [
    { name: 'tt', type: 'string', constraints: { pattern: '^([0-9]+|[IVXLC]+)\\.?$' } },
    { name: 'content', type: 'string', constraints: { required: true, minLength: 3 } },
    { name: 'lead', type: 'string', constraints: { required: true } },
    { name: 'partners', type: 'string' },
    { name: 'result', type: 'string', constraints: { required: true } },
    {
      name: 'deadline',
      type: 'string',
      constraints: {
        required: true,
        pattern:
          '^(Thường xuyên|Hằng năm|Hàng năm|Quý [IV]+/\\d{4}|Năm \\d{4}|Tháng \\d{1,2}/\\d{4}.*|\\d{4} - \\d{4}|Giai đoạn .*|Khi có .*|\\d{1,2}/\\d{1,2}/\\d{4})$',
      },
    },
  ],
};

/** @example await benchValidate() */
export async function benchValidate(tasks = 10_000, runs = 5): Promise<BenchResult[]> {
  // A different table (seed) for the warm-up and each run, the same ones for both tools: the validator remembers
  // answers per distinct text (bounded caches), and validating one table five times would measure those caches, not
  // a table seen for the first time.
  const grids = Array.from({ length: runs + 1 }, (_, i) => generateAppendix({ tasks, seed: 7 + i, repeatHeaderEvery: 60 }));
  const rows = grids.map((g) => g.rows.length);
  let call = 0;
  let issues = 0;
  const ours = await measure(SECTION, `validate ${tasks.toLocaleString('en-US')} tasks: phuluc (read + all rules)`, runs, () => {
    issues = validateGrids([grids[call++ % grids.length]!]).report.stats.errors;
  });
  ours.throughput = { unit: 'rows/s', values: ours.ms.map((ms, i) => (rows[i + 1]! / ms) * 1000) };
  ours.note = `${rows[1]!.toLocaleString('en-US')}–${Math.max(...rows).toLocaleString('en-US')} sheet rows, a new table each run; ${issues} errors`;

  // tableschema-js gets the body as plain string rows, header excluded: the easiest possible input.
  const { Table } = require('tableschema') as {
    Table: { load(source: unknown[][], opts: { schema: unknown; headers: number }): Promise<{ read(o: object): Promise<unknown[]> }> };
  };
  const bodies = grids.map((grid) =>
    grid.rows.slice(5).map((r) => [0, 1, 2, 3, 4, 5].map((c) => (r[c]?.v === undefined || r[c]?.v === null ? '' : String(r[c]!.v)))),
  );
  const sources = bodies.map((body) => [SCHEMA.fields.map((f) => f.name), ...body]);
  call = 0;
  let errors = 0;
  const peer = await measure(
    SECTION,
    `validate ${tasks.toLocaleString('en-US')} tasks: tableschema-js (equivalent schema)`,
    runs,
    async () => {
      errors = 0;
      const table = await Table.load(sources[call++ % sources.length]!, { schema: SCHEMA, headers: 1 });
      await table.read({ forceCast: true, cast: true }).then((out) => {
        for (const row of out) if (row instanceof Error) errors++;
      });
    },
  );
  peer.throughput = { unit: 'rows/s', values: peer.ms.map((ms, i) => (bodies[i + 1]!.length / ms) * 1000) };
  peer.note = `${errors} rows with errors`;
  ours.vs = `${(median(ours.throughput.values) / median(peer.throughput.values)).toFixed(2)}× the rows/s of tableschema-js`;
  return [ours, peer];
}
