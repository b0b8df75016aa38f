// Import specifiers of a source text, read the way the boundary tests need (static, dynamic, require, re-export).

const SPECIFIER = /(?:^|\s|;)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\s|;)import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

/**
 * Every import specifier in a source text.
 * @example importsOf("import { z } from 'zod';") // ['zod']
 */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(SPECIFIER)) out.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  return out;
}
