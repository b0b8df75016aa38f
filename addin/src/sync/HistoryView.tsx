// The submissions of the plan: who sent what when ("05/12/2026 17:49"); one's changes by task; restore one (as a new one).
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatDateTime } from '../../../core/i18n/index.ts';
import { useStrings } from '../app/strings-context.ts';
import type { HistoryView as History } from '../state/sync-state.ts';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  rev: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    padding: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  changes: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
  },
  field: { color: tokens.colorNeutralForeground2 },
});

export function HistoryView({
  history,
  disabled,
  onSelect,
  onRestore,
  onClose,
}: {
  history: History;
  disabled: boolean;
  onSelect: (seq: number) => void;
  onRestore: (seq: number) => void;
  onClose: () => void;
}) {
  const s = useStrings();
  const styles = useStyles();
  const short = (t: string | null) => (t === null ? '∅' : t.length > 40 ? `${t.slice(0, 40)}…` : t);
  return (
    <section className={styles.box} aria-labelledby="history-title" data-testid="history-view">
      <h2 className={styles.title} id="history-title">
        {s.historyTitle}
      </h2>
      <ul className={styles.list}>
        {history.revisions.map((r) => (
          <li
            key={r.seq}
            className={`${styles.rev} ${history.selected === r.seq ? styles.selected : ''}`}
            data-testid="revision"
            data-seq={r.seq}
          >
            <Button appearance="transparent" size="small" onClick={() => onSelect(r.seq)} disabled={disabled}>
              {s.historyRevision(r.seq)} · {s.historyKind[r.kind] ?? r.kind}
            </Button>
            <Text size={200}>
              {/* The person (never the machine id in `author`), and the time as an official writes it. */}
              {s.historyWho(r.authorName)} · {formatDateTime(r.createdAt)}
              {r.message ? ` · ${r.message}` : ''}
            </Text>
            {history.selected === r.seq && history.changes && (
              <div data-testid="revision-changes">
                <Text size={200} weight="semibold">
                  {s.historyChanges(r.seq)}
                </Text>
                {history.changes.length === 0 ? (
                  <Text size={200}>{s.historyNoChanges}</Text>
                ) : (
                  <ul className={styles.changes}>
                    {history.changes.slice(0, 50).map((c) => (
                      <li key={`${c.appendix}:${c.taskId}`}>
                        {s.changeKind[c.change]} · {c.tt ?? ''} {short(c.content)}
                        {c.fields?.map((f) => (
                          <div key={f.field} className={styles.field}>
                            {s.fieldName[f.field] ?? f.field}: {short(f.before)} → {short(f.after)}
                          </div>
                        ))}
                      </li>
                    ))}
                  </ul>
                )}
                <Button size="small" onClick={() => onRestore(r.seq)} disabled={disabled}>
                  {s.historyRestore(r.seq)}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <div>
        <Button onClick={onClose} disabled={disabled}>
          {s.historyClose}
        </Button>
      </div>
    </section>
  );
}
