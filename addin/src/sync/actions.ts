// The Sync tab's actions as the views call them, composed from one module per concern (README.md); no React, no Office.
import type { PaneState } from '../state/pane-state.ts';
import type { Store } from '../state/store.ts';
import { createAccount } from './account.ts';
import { loadBinding, type SyncBinding } from './binding.ts';
import { pullConsolidated } from './consolidated.ts';
import { resolve } from './conflicts.ts';
import { createContext, run } from './context.ts';
import { createCredentials } from './credentials.ts';
import { createDelivery } from './delivery.ts';
import type { SyncDeps } from './deps.ts';
import { openHistory, restore, showRevision } from './history.ts';
import { pull } from './pull.ts';
import { push, type PushMode } from './push.ts';
import type { Choice } from './resolve.ts';

export { syncErrorNotice } from './context.ts';

export type SyncActions = ReturnType<typeof createSyncActions>;

/**
 * @example const sync = createSyncActions(store, { port, storage: localStorage }); sync.init(); await sync.push()
 */
export function createSyncActions(store: Store<PaneState>, deps: SyncDeps) {
  const ctx = createContext(store, deps);
  const creds = createCredentials(ctx);
  const delivery = createDelivery(ctx, creds);
  const account = createAccount(ctx, creds, delivery.release);
  // Every button goes through run: one action at a time, its failure shown as a notice.
  const guarded = (work: () => Promise<void>) => run(ctx, work);

  return {
    /** Binding from the workbook, token from this user's storage, queued pushes resumed. */
    async init(): Promise<void> {
      const binding = loadBinding(ctx.port);
      const server = binding?.server ?? deps.defaultServer ?? '';
      ctx.setSync({ binding, server, auth: account.savedAuth(server), queue: delivery.list() });
      account.resume(server);
      await delivery.deliverDue();
    },
    /** For the Tiến độ tab (addin/src/progress, which builds on sync/): the same context and credentials — a
     * Microsoft token lives in them — so its reports go out signed in as the plan pushes do. */
    shared: { ctx, creds },
    defaultServer: (): string => deps.defaultServer ?? '',
    /** The server to sign in to before the workbook is bound. */
    setServer(server: string): void {
      account.setServer(server);
    },
    /** The server's plans again (the picker's list). */
    loadPlans: () => guarded(() => account.loadPlans()),
    bind: (b: Omit<SyncBinding, 'baseSeq'>) => guarded(() => account.bind(b)),
    useToken: (token: string) => guarded(() => account.useToken(token)),
    signInMicrosoft: () => guarded(() => account.signInMicrosoft()),
    /** "Đăng xuất": nothing of the credential stays on this computer. */
    signOut(): void {
      account.signOut();
    },
    push: (mode: PushMode = 'check') => guarded(() => push(ctx, creds, delivery, mode)),
    cancelPush(): void {
      ctx.setSync({ confirm: null });
    },
    /** The plan's title names another commune: send it anyway (the server stores it with a warning). */
    confirmCommune: () => guarded(() => delivery.confirmCommune()),
    /** … or do not send it: the push leaves the queue. */
    dropMismatch(): void {
      delivery.dropMismatch();
    },
    pull: () => guarded(() => pull(ctx, creds)),
    /** Try every waiting push now (the "Thử lại ngay" button). */
    retryNow: () => guarded(() => delivery.retryNow()),
    discard(key: string): void {
      delivery.discard(key);
    },
    /** Apply the choices: a push conflict is pushed again on the head, a pull conflict written into the sheet. */
    resolve: (choices: Map<string, Choice>) => guarded(() => resolve(ctx, delivery, choices)),
    cancelConflict(): void {
      ctx.setSync({ conflict: null });
    },
    openHistory: () => guarded(() => openHistory(ctx, creds)),
    showRevision: (seq: number) => guarded(() => showRevision(ctx, creds, seq)),
    closeHistory(): void {
      ctx.setSync({ history: null });
    },
    /** Restore an old revision on the server (a new revision), then bring it into the sheet like a pull. */
    restore: (seq: number) => guarded(() => restore(ctx, creds, seq)),
    /** For the province: the consolidated table and its statistics as two new sheets. */
    pullConsolidated: (province: string) => guarded(() => pullConsolidated(ctx, creds, province)),
  };
}
