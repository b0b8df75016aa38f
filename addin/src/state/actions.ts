// The pane's actions at start: language, scope, notices at once; the Excel actions (check-actions.ts, with core's
// engine, zod and the bundled data) fetched on the first one used, the pane busy ("Đang kiểm tra…") meanwhile.
import type { Busy, PaneState } from './pane-state.ts';
import type { CheckActions, PaneDeps } from './check-actions.ts';
import { errorNotice } from './error-notice.ts';
import type { Store } from './store.ts';

export type { PaneDeps } from './check-actions.ts';
export type PaneActions = ReturnType<typeof createActions>;

type Deferred = Exclude<keyof CheckActions, 'setLang' | 'setScope' | 'dismissNotice' | 'cancelPreview'>;

/**
 * Bind the pane's actions to a store and a port; nothing of core's engine is fetched until an Excel action runs.
 * @example const actions = createActions(store, { port, loadTemplate }); await actions.check()
 */
export function createActions(store: Store<PaneState>, deps: PaneDeps) {
  let loading: Promise<CheckActions> | null = null;
  let ready: CheckActions | null = null;
  const load = () =>
    (loading ??= import('./check-actions.ts').then((m) => (ready = m.createCheckActions(store, deps)))).catch((err: unknown) => {
      loading = null; // a failed fetch (network) is tried again on the next click
      throw err;
    });

  /** The action `key`, run at once when loaded, else after the fetch with `busy` shown while it comes. */
  function later<K extends Deferred>(key: K, busy: Exclude<Busy, null>): CheckActions[K] {
    const call = (actions: CheckActions, args: unknown[]) => (actions[key] as (...a: unknown[]) => Promise<void>)(...args);
    return (async (...args: unknown[]) => {
      if (ready) return call(ready, args);
      if (store.get().busy) return;
      store.set({ busy, notice: null });
      let actions: CheckActions;
      try {
        actions = await load();
      } catch (err) {
        console.error('phuluc:', err);
        store.set({ busy: null, notice: errorNotice(err) });
        return;
      }
      // Freed and taken again in one step: the action's own run() sets `busy` before anything renders.
      store.set({ busy: null });
      return call(actions, args);
    }) as CheckActions[K];
  }

  return {
    setLang(lang: PaneState['lang']): void {
      store.set({ lang });
    },
    setScope(scope: PaneState['scope']): void {
      store.set({ scope });
    },
    dismissNotice(): void {
      store.set({ notice: null });
    },
    cancelPreview(): void {
      store.set({ preview: null });
    },
    check: later('check', 'check'),
    readTables: later('readTables', 'read'),
    selectIssue: later('selectIssue', 'check'),
    fixIssue: later('fixIssue', 'fix'),
    previewFixAll: later('previewFixAll', 'preview'),
    previewRenumber: later('previewRenumber', 'preview'),
    applyPreview: later('applyPreview', 'apply'),
    clearMarks: later('clearMarks', 'marks'),
    undo: later('undo', 'undo'),
    insertTemplate: later('insertTemplate', 'template'),
    writeAppendixSheets: later('writeAppendixSheets', 'write'),
    addDropdowns: later('addDropdowns', 'dropdowns'),
    writeRows: later('writeRows', 'write'),
    applySuggestions: later('applySuggestions', 'write'),
  };
}
