// "Điền": insert a template, renumber, dropdowns, list-form text to rows, suggestions for empty cells.
import { Button, Field, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useStrings } from '../app/strings-context.ts';
import { tableTargets } from '../logic/tables.ts';
import type { PaneActions } from '../state/actions.ts';
import type { PaneState } from '../state/pane-state.ts';
import { DropdownSection } from './DropdownSection.tsx';
import { ListFormSection } from './ListFormSection.tsx';
import { RenumberSection } from './RenumberSection.tsx';
import { NarrowSelect } from './NarrowSelect.tsx';
import { SuggestSection } from './SuggestSection.tsx';
import { TemplateSection } from './TemplateSection.tsx';
import { WordImportSection } from './WordImportSection.tsx';

const useStyles = makeStyles({
  picker: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
  read: { flexShrink: 0, whiteSpace: 'nowrap' },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export function FillPanel({ state, actions }: { state: PaneState; actions: PaneActions }) {
  const styles = useStyles();
  const s = useStrings();
  const tables = tableTargets(state.plan);
  const [chosen, setChosen] = useState<number | null>(null);
  const target = tables.find((t) => t.index === chosen) ?? tables.find((t) => t.kind === 'tasks') ?? tables[0] ?? null;
  const disabled = state.busy !== null || !state.inExcel;
  return (
    <>
      <div className={styles.picker}>
        <Field label={s.tablePicker} className={styles.field}>
          <NarrowSelect
            value={target ? String(target.index) : ''}
            onChange={(_, d) => setChosen(Number(d.value))}
            disabled={tables.length === 0}
          >
            {tables.map((t) => (
              <option key={t.index} value={t.index}>
                {`${t.sheet} · ${t.range} · ${s.tableItems(t.items, t.kind === 'tasks' ? s.kindTasks : s.kindIndicators)}`}
              </option>
            ))}
          </NarrowSelect>
        </Field>
        <Button className={styles.read} onClick={actions.readTables} disabled={disabled}>
          {s.readTables}
        </Button>
      </div>
      {tables.length === 0 && <p className={styles.hint}>{s.noTablesYet}</p>}
      <TemplateSection disabled={disabled} onInsert={actions.insertTemplate} />
      <WordImportSection disabled={disabled} onWrite={actions.writeAppendixSheets} />
      <RenumberSection disabled={disabled} onRenumber={actions.previewRenumber} />
      {target && <DropdownSection target={target} plan={state.plan} disabled={disabled} onAdd={actions.addDropdowns} />}
      {target && (
        <ListFormSection
          key={`list-${target.index}`}
          target={target}
          snapshot={state.snapshot}
          disabled={disabled}
          onWrite={actions.writeRows}
        />
      )}
      {target && (
        <SuggestSection
          key={`suggest-${target.index}-${state.snapshot?.bytes ?? 0}`}
          target={target}
          plan={state.plan}
          snapshot={state.snapshot}
          disabled={disabled}
          onApply={actions.applySuggestions}
        />
      )}
    </>
  );
}
