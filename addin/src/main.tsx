// Entry of the task pane: stop at once in a legacy webview (taskpane.html's inline check shows the fallback), wait for
// Office.onReady, create the Excel port from the host (the real office.js globals, or the test's fake host, which
// is ready as injected), render.
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { createPort } from './boot/create-port.ts';
import { detachedPort } from './boot/detached-port.ts';
import { isUnsupportedBrowser, resolveHost, type OfficeLike } from './boot/host.ts';
import { loadTemplate } from './boot/templates.ts';
import { saveLang, savedLang } from './i18n/index.ts';
import { createActions } from './state/actions.ts';
import { initialState } from './state/pane-state.ts';
import { createStore } from './state/store.ts';
import { createProgressActions } from './progress/actions.ts';
import { createSyncActions } from './sync/actions.ts';
import { browserStorage } from './sync/auth/token-store.ts';

async function boot(): Promise<void> {
  const el = document.getElementById('root');
  if (!el || isUnsupportedBrowser(window)) return;
  const host = resolveHost(window);
  let inExcel = host?.kind === 'test';
  if (host?.kind === 'office') {
    const info = await (host.Office as OfficeLike).onReady();
    inExcel = String(info.host) === 'Excel';
  }
  const store = createStore(initialState(savedLang(), inExcel));
  const port = host && inExcel ? createPort(host, { lang: store.get().lang }) : detachedPort();

  let lang = store.get().lang;
  document.documentElement.lang = lang;
  store.subscribe(() => {
    if (store.get().lang === lang) return;
    lang = store.get().lang;
    document.documentElement.lang = lang;
    saveLang(lang);
  });
  const actions = createActions(store, { port, loadTemplate: (kind) => loadTemplate(kind) });
  // Sync: the binding comes from the workbook, the token and the push queue from this user's storage.
  const sync = createSyncActions(store, { port, storage: browserStorage(), defaultServer: location.origin });
  const progress = createProgressActions(sync.shared.ctx, sync.shared.creds);
  createRoot(el).render(<App store={store} actions={actions} sync={sync} progress={progress} />);
  if (inExcel) void sync.init().then(() => progress.init());
}

boot().catch((err: unknown) => {
  // Nothing rendered yet: say so in the page itself (both languages), and keep the cause for the developer console.
  console.error('phuluc: không khởi động được / failed to start', err);
  const el = document.getElementById('root');
  if (el)
    el.textContent = 'Không khởi động được phuluc. Hãy đóng và mở lại ngăn tác vụ. / phuluc failed to start; close and reopen the pane.';
});
