// Load with faults: clients that push edit after edit and retry with their Idempotency-Key until acknowledged, and a
// chaos loop that kills server processes (SIGKILL) in the middle of it and starts them again.
import type { Plan } from '../../../core/model/index.ts';
import type { ServerProcess } from '../../support/server-process.ts';
import { withResult } from '../../server/reliability/burst.ts';

/** The servers currently up; clients pick from it, chaos takes from it and puts back. */
export interface Cluster {
  servers: ServerProcess[];
}

export interface Ack {
  key: string;
  seq: number;
  value: string;
}

export interface ClientLog {
  client: number;
  acked: Ack[];
  /** Attempts that failed on the wire (a killed server, or a client giving up), each retried with the same key. */
  networkErrors: number;
  serverErrors: number;
  /** First deliveries answered as a replay: stored by an attempt whose answer a kill lost, or by a twin (below). */
  recovered: number;
  /** Deliberate re-sends of an acknowledged push, answered as replays of the same revision. */
  replays: number;
  /** Pushes sent twice at once, both answered with the same revision. */
  raced: number;
  /** Anything a correct server never answers here (409, 412, 4xx, a re-send given another seq); empty when all went well. */
  unexpected: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A small seeded generator: the same pauses every run, so a failure is easier to reproduce.
 * @example const rnd = lcg(7); rnd() // a number in [0, 1)
 */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

async function anyServer(cluster: Cluster, rnd: () => number): Promise<string> {
  for (;;) {
    const up = cluster.servers;
    if (up.length > 0) return up[Math.floor(rnd() * up.length)]!.url;
    await sleep(25);
  }
}

/**
 * One client: edits task `tt` again and again (value `Kết quả <client>.<k>`), each push on the last revision it was
 * answered, until `done()` and at least `minPushes`. Every third push is sent a second time with the same key.
 * @example const log = await runClient({ client: 1, cluster, token, path, plan, seq: 1, tt: 1, minPushes: 5, done: () => chaosOver })
 */
export async function runClient(o: {
  client: number;
  cluster: Cluster;
  token: string;
  path: string;
  plan: Plan;
  seq: number;
  tt: number;
  minPushes: number;
  done: () => boolean;
}): Promise<ClientLog> {
  const log: ClientLog = {
    client: o.client,
    acked: [],
    networkErrors: 0,
    serverErrors: 0,
    recovered: 0,
    replays: 0,
    raced: 0,
    unexpected: [],
  };
  const rnd = lcg(o.client * 7919);
  let base = o.seq;
  let basePlan = o.plan;

  /** POST until a 2xx; null (and an `unexpected` entry) on anything else. */
  const deliver = async (
    key: string,
    body: string,
    ifMatch: string,
  ): Promise<{ status: number; seq: number; plan: Plan; replayed: boolean } | null> => {
    for (let attempt = 0; attempt < 400; attempt++) {
      const url = await anyServer(o.cluster, rnd);
      let res: Response;
      try {
        res = await fetch(`${url}${o.path}`, {
          method: 'POST',
          body,
          signal: AbortSignal.timeout(20_000),
          headers: { authorization: `Bearer ${o.token}`, 'content-type': 'application/json', 'if-match': ifMatch, 'idempotency-key': key },
        });
      } catch {
        log.networkErrors++;
        await sleep(20 + rnd() * 40);
        continue;
      }
      const json = (await res.json().catch(() => null)) as { status?: string; revision?: { seq: number }; plan?: Plan } | null;
      // A replay is the key's first answer again (201, same body), marked by Idempotent-Replayed.
      if (res.status === 201 && json?.revision && json.plan)
        return { status: res.status, seq: json.revision.seq, plan: json.plan, replayed: res.headers.get('idempotent-replayed') === 'true' };
      if (res.status >= 500) {
        log.serverErrors++;
        await sleep(20 + rnd() * 40);
        continue;
      }
      log.unexpected.push(`${key}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
      return null;
    }
    log.unexpected.push(`${key}: no answer after 400 attempts`);
    return null;
  };

  for (let k = 1; k <= o.minPushes || !o.done(); k++) {
    const key = `lf-${o.client}-${k}`;
    const value = `Kết quả ${o.client}.${k}`;
    const body = JSON.stringify({ plan: withResult(basePlan, o.tt, value) });
    const ifMatch = `"${base}"`;
    // Every fourth push goes out twice at once (a client retrying too early, a proxy repeating a request): with
    // several servers the two copies race in two processes. Both must get the one revision.
    const twice = k % 4 === 2;
    const [got, twin] = await Promise.all([deliver(key, body, ifMatch), twice ? deliver(key, body, ifMatch) : null]);
    if (!got || (twice && !twin)) return log;
    if (twin) {
      if (twin.seq !== got.seq) log.unexpected.push(`${key}: sent twice at once, stored as ${got.seq} and ${twin.seq}`);
      else log.raced++;
    }
    if (got.replayed) log.recovered++;
    log.acked.push({ key, seq: got.seq, value });
    base = got.seq;
    basePlan = got.plan;
    // A client that lost the answer sends the same push again: it must be a replay of the same revision.
    if (k % 3 === 0) {
      const again = await deliver(key, body, ifMatch);
      if (!again) return log;
      if (!again.replayed || again.seq !== got.seq)
        log.unexpected.push(
          `${key}: re-sent, got ${again.status}${again.replayed ? ' (replayed)' : ''} seq ${again.seq}, first seq ${got.seq}`,
        );
      else log.replays++;
    }
    await sleep(10 + rnd() * 60);
  }
  return log;
}

/**
 * Kill (SIGKILL) a running server `cycles` times, each after a pause while clients push, and start a new one in its
 * place without waiting for it: the next kill may come while it is still starting (with one server, clients wait out
 * the downtime; with several, they fail over, and may find none up for a moment).
 * @example await chaos({ cluster, cycles: 4, restart: () => startServerProcess({ databaseUrl }), pauseMs: [300, 900] })
 */
export async function chaos(o: {
  cluster: Cluster;
  cycles: number;
  restart: () => Promise<ServerProcess>;
  pauseMs: [number, number];
}): Promise<{ kills: number }> {
  const rnd = lcg(57);
  let kills = 0;
  const restarts: Promise<void>[] = [];
  for (let i = 0; i < o.cycles; i++) {
    await sleep(o.pauseMs[0] + rnd() * (o.pauseMs[1] - o.pauseMs[0]));
    while (o.cluster.servers.length === 0) await sleep(25);
    const victim = o.cluster.servers[i % o.cluster.servers.length]!;
    // Killed while still listed: requests in flight and requests just sent to it fail, as they would in production.
    await victim.kill();
    kills++;
    o.cluster.servers = o.cluster.servers.filter((s) => s !== victim);
    restarts.push(
      o.restart().then((fresh) => {
        o.cluster.servers = [...o.cluster.servers, fresh];
      }),
    );
  }
  await Promise.all(restarts);
  return { kills };
}
