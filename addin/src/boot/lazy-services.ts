// The sync and progress actions fetched on first need, once: when the Đồng bộ or Tiến độ tab first opens, or at start
// when this user's storage holds pushes or reports waiting to be sent (they are resumed as before).
import type { ProgressActions } from '../progress/actions.ts';
import type { KeyValue } from '../sync/auth/token-store.ts';
import type { SyncActions } from '../sync/actions.ts';
import { QUEUE_KEYS } from '../sync/queue.ts';

export interface Services {
  sync: SyncActions;
  progress: ProgressActions;
}

/**
 * A loader that fetches and builds the services once; in Excel it starts them as the pane used to at start (binding,
 * saved sign-in, queued pushes and reports resumed). A failed fetch is tried again on the next call.
 * @example const services = lazyServices(() => import('./services.ts').then((m) => m.createServices(store, deps)), true)
 */
export function lazyServices(load: () => Promise<Services>, inExcel: boolean): () => Promise<Services> {
  let pending: Promise<Services> | undefined;
  return () =>
    (pending ??= load().then(
      (svc) => {
        // Not awaited: init's first, synchronous steps (binding, saved sign-in) are done before a view renders; the
        // deliveries run on, as they did when init ran at start.
        if (inExcel) void svc.sync.init().then(() => svc.progress.init());
        return svc;
      },
      (err: unknown) => {
        pending = undefined;
        throw err;
      },
    ));
}

/**
 * Whether pushes or progress reports wait in this user's storage: then the services start with the pane.
 * @example if (waitingToSend(localStorage)) void services()
 */
export function waitingToSend(storage: KeyValue | undefined): boolean {
  try {
    return Boolean(storage?.getItem(QUEUE_KEYS.pushes) || storage?.getItem(QUEUE_KEYS.reports));
  } catch {
    return false;
  }
}
