// Run the real CLI (node bin/phuluc) from a test and read its JSON.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { CheckDocument } from '../../../core/validate/index.ts';
import { REPO_ROOT } from '../../support/paths.ts';

const run = promisify(execFile);

/**
 * `phuluc check --format json FILE` (exit 1 = errors found is still a result).
 * @example (await cliCheck('x.xlsx')).files[0]!.stats.fixable
 */
export async function cliCheck(file: string): Promise<CheckDocument> {
  const out = await run(process.execPath, [path.join(REPO_ROOT, 'bin', 'phuluc'), 'check', '--format', 'json', file], {
    cwd: REPO_ROOT,
    maxBuffer: 32 << 20,
  }).catch((err: { code?: number; stdout?: string }) => {
    if (err.code === 1 && err.stdout) return { stdout: err.stdout };
    throw err;
  });
  return JSON.parse(out.stdout) as CheckDocument;
}

/**
 * A check document flattened to [sheet, cell or row, code] — what the page must list too.
 * @example flatIssues(doc)[0] // ['Phụ lục I', '5', 'missing-column']
 */
export function flatIssues(doc: CheckDocument): string[][] {
  return doc.files.flatMap((f) =>
    f.tables.flatMap((t) => t.issues.map((i) => [t.sheet, i.cell ?? (i.row === null ? '' : String(i.row)), i.code])),
  );
}
