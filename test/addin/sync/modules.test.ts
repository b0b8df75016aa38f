// The sync modules alone, without Excel or a server: run's guard, credentials, openConflict, the queue runner's timers.
import { describe, expect, it } from 'vitest';
import type { ExcelPort } from '../../../addin/src/excel/port.ts';
import { stringsFor } from '../../../addin/src/i18n/index.ts';
import { initialState, type PaneState } from '../../../addin/src/state/pane-state.ts';
import { createStore, type Store } from '../../../addin/src/state/store.ts';
import { openConflict } from '../../../addin/src/sync/conflict-session.ts';
import { createContext, run, type SyncContext } from '../../../addin/src/sync/context.ts';
import { createCredentials } from '../../../addin/src/sync/credentials.ts';
import { createDelivery } from '../../../addin/src/sync/delivery.ts';
import { memoryStorage } from './support.ts';

const SERVER = 'http://phuluc.test';
const BINDING = { server: SERVER, commune: '05674', planKey: 'NQ57-2026', table: null, baseSeq: 3 };
const PLAN = { appendices: [] };

interface Setup {
  ctx: SyncContext;
  store: Store<PaneState>;
  storage: ReturnType<typeof memoryStorage>;
  timers: { ms: number; cleared: boolean }[];
  requests: { url: string; auth: string | null }[];
}

/** A context over no Excel (these modules never reach it) and a fetch that answers `answer` or fails as offline. */
function setup(answer: (() => Response) | 'offline'): Setup {
  const store = createStore(initialState('en'));
  const storage = memoryStorage();
  const timers: Setup['timers'] = [];
  const requests: Setup['requests'] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ url: String(input), auth: new Headers(init?.headers).get('authorization') });
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    return answer();
  }) as typeof globalThis.fetch;
  const ctx = createContext(store, {
    port: {} as ExcelPort,
    storage,
    fetch,
    now: () => 1_000_000,
    random: () => 0,
    setTimer: (_fn, ms) => timers[timers.push({ ms, cleared: false }) - 1],
    clearTimer: (t) => void ((t as Setup['timers'][number]).cleared = true),
  });
  return { ctx, store, storage, timers, requests };
}

const noticeText = (store: Store<PaneState>) => store.get().notice?.text(stringsFor('en'), 'en') ?? '';

describe('run: the guard around a button', () => {
  it('clears the notice, marks the pane busy while working, and turns a failure into an error notice', async () => {
    const { ctx, store } = setup('offline');
    store.set({ notice: { intent: 'info', text: () => 'old' } });
    let busyInside: unknown = null;
    await run(ctx, async () => {
      busyInside = store.get().busy;
    });
    expect([busyInside, store.get().busy, store.get().notice]).toEqual(['sync', null, null]);
    const errors = console.error;
    console.error = () => undefined;
    await run(ctx, async () => {
      throw new Error('boom');
    }).finally(() => (console.error = errors));
    expect(noticeText(store)).toBe('Could not finish: boom');
  });

  it('does nothing while another action holds the pane', async () => {
    const { ctx, store } = setup('offline');
    store.set({ busy: 'check' });
    let ran = false;
    await run(ctx, async () => void (ran = true));
    expect([ran, store.get().busy]).toEqual([false, 'check']);
  });
});

