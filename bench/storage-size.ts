// How much PostgreSQL a province and the country need: a real commune workbook uploaded to N communes of one province,
// then E edited pushes each (one cell changed, as the add-in sends), then two progress versions per quarter, on a
// fresh PostgreSQL database; prints pg_total_relation_size per table and per revision. The numbers in docs/quan-tri/postgresql.md come from this.
//   node --import tsx bench/storage-size.ts [communes=40] [edits=9]
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { COMMUNES } from '../core/dvhc.ts';
import { harness } from '../test/server/api/harness.ts';
import { fixture, REPO_ROOT } from '../test/support/paths.ts';
import { freshPostgres } from '../test/support/db.ts';

const communes = Number(process.argv[2] ?? 40);
const edits = Number(process.argv[3] ?? 9);
const PLAN = 'NQ57-2026';

const database = await freshPostgres();
const h = await harness({ database });
const xlsx = await readFile(fixture('cam-giang-phu-luc.xlsx'));
const targets = COMMUNES.filter((c) => c.provinceCode === '31').slice(0, communes);
let revisions = 0;
for (const c of targets) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(xlsx)]), 'cam-giang-phu-luc.xlsx');
  form.set('confirmCommune', '1');
  const up = await h.call('POST', `/api/communes/${c.code}/plans/${PLAN}/upload`, { body: form });
  if (up.status !== 201) throw new Error(`upload ${c.code}: ${up.status} ${JSON.stringify(up.body).slice(0, 300)}`);
  revisions++;
  let plan = up.body.plan;
  let seq = up.body.revision.seq as number;
  for (let i = 0; i < edits; i++) {
    const task = plan.appendices[0].rows.filter((r: { kind: string }) => r.kind === 'task')[i % 20];
    task.fields.result = `Kết quả lần ${i + 1}`;
    const r = await h.call('POST', `/api/communes/${c.code}/plans/${PLAN}/revisions`, {
      json: { plan, message: `Sửa lần ${i + 1}`, confirmCommune: true },
      headers: { 'if-match': `"${seq}"`, 'idempotency-key': `k-${c.code}-${i}` },
    });
    if (r.status !== 201) throw new Error(`push ${c.code}#${i}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    plan = r.body.plan;
    seq = r.body.revision.seq;
    revisions++;
  }
}
// Progress: the province collects the four quarters; each commune sends every task's entry per quarter, then once more
// with one task changed (two versions per quarter), as the pane's Tiến độ tab does.
const QUARTERS = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];
const periods = await h.call('PUT', `/api/provinces/31/plans/${PLAN}/progress-periods`, {
  json: { periods: QUARTERS.map((period) => ({ period, cutoff: '2027-01-31' })) },
});
if (periods.status !== 200) throw new Error(`periods: ${periods.status} ${JSON.stringify(periods.body).slice(0, 300)}`);
let progressVersions = 0;
for (const c of targets) {
  const head = await h.call('GET', `/api/communes/${c.code}/plans/${PLAN}`);
  const taskIds = (head.body.plan.appendices as { rows: { kind: string; id?: string }[] }[])
    .flatMap((a) => a.rows)
    .filter((r) => r.kind === 'task' && r.id)
    .map((r) => r.id!);
  for (const period of QUARTERS) {
    let baseSeq: number | null = null;
    for (let round = 0; round < 2; round++) {
      const entries = taskIds.map((taskId, i) => ({
        taskId,
        period,
        status: i % 3 === 0 ? 'done' : 'in-progress',
        ...(i % 3 === 0
          ? { completedOn: '2026-03-15', achieved: `Đã ban hành văn bản số ${i + 1}/KH-UBND và triển khai tới các thôn` }
          : {}),
        ...(round === 1 && i === 0 ? { highlights: 'Hoàn thành sớm hơn kế hoạch' } : {}),
      }));
      const r = await h.call('POST', `/api/communes/${c.code}/plans/${PLAN}/progress/${period}`, {
        json: { report: { period, entries, indicators: [] }, baseSeq },
        headers: { 'idempotency-key': `p-${c.code}-${period}-${round}` },
      });
      if (r.status !== 201) throw new Error(`progress ${c.code} ${period}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      baseSeq = r.body.version.seq;
      progressVersions++;
    }
  }
}
const client = new pg.Client({ connectionString: database.url });
await client.connect();
await client.query('vacuum analyze');
const tables = await client.query<{ name: string; rows: string; bytes: string }>(
  `select c.relname as name, c.reltuples::bigint as rows, pg_total_relation_size(c.oid) as bytes
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and n.nspname = 'public' order by pg_total_relation_size(c.oid) desc`,
);
const db = await client.query<{ bytes: string }>('select pg_database_size(current_database()) as bytes');
const empty = await client.query<{ bytes: string }>(`select pg_database_size('template1') as bytes`);
await client.end();
const mib = (b: number) => `${(b / 1048576).toFixed(2)} MiB`;
console.log(
  `${targets.length} communes × (1 upload + ${edits} pushes) = ${revisions} revisions, × 4 quarters × 2 = ${progressVersions} progress versions; plan: ${REPO_ROOT}/test/fixtures/workbooks/cam-giang-phu-luc.xlsx`,
);
for (const t of tables.rows) console.log(`${t.name.padEnd(28)} ${String(t.rows).padStart(6)} rows  ${mib(Number(t.bytes)).padStart(11)}`);
const total = tables.rows.reduce((s, t) => s + Number(t.bytes), 0);
console.log(
  `tables total ${mib(total)}; per revision ${(total / revisions / 1024).toFixed(1)} KiB; database ${mib(Number(db.rows[0]!.bytes))} (empty template ${mib(Number(empty.rows[0]!.bytes))})`,
);
await h.close();
