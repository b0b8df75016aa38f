// A report refused with 409: one card per field both sides changed — the task, the field, mine and the server's —
// "Giữ bản của tôi" or "Lấy bản trên máy chủ", then "Gửi lại" on the server's head.
import { Button, MessageBar, MessageBarBody, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatDay } from '../../../core/i18n/index.ts';
import type { Plan } from '../../../core/model/index.ts';
import { parseStatus, PROGRESS_STATUS_LABEL, PROGRESS_STATUSES, type ProgressStatus } from '../../../core/progress/index.ts';
import { useLang, useStrings } from '../app/strings-context.ts';
import type { ProgressConflictSession } from '../state/progress-state.ts';
import type { ConflictChoice } from './resolve.ts';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  sides: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, rowGap: '2px' },
  value: { overflowWrap: 'anywhere' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface ProgressConflictViewProps {
  conflict: ProgressConflictSession;
  plan: Plan | null;
  disabled: boolean;
  onResend: (choices: ConflictChoice[]) => void;
  onCancel: () => void;
}

export function ProgressConflictView({ conflict, plan, disabled, onResend, onCancel }: ProgressConflictViewProps) {
  const s = useStrings();
  const lang = useLang();
  const p = s.progress;
  const styles = useStyles();
  const [choices, setChoices] = useState<ConflictChoice[]>(() => conflict.conflicts.map(() => 'mine'));
  const rows = new Map((plan?.appendices ?? []).flatMap((a) => a.rows.filter((r) => r.id !== undefined).map((r) => [r.id!, r])));
  // Values as a person reads them: a status by its word, a day as dd/mm/yyyy, yes/no for "không phát sinh".
  const shown = (field: string, v: string | null): string => {
    if (v === null || v === '') return p.empty;
    if (field === 'status') {
      const st = (PROGRESS_STATUSES as readonly string[]).includes(v) ? (v as ProgressStatus) : parseStatus(v);
      return st ? PROGRESS_STATUS_LABEL[st][lang] : v;
    }
    if (field === 'completedOn' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDay(v);
    if (field === 'nothingToReport') return v === 'true' ? p.yes : p.no;
    return v;
  };
  return (
    <div className={styles.box} data-testid="progress-conflict">
      <h2 className={styles.title}>{p.conflictTitle}</h2>
      <MessageBar intent="warning">
        <MessageBarBody>{p.conflictIntro}</MessageBarBody>
      </MessageBar>
      <ul className={styles.list}>
        {conflict.conflicts.map((c, i) => {
          const row = rows.get(c.id);
          const what = c.kind === 'report' ? p.conflictReport : p.conflictTask(row?.tt ?? '', row?.fields.content ?? '');
          return (
            <li key={`${c.kind}:${c.id}:${c.field}`} className={styles.card} data-testid="progress-conflict-item">
              <Text size={200} weight="semibold" data-user-content>
                {what}
              </Text>
              <Text size={200}>{p.conflictField[c.field] ?? p.conflictField.note}</Text>
              <div className={styles.sides}>
                <Text size={200}>{p.mine}:</Text>
                <Text size={200} className={styles.value} data-testid="progress-conflict-mine" data-user-content>
                  {shown(c.field, c.mine)}
                </Text>
                <Text size={200}>{p.theirs}:</Text>
                <Text size={200} className={styles.value} data-testid="progress-conflict-theirs" data-user-content>
                  {shown(c.field, c.theirs)}
                </Text>
              </div>
              <RadioGroup
                layout="horizontal"
                value={choices[i]}
                aria-label={`${what} · ${p.conflictField[c.field] ?? p.conflictField.note}`}
                onChange={(_, d) => setChoices(choices.map((x, j) => (j === i ? (d.value as ConflictChoice) : x)))}
              >
                <Radio value="mine" label={p.keepMine} />
                <Radio value="theirs" label={p.takeTheirs} />
              </RadioGroup>
            </li>
          );
        })}
      </ul>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={disabled} onClick={() => onResend(choices)}>
          {p.resend}
        </Button>
        <Button onClick={onCancel}>{p.cancel}</Button>
      </div>
    </div>
  );
}
