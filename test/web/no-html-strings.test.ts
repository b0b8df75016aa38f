// The pages never turn data into markup, never run strings as code and never set inline styles: checked on the source.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.ts';

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(p)));
    else if (/\.(ts|html)$/.test(e.name)) out.push(p);
  }
  return out;
}

describe('web sources', () => {
  it('use no innerHTML, eval, inline handlers, inline scripts or style attributes', async () => {
    const bad: string[] = [];
    const rules: [RegExp, string][] = [
      [/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment/, 'HTML from strings'],
      [/\beval\(|new Function\(/, 'code from strings'],
      [/setAttribute\(\s*['"](style|on\w+)['"]/, 'inline style or handler attribute'],
      [/<script(?![^>]*\bsrc=)[^>]*>/, 'inline script'],
      [/\sstyle="|\son[a-z]+="/, 'inline style or handler in HTML'],
    ];
    for (const f of await files(path.join(REPO_ROOT, 'web'))) {
      const text = await readFile(f, 'utf8');
      for (const [re, what] of rules) if (re.test(text)) bad.push(`${path.relative(REPO_ROOT, f)}: ${what}`);
    }
    expect(bad).toEqual([]);
  });
});
