// The push queue as the user sees it: each waiting push with its state (đang chờ / đang gửi / lỗi) and next try.
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useStrings } from '../app/strings-context.ts';
import type { QueuedPush } from './queue.ts';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: tokens.spacingVerticalXS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

const time = (ms: number, lang: string) =>
  new Date(ms).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'vi-VN', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function QueueList({
  items,
  disabled,
  onRetry,
  onDiscard,
}: {
  items: QueuedPush[];
  disabled: boolean;
  onRetry: () => void;
  onDiscard: (key: string) => void;
}) {
  const s = useStrings();
  const styles = useStyles();
  if (items.length === 0)
    return (
      <Text size={200} data-testid="queue-empty">
        {s.queueEmpty}
      </Text>
    );
  return (
    <div data-testid="queue">
      <ul className={styles.list} aria-label={s.queueTitle}>
        {items.map((i) => (
          <li key={i.key} className={styles.item} data-testid="queue-item" data-state={i.state}>
            <div className={styles.row}>
              <Badge appearance="tint" color={i.state === 'error' ? 'danger' : i.state === 'sending' ? 'brand' : 'informative'}>
                {s.queueState[i.state]}
              </Badge>
              <Text size={200}>{s.queueItem(time(i.createdAt, s.lang), i.baseSeq, i.attempts)}</Text>
            </div>
            {i.error && (
              <Text size={200}>
                {s.lang === 'en' ? i.error.messageEn : i.error.message}
                {i.error.retry && i.nextAt > 0 ? ` · ${s.queueNext(time(i.nextAt, s.lang))}` : ''}
              </Text>
            )}
            <div className={styles.row}>
              <Button size="small" onClick={() => onDiscard(i.key)} disabled={disabled || i.state === 'sending'}>
                {s.discard}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <Button size="small" onClick={onRetry} disabled={disabled}>
        {s.retryNow}
      </Button>
    </div>
  );
}
