// The Sync tab's actions: sign in, bind, push (queued, retried, idempotent), pull, resolve conflicts — plain async
// functions over the store, the Excel port and the server API; no React, no Office.
import { diffPlans, mergePlans } from '../../../core/merge/index.ts';
import type { Plan } from '../../../core/model/appendix.ts';
import type { Notice, PaneState } from '../state/pane-state.ts';
import type { Store } from '../state/store.ts';
import { ApiError, type MeAnswer } from '../../../core/api/index.ts';
import { createApi, NEW_KEY_CODES, type Delivered, type SyncApi } from './api.ts';
import { entraConfig, microsoftToken, signInPath, type MicrosoftToken } from './auth/sign-in.ts';
import { forgetToken, rememberToken, savedToken } from './auth/token-store.ts';
import { loadBinding, saveBinding, type SyncBinding } from './binding.ts';
import type { SyncDeps } from './deps.ts';
import { onlyTable, readLocal } from './plan-io.ts';
import { consolidatedSheets } from './consolidated-sheets.ts';
import { backoffMs, createQueue, newKey, type QueuedPush } from './queue.ts';
import { resolveConflicts, type Choice } from './resolve.ts';
import type { ConflictSession, SyncState } from '../state/sync-state.ts';
import { writeBackOps } from './write-back.ts';

const EMPTY: Plan = { appendices: [] };

export type SyncActions = ReturnType<typeof createSyncActions>;

/**
 * A server or network failure as a notice, in the language showing.
 * @example store.set({ notice: syncErrorNotice(err) })
 */
export function syncErrorNotice(err: unknown): Notice {
  if (err instanceof ApiError) return { intent: 'error', text: (s, lang) => `${s.errorPrefix}: ${lang === 'vi' ? err.message : err.messageEn}` };
  const msg = err instanceof Error ? err.message : String(err);
  return { intent: 'error', text: (s) => `${s.errorPrefix}: ${msg}` };
}

/**
 * @example const sync = createSyncActions(store, { port, storage: localStorage }); sync.init(); await sync.push()
 */
