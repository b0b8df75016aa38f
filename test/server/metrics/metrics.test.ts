// /api/metrics (issue 19): Prometheus's text format for the scraper's own token (PHULUC_METRICS_TOKEN) or an admin's
// token; refused without a token (401), with an editor's (403) and with a wrong scraper token (401). Counts requests
// by route pattern (a path nothing matched is "unmatched", never the raw path), method and status; pushes by status;
// exposes the read pool's queue and busy workers, the database pool, the event-loop delay and the version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import type { App } from '../../../server/routes/types.ts';
import { planWith } from '../../core/progress/plan.ts';
import { harness, type Harness } from '../api/harness.ts';

const SCRAPER = 'scraper-3f9c1e7a5b2d4c6e8f0a1b3c5d7e9f11';
let h: Harness;
let app: App;

const get = (path: string, token?: string) => app.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});

/** The samples of the named metric families, as "name{labels} value" lines. */
function samples(text: string, ...names: string[]): string[] {
  return text.split('\n').filter((l) => names.some((n) => l.startsWith(`${n}{`) || l.startsWith(`${n} `)));
}

beforeAll(async () => {
  h = await harness();
  app = createApp({ db: h.database.db, log: () => {}, metricsToken: SCRAPER, dbPool: h.database.pool! });
});
afterAll(() => h?.close());

describe('/api/metrics', { timeout: 60_000 }, () => {
  it('refuses callers without the scraper token or an admin token', async () => {
    const answers = [await get('/api/metrics'), await get('/api/metrics', h.tokens.editor), await get('/api/metrics', `${SCRAPER}x`)];
    expect(await Promise.all(answers.map(async (r) => [r.status, ((await r.json()) as { error: { code: string } }).error.code]))).toEqual([
      [401, 'unauthorized'],
      [403, 'forbidden'],
      [401, 'unauthorized'],
    ]);
  });

  it('counts requests by route pattern, pushes by status, and shows the pool, the event loop and the version', async () => {
    const push = await app.request('/api/communes/10903/plans/NQ57-2026/revisions', {
      method: 'POST',
      headers: { authorization: `Bearer ${h.tokens.editor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ plan: planWith([{ id: 'k1', content: 'Số hóa hồ sơ', lead: 'Công an xã', deadline: 'Quý III/2026' }]) }),
    });
    expect(push.status).toBe(201);
    expect((await get('/api/health')).status).toBe(200);
    expect((await get('/api/khong-co')).status).toBe(404);
    const scraped = await get('/api/metrics', SCRAPER);
    expect([scraped.status, scraped.headers.get('content-type')]).toEqual([200, 'text/plain; version=0.0.4; charset=utf-8']);
    const text = await scraped.text();
    expect(samples(text, 'phuluc_http_requests_total', 'phuluc_writes_total', 'phuluc_http_request_duration_seconds_count')).toEqual([
      'phuluc_http_requests_total{method="GET",route="/api/metrics",status="401"} 2',
      'phuluc_http_requests_total{method="GET",route="/api/metrics",status="403"} 1',
      'phuluc_http_requests_total{method="POST",route="/api/communes/:commune/plans/:planKey/revisions",status="201"} 1',
      'phuluc_http_requests_total{method="GET",route="/api/health",status="200"} 1',
      'phuluc_http_requests_total{method="GET",route="unmatched",status="404"} 1',
      'phuluc_http_request_duration_seconds_count{method="GET",route="/api/metrics"} 3',
      'phuluc_http_request_duration_seconds_count{method="POST",route="/api/communes/:commune/plans/:planKey/revisions"} 1',
      'phuluc_http_request_duration_seconds_count{method="GET",route="/api/health"} 1',
      'phuluc_http_request_duration_seconds_count{method="GET",route="unmatched"} 1',
      'phuluc_writes_total{kind="push",status="201"} 1',
    ]);
    expect(samples(text, 'phuluc_read_pool_queued', 'phuluc_read_pool_busy').map((l) => l.replace(/ \d+$/, ''))).toEqual([
      'phuluc_read_pool_queued',
      'phuluc_read_pool_busy',
    ]);
    // Nothing holds a connection while the metrics are read: every open one is idle, nothing waits.
    const pool = samples(text, 'phuluc_db_pool_connections', 'phuluc_db_pool_waiting');
    expect(pool.map((l) => l.replace(/} [1-9]\d*$/, '} N'))).toEqual([
      'phuluc_db_pool_connections{state="idle"} N',
      'phuluc_db_pool_connections{state="busy"} 0',
      'phuluc_db_pool_waiting 0',
    ]);
    expect(samples(text, 'nodejs_eventloop_lag_p99_seconds').length).toBe(1);
    expect(samples(text, 'phuluc_info')[0]).toMatch(/^phuluc_info\{version="\d+\.\d+\.\d+",commit="[0-9a-f]{12}"\} 1$/);
  });

  it('answers an admin token too; the scrape itself is counted in the next one', async () => {
    const first = await get('/api/metrics', h.tokens.admin);
    expect(first.status).toBe(200);
    const text = await (await get('/api/metrics', SCRAPER)).text();
    expect(samples(text, 'phuluc_http_requests_total').filter((l) => l.includes('/api/metrics'))).toEqual([
      'phuluc_http_requests_total{method="GET",route="/api/metrics",status="401"} 2',
      'phuluc_http_requests_total{method="GET",route="/api/metrics",status="403"} 1',
      'phuluc_http_requests_total{method="GET",route="/api/metrics",status="200"} 2',
    ]);
  });
});
