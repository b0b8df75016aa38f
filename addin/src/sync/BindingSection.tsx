// Which plan on which server this workbook syncs with (saved in the workbook), or its summary once saved.
import { Button, Field, Input, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useStrings } from '../app/strings-context.ts';
import { Section } from '../fill/Section.tsx';
import { bindingProblem, type SyncBinding } from './binding.ts';

export interface BindingSectionProps {
  binding: SyncBinding | null;
  /** appendixKeys of the tables read from the workbook, with a label each. */
  tables: { key: string; label: string }[];
  defaultServer: string;
  /** Commune code suggested from the plan's title block ('' when unsure). */
  defaultCommune?: string;
  disabled: boolean;
  onSave: (b: Omit<SyncBinding, 'baseSeq'>) => void;
}

export function BindingSection({ binding, tables, defaultServer, defaultCommune = '', disabled, onSave }: BindingSectionProps) {
  const s = useStrings();
  const [editing, setEditing] = useState(binding === null);
  const [server, setServer] = useState(binding?.server ?? defaultServer);
  const [commune, setCommune] = useState(binding?.commune ?? defaultCommune);
  const [planKey, setPlanKey] = useState(binding?.planKey ?? 'NQ57-2026');
  const [table, setTable] = useState<string | null>(binding?.table ?? null);
  const problem = bindingProblem({ server, commune, planKey });
  if (binding && !editing) {
    return (
      <Section title={s.bindTitle} testId="binding-section">
        <Text data-testid="binding-summary">{s.bindSummary(binding.commune, binding.planKey, binding.baseSeq)}</Text>
        <Text size={200}>{binding.server}</Text>
        <div>
          <Button size="small" onClick={() => setEditing(true)} disabled={disabled}>
            {s.bindEdit}
          </Button>
        </div>
      </Section>
    );
  }
  return (
    <Section title={s.bindTitle} intro={s.bindHint} testId="binding-section">
      <Field label={s.bindServer} validationMessage={problem === 'server' ? s.bindProblem.server : undefined}>
        <Input value={server} onChange={(_, d) => setServer(d.value)} type="url" name="server" />
      </Field>
      <Field label={s.bindCommune} validationMessage={problem === 'commune' && commune !== '' ? s.bindProblem.commune : undefined}>
        <Input value={commune} onChange={(_, d) => setCommune(d.value)} inputMode="numeric" name="commune" />
      </Field>
      <Field label={s.bindPlanKey} validationMessage={problem === 'planKey' ? s.bindProblem.planKey : undefined}>
        <Input value={planKey} onChange={(_, d) => setPlanKey(d.value)} name="planKey" />
      </Field>
      <Field label={s.bindTable}>
        {/* A native select: sure to fit and scroll in a 320 px pane. */}
        <Select value={table ?? ''} onChange={(_, d) => setTable(d.value === '' ? null : d.value)}>
          <option value="">{s.bindAllTables}</option>
          {tables.map((t) => (
            <option key={t.key} value={t.key}>
              {t.label}
            </option>
          ))}
          {table !== null && !tables.some((t) => t.key === table) && <option value={table}>{table}</option>}
        </Select>
      </Field>
      <div>
        <Button
          appearance="primary"
          disabled={disabled || problem !== null}
          onClick={() => {
            onSave({ server, commune, planKey, table });
            setEditing(false);
          }}
        >
          {s.bindSave}
        </Button>
      </div>
    </Section>
  );
}
