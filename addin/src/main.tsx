// Entry of the task pane: stop at once in a legacy webview (taskpane.html's inline check shows the fallback), wait for
// Office.onReady, create the Excel port from the host (the real office.js globals, or the test's fake host, which
// is ready as injected), render. The sync and progress actions are fetched when their tabs open, or at once when
// pushes or reports wait to be sent.
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
import { lazyServices, waitingToSend } from './boot/lazy-services.ts';
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
  const storage = browserStorage();
  const deps = { port, storage, defaultServer: location.origin };
  const services = lazyServices(async () => (await import('./boot/services.ts')).createServices(store, deps), inExcel);
  createRoot(el).render(<App store={store} actions={actions} services={services} />);
  if (inExcel && waitingToSend(storage)) void services().catch((err: unknown) => console.error('phuluc: đồng bộ / sync', err));
}

boot().catch((err: unknown) => {
  // Nothing rendered yet: say so in the page itself (both languages), and keep the cause for the developer console.
  console.error('phuluc: không khởi động được / failed to start', err);
  const el = document.getElementById('root');
  if (el)
    el.textContent = 'Không khởi động được phuluc. Hãy đóng và mở lại ngăn tác vụ. / phuluc failed to start; close and reopen the pane.';
});
