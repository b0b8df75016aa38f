// Paste list-form text, see what it becomes, write it under the table (never over filled cells).
import { Button, Field, MessageBar, MessageBarBody, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { columnNumber } from '../../../core/model/index.ts';
import { useStrings } from '../app/strings-context.ts';
import type { WorkbookSnapshot } from '../excel/port.ts';
import { firstFilledRow, listFormRows, type ListRows } from '../logic/list-rows.ts';
import type { TableTarget } from '../logic/tables.ts';
import { Section } from './Section.tsx';

const useStyles = makeStyles({
  preview: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, maxHeight: '9em', overflowY: 'auto' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type Result = { kind: 'rows'; rows: ListRows; blockedAt: number | null } | { kind: 'not-list' } | null;

export interface ListFormSectionProps {
  target: TableTarget;
  snapshot: WorkbookSnapshot | null;
  disabled: boolean;
  onWrite: (rows: ListRows) => Promise<void>;
}

export function ListFormSection({ target, snapshot, disabled, onWrite }: ListFormSectionProps) {
  const styles = useStyles();
  const s = useStrings();
  const [text, setText] = useState('');
  const [result, setResult] = useState<Result>(null);
  const isTasks = target.kind === 'tasks';

  const convert = () => {
    const rows = listFormRows(text, target);
    if (!rows) return setResult({ kind: 'not-list' });
    const grid = snapshot?.grids.find((g) => g.sheet === target.sheet);
    setResult({ kind: 'rows', rows, blockedAt: firstFilledRow(grid, target, rows.values.length) });
  };
  const write = async (rows: ListRows) => {
    await onWrite(rows);
    setResult(null);
    setText('');
  };
  const at = (letter: string | undefined, fallback: number) => (letter ? columnNumber(letter) - target.firstCol : fallback);
  const ttAt = at(target.columns.tt, 0);
  const contentAt = at(target.columns.content, 1);

  return (
    <Section title={s.listTitle} testId="list-section">
      <Field
        label={s.listLabel}
        hint={s.listHint}
        validationState={isTasks ? 'none' : 'warning'}
        validationMessage={isTasks ? undefined : s.listNeedsTaskTable}
      >
        <Textarea
          value={text}
          onChange={(_, d) => {
            setText(d.value);
            setResult(null);
          }}
          resize="vertical"
          rows={5}
        />
      </Field>
      <div className={styles.row}>
        <Button onClick={convert} disabled={disabled || !isTasks || text.trim() === ''}>
          {s.listConvert}
        </Button>
      </div>
      {result?.kind === 'not-list' && (
        <MessageBar intent="warning">
          <MessageBarBody>{s.listNotList}</MessageBarBody>
        </MessageBar>
      )}
      {result?.kind === 'rows' && (
        <>
          <p>{s.listPreview(result.rows.groups, result.rows.tasks, `${result.rows.sheet}!${result.rows.range}`)}</p>
          <ul className={styles.preview}>
            {result.rows.values.map((r, i) => (
              <li key={i}>{[r[ttAt], r[contentAt]].filter((v) => v !== null && v !== undefined).join(' ')}</li>
            ))}
          </ul>
          {result.blockedAt !== null ? (
            <MessageBar intent="warning">
              <MessageBarBody>{s.listBlocked(result.blockedAt)}</MessageBarBody>
            </MessageBar>
          ) : (
            <div>
              <Button appearance="primary" onClick={() => void write(result.rows)} disabled={disabled}>
                {s.listWrite}
              </Button>
            </div>
          )}
        </>
      )}
    </Section>
  );
}
