// Paths tests share: the repository root and the read-only shared/ folder beside it (fixtures, seeds, data).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = process.env.PHULUC_SHARED ?? path.resolve(REPO_ROOT, '../shared');
export const FIXTURES = path.join(SHARED, 'fixtures');
export const SEEDS = path.join(SHARED, 'seeds');

/** Absolute path of a fixture workbook, e.g. fixture('cam-giang-phu-luc.xlsx'). */
export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}
