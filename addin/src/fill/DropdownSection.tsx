// Dropdowns for the chosen table's lead, partners and deadline columns.
import { Button } from '@fluentui/react-components';
import type { Plan } from '../../../core/model/index.ts';
import { useStrings } from '../app/strings-context.ts';
import { dropdownSpec } from '../logic/dropdowns.ts';
import type { TableTarget } from '../logic/tables.ts';
import { Section } from './Section.tsx';

export interface DropdownSectionProps {
  target: TableTarget;
  plan: Plan | null;
  disabled: boolean;
  onAdd: (tableIndex: number) => void;
}

export function DropdownSection({ target, plan, disabled, onAdd }: DropdownSectionProps) {
  const s = useStrings();
  const spec = dropdownSpec(target, plan);
  return (
    <Section
      title={s.dropdownTitle}
      intro={spec ? s.dropdownIntro(spec.lists.agencies.length, spec.lists.deadlines.length) : s.dropdownNoColumns}
      testId="dropdown-section"
    >
      <div>
        <Button onClick={() => onAdd(target.index)} disabled={disabled || !spec}>
          {s.addDropdowns}
        </Button>
      </div>
    </Section>
  );
}
