// The typed client's progress methods (core/api/client.ts) against the real app on PGlite: the paths, bodies and headers the pane and the pages send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createApiClient, type ApiClient } from '../../../core/api/index.ts';
import type { Plan } from '../../../core/model/index.ts';
import { loadPlan } from '../../../cli/load-plan.ts';
import { fixture } from '../../support/paths.ts';
import { harness, type Harness } from './harness.ts';

let h: Harness;
let ids: string[];
const clients = {} as Record<'editor' | 'consolidator', ApiClient>;

beforeAll(async () => {
  h = await harness();
  for (const who of ['editor', 'consolidator'] as const)
    clients[who] = createApiClient({
      fetch: (url, init) => Promise.resolve(h.app.request(url, init)),
      bearer: () => h.tokens[who],
    });
  const plan: Plan = (await loadPlan(fixture('cam-giang-phu-luc.xlsx'))).plan;
  const pushed = await h.call('POST', '/api/communes/10903/plans/NQ57-2026/revisions', { token: h.tokens.editor, json: { plan } });
  ids = (pushed.body.plan as Plan).appendices.flatMap((a) => a.rows.filter((r) => r.kind === 'task').map((r) => r.id!));
}, 240_000);
afterAll(() => h.close());

/** The ApiError a call fails with. */
async function failure(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
}

describe('the client for progress reports', { timeout: 120_000 }, () => {
  it('sets and reads periods, sends, replays, reads the head and history, reviews and reopens', async () => {
    const { editor, consolidator } = clients;
    const periods = [{ period: '2026-H1', cutoff: '2026-07-10' }];
    const set = await consolidator.setProgressPeriods('31', 'NQ57-2026', { periods });
    expect(set.periods.map((p) => [p.period, p.cutoff, p.current])).toEqual([['2026-H1', '2026-07-10', true]]);
    expect(await editor.progressPeriods('31', 'NQ57-2026')).toEqual(set);
    expect((await failure(editor.setProgressPeriods('31', 'NQ57-2026', { periods }))).code).toBe('forbidden');

    const report = { period: '2026-H1', entries: [{ taskId: ids[0]!, period: '2026-H1', status: 'in-progress' as const }], indicators: [] };
    const text = JSON.stringify({ report, baseSeq: null });
    const sent = await editor.sendProgress('10903', 'NQ57-2026', '2026-H1', text, { key: 'client-1' });
    expect([sent.status, sent.body.status, sent.body.version.seq, sent.replayed]).toEqual([201, 'created', 1, false]);
    const again = await editor.sendProgress('10903', 'NQ57-2026', '2026-H1', text, { key: 'client-1' });
    expect([again.status, again.body, again.replayed]).toEqual([201, sent.body, true]);

    const head = await consolidator.progressHead('10903', 'NQ57-2026', '2026-H1');
    expect([head.version, head.report, head.status.state]).toEqual([sent.body.version, sent.body.report, 'submitted']);
    const unknown = await failure(editor.progressHead('10903', 'NQ57-2026', '2026-Q1'));
    expect([unknown.status, unknown.code]).toEqual([404, 'progress-none']);

    const returned = await consolidator.reviewProgress('10903', 'NQ57-2026', '2026-H1', { decision: 'return', seq: 1, reason: 'Bổ sung' });
    expect([returned.state, returned.returnReason]).toEqual(['returned', 'Bổ sung']);
    const reopened = await consolidator.reopenProgress('10903', 'NQ57-2026', '2026-H1', { until: '2026-07-31' });
    expect(reopened.reopenedUntil).toBe('2026-07-31');
    const history = await editor.progressHistory('10903', 'NQ57-2026', '2026-H1');
    expect([history.versions.map((v) => v.seq), history.reviews.map((r) => r.decision)]).toEqual([[1], ['reopen', 'return']]);
    const mine = await editor.communeProgress('10903', 'NQ57-2026');
    expect(mine.periods.map((p) => [p.period, p.state, p.seq, p.reopenedUntil])).toEqual([['2026-H1', 'returned', 1, '2026-07-31']]);

    const conflictText = JSON.stringify({
      report: { ...report, entries: [{ ...report.entries[0]!, status: 'paused', reason: 'Chờ' }] },
      baseSeq: null,
    });
    const other = { ...report, entries: [{ ...report.entries[0]!, status: 'dropped', reason: 'Thôi' }] };
    await editor.sendProgress('10903', 'NQ57-2026', '2026-H1', JSON.stringify({ report: other, baseSeq: 1 }), { key: 'client-2' });
    const conflict = await failure(editor.sendProgress('10903', 'NQ57-2026', '2026-H1', conflictText, { key: 'client-3' }));
    expect([conflict.status, conflict.code, conflict.details]).toEqual([
      409,
      'progress-conflict',
      {
        headSeq: 2,
        conflicts: [
          { kind: 'task', id: ids[0], field: 'status', base: null, theirs: 'dropped', mine: 'paused' },
          { kind: 'task', id: ids[0], field: 'reason', base: null, theirs: 'Thôi', mine: 'Chờ' },
        ],
      },
    ]);
  });
});
