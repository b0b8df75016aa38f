// In place of the notice line when the page is open in a plain browser: where the pane belongs, and where to check a
// file without Excel (the /kiem-tra page of the same server).
import { Link, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useStrings } from './strings-context.ts';

const useStyles = makeStyles({
  region: { paddingInline: tokens.spacingHorizontalM, paddingTop: tokens.spacingVerticalS },
});

export function OutsideOffice() {
  const s = useStrings();
  const styles = useStyles();
  return (
    <div className={styles.region} data-testid="outside-office">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{s.notInExcel}</MessageBarTitle> {s.notInExcelHow}{' '}
          <span>
            {s.notInExcelCheck} <Link href="/kiem-tra">{s.notInExcelLink}</Link>
          </span>
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
