// Pick a task with empty cells; tick the suggested values to keep (editable); write them in one undoable patch.
import { Button, Checkbox, Combobox, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { PatchValue } from '../../../core/fix/index.ts';
import { parseA1 } from '../../../core/model/index.ts';
import type { Plan } from '../../../core/model/index.ts';
import { cellAt } from '../../../core/model/index.ts';
import { ROLE_NAMES } from '../../../core/validate/index.ts';
import { useLang, useStrings } from '../app/strings-context.ts';
import type { WorkbookSnapshot } from '../excel/port.ts';
import type { Strings } from '../i18n/index.ts';
import { deadlineList, planYears } from '../logic/dropdowns.ts';
import { rowsToComplete, suggestFor, type FieldSuggestion, type Reason } from '../logic/suggestions.ts';
import type { TableTarget } from '../logic/tables.ts';
import { NarrowSelect } from './NarrowSelect.tsx';
import { Section } from './Section.tsx';

const useStyles = makeStyles({
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingLeft: tokens.spacingHorizontalXS },
  note: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXXL,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
  },
  box: { marginLeft: tokens.spacingHorizontalXXL, minWidth: 0 },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200 },
});

export interface SuggestSectionProps {
  target: TableTarget;
  plan: Plan | null;
  snapshot: WorkbookSnapshot | null;
  disabled: boolean;
  onApply: (sheet: string, edits: { cell: string; from: PatchValue; to: string }[]) => Promise<void>;
}

function reasonText(s: Strings, r: Reason): string {
  if (r.kind === 'similar') return s.reasonSimilar(r.row, Math.round(r.similarity * 100));
  if (r.kind === 'catalog') return s.reasonCatalog;
  if (r.kind === 'canonical') return s.reasonCanonical;
  return s.reasonStandard;
}

const short = (t: string, n = 60) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);

export function SuggestSection({ target, plan, snapshot, disabled, onApply }: SuggestSectionProps) {
  const styles = useStyles();
  const s = useStrings();
  const lang = useLang();
  const rows = useMemo(() => rowsToComplete(target), [target]);
  const [rowNo, setRowNo] = useState<number | null>(rows[0]?.source.row ?? null);
  const row = rows.find((r) => r.source.row === rowNo) ?? rows[0];
  const grid = snapshot?.grids.find((g) => g.sheet === target.sheet);
  const rawOf = (cell: string): PatchValue | undefined => {
    const at = parseA1(cell);
    const v = at && grid ? (cellAt(grid, at.row, at.col)?.v ?? null) : null;
    // Only plain values can be stale-checked; a date or boolean cell is left to the user.
    return v === null || typeof v === 'string' || typeof v === 'number' ? v : undefined;
  };
  const suggestions = useMemo(
    () => (row ? suggestFor(target, row, deadlineList(planYears(plan))) : []).filter((f) => rawOf(f.cell) !== undefined),
    [target, row, plan, grid],
  );
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const [values, setValues] = useState<Record<string, string>>({});
  const valueOf = (f: FieldSuggestion) => values[f.cell] ?? f.options[0]!.value;

  const apply = async () => {
    const edits = suggestions
      .filter((f) => ticked[f.cell] && valueOf(f).trim() !== '')
      .map((f) => ({ cell: f.cell, from: rawOf(f.cell) ?? null, to: valueOf(f).trim() }));
    await onApply(target.sheet, edits);
    setTicked({});
    setValues({});
  };

  if (target.kind !== 'tasks') return null;
  return (
    <Section title={s.suggestTitle} intro={s.suggestIntro} testId="suggest-section">
      {!row ? (
        <p className={styles.hint}>{s.suggestNone}</p>
      ) : (
        <>
          <Field label={s.suggestRow}>
            <NarrowSelect
              value={String(row.source.row)}
              onChange={(_, d) => {
                setRowNo(Number(d.value));
                setTicked({});
                setValues({});
              }}
            >
              {rows.map((r) => (
                <option key={r.source.row} value={r.source.row}>
                  {s.suggestRowOption(r.source.row, r.tt ?? '', short(r.fields.content ?? ''))}
                </option>
              ))}
            </NarrowSelect>
          </Field>
          {suggestions.length === 0 && <p className={styles.hint}>{s.suggestNothing}</p>}
          {suggestions.map((f) => {
            const name = ROLE_NAMES[f.role][lang];
            const chosen = f.options.find((o) => o.value === valueOf(f));
            return (
              <div key={f.cell} className={styles.field}>
                <Checkbox
                  checked={ticked[f.cell] === true}
                  onChange={(_, d) => setTicked({ ...ticked, [f.cell]: d.checked === true })}
                  label={`${s.suggestUse(name)} (${f.cell})`}
                />
                <Combobox
                  className={styles.box}
                  freeform
                  aria-label={`${name} (${f.cell})`}
                  value={valueOf(f)}
                  onChange={(e) => setValues({ ...values, [f.cell]: e.target.value })}
                  onOptionSelect={(_, d) => d.optionValue !== undefined && setValues({ ...values, [f.cell]: d.optionValue })}
                >
                  {f.options.map((o) => (
                    <Option key={o.value} value={o.value} text={o.value}>
                      {o.value}
                    </Option>
                  ))}
                </Combobox>
                <p className={styles.note}>
                  {chosen ? reasonText(s, chosen.reason) : ''}
                  {f.current !== '' ? ` · ${s.suggestCurrent(short(f.current, 40))}` : ''}
                </p>
              </div>
            );
          })}
          <div>
            <Button appearance="primary" onClick={() => void apply()} disabled={disabled || !suggestions.some((f) => ticked[f.cell])}>
              {s.suggestApply}
            </Button>
          </div>
        </>
      )}
    </Section>
  );
}
