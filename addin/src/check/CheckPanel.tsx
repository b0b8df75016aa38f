// "Kiểm tra": run the check, see the plan and its tables, act on the issues (fix, fix all, clear marks, undo).
import { Button, Spinner, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense } from 'react';
import { ViewLoading } from '../app/ViewLoading.tsx';
import { useStrings } from '../app/strings-context.ts';
import type { PaneActions } from '../state/actions.ts';
import type { PaneState } from '../state/pane-state.ts';
import { CheckResults } from '../lazy-views.tsx';

const useStyles = makeStyles({
  intro: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  // Under the button it answers, not centred in a wide pane.
  checking: { justifyContent: 'flex-start' },
});

export function CheckPanel({ state, actions }: { state: PaneState; actions: PaneActions }) {
  const styles = useStyles();
  const s = useStrings();
  const { report, busy } = state;
  const disabled = busy !== null || !state.inExcel;
  return (
    <>
      <p className={styles.intro}>{s.checkIntro}</p>
      <div className={styles.row}>
        <Button appearance="primary" onClick={actions.check} disabled={disabled}>
          {report ? s.runRecheck : s.runCheck}
        </Button>
        <Switch
          label={s.onlyActiveSheet}
          disabled={disabled}
          checked={state.scope === 'active'}
          onChange={(_, d) => actions.setScope(d.checked ? 'active' : 'all')}
        />
      </div>
      {/* A report comes with check-actions (core's engine): its view is fetched then, "Đang kiểm tra…" until it shows. */}
      {busy === 'check' && (
        <Spinner className={styles.checking} size="tiny" label={s.checking} labelPosition="after" role="status" aria-live="polite" />
      )}
      {report && (
        <Suspense fallback={<ViewLoading />}>
          <CheckResults state={state} report={report} actions={actions} disabled={disabled} />
        </Suspense>
      )}
    </>
  );
}
