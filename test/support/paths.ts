// Paths tests share: the repository root and the in-repository fixtures (workbooks, seed plans, real tables, schemas).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Material that arrived from outside, copied once into the repository: tests read it only from here. */
export const TEST_FIXTURES = path.join(REPO_ROOT, 'test/fixtures');
export const FIXTURES = path.join(TEST_FIXTURES, 'workbooks');
export const SEEDS = path.join(TEST_FIXTURES, 'seeds');
/** Published appendix tables with hand-checked labels (see test/fixtures/real/README.md). */
export const REAL = path.join(TEST_FIXTURES, 'real');

/** Absolute path of a fixture workbook, e.g. fixture('cam-giang-phu-luc.xlsx'). */
export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

/** Every file in `dir` whose name ends with `ext` (e.g. '.xlsx'), as absolute paths in directory order. */
export function filesIn(dir: string, ext: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .map((f) => path.join(dir, f));
}
