// The database's tables as a backup sees them: every base table of the current schema, parents before the tables that
// reference them (so rows restore in that order), with its columns and its primary key.
import { sql, type Kysely } from 'kysely';

export interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
}

/**
 * Every table of the current schema, ordered so that a table comes after every table its foreign keys point to
 * (ties by name).
 * @example for (const t of await listTables(db)) console.log(t.name, t.columns)
 */
export async function listTables(db: Kysely<unknown>): Promise<TableInfo[]> {
  const { rows: cols } = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema()
      AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')
    ORDER BY table_name, ordinal_position`.execute(db);
  const { rows: keys } = await sql<{ table_name: string; column_name: string }>`
    SELECT c.relname AS table_name, a.attname AS column_name
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
    WHERE i.indisprimary AND n.nspname = current_schema()
    ORDER BY c.relname, array_position(i.indkey::int2[], a.attnum)`.execute(db);
  const { rows: refs } = await sql<{ child: string; parent: string }>`
    SELECT ch.relname AS child, pa.relname AS parent
    FROM pg_constraint k JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = ch.relnamespace
    WHERE k.contype = 'f' AND n.nspname = current_schema()`.execute(db);
  const tables = new Map<string, TableInfo>();
  for (const c of cols) {
    const t = tables.get(c.table_name) ?? { name: c.table_name, columns: [], primaryKey: [] };
    t.columns.push(c.column_name);
    tables.set(c.table_name, t);
  }
  for (const k of keys) tables.get(k.table_name)?.primaryKey.push(k.column_name);
  const parents = new Map<string, Set<string>>();
  for (const r of refs) if (r.child !== r.parent) (parents.get(r.child) ?? parents.set(r.child, new Set()).get(r.child)!).add(r.parent);
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  const names = [...tables.keys()].sort();
  while (ordered.length < names.length) {
    const next = names.find((n) => !done.has(n) && [...(parents.get(n) ?? [])].every((p) => done.has(p) || !tables.has(p)));
    // A cycle of foreign keys (phuluc's schema has none): the rest in name order.
    const name = next ?? names.find((n) => !done.has(n))!;
    done.add(name);
    ordered.push(tables.get(name)!);
  }
  return ordered;
}

/** Bytes of row text fetched per page, about: a page of 4 MiB plans stays a few of them, a page of small rows many. */
const PAGE_BYTES = 16 * 1024 * 1024;

/**
 * Every row of a table as row_to_json text, in primary-key order, a page at a time, the page sized to its rows (times in
 * UTC when the caller set the session so, as backupDatabase does).
 * @example for await (const json of tableRows(db, table)) out.write(json)
 */
export async function* tableRows(db: Kysely<unknown>, table: TableInfo): AsyncGenerator<string> {
  const order = table.primaryKey.length ? sql.join(table.primaryKey.map((c) => sql.ref(`t.${c}`))) : sql`row_to_json(t)::text`;
  let page = 500;
  for (let offset = 0; ;) {
    const { rows } = await sql<{ j: string }>`
      SELECT row_to_json(t)::text AS j FROM ${sql.table(table.name)} AS t ORDER BY ${order} LIMIT ${page} OFFSET ${offset}`.execute(db);
    let bytes = 0;
    for (const r of rows) {
      bytes += r.j.length;
      yield r.j;
    }
    if (rows.length < page) return;
    offset += rows.length;
    page = Math.max(1, Math.min(1000, Math.floor((page * PAGE_BYTES) / Math.max(bytes, 1))));
  }
}
