// Structured logs with request ids (issue 19), read from the process's real output stream: one JSON line per request
// on stdout carrying the id the answer's X-Request-Id gives (a sane incoming id kept, anything else replaced by a
// UUID); an unhandled error logged with the same id the 500 answer names; lines written during a request get its id
// even across awaits, and two requests at once each keep their own.
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../server/app.ts';
import type { Database } from '../../../server/db/connect.ts';
import { requestContext, withRequestId } from '../../../server/http/request-context.ts';
import { freshPglite } from '../../support/db.ts';

let database: Database;
beforeAll(async () => {
  database = await freshPglite();
});
afterAll(() => database?.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What `work` writes to stdout, as parsed JSON lines (the app logs through its default sink, stdout). */
async function stdoutLines(work: () => Response | Promise<Response>): Promise<{ res: Response; lines: Record<string, unknown>[] }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  try {
    const res = await work();
    return {
      res,
      lines: out
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    };
  } finally {
    spy.mockRestore();
  }
}

/** A request line with its clock fields fixed. */
const steady = (l: Record<string, unknown>) => ({ ...l, time: 'T', ...(typeof l.ms === 'number' ? { ms: 0 } : {}) });

describe('request ids in the JSON logs on stdout', { timeout: 60_000 }, () => {
  it('keeps a sane incoming X-Request-Id, returns it and logs it', async () => {
    const app = createApp({ db: database.db });
    const { res, lines } = await stdoutLines(() => app.request('/api/health', { headers: { 'x-request-id': 'lb-42_abc=' } }));
    expect([res.status, res.headers.get('x-request-id')]).toEqual([200, 'lb-42_abc=']);
    expect(lines.map(steady)).toEqual([
      { time: 'T', level: 'info', msg: 'request', method: 'GET', path: '/api/health', status: 200, ms: 0, requestId: 'lb-42_abc=' },
    ]);
  });

  it('replaces an id with spaces or markup by a UUID, the same in the header and the log', async () => {
    const app = createApp({ db: database.db });
    const { res, lines } = await stdoutLines(() => app.request('/api/khong-co', { headers: { 'x-request-id': 'a b<script>' } }));
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(UUID);
    expect(lines.map(steady)).toEqual([
      { time: 'T', level: 'info', msg: 'request', method: 'GET', path: '/api/khong-co', status: 404, ms: 0, requestId: id },
    ]);
  });

  it('logs an unhandled error with the id the 500 answer names', async () => {
    const app = createApp({ db: database.db });
    app.get('/api/hong', () => {
      throw new Error('hỏng giữa chừng');
    });
    const { res, lines } = await stdoutLines(() => app.request('/api/hong'));
    const id = res.headers.get('x-request-id')!;
    expect([res.status, ((await res.json()) as { error: { details: unknown } }).error.details]).toEqual([500, { requestId: id }]);
    expect(lines.map((l) => steady({ ...l, ...(typeof l.error === 'string' ? { error: l.error.split('\n')[0] } : {}) }))).toEqual([
      { time: 'T', level: 'error', msg: 'unhandled', path: '/api/hong', requestId: id, error: 'Error: hỏng giữa chừng' },
      { time: 'T', level: 'error', msg: 'request', method: 'GET', path: '/api/hong', status: 500, ms: 0, requestId: id },
    ]);
  });

  it('gives lines written inside a request its id, across awaits, each concurrent request its own', async () => {
    const lines: Record<string, unknown>[] = [];
    const log = withRequestId((l) => lines.push(l));
    const gates = new Map<string, () => void>();
    const app = new Hono();
    app.use('*', requestId(), requestContext());
    app.get('/:name', async (c) => {
      // Both requests are inside the handler before either logs: their contexts interleave.
      await new Promise<void>((resolve) => gates.set(c.req.param('name'), resolve));
      log({ msg: c.req.param('name') });
      return c.text('ok');
    });
    const a = app.request('/a', { headers: { 'x-request-id': 'id-a' } });
    const b = app.request('/b', { headers: { 'x-request-id': 'id-b' } });
    await vi.waitFor(() => expect(gates.size).toBe(2));
    gates.get('b')!();
    await b;
    gates.get('a')!();
    await a;
    log({ msg: 'outside' });
    expect(lines).toEqual([{ msg: 'b', requestId: 'id-b' }, { msg: 'a', requestId: 'id-a' }, { msg: 'outside' }]);
  });
});
