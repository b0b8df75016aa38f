// The task pane: header with the language switch, four tabs (all but Kiểm tra fetched when first opened,
// lazy-views.tsx), the notice line, the preview dialog.
// Everything Excel goes through the actions (and so the port) it is given: no Office here.
import { FluentProvider, Tab, TabList, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { Suspense, useState } from 'react';
import { CheckPanel } from './check/CheckPanel.tsx';
import { stringsFor } from './i18n/index.ts';
import type { PaneActions } from './state/actions.ts';
import type { PaneState } from './state/pane-state.ts';
import { useStore, type Store } from './state/store.ts';
import { Header } from './app/Header.tsx';
import { NoticeBar } from './app/NoticeBar.tsx';
import { OutsideOffice } from './app/OutsideOffice.tsx';
import { FillPanel, lazyViews, PreviewDialog } from './lazy-views.tsx';
import type { Services } from './boot/lazy-services.ts';
import { ViewLoading } from './app/ViewLoading.tsx';
import { LangContext } from './app/strings-context.ts';

type TabId = 'check' | 'fill' | 'sync' | 'progress';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  tabs: { paddingInline: tokens.spacingHorizontalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  panel: { flexGrow: 1, padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface AppProps {
  store: Store<PaneState>;
  actions: PaneActions;
  /** The Đồng bộ and Tiến độ tabs' actions, fetched when one of them first opens (boot/lazy-services.ts). */
  services: () => Promise<Services>;
}

/** @example createRoot(el).render(<App store={store} actions={actions} services={services} />) */
export function App({ store, actions, services }: AppProps) {
  const state = useStore(store);
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>('check');
  const [{ SyncView, ProgressView }] = useState(() => lazyViews(services));
  const s = stringsFor(state.lang);
  const tabs: [TabId, string][] = [
    ['check', s.tabCheck],
    ['fill', s.tabFill],
    ['sync', s.tabSync],
    ['progress', s.tabProgress],
  ];
  return (
    <LangContext.Provider value={state.lang}>
      <FluentProvider theme={webLightTheme} className={styles.root} lang={state.lang}>
        <Header lang={state.lang} onLang={actions.setLang} busy={state.busy !== null} />
        <TabList
          className={styles.tabs}
          selectedValue={tab}
          onTabSelect={(_, d) => setTab(d.value as TabId)}
          aria-label={s.tabsLabel}
          size="medium"
        >
          {tabs.map(([id, label]) => (
            <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
              {label}
            </Tab>
          ))}
        </TabList>
        {state.inExcel ? <NoticeBar notice={state.notice} onDismiss={actions.dismissNotice} /> : <OutsideOffice />}
        <main className={styles.panel} role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          {tab === 'check' && <CheckPanel state={state} actions={actions} />}
          <Suspense fallback={<ViewLoading />}>
            {tab === 'fill' && <FillPanel state={state} actions={actions} />}
            {tab === 'progress' && <ProgressView state={state} />}
            {tab === 'sync' && <SyncView state={state} onFix={() => setTab('check')} onReadTables={actions.readTables} />}
          </Suspense>
        </main>
        {state.preview && (
          <Suspense fallback={<ViewLoading />}>
            <PreviewDialog
              preview={state.preview}
              busy={state.busy !== null}
              onApply={actions.applyPreview}
              onCancel={actions.cancelPreview}
            />
          </Suspense>
        )}
      </FluentProvider>
    </LangContext.Provider>
  );
}
