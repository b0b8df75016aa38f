// docs/quan-tri/sao-luu.md as an administrator follows it: the nightly backup units it prints are deploy/'s, verbatim,
// and pass systemd-analyze verify; its one-line PGlite → PostgreSQL move, run as written (phuluc → node bin/phuluc, the
// folder and address swapped for a test's), moves every row; so do its pg_dump / pg_restore lines between two
// PostgreSQL databases.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connect.ts';
import { seedPlans } from '../../server/store/registry.ts';
import { createToken } from '../../server/store/tokens.ts';
import { dropPostgres, emptyPostgres, freshPostgres, removeDir, TEST_PLANS } from '../support/db.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { snapshot } from '../server/backup/snapshot.ts';

const PAGE = readFileSync(path.join(REPO_ROOT, 'docs/quan-tri/sao-luu.md'), 'utf8');
const deploy = (name: string) => readFileSync(path.join(REPO_ROOT, 'deploy', name), 'utf8');
const blocks = (lang: string) => [...PAGE.matchAll(/^```([a-z]*)\n([\s\S]*?)^```$/gm)].filter((m) => m[1] === lang).map((m) => m[2]!);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'phuluc-sao-luu-'));
const made: string[] = [];
afterAll(async () => {
  await dropPostgres(made);
  await removeDir(tmp);
});

/** A new, empty PostgreSQL database (no schema), dropped after the suite. */
async function emptyDatabase(): Promise<string> {
  const { name, url } = await emptyPostgres('phuluc_doc');
  made.push(name);
  return url;
}

describe('docs/quan-tri/sao-luu.md', { timeout: 180_000 }, () => {
  it('prints deploy/phuluc-backup.service and .timer exactly, and systemd-analyze verify finds nothing to say', () => {
    expect(blocks('ini')).toEqual([deploy('phuluc-backup.service'), deploy('phuluc-backup.timer')]);
    const r = spawnSync('systemd-analyze', ['verify', 'deploy/phuluc-backup.service', 'deploy/phuluc-backup.timer'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('its pg_dump / pg_restore lines copy every row from one PostgreSQL database to an empty one', async () => {
    const lines = blocks('sh')
      .flatMap((b) => b.split('\n'))
      .filter((l) => l.startsWith('pg_dump ') || l.startsWith('pg_restore '));
    expect(lines).toEqual([
      'pg_dump --format=custom --no-owner --file=phuluc-2026-12-05.dump "$DATABASE_URL"',
      'pg_restore --no-owner --single-transaction --dbname=postgres://phuluc@127.0.0.1/phuluc_moi phuluc-2026-12-05.dump',
    ]);
    const source = await freshPostgres();
    const target = await emptyDatabase();
    try {
      await createToken(source.db, { role: 'admin', label: 'quản trị', createdBy: 'test' });
      const dump = path.join(tmp, 'phuluc-2026-12-05.dump');
      const run = (line: string) =>
        promisify(execFile)(
          'sh',
          ['-c', line.replace('phuluc-2026-12-05.dump', `"${dump}"`).replace('postgres://phuluc@127.0.0.1/phuluc_moi', target)],
          {
            env: { ...process.env, DATABASE_URL: source.url },
          },
        );
      await run(lines[0]!);
      await run(lines[1]!);
      const restored = await openDatabase({ url: target, migrate: false });
      try {
        expect(await snapshot(restored.db as unknown as Kysely<unknown>)).toEqual(await snapshot(source.db as unknown as Kysely<unknown>));
      } finally {
        await restored.close();
      }
    } finally {
      await source.close();
    }
  });

  it('its PGlite → PostgreSQL command moves every row', async () => {
    const [line, ...more] = blocks('sh')
      .flatMap((b) => b.split('\n'))
      .filter((l) => l.startsWith('phuluc backup --data') && l.includes('| phuluc restore'));
    expect([line, more]).toEqual([
      'phuluc backup --data /var/lib/phuluc/data | phuluc restore --database-url postgres://phuluc@127.0.0.1/phuluc',
      [],
    ]);
    const data = path.join(tmp, 'data');
    const source = await openDatabase({ dataDir: data });
    await seedPlans(source.db, TEST_PLANS, 'test');
    await createToken(source.db, { role: 'editor', communeCode: '10903', label: 'xã', createdBy: 'test' });
    const before = await snapshot(source.db as unknown as Kysely<unknown>);
    await source.close();
    const url = await emptyDatabase();
    const node = `"${process.execPath}" "${path.join(REPO_ROOT, 'bin/phuluc')}"`;
    const run = line!
      .replaceAll('phuluc backup', `${node} backup`)
      .replaceAll('phuluc restore', `${node} restore`)
      .replace('/var/lib/phuluc/data', `"${data}"`)
      .replace('postgres://phuluc@127.0.0.1/phuluc', `"${url}"`);
    await promisify(execFile)('sh', ['-c', run], { env: { ...process.env, PHULUC_LANG: 'vi' } });
    const target = await openDatabase({ url });
    try {
      expect(await snapshot(target.db as unknown as Kysely<unknown>)).toEqual(before);
    } finally {
      await target.close();
    }
  });
});
