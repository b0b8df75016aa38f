// What a check found: the plan's summary, the fix and mark tools, the issues; fetched with the first report (with
// core's presentation code), so the pane's first load carries only the Kiểm tra button.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { allIssues } from '../../../core/validate/index.ts';
import type { Report } from '../../../core/validate/index.ts';
import { useStrings } from '../app/strings-context.ts';
import type { PaneActions } from '../state/actions.ts';
import type { PaneState } from '../state/pane-state.ts';
import { IssueGroups } from './IssueGroups.tsx';
import { PlanSummary } from './PlanSummary.tsx';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  tools: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface CheckResultsProps {
  state: PaneState;
  report: Report;
  actions: PaneActions;
  disabled: boolean;
}

export function CheckResults({ state, report, actions, disabled }: CheckResultsProps) {
  const styles = useStyles();
  const s = useStrings();
  return (
    <>
      <PlanSummary report={report} plan={state.plan} />
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
      <IssueGroups issues={allIssues(report)} disabled={disabled} onSelect={actions.selectIssue} onFix={actions.fixIssue} />
    </>
  );
}
