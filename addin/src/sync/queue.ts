// The push queue: every push is stored (with its Idempotency-Key) before it is sent, retried with back-off and jitter,
// and kept in the pane's storage so closing the pane loses nothing; the key makes a retry land exactly once.
import type { KeyValue } from './auth/token-store.ts';

export type { QueuedPush, QueueState } from '../state/sync-state.ts';
import type { QueuedPush } from '../state/sync-state.ts';

/** The storage keys of the two queues: plan pushes, and the Tiến độ tab's progress reports. */
export const QUEUE_KEYS = { pushes: 'phuluc.queue', reports: 'phuluc.progress-queue' } as const;
const KEY = QUEUE_KEYS.pushes;
const BASE_MS = 2_000;
const MAX_MS = 5 * 60_000;

/**
 * Delay before attempt `attempts + 1`: exponential from 2 s, capped at 5 min, with "equal jitter" so that communes
 * coming back online together do not retry in step.
 * @example backoffMs(3, () => 0.5) // 12000
 */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const exp = Math.min(MAX_MS, BASE_MS * 2 ** attempts);
  return Math.round(exp / 2 + (exp / 2) * random());
}

/** What a stored queue holds: anything sent under its key, with the send's state. */
interface Queued {
  key: string;
  state: 'waiting' | 'sending' | 'error';
}

/**
 * The queue over a key-value storage (localStorage in the pane): plan pushes under `phuluc.queue`, and — the same
 * machinery under its own storage key — the Tiến độ tab's progress reports.
 * @example const q = createQueue(localStorage); q.add(item); q.list()
 */
export function createQueue<T extends Queued = QueuedPush>(storage: KeyValue | undefined, storageKey: string = KEY) {
  let memory: T[] = load();

  function load(): T[] {
    try {
      const raw = storage?.getItem(storageKey);
      const items = raw ? (JSON.parse(raw) as T[]) : [];
      // A push that was being sent when the pane closed may or may not have arrived: the key settles it on resend.
      return items.map((i) => (i.state === 'sending' ? { ...i, state: 'waiting' as const } : i));
    } catch {
      return [];
    }
  }
  function save(): void {
    try {
      if (memory.length === 0) storage?.removeItem(storageKey);
      else storage?.setItem(storageKey, JSON.stringify(memory));
    } catch {
      // Quota or policy: the queue still lives in memory for this session.
    }
  }
  return {
    list: (): T[] => memory.map((i) => ({ ...i })),
    add(item: T): void {
      memory = [...memory, item];
      save();
    },
    update(key: string, patch: Partial<T>): void {
      memory = memory.map((i) => (i.key === key ? { ...i, ...patch } : i));
      save();
    },
    remove(key: string): void {
      memory = memory.filter((i) => i.key !== key);
      save();
    },
    /** Re-read the storage (another pane of the same user may have changed it). */
    reload(): void {
      memory = load();
    },
  };
}

export type PushQueue = ReturnType<typeof createQueue<QueuedPush>>;

/**
 * A random key, unique enough to identify one push for ever.
 * @example newKey() // 'push-3f2a…'
 */
export function newKey(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return `push-${c.randomUUID()}`;
  return `push-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
