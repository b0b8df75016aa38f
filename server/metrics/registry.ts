// The server's Prometheus metrics (prom-client), one registry per app: requests by route, method and status, their
// durations, pushes, uploads and progress reports by status, the read pool's queue and busy workers, phuluc's version,
// and prom-client's process metrics (CPU, memory, event-loop delay from perf_hooks).
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolStats } from '../db/connect.ts';
import { serverPoolLoad } from '../workers/server-pool.ts';
import { serverVersion } from '../version.ts';

export interface ServerMetrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  duration: Histogram<'method' | 'route'>;
  /** Plans stored through a push, a restore, an upload, a progress report: counted by what the route answered. */
  writes: Counter<'kind' | 'status'>;
}

/** Durations in seconds: a few ms (a cached read) to the request time limit (60 s). */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * @example const m = createMetrics({ dbPool: database.pool }); res.end(await m.registry.metrics())
 */
export function createMetrics(opts: { dbPool?: PoolStats } = {}): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const { version, commit } = serverVersion();
  new Gauge({ name: 'phuluc_info', help: 'phuluc version and commit (always 1)', labelNames: ['version', 'commit'], registers: [registry] })
    .labels(version, commit ?? 'unknown')
    .set(1);
  const load = (pick: (l: NonNullable<ReturnType<typeof serverPoolLoad>>) => number) =>
    function collect(this: Gauge) {
      const l = serverPoolLoad();
      this.set(l ? pick(l) : 0);
    };
  new Gauge({
    name: 'phuluc_read_pool_queued',
    help: 'Reads waiting for a worker thread',
    registers: [registry],
    collect: load((l) => l.queued),
  });
  new Gauge({ name: 'phuluc_read_pool_busy', help: 'Worker threads reading now', registers: [registry], collect: load((l) => l.running) });
  new Gauge({ name: 'phuluc_read_pool_workers', help: 'Worker threads started', registers: [registry], collect: load((l) => l.workers) });
  const pool = opts.dbPool;
  if (pool) {
    new Gauge({
      name: 'phuluc_db_pool_connections',
      help: 'Database connections open, by state (idle or busy)',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        this.labels('idle').set(pool.idleCount);
        this.labels('busy').set(pool.totalCount - pool.idleCount);
      },
    });
    new Gauge({
      name: 'phuluc_db_pool_waiting',
      help: 'Queries waiting for a database connection',
      registers: [registry],
      collect() {
        this.set(pool.waitingCount);
      },
    });
  }
  return {
    registry,
    requests: new Counter({
      name: 'phuluc_http_requests_total',
      help: 'HTTP requests by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'phuluc_http_request_duration_seconds',
      help: 'HTTP request durations by method and route pattern',
      labelNames: ['method', 'route'],
      buckets: BUCKETS,
      registers: [registry],
    }),
    writes: new Counter({
      name: 'phuluc_writes_total',
      help: 'Pushes, restores, uploads and progress reports by status (201 stored, 200 replay or unchanged, 409 conflict …)',
      labelNames: ['kind', 'status'],
      registers: [registry],
    }),
  };
}
