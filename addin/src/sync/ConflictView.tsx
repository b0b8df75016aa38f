// Conflicts side by side, one card per conflicting cell: base, theirs, mine; choose one or edit, then apply.
import { Button, Input, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { FieldConflict } from '../../../core/merge/index.ts';
import { useStrings } from '../app/strings-context.ts';
import { conflictKey, type Choice } from './resolve.ts';
import type { ConflictSession } from '../state/sync-state.ts';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalS,
    rowGap: '2px',
    fontSize: tokens.fontSizeBase200,
  },
  label: { color: tokens.colorNeutralForeground3 },
  value: { overflowWrap: 'anywhere' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
  // Two columns of choices: four in a row wrap their labels in a 350 px pane.
  choices: { display: 'grid', gridTemplateColumns: '1fr 1fr' },
});

type Pick = 'theirs' | 'mine' | 'base' | 'edit';

interface Draft {
  pick: Pick;
  edit: string;
}

function choiceOf(c: FieldConflict, d: Draft): Choice | null {
  if (c.field === 'row') return d.pick === 'theirs' || d.pick === 'mine' ? { kind: 'row', keep: d.pick } : null;
  if (d.pick === 'edit') return { kind: 'value', value: d.edit.trim() === '' ? null : d.edit };
  return { kind: 'value', value: c[d.pick] };
}

export function ConflictView({
  conflict,
  disabled,
  onApply,
  onCancel,
}: {
  conflict: ConflictSession;
  disabled: boolean;
  onApply: (choices: Map<string, Choice>) => void;
  onCancel: () => void;
}) {
  const s = useStrings();
  const styles = useStyles();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const shown = (v: string | null, c: FieldConflict) => (v === null ? (c.field === 'row' ? s.conflictRowDeleted : s.conflictEmpty) : v);
  const draftOf = (c: FieldConflict): Draft => drafts[conflictKey(c)] ?? { pick: 'mine', edit: c.mine ?? '' };
  const setDraft = (c: FieldConflict, d: Partial<Draft>) => setDrafts((all) => ({ ...all, [conflictKey(c)]: { ...draftOf(c), ...d } }));
  const apply = () => {
    const choices = new Map<string, Choice>();
    for (const c of conflict.conflicts) {
      const ch = choiceOf(c, draftOf(c));
      if (ch) choices.set(conflictKey(c), ch);
    }
    onApply(choices);
  };
  return (
    <section className={styles.box} aria-labelledby="conflict-title" data-testid="conflict-view">
      <h2 className={styles.title} id="conflict-title">
        {s.conflictTitle}
      </h2>
      <Text size={200}>{s.conflictIntro(conflict.headSeq)}</Text>
      {conflict.conflicts.length > 1 && (
        <div className={styles.buttons}>
          <Button
            size="small"
            onClick={() =>
              setDrafts(Object.fromEntries(conflict.conflicts.map((c) => [conflictKey(c), { pick: 'theirs', edit: c.mine ?? '' }])))
            }
          >
            {s.conflictAllTheirs}
          </Button>
          <Button
            size="small"
            onClick={() =>
              setDrafts(Object.fromEntries(conflict.conflicts.map((c) => [conflictKey(c), { pick: 'mine', edit: c.mine ?? '' }])))
            }
          >
            {s.conflictAllMine}
          </Button>
        </div>
      )}
      {conflict.conflicts.map((c) => {
        const d = draftOf(c);
        const key = conflictKey(c);
        return (
          <div key={key} className={styles.card} data-testid="conflict" data-task={c.taskId} data-field={c.field}>
            <Text weight="semibold" size={200}>
              {s.conflictTask(c.tt ?? '', c.content.length > 80 ? `${c.content.slice(0, 80)}…` : c.content)}
            </Text>
            <Text size={200}>{s.fieldName[c.field] ?? c.field}</Text>
            <div className={styles.grid}>
              <span className={styles.label}>{s.conflictBase}</span>
              <span className={styles.value} data-testid="conflict-base">
                {shown(c.base, c)}
              </span>
              <span className={styles.label}>{s.conflictTheirs}</span>
              <span className={styles.value} data-testid="conflict-theirs">
                {shown(c.theirs, c)}
              </span>
              <span className={styles.label}>{s.conflictMine}</span>
              <span className={styles.value} data-testid="conflict-mine">
                {shown(c.mine, c)}
              </span>
            </div>
            <RadioGroup
              className={styles.choices}
              value={d.pick}
              onChange={(_, v) => setDraft(c, { pick: v.value as Pick })}
              aria-label={s.fieldName[c.field] ?? c.field}
            >
              <Radio value="theirs" label={s.conflictTheirs} />
              <Radio value="mine" label={s.conflictMine} />
              {c.field !== 'row' && <Radio value="base" label={s.conflictBase} />}
              {c.field !== 'row' && <Radio value="edit" label={s.conflictEdit} />}
            </RadioGroup>
            {d.pick === 'edit' && <Input value={d.edit} onChange={(_, v) => setDraft(c, { edit: v.value })} aria-label={s.conflictEdit} />}
          </div>
        );
      })}
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={apply} disabled={disabled}>
          {conflict.origin === 'push' ? s.conflictApplyPush : s.conflictApplyPull}
        </Button>
        <Button onClick={onCancel} disabled={disabled}>
          {s.conflictCancel}
        </Button>
      </div>
    </section>
  );
}
