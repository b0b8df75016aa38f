// `phuluc restore`: a checked backup into an empty database — the schema at the backup's migration level and every row
// in ONE transaction (nothing is left half-written when anything fails), then the schema brought up to this version.
import { Migrator, sql, type Kysely } from 'kysely';
import { migrate, openDatabase, type OpenOptions } from '../db/connect.ts';
import { migrationsUpTo } from '../db/migrations.ts';
import { BackupError, type BackupManifest, type RestoreLimits } from './format.ts';
import { readBackup } from './read.ts';
import { listTables } from './tables.ts';

/** Rows sent to PostgreSQL in one INSERT (fewer round trips; a revision's plan is at most a few MiB). */
const BATCH_ROWS = 200;
const BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Check `file` whole, then restore it into the empty database `target` (a PGlite folder or a PostgreSQL URL).
 * Throws BackupError — with nothing written — for a bad file or a database that is not empty.
 * @example await restoreDatabase({ url: 'postgres://…/phuluc' }, 'phuluc.backup.gz', DEFAULT_RESTORE_LIMITS)
 */
export async function restoreDatabase(
  target: Pick<OpenOptions, 'url' | 'dataDir' | 'pglite'>,
  file: string,
  limits: RestoreLimits,
): Promise<BackupManifest> {
  const checked = await readBackup(file, limits);
  const database = await openDatabase({ ...target, migrate: false, singleConnection: true });
  const db = database.db as unknown as Kysely<unknown>;
  try {
    const existing = await listTables(db);
    if (existing.length > 0) throw notEmpty(existing.map((t) => t.name));
    await sql`BEGIN`.execute(db);
    try {
      await sql`SET LOCAL TimeZone = 'UTC'`.execute(db);
      const level = checked.manifest.header.migrations.at(-1)!;
      const { error } = await new Migrator({ db, provider: migrationsUpTo(level), disableTransactions: true }).migrateToLatest();
      if (error) throw error instanceof Error ? error : new Error(String(error));
      const tables = await listTables(db);
      checkTables(tables, checked.manifest);
      // The migrations seed the administrative units and write their own rows: the backup's rows replace them.
      for (const t of [...tables].reverse()) await sql`DELETE FROM ${sql.table(t.name)}`.execute(db);
      const inserts = batchInserts(db);
      const second = await readBackup(file, limits, inserts);
      await inserts.flush();
      // The file was read twice; a file changed in between is refused (and rolled back).
      if (second.sha256 !== checked.sha256)
        throw new BackupError('Tệp sao lưu đã thay đổi trong khi khôi phục.', 'The backup file changed during the restore.');
      await resetSequences(
        db,
        tables.map((t) => t.name),
      );
      await sql`COMMIT`.execute(db);
    } catch (err) {
      await sql`ROLLBACK`.execute(db).catch(() => {});
      throw err;
    }
    // A backup from an older version: bring its schema up to this one, as `phuluc serve` would.
    await migrate(database.db);
    return checked.manifest;
  } finally {
    await database.close();
  }
}

function notEmpty(names: string[]): BackupError {
  const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
  return new BackupError(
    `Cơ sở dữ liệu đích không trống (đã có bảng: ${shown}). phuluc restore chỉ khôi phục vào thư mục dữ liệu hoặc cơ sở dữ liệu PostgreSQL trống, để không trộn lẫn hay ghi đè dữ liệu đang có. Hãy chọn thư mục mới (--data) hoặc tạo cơ sở dữ liệu mới (createdb) rồi chạy lại.`,
    `The target database is not empty (tables: ${shown}). phuluc restore only writes into an empty data folder or PostgreSQL database, so nothing is mixed or overwritten. Choose a new folder (--data) or create a new database (createdb) and run again.`,
  );
}

/** The schema the migrations built must hold exactly the backup's tables and columns. */
function checkTables(tables: { name: string; columns: string[] }[], manifest: BackupManifest): void {
  const have = new Map(tables.map((t) => [t.name, [...t.columns].sort().join(',')]));
  const want = new Map(manifest.tables.map((t) => [t.name, [...t.columns].sort().join(',')]));
  const differ = [...new Set([...have.keys(), ...want.keys()])].filter((n) => have.get(n) !== want.get(n));
  if (differ.length > 0)
    throw new BackupError(
      `Bản sao lưu không khớp cấu trúc cơ sở dữ liệu ở cùng mức (bảng: ${differ.join(', ')}); không ghi gì.`,
      `The backup does not match the schema at its level (tables: ${differ.join(', ')}); nothing written.`,
    );
}

/** A visitor that inserts rows in batches through json_populate_recordset (each value cast by its column's type). */
function batchInserts(db: Kysely<unknown>) {
  let table = '';
  let rows: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (rows.length === 0) return;
    const body = `[${rows.join(',')}]`;
    rows = [];
    bytes = 0;
    await sql`INSERT INTO ${sql.table(table)} SELECT * FROM json_populate_recordset(NULL::${sql.table(table)}, ${body}::json)`.execute(db);
  };
  return {
    async table(name: string) {
      await flush();
      table = name;
    },
    async row(_table: string, row: Record<string, unknown>) {
      const json = JSON.stringify(row);
      rows.push(json);
      bytes += json.length;
      if (rows.length >= BATCH_ROWS || bytes >= BATCH_BYTES) await flush();
    },
    /** The last table's remaining rows, after the pass. */
    flush,
  };
}

/** Serial columns continue after the restored ids. */
async function resetSequences(db: Kysely<unknown>, tables: string[]): Promise<void> {
  const { rows } = await sql<{ table_name: string; column_name: string; seq: string }>`
    SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) AS seq
    FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ANY(${tables}) AND column_default LIKE 'nextval(%'`.execute(db);
  for (const r of rows)
    if (r.seq)
      await sql`SELECT setval(${r.seq}, COALESCE((SELECT MAX(${sql.ref(r.column_name)}) FROM ${sql.table(r.table_name)}), 0) + 1, false)`.execute(
        db,
      );
}