describe('credentials', () => {
  it('refuse to call before the workbook is bound or anyone signed in, in both languages', async () => {
    const { ctx } = setup(() => new Response(null, { status: 404 }));
    const creds = createCredentials(ctx);
    expect(() => creds.bound()).toThrow(
      expect.objectContaining({ code: 'no-binding', messageEn: 'The workbook is not bound to a plan on a server yet.' }),
    );
    await expect(creds.bearer(SERVER)).rejects.toMatchObject({ code: 'signed-out', status: 401 });
  });

  it('send the pasted token with every call, and forget it everywhere', async () => {
    const { ctx, storage, requests } = setup(() => new Response(null, { status: 404 }));
    const creds = createCredentials(ctx);
    ctx.setSync({ binding: BINDING });
    creds.usePasted(SERVER, 'phl_abc');
    expect(creds.hasSaved(SERVER)).toBe(true);
    const { api, b } = creds.bound();
    expect(await api.head(b.commune, b.planKey)).toBeNull();
    expect(requests.map((r) => r.auth)).toEqual(['Bearer phl_abc']);
    creds.forget(SERVER);
    expect([creds.hasSaved(SERVER), storage.data.size]).toEqual([false, 0]);
    await expect(creds.bearer(SERVER)).rejects.toMatchObject({ code: 'signed-out' });
  });

  it('keep a pasted token in memory when storage is blocked', async () => {
    const { ctx, storage } = setup('offline');
    storage.setItem = () => {
      throw new Error('blocked');
    };
    const creds = createCredentials(ctx);
    creds.usePasted(SERVER, 'phl_mem');
    expect([creds.hasSaved(SERVER), await creds.bearer(SERVER)]).toEqual([false, 'phl_mem']);
  });
});

describe('openConflict: the one constructor of a conflict session', () => {
  it('fills the defaults and announces the count only when asked', () => {
    const { ctx, store } = setup('offline');
    const sides = { base: PLAN, theirs: PLAN, mine: PLAN, conflicts: [] };
    openConflict(ctx, { origin: 'pull', headSeq: 9, ...sides }, false);
    expect(ctx.sync().conflict).toEqual({ origin: 'pull', baseSeq: 0, headSeq: 9, message: null, ...sides });
    expect(store.get().notice).toBeNull();
    openConflict(ctx, { origin: 'push', baseSeq: 4, headSeq: 9, message: 'Bản nháp (còn 2 lỗi)', ...sides }, true);
    expect(ctx.sync().conflict).toMatchObject({ origin: 'push', baseSeq: 4, message: 'Bản nháp (còn 2 lỗi)' });
    expect(noticeText(store)).toMatch(/changed differently on the server and in this workbook/);
  });
});

describe('delivery: the queue runner and its timers', () => {
  it('keeps an offline push with its back-off, plans one retry at that time, and a discard cancels it', async () => {
    const { ctx, timers, requests } = setup('offline');
    const creds = createCredentials(ctx);
    ctx.setSync({ binding: BINDING });
    creds.usePasted(SERVER, 'phl_abc');
    const delivery = createDelivery(ctx, creds);
    await delivery.enqueue(PLAN, null, 3, null);
    const [item] = ctx.sync().queue;
    expect(item).toMatchObject({ state: 'error', attempts: 1, baseSeq: 3, partial: false, nextAt: 1_000_000 + 1_000 });
    expect(item!.error).toMatchObject({ retry: true });
    expect(requests).toHaveLength(1);
    // Back-off from 2 s with the jitter at 0: half of it.
    expect(timers).toEqual([{ ms: 1_000, cleared: false }]);
    delivery.discard(item!.key);
    expect([ctx.sync().queue, timers[0]!.cleared, timers.length]).toEqual([[], true, 1]);
  });

  it('parks a refused push without a timer until a sign-in releases it', async () => {
    const refused = () =>
      new Response(JSON.stringify({ error: { code: 'forbidden', message: 'Không có quyền.', messageEn: 'Forbidden.' } }), { status: 403 });
    const { ctx, store, timers, requests } = setup(refused);
    const creds = createCredentials(ctx);
    ctx.setSync({ binding: BINDING });
    creds.usePasted(SERVER, 'phl_abc');
    const delivery = createDelivery(ctx, creds);
    await delivery.enqueue(PLAN, null, 3, 'draft');
    expect(ctx.sync().queue[0]).toMatchObject({
      state: 'error',
      nextAt: 0,
      message: 'draft',
      error: { retry: false, messageEn: 'Forbidden.' },
    });
    expect(noticeText(store)).toBe(stringsFor('en').pushRefused);
    expect(timers).toEqual([]);
    await delivery.release();
    expect(requests).toHaveLength(2);
    expect(ctx.sync().queue[0]).toMatchObject({ state: 'error', attempts: 2 });
  });
});
