// One issue: a button that selects its cell (location and message), and "Sửa" when it carries a fix.
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { issueWhere, type Issue } from '../../../core/validate/index.ts';
import { useLang, useStrings } from '../app/strings-context.ts';
import { issueTarget } from '../logic/group-issues.ts';

const useStyles = makeStyles({
  item: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  go: {
    flexGrow: 1,
    minWidth: 0,
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    fontSize: tokens.fontSizeBase200,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  static: { cursor: 'default', ':hover': { backgroundColor: 'transparent' } },
  where: { flexShrink: 0, minWidth: '4.2em', whiteSpace: 'nowrap', color: tokens.colorBrandForeground1 },
  message: { minWidth: 0, overflowWrap: 'anywhere' },
  fix: { flexShrink: 0, minWidth: 'auto' },
});

export interface IssueItemProps {
  issue: Issue;
  disabled: boolean;
  onSelect: (issue: Issue) => void;
  onFix: (issue: Issue) => void;
}

export function IssueItem({ issue, disabled, onSelect, onFix }: IssueItemProps) {
  const styles = useStyles();
  const s = useStrings();
  const lang = useLang();
  const target = issueTarget(issue);
  // "Dòng 5", "Ô C7": the place in words (a sheet-level issue names its sheet).
  const where = issueWhere(issue, lang);
  const message = lang === 'vi' ? issue.message : issue.messageEn;
  return (
    <li className={styles.item} data-cell={target?.cell ?? ''} data-code={issue.code}>
      <button
        type="button"
        className={mergeClasses(styles.go, !target && styles.static)}
        onClick={() => onSelect(issue)}
        disabled={!target}
        title={target ? `${s.goToCell(`${issue.sheet}!${target.cell}`)}` : issue.sheet}
      >
        <span className={styles.where}>{where}</span>
        <span className={styles.message}>{message}</span>
      </button>
      {issue.fix && (
        <Button
          className={styles.fix}
          size="small"
          appearance={issue.fix.safe ? 'secondary' : 'outline'}
          disabled={disabled}
          aria-label={s.fixOneLabel(`${where}: ${message}`)}
          onClick={() => onFix(issue)}
        >
          {s.fixOne}
        </Button>
      )}
    </li>
  );
}
