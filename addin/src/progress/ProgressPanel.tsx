// "Tiến độ": the period and where its report stands, the sheet's tasks by category with their counts, each task's
// progress edited in place and written to the sheet in one batch, then "Gửi báo cáo tiến độ" or "Không phát sinh";
// the check's findings, a locked or unknown period, the reports waiting to be sent — and, in place of it all, a conflict.
import { Badge, Button, Field, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { formatDay } from '../../../core/i18n/index.ts';
import { PROGRESS_ROLES, vietnamDay } from '../../../core/progress/index.ts';
import { useLang, useStrings } from '../app/strings-context.ts';
import type { PaneState } from '../state/pane-state.ts';
import type { ProgressActions } from './actions.ts';
import { tablesWithoutProgress } from './columns.ts';
import { taskLines } from './lines.ts';
import { reportStateText } from './periods.ts';
import { ProgressConflictView } from './ProgressConflictView.tsx';
import { ReportQueue } from './ReportQueue.tsx';
import { TaskList } from './TaskList.tsx';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  counts: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface ProgressPanelProps {
  state: PaneState;
  progress: ProgressActions;
}

export function ProgressPanel({ state, progress }: ProgressPanelProps) {
  const s = useStrings();
  const lang = useLang();
  const p = s.progress;
  const styles = useStyles();
  const st = state.progress;
  const disabled = state.busy !== null || !state.inExcel;
  const bound = state.sync.binding !== null && state.sync.auth !== null;
  useEffect(() => {
    // When the tab opens, and again once the workbook is bound and signed in: the server's periods replace this year's.
    if (state.inExcel) void progress.loadPeriods();
  }, [bound]);
  useEffect(() => {
    if (state.inExcel && state.plan === null) void progress.read();
  }, []);
  if (st.conflict)
    return (
      <ProgressConflictView
        conflict={st.conflict}
        plan={state.plan}
        disabled={disabled}
        onResend={progress.resolve}
        onCancel={progress.cancelConflict}
      />
    );
  const chosen = st.periods?.find((x) => x.period === st.period) ?? null;
  const label = chosen ? (lang === 'vi' ? chosen.label : chosen.labelEn) : '';
  const today = vietnamDay(new Date().toISOString())!;
  const lines = state.plan && st.period ? taskLines(state.plan, st.period, st.drafts, today) : [];
  const missing = state.plan ? tablesWithoutProgress(state.plan) : [];
  const noStatus = missing.length > 0 && lines.length > 0 && missing.every((a) => !a.columns.status);
  const dirty = lines.filter((l) => l.dirty).length;
  const errors = st.issues?.filter((i) => i.severity === 'error').length ?? 0;
  const warnings = (st.issues?.length ?? 0) - errors;
  return (
    <div className={styles.box} data-testid="progress-panel">
      <h2 className={styles.title}>{p.title}</h2>
      <Text size={200}>{p.intro}</Text>
      <Field label={p.period} size="small">
        <Select
          value={st.period ?? ''}
          disabled={disabled || !st.periods}
          onChange={(_, d) => progress.choosePeriod(d.value)}
          data-testid="progress-period"
        >
          {(st.periods ?? []).map((x) => {
            const l = lang === 'vi' ? x.label : x.labelEn;
            return (
              <option key={x.period} value={x.period}>
                {x.current ? p.periodCurrent(l) : l}
              </option>
            );
          })}
        </Select>
      </Field>
      {chosen?.status && (
        <Text size={200} weight="semibold" data-testid="progress-state" data-state={chosen.status.state}>
          {reportStateText(chosen.status, s)}
        </Text>
      )}
      {st.source === 'offline' && bound && (
        <Text size={200} data-testid="progress-offline">
          {p.periodsOffline}
        </Text>
      )}
      {st.locked && st.locked.period === st.period && (
        <MessageBar intent="error" data-testid="progress-locked">
          <MessageBarBody>
            {st.locked.reason === 'accepted' ? p.lockedAccepted : p.lockedCutoff(st.locked.cutoff ? formatDay(st.locked.cutoff) : '')}
          </MessageBarBody>
        </MessageBar>
      )}
      {st.unknownPeriod && (
        <MessageBar intent="warning" data-testid="progress-unknown-period">
          <MessageBarBody>
            {p.unknownPeriod(label)}
            <ul className={styles.issues}>
              {st.unknownPeriod.periods.map((x) => (
                <li key={x.period}>
                  {p.unknownCutoff(st.periods?.find((y) => y.period === x.period)?.label ?? x.period, formatDay(x.cutoff))}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {dirty > 0 && (
        <MessageBar intent="info" data-testid="progress-unsaved">
          <MessageBarBody>
            {p.unsaved(dirty)}
            <div className={styles.buttons}>
              <Button size="small" appearance="primary" onClick={progress.save} disabled={disabled}>
                {p.save}
              </Button>
              <Button size="small" onClick={progress.discardEdits} disabled={disabled}>
                {p.discard}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {st.issues && (
        <MessageBar intent={errors > 0 ? 'error' : 'warning'} data-testid="progress-issues">
          <MessageBarBody>
            {p.issuesTitle(errors, warnings)}
            <ul className={styles.issues}>
              {st.issues.map((i, k) => (
                <li key={k} data-testid="progress-issue" data-severity={i.severity}>
                  {i.at ? `${p.issueAt(i.at.sheet, i.at.cell)}: ` : ''}
                  {i.message[lang]}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {st.confirmNothing && (
        <MessageBar intent="warning" data-testid="progress-nothing-confirm">
          <MessageBarBody>
            {p.nothingAsk(label)}
            <div className={styles.buttons}>
              <Button size="small" appearance="primary" onClick={progress.sendNothing} disabled={disabled}>
                {p.nothingYes}
              </Button>
              <Button size="small" onClick={progress.cancelNothing}>
                {p.cancel}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {!bound && <Text size={200}>{p.needsBinding}</Text>}
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={progress.send} disabled={disabled || !bound || !st.period}>
          {p.send}
        </Button>
        <Button onClick={progress.askNothing} disabled={disabled || !bound || !st.period}>
          {p.nothing}
        </Button>
      </div>
      {st.last && (
        <Text size={200} data-testid="progress-last">
          {p.lastSent(
            st.periods?.find((x) => x.period === st.last!.period)?.[lang === 'vi' ? 'label' : 'labelEn'] ?? st.last.period,
            st.last.seq,
          )}
        </Text>
      )}
      {st.queue.length > 0 && (
        <>
          <Text size={200} weight="semibold">
            {p.queueTitle} <Badge appearance="tint">{st.queue.length}</Badge>
          </Text>
          <ReportQueue items={st.queue} disabled={disabled} onRetry={progress.retryNow} onDiscard={progress.discard} />
        </>
      )}
      <div className={styles.buttons}>
        <Button size="small" onClick={progress.read} disabled={disabled}>
          {p.readButton}
        </Button>
      </div>
      {state.plan && lines.length === 0 && <Text size={200}>{p.noTasks}</Text>}
      {missing.length > 0 && lines.length > 0 && (
        <MessageBar intent={noStatus ? 'warning' : 'info'} data-testid="progress-no-columns">
          <MessageBarBody>
            {noStatus ? p.noColumns : p.someColumns(missing.reduce((k, a) => k + PROGRESS_ROLES.filter((r) => !a.columns[r]).length, 0))}
            <div className={styles.buttons}>
              <Button size="small" appearance={noStatus ? 'primary' : 'secondary'} onClick={progress.addColumns} disabled={disabled}>
                {p.addColumns}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {lines.length > 0 && !noStatus && (
        <>
          <Text size={200} data-testid="progress-counts">
            {p.taskCount(lines.length)}
          </Text>
          <TaskList lines={lines} disabled={disabled} onField={progress.setField} />
        </>
      )}
    </div>
  );
}
