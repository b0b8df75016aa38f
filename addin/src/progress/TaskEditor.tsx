// One task's progress fields, edited in place: status (the five words), completion date, result achieved, reason,
// and — folded away — obstacles and proposals. Changes go to the drafts; "Ghi vào bảng tính" writes them.
import { Button, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { PROGRESS_STATUS_LABEL, PROGRESS_STATUSES } from '../../../core/progress/index.ts';
import { useLang, useStrings } from '../app/strings-context.ts';
import { useState } from 'react';
import type { EditRole, TaskLine } from './lines.ts';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
});

export interface TaskEditorProps {
  line: TaskLine;
  disabled: boolean;
  onField: (role: EditRole, value: string) => void;
  onClose: () => void;
}

export function TaskEditor({ line, disabled, onField, onClose }: TaskEditorProps) {
  const s = useStrings();
  const lang = useLang();
  const p = s.progress;
  const styles = useStyles();
  const f = line.fields;
  const [more, setMore] = useState(f.obstacles !== '' || f.proposals !== '');
  const text = (role: 'achieved' | 'reason' | 'obstacles' | 'proposals', label: string) => (
    <Field label={label} size="small">
      <Textarea
        size="small"
        resize="vertical"
        value={f[role]}
        disabled={disabled}
        onChange={(_, d) => onField(role, d.value)}
        data-testid={`progress-${role}`}
      />
    </Field>
  );
  return (
    <div className={styles.box} data-testid="progress-editor" role="group" aria-label={p.edit(line.tt)}>
      <div className={styles.row}>
        <Field label={p.status} size="small">
          <Select
            size="small"
            value={f.status}
            disabled={disabled}
            onChange={(_, d) => onField('status', d.value)}
            data-testid="progress-status"
          >
            <option value="">{p.statusNone}</option>
            {PROGRESS_STATUSES.map((st) => (
              <option key={st} value={st}>
                {PROGRESS_STATUS_LABEL[st][lang]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={p.completedOn} size="small">
          <Input
            size="small"
            type="date"
            value={f.completedOn}
            disabled={disabled}
            onChange={(_, d) => onField('completedOn', d.value)}
            data-testid="progress-completedOn"
          />
        </Field>
      </div>
      {text('achieved', p.achieved)}
      {text('reason', p.reason)}
      {more ? (
        <>
          {text('obstacles', p.obstacles)}
          {text('proposals', p.proposals)}
        </>
      ) : (
        <Button size="small" appearance="subtle" onClick={() => setMore(true)}>
          {p.more}
        </Button>
      )}
      <div className={styles.row}>
        <Button size="small" onClick={onClose}>
          {p.close}
        </Button>
      </div>
    </div>
  );
}
