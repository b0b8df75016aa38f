// The push queue: back-off with jitter, persistence across a pane reload, a push interrupted mid-send resent.
import { describe, expect, it } from 'vitest';
import { backoffMs, createQueue, newKey, type QueuedPush } from '../../../addin/src/sync/queue.ts';
import { memoryStorage } from './support.ts';

const item = (key: string, patch: Partial<QueuedPush> = {}): QueuedPush => ({
  key,
  server: 'https://s',
  commune: '05674',
  planKey: 'NQ57-2026',
  baseSeq: 3,
  plan: { appendices: [] },
  partial: false,
  message: null,
  createdAt: 1,
  attempts: 0,
  nextAt: 0,
  state: 'waiting',
  ...patch,
});

describe('push queue', () => {
  it('backs off exponentially from 2 s to 5 min, with jitter between half and all of it', () => {
    expect([0, 1, 2, 3].map((n) => backoffMs(n, () => 1))).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffMs(3, () => 0)).toBe(8000);
    expect(backoffMs(30, () => 1)).toBe(300_000);
  });

  it('persists every change; a reload sees the same items, and one caught mid-send waits to be resent with its key', () => {
    const storage = memoryStorage();
    const q = createQueue(storage);
    q.add(item('k1'));
    q.add(item('k2'));
    q.update('k1', { state: 'sending', attempts: 1 });
    q.remove('k2');
    const again = createQueue(storage);
    expect(again.list().map((i) => [i.key, i.state, i.attempts])).toEqual([['k1', 'waiting', 1]]);
    again.remove('k1');
    expect(storage.data.has('phuluc.queue')).toBe(false);
  });

  it('keeps working in memory when storage is unavailable; keys are unique', () => {
    const q = createQueue(undefined);
    q.add(item('k'));
    expect(q.list()).toHaveLength(1);
    expect(new Set(Array.from({ length: 100 }, newKey)).size).toBe(100);
  });
});
