// Issues by what matters: errors, then warnings (a heading each, its rules open), notes behind one summary line
// ("45 lưu ý — Xem"); each rule an accordion item titled in words (its code only in the tooltip), items select their cell.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  CounterBadge,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { CATALOG, issueTitle, orderIssues } from '../../../core/validate/index.ts';
import type { Issue, Severity } from '../../../core/validate/index.ts';
import { useLang, useStrings } from '../app/strings-context.ts';
import { groupIssues, issueKey, type SeverityGroup } from '../logic/group-issues.ts';
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
  notes: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
  },
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
  const [showNotes, setShowNotes] = useState(false);
  if (issues.length === 0) return <p className={styles.empty}>{s.noIssues}</p>;
  const groups = groupIssues(orderIssues(issues));
  const notes = groups.find((g) => g.severity === 'info');
  return (
    <>
      <h2 className={styles.heading}>{s.issuesTitle}</h2>
      {groups
        .filter((g) => g.severity !== 'info')
        .map((group) => (
          <SeverityBlock key={group.severity} group={group} open disabled={disabled} onSelect={onSelect} onFix={onFix} />
        ))}
      {notes && (
        // Notes rarely need action ("hoá" → "hóa"): one line says how many, the list opens on demand.
        <div className={styles.notes} data-testid="notes-summary">
          <span>{s.notesSummary(notes.count)}</span>
          <span aria-hidden>—</span>
          <Button
            size="small"
            appearance="transparent"
            aria-expanded={showNotes}
            aria-label={showNotes ? s.notesHideLabel(notes.count) : s.notesShowLabel(notes.count)}
            onClick={() => setShowNotes(!showNotes)}
          >
            {showNotes ? s.notesHide : s.notesShow}
          </Button>
        </div>
      )}
      {notes && showNotes && <SeverityBlock group={notes} open={false} disabled={disabled} onSelect={onSelect} onFix={onFix} />}
    </>
  );
}

/** One severity: its heading with the count, and one accordion item per rule (open for errors and warnings). */
function SeverityBlock({
  group,
  open,
  disabled,
  onSelect,
  onFix,
}: { group: SeverityGroup; open: boolean } & Omit<IssueGroupsProps, 'issues'>) {
  const styles = useStyles();
  const s = useStrings();
  const lang = useLang();
  return (
    <section className={styles.section} aria-labelledby={`sev-${group.severity}`} data-severity={group.severity}>
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
      <Accordion multiple collapsible defaultOpenItems={open ? group.codes.map((c) => c.code) : []}>
        {group.codes.map((c) => (
          <AccordionItem key={c.code} value={c.code} data-code={c.code}>
            <AccordionHeader size="small" className={styles.header}>
              {/* The rule in words; its code (what docs/rules.md and support go by) only in the tooltip. */}
              <span className={styles.title} title={s.ruleTooltip(CATALOG[c.code].description[lang], c.code)} data-rule-tooltip>
                {issueTitle(c.code, lang)}
              </span>
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
  );
}
