// Issues by severity (a heading each), then by rule (an accordion item each, with counts); items select their cell.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  CounterBadge,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CATALOG } from '../../../core/validate/index.ts';
import type { Issue, Severity } from '../../../core/validate/index.ts';
import { useLang, useStrings } from '../app/strings-context.ts';
import { groupIssues, issueKey } from '../logic/group-issues.ts';
import { IssueItem } from './IssueItem.tsx';

const COLORS: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  heading: {
    margin: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  header: { minWidth: 0 },
  title: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere', textAlign: 'start' },
  counts: { display: 'inline-flex', gap: tokens.spacingHorizontalXS, marginLeft: tokens.spacingHorizontalXS, flexShrink: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  empty: { margin: 0 },
});

export interface IssueGroupsProps {
  issues: Issue[];
  disabled: boolean;
  onSelect: (issue: Issue) => void;
  onFix: (issue: Issue) => void;
}

export function IssueGroups({ issues, disabled, onSelect, onFix }: IssueGroupsProps) {
  const styles = useStyles();
  const s = useStrings();
  const lang = useLang();
  if (issues.length === 0) return <p className={styles.empty}>{s.noIssues}</p>;
  return (
    <>
      <h2 className={styles.heading}>{s.issuesTitle}</h2>
      {groupIssues(issues).map((group) => (
        <section key={group.severity} className={styles.section} aria-labelledby={`sev-${group.severity}`} data-severity={group.severity}>
          <h3 className={styles.heading} id={`sev-${group.severity}`}>
            {s.severity[group.severity]}
            <CounterBadge
              count={group.count}
              overflowCount={9999}
              color={group.severity === 'error' ? 'danger' : group.severity === 'warning' ? 'important' : 'informative'}
              size="small"
              aria-hidden
            />
          </h3>
          <Accordion multiple collapsible>
            {group.codes.map((c) => (
              <AccordionItem key={c.code} value={c.code} data-code={c.code}>
                <AccordionHeader size="small" className={styles.header}>
                  <span className={styles.title}>{CATALOG[c.code].title[lang]}</span>
                  <span className={styles.counts}>
                    <Badge appearance="tint" color={COLORS[group.severity]} size="small">
                      {c.issues.length}
                    </Badge>
                    {c.fixable > 0 && (
                      <Badge appearance="outline" color="success" size="small">
                        {s.fixableBadge(c.fixable)}
                      </Badge>
                    )}
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  <ul className={styles.list}>
                    {c.issues.map((issue, i) => (
                      <IssueItem key={issueKey(issue, i)} issue={issue} disabled={disabled} onSelect={onSelect} onFix={onFix} />
                    ))}
                  </ul>
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        </section>
      ))}
    </>
  );
}
