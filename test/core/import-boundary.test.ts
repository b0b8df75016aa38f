// core/ must run in the task pane and on the server: it may import only itself and zod.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf } from '../support/imports.ts';
import { REPO_ROOT } from '../support/paths.ts';

const CORE = path.join(REPO_ROOT, 'core');
const ALLOWED_PACKAGES = new Set(['zod']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [p] : [];
  });
}


function violation(file: string, spec: string): string | null {
  if (spec.startsWith('.')) {
    const target = path.resolve(path.dirname(file), spec);
    return target.startsWith(CORE + path.sep) ? null : `${spec} (leaves core/)`;
  }
  const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
  return ALLOWED_PACKAGES.has(pkg) ? null : `${spec} (package not allowed in core/)`;
}

describe('core import boundary', () => {
  it('finds imports the way the checker reads them', () => {
    const sample = `import { z } from 'zod';\nimport type { X } from '../server/app.ts';\nexport * from './a.ts';\nconst m = await import('node:fs');\nimport 'react';`;
    expect(importsOf(sample)).toEqual(['zod', '../server/app.ts', './a.ts', 'node:fs', 'react']);
    expect(violation(path.join(CORE, 'x.ts'), 'node:fs')).not.toBeNull();
    expect(violation(path.join(CORE, 'x.ts'), 'hono')).not.toBeNull();
    expect(violation(path.join(CORE, 'x.ts'), '../addin/src/a.ts')).not.toBeNull();
    expect(violation(path.join(CORE, 'x.ts'), 'fs')).not.toBeNull();
    expect(violation(path.join(CORE, 'read', 'x.ts'), '../text/fold.ts')).toBeNull();
  });

  it('core/ imports nothing from addin, server, React, Hono, Office, exceljs or Node', () => {
    const files = sourceFiles(CORE);
    expect(files.length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const file of files) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const v = violation(file, spec);
        if (v) problems.push(`${path.relative(REPO_ROOT, file)}: ${v}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
