// The sheet's tasks by category for the chosen period (hoàn thành đúng hạn, quá hạn chưa hoàn thành…), each group
// with its count; a task opens its editor in place, one at a time (the pane is narrow).
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatDay } from '../../../core/i18n/index.ts';
import { PROGRESS_CATEGORIES, PROGRESS_CATEGORY_LABEL, PROGRESS_STATUS_LABEL, type ProgressStatus } from '../../../core/progress/index.ts';
import { useLang, useStrings } from '../app/strings-context.ts';
import type { EditRole, TaskLine } from './lines.ts';
import { TaskEditor } from './TaskEditor.tsx';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    display: 'flex',
    gap: tokens.spacingHorizontalS,
  },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  task: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    paddingBottom: tokens.spacingVerticalXS,
  },
  open: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
    height: 'auto',
    paddingBlock: tokens.spacingVerticalXS,
  },
  label: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  content: { overflowWrap: 'anywhere' },
  meta: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

export interface TaskListProps {
  lines: TaskLine[];
  disabled: boolean;
  onField: (key: string, role: EditRole, value: string) => void;
}

export function TaskList({ lines, disabled, onField }: TaskListProps) {
  const s = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      {PROGRESS_CATEGORIES.map((cat) => {
        const here = lines.filter((l) => l.category === cat);
        if (here.length === 0) return null;
        return (
          <section key={cat} className={styles.group} data-testid="progress-category" data-category={cat}>
            <h3 className={styles.heading}>
              {PROGRESS_CATEGORY_LABEL[cat][lang]}
              <Badge appearance="tint" color={cat === 'overdue' ? 'danger' : 'informative'}>
                {here.length}
              </Badge>
            </h3>
            <ul className={styles.list}>
              {here.map((l) => (
                <li key={l.key} className={styles.task} data-testid="progress-task" data-row={l.row} data-task-id={l.taskId ?? ''}>
                  <Button
                    appearance="transparent"
                    className={styles.open}
                    aria-expanded={open === l.key}
                    aria-label={`${s.progress.edit(l.tt)}: ${l.content}`}
                    onClick={() => setOpen(open === l.key ? null : l.key)}
                  >
                    <span className={styles.label}>
                      <Text size={200} weight="semibold" className={styles.content}>
                        {l.tt ? `${l.tt}. ` : ''}
                        <span data-user-content>{l.content}</span>
                      </Text>
                      <span className={styles.meta}>
                        <Badge appearance="outline" size="small" color={l.dirty ? 'warning' : 'informative'}>
                          {l.fields.status ? PROGRESS_STATUS_LABEL[l.fields.status as ProgressStatus][lang] : s.progress.statusNone}
                        </Badge>
                        {l.due && <Text size={100}>{s.progress.due(formatDay(l.due))}</Text>}
                      </span>
                    </span>
                  </Button>
                  {open === l.key && (
                    <TaskEditor line={l} disabled={disabled} onField={(role, v) => onField(l.key, role, v)} onClose={() => setOpen(null)} />
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
