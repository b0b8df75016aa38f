// `phuluc backup`: every table of the database, in one consistent snapshot (a read-only repeatable-read transaction),
// written as the gzip'd JSON lines of format.ts. Reads only: the source is never migrated nor changed.
import { createHash } from 'node:crypto';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, type EndLine, type HeaderLine, type TableCount } from './format.ts';
import { listTables, tableRows } from './tables.ts';

export interface BackupOptions {
  source: 'pglite' | 'postgres';
  /** phuluc's version, written into the header. */
  app: string;
  /** The time written into the header (tests fix it). */
  now?: () => Date;
}

/**
 * Write a backup of `db` to `out` (gzip'd JSON lines); resolves with the row count of every table once `out` is
 * finished.
 * @example const counts = await backupDatabase(db, createWriteStream('phuluc.backup.gz'), { source: 'postgres', app: '0.1.0' })
 */
export async function backupDatabase(db: Kysely<unknown>, out: Writable, opts: BackupOptions): Promise<TableCount[]> {
  return db.connection().execute(async (conn) => {
    // One snapshot for every table: a push during the backup is either wholly in it or wholly out of it.
    await sql`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`.execute(conn);
    try {
      await sql`SET LOCAL TimeZone = 'UTC'`.execute(conn);
      const tables = await listTables(conn);
      if (!tables.some((t) => t.name === 'kysely_migration'))
        throw new BackupError(
          'Cơ sở dữ liệu này không có dữ liệu của phuluc (không có bảng kysely_migration).',
          'This database holds no phuluc data (no kysely_migration table).',
        );
      const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(conn);
      const header: HeaderLine = {
        kind: 'header',
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: (opts.now?.() ?? new Date()).toISOString(),
        app: opts.app,
        source: opts.source,
        migrations: rows.map((r) => r.name),
      };
      const counts: TableCount[] = [];
      const hash = createHash('sha256');
      async function* lines(): AsyncGenerator<string> {
        const emit = (line: string) => {
          hash.update(line);
          return line;
        };
        yield emit(`${JSON.stringify(header)}\n`);
        for (const t of tables) {
          yield emit(`${JSON.stringify({ kind: 'table', name: t.name, columns: t.columns })}\n`);
          let n = 0;
          for await (const row of tableRows(conn, t)) {
            n++;
            yield emit(`{"kind":"row","row":${row}}\n`);
          }
          counts.push({ name: t.name, rows: n });
        }
        const end: EndLine = { kind: 'end', tables: counts, sha256: hash.digest('hex') };
        yield `${JSON.stringify(end)}\n`;
      }
      await pipeline(Readable.from(lines()), createGzip(), out);
      await sql`COMMIT`.execute(conn);
      return counts;
    } catch (err) {
      await sql`ROLLBACK`.execute(conn).catch(() => {});
      throw err;
    }
  });
}