export function createSyncActions(store: Store<PaneState>, deps: SyncDeps) {
  const { port, storage } = deps;
  const now = deps.now ?? (() => Date.now());
  const random = deps.random ?? Math.random;
  const setTimer = deps.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>));
  const f = deps.fetch ?? ((i: RequestInfo | URL, init?: RequestInit) => fetch(i, init));
  const queue = createQueue(storage);
  let ms: MicrosoftToken | null = null;
  let timer: unknown = null;
  let delivering = false;

  const sync = () => store.get().sync;
  const setSync = (patch: Partial<SyncState>) => store.set((s) => ({ sync: { ...s.sync, ...patch } }));
  const refreshQueue = () => setSync({ queue: queue.list() });

  async function bearer(server: string): Promise<string> {
    if (ms) {
      if (ms.expiresOn !== null && ms.expiresOn - 60_000 < now()) {
        const cfg = await entraConfig(server, f);
        if (cfg) ms = await microsoftToken(port, cfg, server, deps.msal);
      }
      return ms.accessToken;
    }
    const t = savedToken(storage, server) ?? memoryToken;
    if (!t) throw new ApiError(401, 'signed-out', 'Chưa đăng nhập: hãy dán token máy chủ hoặc đăng nhập Microsoft 365.', 'Not signed in: paste a server token or sign in with Microsoft 365.');
    return t;
  }
  // A pasted token when storage is blocked (kept for this session only).
  let memoryToken: string | null = null;

  const apiFor = (server: string): SyncApi => createApi({ server, token: () => bearer(server), fetch: f });
  const api = (): { api: SyncApi; b: SyncBinding } => {
    const b = sync().binding;
    if (!b) throw new ApiError(400, 'no-binding', 'Chưa liên kết sổ làm việc với kế hoạch trên máy chủ.', 'The workbook is not bound to a plan on a server yet.');
    return { api: apiFor(b.server), b };
  };

  async function run(work: () => Promise<void>): Promise<void> {
    if (store.get().busy) return;
    store.set({ busy: 'sync', notice: null });
    try {
      await work();
    } catch (err) {
      console.error('phuluc sync:', err);
      store.set({ notice: syncErrorNotice(err) });
    } finally {
      store.set({ busy: null });
    }
  }

  /** Offer Microsoft sign-in when the server has Entra settings and this Office has a way to use them. */
  async function checkMicrosoft(server: string): Promise<void> {
    const possible = signInPath(port.capabilities()) !== 'none';
    const cfg = possible ? await entraConfig(server, f).catch(() => null) : null;
    setSync({ microsoft: cfg !== null });
  }

  async function setBase(seq: number): Promise<void> {
    const b = sync().binding;
    if (!b) return;
    const next = { ...b, baseSeq: seq };
    await saveBinding(port, next);
    setSync({ binding: next });
  }

  async function whoAmI(server: string): Promise<void> {
    let me: MeAnswer;
    try {
      me = await apiFor(server).me();
    } catch (err) {
      // Refused (revoked, expired, unknown token, or signed out): the server's own words. No answer, or another error
      // status, leaves the sign-in as it is.
      if (!(err instanceof ApiError) || err.status === 401) throw err;
      return;
    }
    const { principal } = me;
    const auth = sync().auth;
    if (auth) setSync({ auth: { ...auth, name: principal.name ?? principal.subject, role: [principal.role, principal.communeCode ?? principal.provinceCode].filter(Boolean).join(' ') } });
  }

  /** The plan as the sheet holds it now, and the plan to land on: the server's, plus edits made since `sheet`. */
  async function land(sheet: Plan, answer: Delivered | { plan: Plan; revision: { seq: number } }, table: string | null, origin: ConflictSession['origin']): Promise<boolean> {
    const local = await readLocal(port, table);
    const theirs = onlyTable(answer.plan, table);
    let target = theirs;
    if (diffPlans(sheet, local.outgoing).length > 0) {
      const r = mergePlans(sheet, theirs, local.outgoing);
      if (!r.ok) {
        setSync({ conflict: { origin, baseSeq: 0, headSeq: answer.revision.seq, conflicts: r.conflicts, base: sheet, theirs, mine: local.outgoing, message: null } });
        return false;
      }
      target = r.plan;
    }
    const { ops } = writeBackOps(local.plan, target, table);
    await port.applyRowOps(ops);
    await setBase(answer.revision.seq);
    const after = await readLocal(port, null);
    store.set({ snapshot: after.snapshot, report: after.report, plan: after.plan });
    return true;
  }

  /**
   * Send one queued push; the queue keeps it until the server has answered (or refused for good). An answer that is
   * not for this body (the key was used for another body: 422, or a fingerprint that does not match) is never written
   * back: the push gets a new key and is sent again, once.
   */
  async function deliver(item: QueuedPush, rekeyed = false): Promise<void> {
    queue.update(item.key, { state: 'sending', attempts: item.attempts + 1 });
    refreshQueue();
    const a = apiFor(item.server);
    try {
      const answer = await a.push(item.commune, item.planKey, { plan: item.plan, ...(item.message ? { message: item.message } : {}), ...(item.partial ? { partial: true } : {}) }, item.baseSeq, item.key);
      queue.remove(item.key);
      refreshQueue();
      setSync({ last: { action: 'push', seq: answer.revision.seq, status: answer.replayed ? 'replayed' : answer.status, at: now() } });
      const b = sync().binding;
      if (b && b.server === item.server && b.commune === item.commune && b.planKey === item.planKey) {
        const landed = await land(item.sheet ?? item.plan, answer, b.table, 'pull');
        if (landed) store.set({ notice: { intent: 'success', text: (s) => s.pushed(answer.revision.seq, answer.status === 'merged') } });
      }
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (NEW_KEY_CODES.has(err.code) && !rekeyed) {
        const key = newKey();
        queue.update(item.key, { key, state: 'waiting' });
        refreshQueue();
        await deliver({ ...item, key, attempts: item.attempts + 1 }, true);
        return;
      }
      const c = err.conflict;
      if (c) {
        queue.remove(item.key);
        refreshQueue();
        await openPushConflict(a, item, c.headSeq);
        return;
      }
      const retry = err.transient;
      queue.update(item.key, { state: 'error', nextAt: retry ? now() + backoffMs(item.attempts, random) : 0, error: { message: err.message, messageEn: err.messageEn, retry } });
      refreshQueue();
      store.set({ notice: { intent: 'warning', text: (s) => (retry ? s.queuedOffline : s.pushRefused) } });
    }
  }

  async function openPushConflict(a: SyncApi, item: QueuedPush, headSeq: number): Promise<void> {
    const table = sync().binding?.table ?? null;
    const [base, head, local] = await Promise.all([
      item.baseSeq > 0 ? a.revision(item.commune, item.planKey, item.baseSeq).then((r) => r.plan) : Promise.resolve(EMPTY),
      a.revision(item.commune, item.planKey, headSeq).then((r) => r.plan),
      readLocal(port, table),
    ]);
    const r = mergePlans(onlyTable(base, table), onlyTable(head, table), local.outgoing);
    const conflicts = r.ok ? [] : r.conflicts;
    setSync({ conflict: { origin: 'push', baseSeq: item.baseSeq, headSeq, conflicts, base: onlyTable(base, table), theirs: onlyTable(head, table), mine: local.outgoing, message: item.message } });
    store.set({ notice: { intent: 'warning', text: (s) => s.conflictFound(conflicts.length) } });
  }

  /** Deliver every due push, oldest first, one at a time; then plan the next attempt. */
  async function deliverDue(): Promise<void> {
    if (delivering) return;
    delivering = true;
    try {
      queue.reload();
      for (const item of queue.list()) {
        const due = item.state === 'waiting' || (item.state === 'error' && item.error?.retry !== false && item.nextAt <= now());
        if (due) await deliver(item);
      }
    } catch (err) {
      store.set({ notice: syncErrorNotice(err) });
    } finally {
      delivering = false;
      refreshQueue();
      schedule();
    }
  }

  function schedule(): void {
    if (timer !== null) clearTimer(timer);
    timer = null;
    // Waiting pushes (queued while another was being sent) go at once; failed ones at their back-off time.
    const next = queue.list().filter((i) => i.state === 'waiting' || (i.state === 'error' && i.error?.retry !== false)).map((i) => (i.state === 'waiting' ? 0 : i.nextAt));
    if (next.length === 0) return;
    timer = setTimer(() => {
      timer = null;
      void deliverDue();
    }, Math.max(0, Math.min(...next) - now()));
  }

  /** After signing in, pushes that stopped for want of credentials may go again. */
  async function release(): Promise<void> {
    for (const i of queue.list()) if (i.state === 'error' && i.error?.retry === false) queue.update(i.key, { state: 'waiting', nextAt: 0 });
    await deliverDue();
  }

  async function enqueue(plan: Plan, sheet: Plan | null, baseSeq: number, message: string | null): Promise<void> {
    const b = sync().binding!;
    queue.add({
      key: newKey(), server: b.server, commune: b.commune, planKey: b.planKey, baseSeq, plan,
      ...(sheet ? { sheet } : {}), partial: b.table !== null, message, createdAt: now(), attempts: 0, nextAt: 0, state: 'waiting',
    });
    refreshQueue();
    await deliverDue();
  }

  async function push(mode: 'check' | 'anyway' | 'draft'): Promise<void> {
    const { b } = api();
    const local = await readLocal(port, b.table);
    store.set({ snapshot: local.snapshot, report: local.report, plan: local.plan });
    const { errors, warnings } = local.report.stats;
    if (mode === 'check' && errors > 0) {
      setSync({ confirm: { errors, warnings } });
      return;
    }
    setSync({ confirm: null });
    if (local.outgoing.appendices.length === 0) {
      store.set({ notice: { intent: 'warning', text: (s) => s.nothingToPush } });
      return;
    }
    await enqueue(local.outgoing, null, b.baseSeq, mode === 'draft' ? `Bản nháp (còn ${errors} lỗi)` : null);
  }

  async function pull(): Promise<void> {
    const { api: a, b } = api();
    const head = await a.head(b.commune, b.planKey, b.baseSeq > 0 ? b.baseSeq : undefined);
    if (!head) {
      store.set({ notice: { intent: 'info', text: (s) => s.upToDate(b.baseSeq) } });
      return;
    }
    const [base, local] = await Promise.all([b.baseSeq > 0 ? a.revision(b.commune, b.planKey, b.baseSeq).then((r) => r.plan) : Promise.resolve(EMPTY), readLocal(port, b.table)]);
    const theirs = onlyTable(head.plan, b.table);
    const r = mergePlans(onlyTable(base, b.table), theirs, local.outgoing);
    if (!r.ok) {
      setSync({ conflict: { origin: 'pull', baseSeq: b.baseSeq, headSeq: head.revision.seq, conflicts: r.conflicts, base: onlyTable(base, b.table), theirs, mine: local.outgoing, message: null } });
      store.set({ notice: { intent: 'warning', text: (s) => s.conflictFound(r.conflicts.length) } });
      return;
    }
    const { ops, summary } = writeBackOps(local.plan, r.plan, b.table);
    await port.applyRowOps(ops);
    await setBase(head.revision.seq);
    const after = await readLocal(port, null);
    store.set({ snapshot: after.snapshot, report: after.report, plan: after.plan });
    setSync({ last: { action: 'pull', seq: head.revision.seq, status: 'pulled', at: now() } });
    store.set({ notice: { intent: 'success', text: (s) => s.pulled(head.revision.seq, summary.cells, summary.inserted, summary.deleted) } });
  }

  return {
    /** Binding from the workbook, token from this user's storage, queued pushes resumed. */
    async init(): Promise<void> {
      const binding = loadBinding(port);
      const auth = binding && savedToken(storage, binding.server) ? { kind: 'token' as const, name: null, role: null } : null;
      setSync({ binding, auth, queue: queue.list() });
      if (binding) {
        void checkMicrosoft(binding.server);
        if (auth) void whoAmI(binding.server).catch(() => undefined);
      }
      await deliverDue();
    },
    defaultServer: (): string => deps.defaultServer ?? '',
    bind: (b: Omit<SyncBinding, 'baseSeq'>) =>
      run(async () => {
        const old = sync().binding;
        const same = old && old.server === b.server && old.commune === b.commune && old.planKey === b.planKey;
        const next: SyncBinding = { ...b, server: b.server.trim().replace(/\/+$/, ''), baseSeq: same ? old.baseSeq : 0 };
        await saveBinding(port, next);
        setSync({ binding: next, auth: savedToken(storage, next.server) ? { kind: 'token', name: null, role: null } : ms ? sync().auth : null });
        store.set({ notice: { intent: 'success', text: (s) => s.bindingSaved } });
        await checkMicrosoft(next.server);
      }),
    useToken: (token: string) =>
      run(async () => {
        const { b } = api();
        const t = token.trim();
        rememberToken(storage, b.server, t);
        memoryToken = t;
        ms = null;
        setSync({ auth: { kind: 'token', name: null, role: null } });
        try {
          await whoAmI(b.server);
        } catch (err) {
          forgetToken(storage, b.server);
          memoryToken = null;
          setSync({ auth: null });
          throw err;
        }
        store.set({ notice: { intent: 'success', text: (s) => s.signedIn } });
        await release();
      }),
    signInMicrosoft: () =>
      run(async () => {
        const { b } = api();
        const cfg = await entraConfig(b.server, f);
        if (!cfg) throw new ApiError(400, 'no-entra', 'Máy chủ này không bật đăng nhập Microsoft 365.', 'This server does not offer Microsoft 365 sign-in.');
        ms = await microsoftToken(port, cfg, b.server, deps.msal);
        setSync({ auth: { kind: 'microsoft', name: ms.name, role: null, via: ms.via } });
        await whoAmI(b.server);
        store.set({ notice: { intent: 'success', text: (s) => s.signedIn } });
        await release();
      }),
    /** "Quên token" / sign out: nothing of the credential stays on this computer. */
    signOut(): void {
      const b = sync().binding;
      if (b) forgetToken(storage, b.server);
      memoryToken = null;
      ms = null;
      setSync({ auth: null });
      store.set({ notice: { intent: 'info', text: (s) => s.signedOut } });
    },
    push: (mode: 'check' | 'anyway' | 'draft' = 'check') => run(() => push(mode)),
    cancelPush(): void {
      setSync({ confirm: null });
    },
    pull: () => run(pull),
    /** Try every waiting push now (the "Thử lại ngay" button). */
    retryNow: () =>
      run(async () => {
        for (const i of queue.list()) if (i.state === 'error') queue.update(i.key, { nextAt: 0, state: 'waiting' });
        await deliverDue();
      }),
    discard(key: string): void {
      queue.remove(key);
      refreshQueue();
      schedule();
    },
    /** Apply the choices: a push conflict is pushed again on the head, a pull conflict written into the sheet. */
    resolve: (choices: Map<string, Choice>) =>
      run(async () => {
        const c = sync().conflict;
        if (!c) return;
        const r = resolveConflicts(c.base, c.theirs, c.mine, c.conflicts, choices);
        if (!r.ok) {
          setSync({ conflict: { ...c, conflicts: r.conflicts } });
          store.set({ notice: { intent: 'warning', text: (s) => s.conflictFound(r.conflicts.length) } });
          return;
        }
        setSync({ conflict: null });
        if (c.origin === 'push') {
          await enqueue(r.plan, c.mine, c.headSeq, c.message);
          return;
        }
        const b = sync().binding;
        await land(c.mine, { plan: r.plan, revision: { seq: c.headSeq } }, b?.table ?? null, 'pull');
        store.set({ notice: { intent: 'success', text: (s) => s.pulled(c.headSeq, 0, 0, 0) } });
      }),
    cancelConflict(): void {
      setSync({ conflict: null });
    },
    openHistory: () =>
      run(async () => {
        const { api: a, b } = api();
        setSync({ history: { revisions: await a.revisions(b.commune, b.planKey), selected: null, changes: null } });
      }),
    showRevision: (seq: number) =>
      run(async () => {
        const { api: a, b } = api();
        const changes = await a.diff(b.commune, b.planKey, seq - 1, seq);
        const h = sync().history;
        if (h) setSync({ history: { ...h, selected: seq, changes } });
      }),
    closeHistory(): void {
      setSync({ history: null });
    },
    /** Restore an old revision on the server (a new revision), then bring it into the sheet like a pull. */
    restore: (seq: number) =>
      run(async () => {
        const { api: a, b } = api();
        const answer = await a.restore(b.commune, b.planKey, seq, newKey());
        setSync({ history: { revisions: await a.revisions(b.commune, b.planKey), selected: null, changes: null }, last: { action: 'restore', seq: answer.revision.seq, status: answer.status, at: now() } });
        await pull();
      }),
    /** For the province: the consolidated table and its statistics as two new sheets. */
    pullConsolidated: (province: string) =>
      run(async () => {
        const { api: a, b } = api();
        const data = await a.consolidated(province, b.planKey);
        const names = await port.addSheets(consolidatedSheets(data, store.get().lang));
        store.set({ notice: { intent: 'success', text: (s) => s.consolidatedPulled(names.join(', ')) } });
      }),
  };
}
