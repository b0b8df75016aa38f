// docs/rules.md is generated from the catalog: the committed file must equal what the catalog produces.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../../core/validate/catalog.ts';
import { rulesMarkdown } from '../../../core/validate/rules-doc.ts';
import { REPO_ROOT } from '../../support/paths.ts';

describe('docs/rules.md', () => {
  it('is up to date with the catalog (run `npm run docs`)', () => {
    expect(readFileSync(path.join(REPO_ROOT, 'docs/rules.md'), 'utf8')).toBe(rulesMarkdown());
  });

  it('names every code, and codes are stable kebab-case', () => {
    const md = rulesMarkdown();
    for (const code of ISSUE_CODES) {
      expect(code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(md).toContain(`\`${code}\``);
    }
  });
});
