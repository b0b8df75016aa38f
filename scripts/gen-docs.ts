// Write generated docs: docs/rules.md from the rule catalog.
import { writeFileSync } from 'node:fs';
import { rulesMarkdown } from '../core/validate/index.ts';

writeFileSync(new URL('../docs/rules.md', import.meta.url), rulesMarkdown());
console.log('docs/rules.md written');
