// "Đồng bộ": sign-in, commune and plan, send/get with what waits to be sent, and — in place of all that — the conflict or history view.
import { Button, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { findCommune } from '../../../core/dvhc.ts';
import { formatDateTime } from '../../../core/i18n/index.ts';
import { appendixKeys } from '../../../core/merge/index.ts';
import { useStrings } from '../app/strings-context.ts';
import { Section } from '../fill/Section.tsx';
import type { PaneState } from '../state/pane-state.ts';
import type { SyncActions } from './actions.ts';
import { BindingSection } from './BindingSection.tsx';
import { MismatchBar } from './MismatchBar.tsx';
import { suggestedCommune } from './binding.ts';
import { ConflictView } from './ConflictView.tsx';
import { HistoryView } from './HistoryView.tsx';
import { QueueList } from './QueueList.tsx';
import { SignInSection } from './SignInSection.tsx';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface SyncPanelProps {
  state: PaneState;
  sync: SyncActions;
  /** "Sửa trước": go to the Check tab. */
  onFix: () => void;
  /** Read the workbook's tables (for the binding's table list) when nothing has been read yet. */
  onReadTables?: () => void;
}

export function SyncPanel({ state, sync, onFix, onReadTables }: SyncPanelProps) {
  const styles = useStyles();
  const s = useStrings();
  const { binding, auth, queue, confirm, conflict, history, last, microsoft, plans, mismatch } = state.sync;
  const disabled = state.busy !== null || !state.inExcel;
  const [province, setProvince] = useState<string | null>(null);
  const unread = state.plan === null && binding === null;
  useEffect(() => {
    // Only for a workbook not bound yet: the table list of the binding form needs one read.
    if (unread && state.inExcel) onReadTables?.();
    // Once, when the tab opens (not again after each read).
  }, []);
  if (conflict) return <ConflictView conflict={conflict} disabled={disabled} onApply={sync.resolve} onCancel={sync.cancelConflict} />;
  if (history)
    return (
      <HistoryView
        history={history}
        disabled={disabled}
        onSelect={sync.showRevision}
        onRestore={sync.restore}
        onClose={sync.closeHistory}
      />
    );
  const tables = state.plan
    ? appendixKeys(state.plan).map((key, i) => ({
        key,
        label: `${state.plan!.appendices[i]!.sheet} · ${state.plan!.appendices[i]!.kind === 'tasks' ? s.kindTasks : s.kindIndicators}`,
      }))
    : [];
  const ready = binding !== null && auth !== null;
  const signIn = (
    <SignInSection
      auth={auth}
      server={binding?.server ?? (state.sync.server || sync.defaultServer())}
      serverEditable={binding === null}
      microsoft={microsoft === true}
      disabled={disabled}
      onServer={sync.setServer}
      onMicrosoft={sync.signInMicrosoft}
      onToken={sync.useToken}
      onSignOut={sync.signOut}
    />
  );
  const prov = province ?? (binding ? (findCommune(binding.commune)?.provinceCode ?? '') : '');
  return (
    <div className={styles.box} data-testid="sync-panel">
      <h2 className={styles.title}>{s.syncTitle}</h2>
      <Text size={200}>{s.syncIntro}</Text>
      {ready && (
        <Section title={s.actionsTitle} testId="sync-actions">
          {mismatch && <MismatchBar mismatch={mismatch} disabled={disabled} onSend={sync.confirmCommune} onDrop={sync.dropMismatch} />}
          {confirm && (
            <MessageBar intent="warning" data-testid="push-confirm">
              <MessageBarBody>
                {s.confirmErrors(confirm.errors)}
                <div className={styles.buttons}>
                  <Button size="small" onClick={() => sync.push('anyway')} disabled={disabled}>
                    {s.pushAnyway}
                  </Button>
                  <Button size="small" onClick={() => sync.push('draft')} disabled={disabled}>
                    {s.pushDraft}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => {
                      sync.cancelPush();
                      onFix();
                    }}
                  >
                    {s.fixFirst}
                  </Button>
                </div>
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={() => sync.push('check')} disabled={disabled}>
              {s.pushButton}
            </Button>
            <Button onClick={sync.pull} disabled={disabled}>
              {s.pullButton}
            </Button>
            <Button onClick={sync.openHistory} disabled={disabled}>
              {s.historyButton}
            </Button>
          </div>
          {last && (
            <Text size={200} data-testid="last-sync">
              {s.lastSync(s.lastAction[last.action], last.seq, formatDateTime(new Date(last.at)))}
            </Text>
          )}
          <Text size={300} weight="semibold">
            {s.queueTitle}
          </Text>
          {/* The push held for the commune question is that question's: not listed twice. */}
          <QueueList
            items={queue.filter((q) => q.key !== mismatch?.key)}
            disabled={disabled}
            onRetry={sync.retryNow}
            onDiscard={sync.discard}
          />
        </Section>
      )}
      {/* Signing in comes first until it is done: the plans to choose from are listed to a signed-in user only. */}
      {!auth && signIn}
      <BindingSection
        key={binding ? `${binding.server}|${binding.commune}|${binding.planKey}` : `new-${state.plan ? 'read' : 'unread'}`}
        binding={binding}
        server={binding?.server ?? (state.sync.server || sync.defaultServer())}
        auth={auth}
        plans={plans}
        tables={tables}
        defaultCommune={suggestedCommune(state.plan)}
        disabled={disabled}
        onSave={sync.bind}
        onReloadPlans={sync.loadPlans}
      />
      {auth && signIn}
      {!binding && <Text size={200}>{s.syncNeedsBinding}</Text>}
      {ready && auth.role !== 'editor' && (
        <Section title={s.consolidatedButton} testId="consolidated-section">
          <Field label={s.consolidatedProvince}>
            <Input value={prov} onChange={(_, d) => setProvince(d.value)} inputMode="numeric" />
          </Field>
          <div>
            <Button onClick={() => sync.pullConsolidated(prov)} disabled={disabled || !/^\d{2}$/.test(prov)}>
              {s.consolidatedButton}
            </Button>
          </div>
        </Section>
      )}
    </div>
  );
}
