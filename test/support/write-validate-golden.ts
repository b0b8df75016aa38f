// Write the golden validation reports with the current code: `node --import tsx test/support/write-validate-golden.ts`.
// Run it only when a change of answers is intended (a rule fixed), and review the diff.
import { mkdirSync, writeFileSync } from 'node:fs';
import { GOLDEN_DIR, goldenAnswer, goldenCases, goldenFile } from './validate-golden.ts';

mkdirSync(GOLDEN_DIR, { recursive: true });
for (const c of goldenCases()) {
  writeFileSync(goldenFile(c), `${JSON.stringify(await goldenAnswer(c))}\n`);
}
console.log(`wrote ${goldenCases().length} golden answers to ${GOLDEN_DIR}`);
