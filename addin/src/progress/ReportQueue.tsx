// The reports waiting to be sent, each with its state (đang chờ / đang gửi / lỗi) and the server's words on a failure.
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useLang, useStrings } from '../app/strings-context.ts';
import type { QueuedReport } from '../state/progress-state.ts';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export function ReportQueue({
  items,
  disabled,
  onRetry,
  onDiscard,
}: {
  items: QueuedReport[];
  disabled: boolean;
  onRetry: () => void;
  onDiscard: (key: string) => void;
}) {
  const s = useStrings();
  const lang = useLang();
  const styles = useStyles();
  return (
    <div data-testid="progress-queue">
      <ul className={styles.list} aria-label={s.progress.queueTitle}>
        {items.map((i) => (
          <li key={i.key} className={styles.item} data-testid="progress-queue-item" data-state={i.state}>
            <Badge appearance="tint" color={i.state === 'error' ? 'danger' : 'informative'}>
              {s.progress.queueState[i.state]}
            </Badge>
            {i.error && <Text size={200}>{lang === 'en' ? i.error.messageEn : i.error.message}</Text>}
            <Button size="small" onClick={() => onDiscard(i.key)} disabled={disabled || i.state === 'sending'}>
              {s.progress.drop}
            </Button>
          </li>
        ))}
      </ul>
      <Button size="small" onClick={onRetry} disabled={disabled}>
        {s.progress.retry}
      </Button>
    </div>
  );
}
