// The one notice line (result of the last action, or an error), announced to screen readers as it changes.
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { Notice } from '../state/pane-state.ts';
import { useLang, useStrings } from './strings-context.ts';

const useStyles = makeStyles({
  region: { paddingInline: tokens.spacingHorizontalM, paddingTop: tokens.spacingVerticalS },
});

export function NoticeBar({ notice, onDismiss }: { notice: Notice | null; onDismiss: () => void }) {
  const styles = useStyles();
  const s = useStrings();
  const lang = useLang();
  // The live region stays mounted so that assistive technology hears every new notice.
  return (
    <div className={styles.region} aria-live={notice?.intent === 'error' ? 'assertive' : 'polite'} data-testid="notice">
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>{notice.text(s, lang)}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" aria-label={s.dismiss} onClick={onDismiss}>
                ×
              </Button>
            }
          />
        </MessageBar>
      )}
    </div>
  );
}
