// Backup files taken apart and put back together by the tests: lines out of the gzip, lines into a gzip with a
// recomputed end line (so a test can make a file whose checks pass but whose rows cannot be written).
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';

/** The file's lines, parsed. */
export async function backupLines(file: string): Promise<Record<string, unknown>[]> {
  return gunzipSync(await readFile(file))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Write `lines` (without an end line) as a backup with a correct end line: counts and SHA-256 recomputed. */
export async function writeBackupLines(file: string, lines: Record<string, unknown>[]): Promise<void> {
  const body = lines.map((l) => `${JSON.stringify(l)}\n`).join('');
  const tables: { name: string; rows: number }[] = [];
  for (const l of lines) {
    if (l.kind === 'table') tables.push({ name: String(l.name), rows: 0 });
    if (l.kind === 'row') tables.at(-1)!.rows++;
  }
  const end = { kind: 'end', tables, sha256: createHash('sha256').update(body).digest('hex') };
  await writeFile(file, gzipSync(`${body}${JSON.stringify(end)}\n`));
}
