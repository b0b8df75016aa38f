// Renumber TT cells with core's numbering fixes (preview first, in the same dialog as "fix all").
import { Button } from '@fluentui/react-components';
import { useStrings } from '../app/strings-context.ts';
import { Section } from './Section.tsx';

export function RenumberSection({ disabled, onRenumber }: { disabled: boolean; onRenumber: () => void }) {
  const s = useStrings();
  return (
    <Section title={s.renumberTitle} intro={s.renumberIntro} testId="renumber-section">
      <div>
        <Button onClick={onRenumber} disabled={disabled}>
          {s.renumber}
        </Button>
      </div>
    </Section>
  );
}
