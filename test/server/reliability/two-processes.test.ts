// Two server processes on one PostgreSQL, concurrent pushes to one plan: every acknowledged push is in the history
// exactly once, and the head reflects a merge of all of them (no lost update).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/model/index.ts';
import { createToken } from '../../../server/store/tokens.ts';
import { freshPostgres } from '../../support/db.ts';
import { startServerProcess, type ServerProcess } from '../../support/server-process.ts';
import { bigPlan, burst } from './burst.ts';

const PATH = '/api/communes/10903/plans/NQ57-race/revisions';
let db: Awaited<ReturnType<typeof freshPostgres>>;
let servers: ServerProcess[] = [];
let token: string;

beforeAll(async () => {
  db = await freshPostgres();
  token = (await createToken(db.db, { role: 'editor', communeCode: '10903', label: 'test', createdBy: 'test' })).secret;
  servers = await Promise.all([startServerProcess({ databaseUrl: db.url }), startServerProcess({ databaseUrl: db.url })]);
}, 180_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db?.close();
});

// A generous bound for the whole test: a loaded machine slows it down without failing it.
describe('two processes, one PostgreSQL', { timeout: 300_000 }, () => {
  it('keeps every acknowledged push and merges them all into the head', async () => {
    const first = await fetch(`${servers[0]!.url}${PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ plan: bigPlan(60) }),
    });
    expect(first.status).toBe(201);
    const v1 = ((await first.json()) as { plan: Plan }).plan;
    const r = await burst({
      urls: servers.map((s) => s.url),
      token,
      path: PATH,
      plan: v1,
      base: 1,
      count: 60,
      concurrency: 12,
      keyPrefix: 'two',
    });
    expect(r.failed).toBe(0);
    expect(r.acknowledged.length).toBe(60);

    const list = (await (await fetch(`${servers[1]!.url}${PATH}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      revisions: { seq: number; idempotencyKey: string | null }[];
    };
    const keys = list.revisions.map((x) => x.idempotencyKey).filter((k): k is string => k !== null && k.startsWith('two-'));
    expect(keys.sort()).toEqual(r.acknowledged.map((a) => a.key).sort());
    expect(new Set(list.revisions.map((x) => x.seq)).size).toBe(61);

    const head = (await (
      await fetch(`${servers[0]!.url}/api/communes/10903/plans/NQ57-race`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { plan: Plan };
    const results = new Map(head.plan.appendices[0]!.rows.filter((x) => x.kind === 'task').map((x) => [Number(x.tt), x.fields.result]));
    for (const a of r.acknowledged) expect(results.get(a.tt)).toBe(a.result);
  });
});
