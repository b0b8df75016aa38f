// "Kiểm tra": run the check, see the plan and its tables, act on the issues (fix, fix all, clear marks, undo).
import { Button, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { allIssues } from '../../../core/validate/index.ts';
import { useStrings } from '../app/strings-context.ts';
import type { PaneActions } from '../state/actions.ts';
import type { PaneState } from '../state/pane-state.ts';
import { IssueGroups } from './IssueGroups.tsx';
import { PlanSummary } from './PlanSummary.tsx';

const useStyles = makeStyles({
  intro: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  tools: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function CheckPanel({ state, actions }: { state: PaneState; actions: PaneActions }) {
  const styles = useStyles();
  const s = useStrings();
  const { report, plan, busy } = state;
  const issues = report ? allIssues(report) : [];
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
      {report && <PlanSummary report={report} plan={plan} />}
      {report && (
        <div className={styles.tools}>
          {/* Counted over every round of "fix all" (core's fixSummary): the preview then lists exactly these changes. */}
          <Button
            appearance="primary"
            onClick={actions.previewFixAll}
            disabled={disabled || !state.fixes || state.fixes.changes === 0}
            data-testid="fix-all"
          >
            {state.fixes && state.fixes.changes > 0 ? s.fixAll(state.fixes) : s.fixAllNone}
          </Button>
          <div className={styles.row}>
            <Button onClick={actions.clearMarks} disabled={disabled || !state.marked}>
              {s.clearMarks}
            </Button>
            <Button onClick={actions.undo} disabled={disabled || state.undo.length === 0}>
              {s.undo}
            </Button>
          </div>
        </div>
      )}
      {report && <IssueGroups issues={issues} disabled={disabled} onSelect={actions.selectIssue} onFix={actions.fixIssue} />}
    </>
  );
}
