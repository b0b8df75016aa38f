// kill -9 of the server (embedded PGlite on disk) during a burst of pushes: after a restart on the same folder,
// every push that got a 2xx is stored, exactly once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/model/index.ts';
import { startServerProcess, type ServerProcess } from '../../support/server-process.ts';
import { bigPlan, burst } from './burst.ts';

const PATH = '/api/communes/10903/plans/NQ57-kill/revisions';
let dir = '';
let server: ServerProcess | null = null;
afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

// Bounded by what it waits for (the server's lines, its exit, the answers); the whole test only by a generous limit, so a
// loaded machine (a fresh PGlite folder takes seconds to create) slows it down without failing it.
describe('kill -9 during a burst (PGlite)', { timeout: 300_000 }, () => {
  it('loses no acknowledged push', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'phuluc-kill-'));
    server = await startServerProcess({ dataDir: dir });
    const admin = server.adminToken!;
    expect(admin).toMatch(/^phl_/);
    const first = await fetch(`${server.url}${PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ plan: bigPlan(80) }),
    });
    const v1 = ((await first.json()) as { plan: Plan }).plan;

    // Kill the process the moment the 15th push is acknowledged: pushes are in flight, more are queued.
    let killed: Promise<void> | null = null;
    const victim = server;
    const r = await burst({
      urls: [server.url],
      token: admin,
      path: PATH,
      plan: v1,
      base: 1,
      count: 80,
      concurrency: 6,
      keyPrefix: 'kill',
      onAck: (n) => {
        if (n === 15) killed = victim.kill();
      },
    });
    await killed;
    expect(r.acknowledged.length).toBeGreaterThanOrEqual(15);
    expect(r.failed).toBeGreaterThan(0);

    server = await startServerProcess({ dataDir: dir });
    expect(server.adminToken).toBeNull(); // the same database: no second first start
    const list = (await (await fetch(`${server.url}${PATH}`, { headers: { authorization: `Bearer ${admin}` } })).json()) as {
      revisions: { idempotencyKey: string | null }[];
    };
    const stored = list.revisions.map((x) => x.idempotencyKey).filter((k): k is string => k !== null);
    for (const a of r.acknowledged) expect(stored.filter((k) => k === a.key)).toHaveLength(1);
  });
});
