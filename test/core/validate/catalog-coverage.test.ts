// Every code in the catalog is named by an exact-list test: the per-rule tests under test/core/validate/rules/ assert
// the whole list of (cell, code) a sheet gets, so a code none of them names could be lost or raised by mistake
// unnoticed. Those files assert whole lists only: no arrayContaining / toContainEqual / objectContaining there.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../../core/validate/catalog.ts';
import { REPO_ROOT } from '../../support/paths.ts';

const RULES_TESTS = path.join(REPO_ROOT, 'test/core/validate/rules');
const files = readdirSync(RULES_TESTS)
  .filter((f) => f.endsWith('.test.ts'))
  .sort();
const sources = new Map(files.map((f) => [f, readFileSync(path.join(RULES_TESTS, f), 'utf8')]));

describe('catalog coverage', () => {
  it('has one test file per rule module of core/validate/rules/', () => {
    const modules = readdirSync(path.join(REPO_ROOT, 'core/validate/rules'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, '.test.ts'));
    expect(modules.filter((m) => !sources.has(m))).toEqual([]);
  });

  it('names every catalog code, quoted, in a test file under test/core/validate/rules/', () => {
    const unnamed = ISSUE_CODES.filter((code) => ![...sources.values()].some((src) => src.includes(`'${code}'`)));
    expect(unnamed).toEqual([]);
  });

  it('asserts whole issue lists there: no partial matchers', () => {
    const partial = [...sources].flatMap(([file, src]) =>
      ['arrayContaining', 'toContainEqual', 'objectContaining'].filter((m) => src.includes(m)).map((m) => `${file}: ${m}`),
    );
    expect(partial).toEqual([]);
  });
});
