// What every sync module runs on (store, port, storage, fetch, clock, timers) and `run`, the guard around every button.
import { ApiError } from '../../../core/api/index.ts';
import type { ExcelPort } from '../excel/port.ts';
import type { Notice, PaneState } from '../state/pane-state.ts';
import type { Store } from '../state/store.ts';
import type { SyncState } from '../state/sync-state.ts';
import type { KeyValue } from './auth/token-store.ts';
import type { SyncDeps } from './deps.ts';

export interface SyncContext {
  store: Store<PaneState>;
  port: ExcelPort;
  storage: KeyValue | undefined;
  fetch: typeof fetch;
  msal: SyncDeps['msal'];
  now: () => number;
  random: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (t: unknown) => void;
  /** The Sync tab's slice of the pane state, read fresh each time (an await may have changed it). */
  sync: () => SyncState;
  setSync: (patch: Partial<SyncState>) => void;
  say: (intent: Notice['intent'], text: Notice['text']) => void;
}

/**
 * The deps with their defaults filled in once, so no module checks for a missing one.
 * @example const ctx = createContext(store, { port, storage: localStorage })
 */
export function createContext(store: Store<PaneState>, deps: SyncDeps): SyncContext {
  return {
    store,
    port: deps.port,
    storage: deps.storage,
    fetch: deps.fetch ?? ((i: RequestInfo | URL, init?: RequestInit) => fetch(i, init)),
    msal: deps.msal,
    now: deps.now ?? (() => Date.now()),
    random: deps.random ?? Math.random,
    setTimer: deps.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms)),
    clearTimer: deps.clearTimer ?? ((t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>)),
    sync: () => store.get().sync,
    setSync: (patch) => store.set((s) => ({ sync: { ...s.sync, ...patch } })),
    say: (intent, text) => store.set({ notice: { intent, text } }),
  };
}

/**
 * A server or network failure as a notice, in the language showing.
 * @example store.set({ notice: syncErrorNotice(err) })
 */
export function syncErrorNotice(err: unknown): Notice {
  if (err instanceof ApiError)
    return { intent: 'error', text: (s, lang) => `${s.errorPrefix}: ${lang === 'vi' ? err.message : err.messageEn}` };
  const msg = err instanceof Error ? err.message : String(err);
  return { intent: 'error', text: (s) => `${s.errorPrefix}: ${msg}` };
}

/**
 * A button's work: not started while the pane is busy (one Excel batch at a time), the notice cleared before it,
 * any failure shown as a notice instead of thrown into React.
 * @example await run(ctx, () => pull(ctx, creds))
 */
export async function run(ctx: SyncContext, work: () => Promise<void>): Promise<void> {
  const { store } = ctx;
  if (store.get().busy) return;
  store.set({ busy: 'sync', notice: null });
  try {
    await work();
  } catch (err) {
    console.error('phuluc sync:', err);
    // A plan the server does not know: its answer lists the plans there are, and the picker shows them.
    const plans = err instanceof ApiError ? err.knownPlans : null;
    if (plans) ctx.setSync({ plans });
    store.set({ notice: syncErrorNotice(err) });
  } finally {
    store.set({ busy: null });
  }
}
