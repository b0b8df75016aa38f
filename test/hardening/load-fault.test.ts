// Load + fault: several clients push concurrently while server processes are killed (SIGKILL) and restarted, again
// and again; clients retry with their Idempotency-Key. Afterwards every acknowledged push is in the history exactly
// once, nothing else is, and the head holds every client's last edit. Extends test/server/reliability (one kill,
// no retries) to many kills, fail-over between processes, retries, re-sends and the same push sent twice at once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../core/model/index.ts';
import { openDatabase, type Database } from '../../server/db/connect.ts';
import { createToken } from '../../server/store/tokens.ts';
import { bigPlan } from '../server/reliability/burst.ts';
import { freshPostgres } from '../support/db.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { chaos, runClient, type Cluster, type ClientLog } from './support/load-fault.ts';

const COMMUNE = '10903';
const KEY = 'NQ57-load';
const PATH = `/api/communes/${COMMUNE}/plans/${KEY}/revisions`;
const started: ServerProcess[] = [];
const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  await Promise.all(started.map((s) => (s.proc.exitCode === null && s.proc.signalCode === null ? s.stop() : undefined)));
  for (const f of cleanup) await f();
});

async function track(p: Promise<ServerProcess>): Promise<ServerProcess> {
  const s = await p;
  started.push(s);
  return s;
}

/** Push the first revision and run clients against chaos; the clients' logs once all are done. */
async function scenario(o: {
  cluster: Cluster;
  token: string;
  clients: number;
  cycles: number;
  restart: () => Promise<ServerProcess>;
}): Promise<{ logs: ClientLog[]; kills: number }> {
  const first = await fetch(`${o.cluster.servers[0]!.url}${PATH}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${o.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ plan: bigPlan(o.clients) }),
  });
  expect(first.status).toBe(201);
  const v1 = ((await first.json()) as { plan: Plan }).plan;
  let over = false;
  const chaosRun = chaos({ cluster: o.cluster, cycles: o.cycles, restart: o.restart, pauseMs: [300, 900] }).finally(() => (over = true));
  const logs = await Promise.all(
    Array.from({ length: o.clients }, (_, i) =>
      runClient({
        client: i + 1,
        cluster: o.cluster,
        token: o.token,
        path: PATH,
        plan: v1,
        seq: 1,
        tt: i + 1,
        minPushes: 4,
        done: () => over,
      }),
    ),
  );
  return { logs, kills: (await chaosRun).kills };
}

/** The history as stored, checked against what the clients were told. */
async function verify(db: Database, logs: ClientLog[], kills: number, cycles: number): Promise<void> {
  expect(logs.flatMap((l) => l.unexpected)).toEqual([]);
  expect(kills).toBe(cycles);
  // The kills must have hit pushes in flight or on their way, or this test proves nothing.
  expect(logs.reduce((n, l) => n + l.networkErrors + l.serverErrors, 0)).toBeGreaterThan(0);
  const rows = await db.db
    .selectFrom('revisions')
    .innerJoin('plans', 'plans.id', 'revisions.plan_id')
    .select(['revisions.seq', 'revisions.idempotency_key', 'revisions.plan'])
    .where('plans.commune_code', '=', COMMUNE)
    .where('plans.plan_key', '=', KEY.toUpperCase()) // stored under the registry's canonical key
    .orderBy('revisions.seq')
    .execute();
  const acked = logs.flatMap((l) => l.acked);
  const sum = (f: (l: ClientLog) => number) => logs.reduce((n, l) => n + f(l), 0);
  console.log(
    `load-fault: ${acked.length} pushes acknowledged, ${sum((l) => l.recovered)} answered as replays, ${sum((l) => l.replays)} re-sends replayed, ${sum((l) => l.raced)} sent twice at once, ${sum((l) => l.networkErrors)} failed on the wire, ${sum((l) => l.serverErrors)} 5xx, ${kills} kills`,
  );
  expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
  // Exactly once: each acknowledged key is stored once, at the seq it was acknowledged with; nothing else was stored.
  const stored = rows.filter((r) => r.idempotency_key !== null);
  expect(stored.map((r) => `${r.idempotency_key}@${r.seq}`).sort()).toEqual(acked.map((a) => `${a.key}@${a.seq}`).sort());
  expect(rows.length).toBe(1 + acked.length);
  // No lost update: the head has every client's last edit on its own task.
  const head = rows.at(-1)!.plan;
  const results = new Map(head.appendices[0]!.rows.filter((r) => r.kind === 'task').map((r) => [Number(r.tt), r.fields.result]));
  for (const l of logs) expect(results.get(l.client), `client ${l.client}`).toBe(l.acked.at(-1)!.value);
}

describe('load and faults', () => {
  it('PostgreSQL, two server processes, six clients, four kills with fail-over', async () => {
    const db = await freshPostgres();
    cleanup.push(() => db.close());
    const token = (await createToken(db.db, { role: 'editor', communeCode: COMMUNE, label: 'load', createdBy: 'test' })).secret;
    const cluster: Cluster = {
      servers: await Promise.all([track(startServerProcess({ databaseUrl: db.url })), track(startServerProcess({ databaseUrl: db.url }))]),
    };
    const { logs, kills } = await scenario({
      cluster,
      token,
      clients: 6,
      cycles: 4,
      restart: () => track(startServerProcess({ databaseUrl: db.url })),
    });
    await verify(db, logs, kills, 4);
  }, 120_000);

  it('PGlite, one server process, four clients, two kills: clients wait out each restart', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-load-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const first = await track(startServerProcess({ dataDir: dir }));
    const token = first.adminToken!;
    const cluster: Cluster = { servers: [first] };
    const { logs, kills } = await scenario({
      cluster,
      token,
      clients: 4,
      cycles: 2,
      restart: () => track(startServerProcess({ dataDir: dir })),
    });
    // The data folder belongs to the server (a lock file): stop it before reading the history.
    await Promise.all(cluster.servers.map((s) => s.stop()));
    const db = await openDatabase({ dataDir: dir });
    cleanup.unshift(() => db.close());
    await verify(db, logs, kills, 2);
  }, 120_000);
});
