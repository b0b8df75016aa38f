// An embedded PGlite opened by the server starts with 16 MB of shared buffers: PGlite touches every buffer at start,
// so initdb's 128 MB default held ~110 MiB of the process's memory for good (the national export's peak).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/connect.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('PGlite start', () => {
  it('runs with 16 MB of shared buffers, and serves queries', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'phuluc-pglite-start-'));
    dirs.push(dir);
    const database = await openDatabase({ dataDir: dir });
    try {
      const { rows } = await sql<{
        shared_buffers: string;
        n: number;
      }>`SELECT current_setting('shared_buffers') AS shared_buffers, (SELECT count(*)::int FROM provinces) AS n`.execute(database.db);
      expect(rows).toEqual([{ shared_buffers: '16MB', n: 34 }]);
    } finally {
      await database.close();
    }
  }, 180_000);
});
