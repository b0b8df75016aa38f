// Import rules: the Excel layer runs in the browser (core/ and itself only); the fake host bundles for the browser too.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/paths.ts';

const SPECIFIER = /(?:^|\s|;)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(SPECIFIER)].map((m) => (m[1] ?? m[2])!);
}

describe('import boundaries', () => {
  it('addin/src/excel imports only core/ and its own files', () => {
    const dir = path.join(REPO_ROOT, 'addin/src/excel');
    const problems: string[] = [];
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      for (const spec of importsOf(path.join(dir, name))) {
        const target = path.resolve(dir, spec);
        const ok = spec.startsWith('.') && (path.dirname(target) === dir || target.startsWith(path.join(REPO_ROOT, 'core') + path.sep));
        if (!ok) problems.push(`${name}: ${spec}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('fake-host.ts and everything it imports stay free of Node modules and exceljs', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) problems.push(`${path.relative(REPO_ROOT, file)}: ${spec}`);
        else visit(path.resolve(path.dirname(file), spec));
      }
    };
    visit(path.join(REPO_ROOT, 'test/support/fake-excel/fake-host.ts'));
    expect(seen.size).toBeGreaterThan(10);
    expect([...seen].some((f) => f.endsWith('snapshot.ts'))).toBe(false);
    expect(problems).toEqual([]);
  });
});
