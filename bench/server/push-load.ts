// Load for the push benchmark: each connection edits one cell of its own commune's 55-task plan and pushes it on
// the head it last saw (If-Match = head, a fresh Idempotency-Key): the add-in's real fast-forward path, never a replay.
import autocannon from 'autocannon';
import { findCommune, COMMUNES, type Commune } from '../../core/dvhc.ts';
import type { Plan } from '../../core/model/index.ts';
import { readPlan } from '../../core/read/index.ts';
import { generateAppendix } from '../gen/appendix.ts';

const MARK = '\u0000EDIT\u0000';

export interface Pusher {
  commune: Commune;
  token: string;
  path: string;
  seq: number;
  /** The push body split around the edited cell. */
  pre: string;
  post: string;
  n: number;
  /** The push sent and not yet answered: re-sent with its key after a run (settlePushers). */
  pending?: { seq: number; key: string; body: string };
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Answers other than 201, by status. */
  failures: Record<number, number>;
}

/** A commune's 55-task plan, read from a generated appendix as the add-in would send it. */
export function benchPlan(commune: Commune, tasks = 55): Plan {
  const grid = generateAppendix({
    tasks,
    seed: Number(commune.code),
    columns: 6,
    continuationRate: 0.05,
    commune: commune.name,
    sheet: 'Phụ lục II',
  });
  return readPlan([grid], { file: `${commune.code}.xlsx`, format: 'xlsx' }).plan;
}

async function call(
  url: string,
  token: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown>; etag: string | null }> {
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown>, etag: res.headers.get('etag') };
}

/**
 * Editor tokens and a first revision for `count` communes; the server's answer (with task ids) is the client's copy.
 * @example const pushers = await preparePushers(server.url, admin, 64, 'BENCH')
 */
export async function preparePushers(base: string, admin: string, count: number, planKey: string, offset = 0): Promise<Pusher[]> {
  const out: Pusher[] = [];
  // Spread over provinces: every 50th commune.
  for (let i = 0; i < count; i++) {
    const commune = COMMUNES[(offset + i * 50) % COMMUNES.length]!;
    const t = await call(`${base}/api/tokens`, admin, 'POST', { role: 'editor', commune: commune.code, label: `bench ${commune.code}` });
    if (t.status !== 201) throw new Error(`token for ${commune.code}: ${t.status} ${JSON.stringify(t.json)}`);
    const token = String(t.json.secret);
    const path = `/api/communes/${commune.code}/plans/${planKey}/revisions`;
    const first = await call(
      `${base}${path}`,
      token,
      'POST',
      { plan: benchPlan(findCommune(commune.code)!) },
      { 'idempotency-key': `seed-${commune.code}-${planKey}` },
    );
    if (first.status !== 201) throw new Error(`seed push ${commune.code}: ${first.status} ${JSON.stringify(first.json).slice(0, 500)}`);
    const plan = first.json.plan as Plan;
    const task = plan.appendices[0]!.rows.find((r) => r.kind === 'task' && r.id)!;
    task.fields.result = MARK;
    const [pre, post] = JSON.stringify({ plan, message: 'bench edit' }).split(JSON.stringify(MARK).slice(1, -1));
    out.push({ commune, token, path, seq: Number((first.json.revision as { seq: number }).seq), pre: pre!, post: post!, n: 0 });
  }
  return out;
}

/**
 * Make each pusher's head known again after a run. A push still in flight when autocannon stopped is stored (or not)
 * after the run: it is sent again with its Idempotency-Key, as the add-in would, so the server answers with the
 * revision it stored (a replay) or stores it now — before, a head re-read while it was still in flight was the one
 * before it, and the next run's push merged onto it and conflicted (409) on the cell both edited. Then every head is
 * re-read.
 * @example await settlePushers(url, pushers)
 */
export async function settlePushers(url: string, pushers: Pusher[]): Promise<void> {
  for (const p of pushers) {
    const sent = p.pending;
    if (!sent) continue;
    const res = await fetch(`${url}${p.path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${p.token}`,
        'if-match': `"${sent.seq}"`,
        'idempotency-key': sent.key,
      },
      body: sent.body,
    });
    const text = await res.text();
    // Not stored (a conflict, a refusal): the head re-read below is then the one to push on.
    if (res.status !== 201) console.error(`  push of ${p.commune.code} sent again: ${res.status} ${text.slice(0, 200)}`);
    p.pending = undefined;
  }
  await refreshHeads(url, pushers);
}

/**
 * Re-read each pusher's head.
 * @example await refreshHeads(url, pushers)
 */
export async function refreshHeads(url: string, pushers: Pusher[]): Promise<void> {
  for (const p of pushers) {
    const res = await fetch(`${url}${p.path.replace(/\/revisions$/, '')}`, { headers: { authorization: `Bearer ${p.token}` } });
    await res.arrayBuffer();
    const seq = Number((res.headers.get('etag') ?? '').replace(/\D/g, ''));
    if (res.status !== 200 || !seq) throw new Error(`head of ${p.commune.code}: ${res.status}`);
    p.seq = seq;
  }
}

/**
 * Run autocannon for `seconds` with `connections` connections over the pushers (at least as many as connections),
 * their heads settled first — unless `settled`: the caller did it (the bench, before it starts counting CPU time).
 * @example const r = await pushLoad(url, pushers, 16, 10)
 */
export async function pushLoad(
  url: string,
  pushers: Pusher[],
  connections: number,
  seconds: number,
  opts: { settled?: boolean } = {},
): Promise<LoadResult> {
  // A pusher is lent to one request at a time, so no two in-flight pushes share a plan: no merges, no retries.
  const free = pushers.slice(0, Math.max(connections, 1)).reverse();
  if (!opts.settled) await settlePushers(url, free);
  let lost = 0;
  const failures: Record<number, number> = {};
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => {
          const p = free.pop()!;
          ctx.p = p;
          p.n++;
          req.path = p.path;
          const key = `b-${p.commune.code}-${p.seq}-${p.n}-${Math.random().toString(36).slice(2, 10)}`;
          const body = `${p.pre}Báo cáo lần ${p.n}${p.post}`;
          p.pending = { seq: p.seq, key, body };
          req.headers = {
            'content-type': 'application/json',
            authorization: `Bearer ${p.token}`,
            'if-match': `"${p.seq}"`,
            'idempotency-key': key,
          };
          req.body = body;
          return req;
        },
        onResponse: (status: number, body: string, ctx: Record<string, unknown>) => {
          const p = ctx.p as Pusher;
          // Answered: nothing to send again — unless the server ran out of time (503), and may store it still.
          if (status < 500) p.pending = undefined;
          if (status === 201) {
            const seq = /"seq":(\d+)/.exec(body)?.[1];
            if (seq) p.seq = Number(seq);
          } else {
            lost++;
            failures[status] = (failures[status] ?? 0) + 1;
            if (process.env.PHULUC_BENCH_DEBUG) console.error(status, body.slice(0, 200));
          }
          free.push(p);
        },
      },
    ],
  } as autocannon.Options);
  if (lost > 0 && result.non2xx === 0) result.non2xx = lost;
  return {
    rps: result.requests.total / (result.duration || seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    failures,
  };
}

/**
 * GET load on a plain URL (the bare Hono peer).
 * @example await getLoad('http://127.0.0.1:3000/', 64, 10)
 */
export async function getLoad(url: string, connections: number, seconds: number): Promise<LoadResult> {
  const r = await autocannon({ url, connections, duration: seconds });
  return {
    rps: r.requests.total / (r.duration || seconds),
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    failures: {},
  };
}
