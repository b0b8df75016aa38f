// "Đồng bộ": a placeholder until sync lands in the pane (next issue); it says what to use meanwhile.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useStrings } from '../app/strings-context.ts';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export function SyncPanel() {
  const styles = useStyles();
  const s = useStrings();
  return (
    <section className={styles.box} aria-labelledby="sync-title" data-testid="sync-panel">
      <h2 className={styles.title} id="sync-title">{s.syncTitle}</h2>
      <p className={styles.text}>{s.syncBody}</p>
      <p className={styles.muted}>{s.syncMeanwhile}</p>
    </section>
  );
}
