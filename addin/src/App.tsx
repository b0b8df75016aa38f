// The task pane: header with the language switch, four tabs, the notice line, the preview dialog.
// Everything Excel goes through the actions (and so the port) it is given: no Office here.
import { FluentProvider, Tab, TabList, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useState } from 'react';
import { CheckPanel } from './check/CheckPanel.tsx';
import { PreviewDialog } from './check/PreviewDialog.tsx';
import { FillPanel } from './fill/FillPanel.tsx';
import type { ProgressActions } from './progress/actions.ts';
import { ProgressPanel } from './progress/ProgressPanel.tsx';
import { stringsFor } from './i18n/index.ts';
import type { PaneActions } from './state/actions.ts';
import type { SyncActions } from './sync/actions.ts';
import type { PaneState } from './state/pane-state.ts';
import { useStore, type Store } from './state/store.ts';
import { SyncPanel } from './sync/SyncPanel.tsx';
import { Header } from './app/Header.tsx';
import { NoticeBar } from './app/NoticeBar.tsx';
import { OutsideOffice } from './app/OutsideOffice.tsx';
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
  sync: SyncActions;
  progress: ProgressActions;
}

/** @example createRoot(el).render(<App store={store} actions={actions} sync={sync} progress={progress} />) */
export function App({ store, actions, sync, progress }: AppProps) {
  const state = useStore(store);
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>('check');
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
          {tab === 'fill' && <FillPanel state={state} actions={actions} />}
          {tab === 'progress' && <ProgressPanel state={state} progress={progress} />}
          {tab === 'sync' && <SyncPanel state={state} sync={sync} onFix={() => setTab('check')} onReadTables={actions.readTables} />}
        </main>
        {state.preview && (
          <PreviewDialog
            preview={state.preview}
            busy={state.busy !== null}
            onApply={actions.applyPreview}
            onCancel={actions.cancelPreview}
          />
        )}
      </FluentProvider>
    </LangContext.Provider>
  );
}
