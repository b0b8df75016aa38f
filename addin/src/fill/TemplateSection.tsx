// Insert the standard tasks or indicators appendix as a new sheet.
import { Button, Radio, RadioGroup, Field } from '@fluentui/react-components';
import { useState } from 'react';
import { useStrings } from '../app/strings-context.ts';
import type { TemplateKind } from '../logic/template-values.ts';
import { Section } from './Section.tsx';

export function TemplateSection({ disabled, onInsert }: { disabled: boolean; onInsert: (kind: TemplateKind) => void }) {
  const s = useStrings();
  const [kind, setKind] = useState<TemplateKind>('tasks');
  return (
    <Section title={s.templateTitle} intro={s.templateIntro} testId="template-section">
      <Field label={s.templateKind}>
        <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as TemplateKind)} layout="horizontal">
          <Radio value="tasks" label={s.templateTasks} />
          <Radio value="indicators" label={s.templateIndicators} />
        </RadioGroup>
      </Field>
      <div>
        <Button onClick={() => onInsert(kind)} disabled={disabled}>
          {s.insertTemplate}
        </Button>
      </div>
    </Section>
  );
}
