// Which commune and which plan this workbook is sent for (remembered in the workbook), or its summary once chosen:
// the commune found by name, the plan picked from the server's list (never typed), the table to send.
import { Button, Field, MessageBar, MessageBarBody, Select, Text, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { canonicalPlanKey, type PlanEntry } from '../../../core/api/index.ts';
import { findCommune } from '../../../core/dvhc.ts';
import { formatDay } from '../../../core/i18n/index.ts';
import { useStrings } from '../app/strings-context.ts';
import { Section } from '../fill/Section.tsx';
import type { SignedIn } from '../state/sync-state.ts';
import { bindingProblem, type SyncBinding } from './binding.ts';
import { CommunePicker } from './CommunePicker.tsx';

export interface BindingSectionProps {
  binding: SyncBinding | null;
  /** The server the binding is made for (the signed-in one). */
  server: string;
  auth: SignedIn | null;
  /** The server's plans (null before they are listed: not signed in yet). */
  plans: PlanEntry[] | null;
  /** appendixKeys of the tables read from the workbook, with a label each. */
  tables: { key: string; label: string }[];
  /** Commune code suggested from the plan's title block ('' when unsure). */
  defaultCommune?: string;
  disabled: boolean;
  onSave: (b: Omit<SyncBinding, 'baseSeq'>) => void;
  onReloadPlans: () => void;
}

const useStyles = makeStyles({
  // A native select is as wide as its longest option: plan names are long, the pane is narrow.
  picker: { width: '100%', maxWidth: '100%', minWidth: 0 },
  pickerSelect: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});

/** The bound plan as the list names it, else its key. */
function planLabel(plans: PlanEntry[] | null, key: string): string {
  return plans?.find((p) => p.key === canonicalPlanKey(key))?.name ?? key;
}

export function BindingSection(p: BindingSectionProps) {
  const { binding, plans, auth, disabled } = p;
  const s = useStrings();
  const styles = useStyles();
  // A key the server does not list (typed in an older version, or the plan was removed): show the list at once.
  const unknown = binding !== null && plans !== null && !plans.some((x) => x.key === canonicalPlanKey(binding.planKey));
  const [editing, setEditing] = useState(binding === null);
  // An editor's sign-in fixes the commune: the token is for that commune only.
  const fixedCommune = auth?.role === 'editor' && auth.commune ? auth.commune : null;
  const [commune, setCommune] = useState(fixedCommune ?? binding?.commune ?? p.defaultCommune ?? '');
  const [planKey, setPlanKey] = useState<string | null>(null);
  const [table, setTable] = useState<string | null>(binding?.table ?? null);
  const chosenCommune = fixedCommune ?? commune;
  const listed = plans ?? [];
  // The picked plan, else the bound one when the list has it, else the newest plan.
  const key =
    planKey ??
    (binding && listed.some((x) => x.key === canonicalPlanKey(binding.planKey))
      ? canonicalPlanKey(binding.planKey)!
      : (listed[0]?.key ?? ''));
  const problem = bindingProblem({ server: p.server, commune: chosenCommune, planKey: key || '-' });

  if (binding && !editing && !unknown) {
    const c = findCommune(binding.commune);
    return (
      <Section title={s.bindTitle} testId="binding-section">
        <Text data-testid="binding-summary">
          {s.bindSummary(c ? s.communeName(c.name, c.provinceName) : binding.commune, planLabel(plans, binding.planKey), binding.baseSeq)}
        </Text>
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
      {unknown && (
        <MessageBar intent="warning" data-testid="plan-unknown">
          <MessageBarBody>{s.bindPlanUnknown(binding.planKey)}</MessageBarBody>
        </MessageBar>
      )}
      <CommunePicker
        value={chosenCommune}
        onChange={setCommune}
        fixed={fixedCommune !== null}
        provinceCode={auth?.role === 'consolidator' ? auth.province : null}
        disabled={disabled}
      />
      <Field label={s.bindPlan}>
        {plans === null ? (
          <Text size={200} data-testid="plans-sign-in">
            {s.bindPlansSignIn}
          </Text>
        ) : plans.length === 0 ? (
          <div>
            <Text size={200}>{s.bindPlansNone}</Text>{' '}
            <Button size="small" appearance="transparent" onClick={p.onReloadPlans} disabled={disabled}>
              {s.bindPlansReload}
            </Button>
          </div>
        ) : (
          // A native select: sure to fit and scroll in a 320 px pane.
          <Select
            value={key}
            onChange={(_, d) => setPlanKey(d.value)}
            name="plan"
            data-testid="plan-picker"
            className={styles.picker}
            select={{ className: styles.pickerSelect }}
          >
            {plans.map((x) => (
              <option key={x.key} value={x.key}>
                {s.bindPlanOption(x.name, x.key, x.dueDate ? formatDay(x.dueDate) : null)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={s.bindTable}>
        <Select value={table ?? ''} onChange={(_, d) => setTable(d.value === '' ? null : d.value)} name="table">
          <option value="">{s.bindAllTables}</option>
          {p.tables.map((t) => (
            <option key={t.key} value={t.key}>
              {t.label}
            </option>
          ))}
          {table !== null && !p.tables.some((t) => t.key === table) && <option value={table}>{table}</option>}
        </Select>
      </Field>
      <div>
        <Button
          appearance="primary"
          disabled={disabled || problem !== null || plans === null || plans.length === 0}
          onClick={() => {
            p.onSave({ server: p.server, commune: chosenCommune, planKey: key, table });
            setEditing(false);
          }}
        >
          {s.bindSave}
        </Button>
        {binding && !unknown && (
          <Button appearance="transparent" onClick={() => setEditing(false)} disabled={disabled}>
            {s.bindCancel}
          </Button>
        )}
      </div>
    </Section>
  );
}
