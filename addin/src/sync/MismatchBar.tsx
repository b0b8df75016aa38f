// The question a push held back by the server asks: the plan's title names another commune than the one it is sent for.
// "Vẫn gửi cho …" sends it again, confirmed; "Không gửi" drops it. Nothing is stored until then.
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { findCommune } from '../../../core/dvhc.ts';
import { useStrings } from '../app/strings-context.ts';
import type { SyncState } from '../state/sync-state.ts';

const useStyles = makeStyles({
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginTop: tokens.spacingVerticalS },
});

export interface MismatchBarProps {
  mismatch: NonNullable<SyncState['mismatch']>;
  disabled: boolean;
  onSend: () => void;
  onDrop: () => void;
}

export function MismatchBar({ mismatch, disabled, onSend, onDrop }: MismatchBarProps) {
  const s = useStrings();
  const styles = useStyles();
  const d = mismatch.details;
  const target = s.communeName(d.targetCommune.name, d.targetCommune.provinceName);
  const fileProvince = d.fileCommuneCode ? (findCommune(d.fileCommuneCode)?.provinceName ?? null) : null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="commune-mismatch">
      <MessageBarBody>
        <MessageBarTitle>{s.mismatchTitle}</MessageBarTitle> {s.mismatchText(d.fileCommune, fileProvince, target)}
        <div className={styles.buttons}>
          <Button size="small" appearance="primary" onClick={onSend} disabled={disabled}>
            {s.mismatchSend(target)}
          </Button>
          <Button size="small" onClick={onDrop} disabled={disabled}>
            {s.mismatchCancel}
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
