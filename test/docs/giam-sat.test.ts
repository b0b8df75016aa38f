// docs/quan-tri/giam-sat.md against the running code: its example health answer has the fields a real one has, and its
// table of metrics lists exactly the phuluc_* families a real scrape shows.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import type { Database } from '../../server/db/connect.ts';
import { freshPglite } from '../support/db.ts';
import { REPO_ROOT } from '../support/paths.ts';

const PAGE = readFileSync(path.join(REPO_ROOT, 'docs/quan-tri/giam-sat.md'), 'utf8');
const blocks = (lang: string) => [...PAGE.matchAll(/^```([a-z]*)\n([\s\S]*?)^```$/gm)].filter((m) => m[1] === lang).map((m) => m[2]!);

let database: Database;
beforeAll(async () => {
  database = await freshPglite();
});
afterAll(() => database?.close());

/** The shape of a JSON value: its keys, nested, with leaf types. */
function shape(v: unknown): unknown {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]));
  return typeof v;
}

describe('docs/quan-tri/giam-sat.md', { timeout: 60_000 }, () => {
  it("shows a health answer shaped as the server's", async () => {
    const real = await (await createApp({ db: database.db, log: () => {} }).request('/api/health')).json();
    expect(shape(JSON.parse(blocks('json')[0]!))).toEqual(shape(real));
  });

  it('lists exactly the phuluc_* metrics a scrape shows, with their types', async () => {
    const app = createApp({ db: database.db, log: () => {}, metricsToken: 'giam-sat-doc-token-0123456789abcdef', dbPool: database.pool! });
    await app.request('/api/health');
    await app.request('/api/communes/10903/plans/NQ57-2026/revisions', { method: 'POST' });
    const text = await (
      await app.request('/api/metrics', { headers: { authorization: 'Bearer giam-sat-doc-token-0123456789abcdef' } })
    ).text();
    const scraped = [...text.matchAll(/^# TYPE (phuluc_\w+) (\w+)$/gm)].map((m) => [m[1], m[2]]).sort();
    const documented = [...PAGE.matchAll(/^\| `(phuluc_\w+)` \| (\w+) \|/gm)].map((m) => [m[1], m[2]]).sort();
    expect(documented).toEqual(scraped);
  });
});
