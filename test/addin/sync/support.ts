// Sync tests in Node: the real app on a fresh PGlite answering fetch in-process, and panes (store + sync actions) each
// over its own strict fake Excel loaded from a fixture.
import { createApp } from '../../../server/app.ts';
import type { Database } from '../../../server/db/connect.ts';
import { seedPlans } from '../../../server/store/registry.ts';
import { createToken } from '../../../server/store/tokens.ts';
import { createExcelPort } from '../../../addin/src/excel/index.ts';
import type { ExcelPort } from '../../../addin/src/excel/port.ts';
import { initialState, type PaneState } from '../../../addin/src/state/pane-state.ts';
import { createStore, type Store } from '../../../addin/src/state/store.ts';
import { createSyncActions, type SyncActions } from '../../../addin/src/sync/actions.ts';
import type { KeyValue } from '../../../addin/src/sync/auth/token-store.ts';
import type { FakeExcel, WorkbookSnapshotData } from '../../support/fake-excel/fake-host.ts';
import { createFakeExcel } from '../../support/fake-excel/fake-host.ts';
import { freshPglite } from '../../support/db.ts';
import { fixtureSnapshot } from '../excel/support.ts';

export const SERVER = 'http://phuluc.test';
/** Xã Quang Sơn (Thái Nguyên), the fixture's commune. */
export const COMMUNE = '05674';
export const PLAN_KEY = 'NQ57-2026';
export const TASKS = 'PL II - Nhiệm vụ';
/** The plans these suites push to besides the shared test database's (the server refuses a key it does not list). */
const PLANS = ['conflict', 'lost-answer', 'pull', 'history', 'draft'];

export interface Backend {
  database: Database;
  fetch: typeof fetch;
  /** While true every request fails as a network error does. */
  offline: boolean;
  /** While true the server handles each request but the answer is lost on the way back (the connection drops). */
  loseAnswers: boolean;
  requests: { method: string; path: string; key: string | null; auth: string | null }[];
  token(role: 'editor' | 'consolidator', scope: string, label: string): Promise<string>;
  close(): Promise<void>;
}

export async function backend(): Promise<Backend> {
  const database = await freshPglite();
  await seedPlans(
    database.db,
    PLANS.map((key) => ({ key, name: `Kế hoạch ${key.toUpperCase()}`, year: 2026 })),
    'test',
  );
  const app = createApp({ db: database.db, log: () => {} });
  const b: Backend = {
    database,
    offline: false,
    loseAnswers: false,
    requests: [],
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (b.offline) throw new TypeError('Failed to fetch');
      const req = new Request(String(input), init);
      const u = new URL(req.url);
      b.requests.push({
        method: req.method,
        path: u.pathname,
        key: req.headers.get('idempotency-key'),
        auth: req.headers.get('authorization'),
      });
      const res = await app.fetch(req);
      if (b.loseAnswers) throw new TypeError('network connection was lost');
      return res;
    }) as typeof fetch,
    token: async (role, scope, label) =>
      (
        await createToken(database.db, {
          role,
          communeCode: role === 'editor' ? scope : null,
          provinceCode: role === 'consolidator' ? scope : null,
          label,
          createdBy: 'test',
        })
      ).secret,
    close: () => database.close(),
  };
  return b;
}

export function memoryStorage(): KeyValue & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

export interface Pane {
  fake: FakeExcel;
  port: ExcelPort;
  store: Store<PaneState>;
  sync: SyncActions;
  storage: ReturnType<typeof memoryStorage>;
  timers: (() => void)[];
}

/** A pane over a fake Excel of `snapshot` (the fixture by default); timers are collected, run by the test. */
export async function pane(
  be: Backend,
  opts: { snapshot?: WorkbookSnapshotData; storage?: ReturnType<typeof memoryStorage> } = {},
): Promise<Pane> {
  const fake = createFakeExcel(opts.snapshot ?? (await fixtureSnapshot('quang-son-phu-luc.xlsx')));
  const port = createExcelPort(fake);
  const store = createStore(initialState('vi'));
  const storage = opts.storage ?? memoryStorage();
  const timers: (() => void)[] = [];
  const sync = createSyncActions(store, {
    port,
    storage,
    fetch: be.fetch,
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => undefined,
    random: () => 0,
  });
  await sync.init();
  return { fake, port, store, sync, storage, timers };
}

/** Bind and sign in with a server token. */
export async function signIn(p: Pane, token: string, planKey = PLAN_KEY): Promise<void> {
  await p.sync.bind({ server: SERVER, commune: COMMUNE, planKey, table: null });
  await p.sync.useToken(token);
  const n = p.store.get().notice;
  if (n?.intent === 'error') throw new Error(n.text((await import('../../../addin/src/i18n/index.ts')).stringsFor('en'), 'en'));
}

/** The notice's English text (or ''). */
export async function notice(p: Pane): Promise<string> {
  const { stringsFor } = await import('../../../addin/src/i18n/index.ts');
  const n = p.store.get().notice;
  return n ? n.text(stringsFor('en'), 'en') : '';
}

/** The text of a cell of the tasks sheet. */
export function cell(p: Pane, a1: string): unknown {
  return p.fake.workbook.cell(TASKS, a1).value;
}
