// The browser bundles (web pages, task pane) must not reach a node: module through any import chain: Vite would
// leave it out and the page would fail at run time (as it once did when the zip reader switched to node:zlib).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.ts';
import { importsOf } from '../support/imports.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every node: (or node built-in) import reachable from `roots` through relative imports, with the chain that reaches it. */
function nodeImports(roots: string[]): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('node:')) found.push([...chain, path.relative(REPO_ROOT, file), spec].join(' → '));
      else if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        if (existsSync(target) && statSync(target).isFile()) visit(target, [...chain, path.relative(REPO_ROOT, file)]);
      }
    }
  };
  for (const r of roots) visit(r, []);
  return found;
}

describe('browser bundles', () => {
  it('finds a node: import through a chain (the checker works)', () => {
    expect(nodeImports([path.join(REPO_ROOT, 'server/xlsx/read.ts')]).some((c) => c.includes('node:'))).toBe(true);
  });

  it.each(['web/src', 'addin/src'])('%s reaches no node: module', (dir) => {
    expect(nodeImports(sourceFiles(path.join(REPO_ROOT, dir)))).toEqual([]);
  });
});
