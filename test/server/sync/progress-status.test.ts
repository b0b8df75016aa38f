// Where a period report stands: state, lock and reopening from its head, the province's decisions and the cut-off; and the period list's order and current period.
import { describe, expect, it } from 'vitest';
import type { StoredReview } from '../../../server/store/progress-reviews.ts';
import type { StoredVersion } from '../../../server/store/progress-versions.ts';
import { lockReason, periodList, reportStatus } from '../../../server/sync/progress-status.ts';

const head = (seq: number, nothingToReport = false): StoredVersion => ({
  seq,
  baseSeq: null,
  kind: 'submit',
  author: 'token:a',
  authorName: null,
  idempotencyKey: null,
  contentHash: 'h',
  message: null,
  createdAt: '2026-06-01T00:00:00.000Z',
  fingerprint: null,
  report: { period: '2026-H1', entries: [], indicators: [], ...(nothingToReport ? { nothingToReport } : {}) },
});
const review = (decision: StoredReview['decision'], seq: number | null, o: Partial<StoredReview> = {}): StoredReview => ({
  period: '2026-H1',
  decision,
  seq,
  reason: null,
  until: null,
  author: 'token:c',
  authorName: null,
  createdAt: '2026-06-02T00:00:00.000Z',
  ...o,
});
const setting = { period: '2026-H1', cutoff: '2026-07-10' };

/** Reviews newest first, as the store lists them. */
const CASES: [string, { head?: StoredVersion; reviews: StoredReview[]; today: string }, Record<string, unknown>][] = [
  [
    'nothing sent, before the cut-off',
    { reviews: [], today: '2026-07-10' },
    { state: 'not-reported', seq: null, locked: false, lastSent: null },
  ],
  [
    'nothing sent, after the cut-off',
    { reviews: [], today: '2026-07-11' },
    { state: 'not-reported', seq: null, locked: true, lastSent: null },
  ],
  ['sent, no decision', { head: head(2, true), reviews: [], today: '2026-06-30' }, { seq: 2, nothingToReport: true }],
  ['accepted: locked', { head: head(2), reviews: [review('accept', 2)], today: '2026-06-30' }, { seq: 2, state: 'accepted', locked: true }],
  [
    'accepted, then reopened: submitted and open',
    { head: head(2), reviews: [review('reopen', 2, { until: '2026-07-20' }), review('accept', 2)], today: '2026-07-15' },
    { seq: 2, reopenedUntil: '2026-07-20' },
  ],
  [
    'returned, then reopened: still returned, open',
    {
      head: head(2),
      reviews: [review('reopen', 2, { until: '2026-07-20' }), review('return', 2, { reason: 'Bổ sung' })],
      today: '2026-07-15',
    },
    { seq: 2, state: 'returned', returnReason: 'Bổ sung', reopenedUntil: '2026-07-20' },
  ],
  [
    'returned, then sent again: submitted',
    { head: head(3), reviews: [review('return', 2, { reason: 'Bổ sung' })], today: '2026-06-30' },
    { seq: 3 },
  ],
  [
    'a reopening made before the last version still opens the period',
    { head: head(3), reviews: [review('reopen', 2, { until: '2026-07-20' })], today: '2026-07-20' },
    { seq: 3, reopenedUntil: '2026-07-20' },
  ],
  [
    'a reopening that has run out locks again',
    { head: head(3), reviews: [review('reopen', 2, { until: '2026-07-20' })], today: '2026-07-21' },
    { seq: 3, locked: true },
  ],
];

describe('reportStatus', () => {
  it.each(CASES)('%s', (_name, input, expected) => {
    const status = reportStatus({ period: '2026-H1', setting, head: input.head, reviews: input.reviews, today: input.today });
    expect(status).toEqual({
      period: '2026-H1',
      state: 'submitted',
      seq: 2,
      nothingToReport: false,
      locked: false,
      cutoff: '2026-07-10',
      reopenedUntil: null,
      returnReason: null,
      lastSent: '2026-06-01T00:00:00.000Z',
      ...expected,
    });
    expect(lockReason(status)).toBe(!status.locked ? null : status.state === 'accepted' ? 'accepted' : 'cutoff-passed');
  });

  it('a period the province no longer collects has no cut-off and is not locked by one', () => {
    expect(reportStatus({ period: '2026-H1', setting: null, head: head(1), reviews: [], today: '2030-01-01' })).toEqual({
      period: '2026-H1',
      state: 'submitted',
      seq: 1,
      nothingToReport: false,
      locked: false,
      cutoff: null,
      reopenedUntil: null,
      returnReason: null,
      lastSent: '2026-06-01T00:00:00.000Z',
    });
  });
});

describe('periodList', () => {
  const settings = [
    { period: '2026', cutoff: '2027-01-15' },
    { period: '2026-H1', cutoff: '2026-07-10' },
    { period: '2026-Q1', cutoff: '2026-04-15' },
  ];
  it('orders by end day and marks the period with the earliest cut-off not yet past as current', () => {
    const list = periodList(settings, '2026-07-11');
    expect(list.map((p) => [p.period, p.label, p.start, p.end, p.current])).toEqual([
      ['2026-Q1', 'Quý I năm 2026', '2026-01-01', '2026-03-31', false],
      ['2026-H1', '6 tháng đầu năm 2026', '2026-01-01', '2026-06-30', false],
      ['2026', 'Năm 2026', '2026-01-01', '2026-12-31', true],
    ]);
  });
  it('after every cut-off the last period is current', () => {
    expect(periodList(settings, '2027-02-01').map((p) => p.current)).toEqual([false, false, true]);
    expect(periodList(settings, '2026-04-01').map((p) => p.current)).toEqual([true, false, false]);
  });
});
