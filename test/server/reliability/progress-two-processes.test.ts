// Two server processes on one PostgreSQL, concurrent period reports from one base on different tasks: every one is acknowledged, each under its own version number, and the head holds all of them (no lost update).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/model/index.ts';
import { createToken } from '../../../server/store/tokens.ts';
import { freshPostgres } from '../../support/db.ts';
import { startServerProcess, type ServerProcess } from '../../support/server-process.ts';
import { bigPlan } from './burst.ts';

const PLAN = '/api/communes/10903/plans/NQ57-race';
const REPORT = `${PLAN}/progress/2026-H1`;
const SENDS = 16;
let db: Awaited<ReturnType<typeof freshPostgres>>;
let servers: ServerProcess[] = [];
let editor: string;
let consolidator: string;

beforeAll(async () => {
  db = await freshPostgres();
  editor = (await createToken(db.db, { role: 'editor', communeCode: '10903', label: 'test', holder: 'Cán bộ xã', createdBy: 'test' }))
    .secret;
  consolidator = (await createToken(db.db, { role: 'consolidator', provinceCode: '31', label: 'test', createdBy: 'test' })).secret;
  servers = await Promise.all([startServerProcess({ databaseUrl: db.url }), startServerProcess({ databaseUrl: db.url })]);
}, 180_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db?.close();
});

async function call(server: ServerProcess, method: string, path: string, token: string, body?: unknown, key?: string) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted field by field below
  return { status: res.status, body: (await res.json()) as any };
}

// A generous bound for the whole test: a loaded machine slows it down without failing it.
describe('period reports from two processes on one PostgreSQL', { timeout: 300_000 }, () => {
  it('keeps every report sent at once from the same base, each under its own version, all in the head', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const pushed = await call(a, 'POST', `${PLAN}/revisions`, editor, { plan: bigPlan(SENDS + 1) });
    expect(pushed.status).toBe(201);
    const ids = (pushed.body.plan as Plan).appendices.flatMap((x) => x.rows.filter((r) => r.kind === 'task').map((r) => r.id!));
    const periods = await call(b, 'PUT', '/api/provinces/31/plans/NQ57-race/progress-periods', consolidator, {
      periods: [{ period: '2026-H1', cutoff: '2099-12-31' }],
    });
    expect(periods.status).toBe(200);
    const entry = (i: number) => ({ taskId: ids[i]!, period: '2026-H1', status: 'in-progress', achieved: `Kết quả ${i}` });
    const first = await call(
      a,
      'POST',
      REPORT,
      editor,
      { report: { period: '2026-H1', entries: [entry(0)], indicators: [] }, baseSeq: null },
      'r-0',
    );
    expect([first.status, first.body.version.seq]).toEqual([201, 1]);

    // Every send on version 1, half through each process, all at once.
    const sends = await Promise.all(
      Array.from({ length: SENDS }, (_, n) =>
        call(
          n % 2 === 0 ? a : b,
          'POST',
          REPORT,
          editor,
          { report: { period: '2026-H1', entries: [entry(0), entry(n + 1)], indicators: [] }, baseSeq: 1 },
          `r-${n + 1}`,
        ),
      ),
    );
    expect(sends.map((s) => s.status)).toEqual(Array(SENDS).fill(201));
    expect(sends.map((s) => s.body.version.seq as number).sort((x, y) => x - y)).toEqual(Array.from({ length: SENDS }, (_, i) => i + 2));

    const history = await call(b, 'GET', `${REPORT}/history`, editor);
    expect(history.body.versions.map((v: { seq: number }) => v.seq)).toEqual(Array.from({ length: SENDS + 1 }, (_, i) => SENDS + 1 - i));
    expect(history.body.versions.map((v: { idempotencyKey: string }) => v.idempotencyKey).sort()).toEqual(
      Array.from({ length: SENDS + 1 }, (_, i) => `r-${i}`).sort(),
    );
    const head = await call(a, 'GET', REPORT, editor);
    expect(
      (head.body.report.entries as { taskId: string; achieved: string; reportedBy: string }[])
        .map((e) => [e.taskId, e.achieved, e.reportedBy])
        .sort(),
    ).toEqual(Array.from({ length: SENDS + 1 }, (_, i) => [ids[i], `Kết quả ${i}`, 'Cán bộ xã']).sort());
  });
});
