// The Đồng bộ and Tiến độ tabs' actions, built together (progress shares sync's context and credentials, where a
// Microsoft token lives) in a chunk of their own: the server client, the API's schemas, merge and the queues load
// only when those tabs open or something waits to be sent (boot/lazy-services.ts).
import type { PaneState } from '../state/pane-state.ts';
import type { Store } from '../state/store.ts';
import { createProgressActions } from '../progress/actions.ts';
import { createSyncActions } from '../sync/actions.ts';
import type { SyncDeps } from '../sync/deps.ts';
import type { Services } from './lazy-services.ts';

/** @example const { sync, progress } = createServices(store, { port, storage, defaultServer: location.origin }) */
export function createServices(store: Store<PaneState>, deps: SyncDeps): Services {
  const sync = createSyncActions(store, deps);
  return { sync, progress: createProgressActions(sync.shared.ctx, sync.shared.creds) };
}
