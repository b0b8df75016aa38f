// The commune by name: a search box over the 2025 list (core's searchCommunes), each answer with its province, so
// look-alike names are told apart; an editor's sign-in fixes the commune, a consolidator's narrows it to the province.
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { findCommune, searchCommunes } from '../../../core/dvhc.ts';
import { useStrings } from '../app/strings-context.ts';

const useStyles = makeStyles({
  chosen: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  option: { justifyContent: 'flex-start', textAlign: 'start', width: '100%', fontWeight: tokens.fontWeightRegular },
  province: { color: tokens.colorNeutralForeground3 },
  fixed: { color: tokens.colorNeutralForeground3 },
});

export interface CommunePickerProps {
  /** The chosen commune's code ('' for none). */
  value: string;
  onChange: (code: string) => void;
  /** The sign-in's commune: shown, not changeable. */
  fixed?: boolean;
  /** A consolidator's province: only its communes are found. */
  provinceCode?: string | null;
  disabled: boolean;
}

export function CommunePicker({ value, onChange, fixed = false, provinceCode, disabled }: CommunePickerProps) {
  const s = useStrings();
  const styles = useStyles();
  const chosen = value ? findCommune(value) : undefined;
  const [query, setQuery] = useState('');
  const [searching, setSearching] = useState(!chosen);
  if (chosen && (!searching || fixed)) {
    return (
      <Field label={s.bindCommune}>
        <div className={styles.chosen} data-testid="commune-chosen">
          <Text weight="semibold">{s.communeName(chosen.name, chosen.provinceName)}</Text>
          {fixed ? (
            <Text size={200} className={styles.fixed}>
              ({s.bindCommuneFixed})
            </Text>
          ) : (
            <Button size="small" onClick={() => setSearching(true)} disabled={disabled}>
              {s.bindCommuneChange}
            </Button>
          )}
        </div>
      </Field>
    );
  }
  const found = query.trim() ? searchCommunes(query, { limit: 8, ...(provinceCode ? { provinceCode } : {}) }) : [];
  return (
    <Field label={s.bindCommune} hint={s.bindCommuneSearch}>
      <Input value={query} onChange={(_, d) => setQuery(d.value)} name="commune" type="search" autoComplete="off" />
      {query.trim() !== '' &&
        (found.length === 0 ? (
          <Text size={200}>{s.bindCommuneNone}</Text>
        ) : (
          <ul className={styles.list} aria-label={s.bindCommuneResults} data-testid="commune-results">
            {found.map((c) => (
              <li key={c.code}>
                <Button
                  className={styles.option}
                  appearance="subtle"
                  size="small"
                  disabled={disabled}
                  onClick={() => {
                    onChange(c.code);
                    setQuery('');
                    setSearching(false);
                  }}
                >
                  <span>
                    {c.name} <span className={styles.province}>· {c.provinceName}</span>
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        ))}
    </Field>
  );
}
