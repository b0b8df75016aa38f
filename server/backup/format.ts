// The backup file: gzip'd JSON lines — a header (format, version, migration level), then each table (its columns, then
// one line per row as PostgreSQL's row_to_json writes it), then an end line with the row counts and a SHA-256 of every
// line before it. The end line comes last so a cut-off file is told apart from a whole one.
import { z } from 'zod';

export const BACKUP_FORMAT = 'phuluc-backup';
export const BACKUP_VERSION = 1;

/** A table or column name as phuluc's migrations create them: never quoted, never anything an attacker chose. */
const Name = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/);

export const HeaderLine = z.strictObject({
  kind: z.literal('header'),
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  app: z.string().max(100),
  source: z.enum(['pglite', 'postgres']),
  /** Applied migrations, in order: the schema level the rows belong to. */
  migrations: z.array(z.string().max(200)).max(1000),
});
export type HeaderLine = z.infer<typeof HeaderLine>;

export const TableLine = z.strictObject({ kind: z.literal('table'), name: Name, columns: z.array(Name).min(1).max(200) });
export type TableLine = z.infer<typeof TableLine>;

/** A row of the last table line: an object with exactly that table's columns. */
export const RowLine = z.strictObject({ kind: z.literal('row'), row: z.record(z.string(), z.unknown()) });

export const TableCount = z.strictObject({ name: Name, rows: z.number().int().min(0) });
export type TableCount = z.infer<typeof TableCount>;

export const EndLine = z.strictObject({
  kind: z.literal('end'),
  tables: z.array(TableCount),
  /** SHA-256 (hex) of every line before this one, each with its newline. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type EndLine = z.infer<typeof EndLine>;

/** What a checked backup holds: its header and its tables with their row counts. */
export interface BackupManifest {
  header: HeaderLine;
  tables: (TableCount & { columns: string[] })[];
}

/** Limits on a file given to restore (bytes after decompression, bytes of one line). */
export interface RestoreLimits {
  maxBytes: number;
  maxLineBytes: number;
}

const GiB = 1024 * 1024 * 1024;
export const DEFAULT_RESTORE_LIMITS: RestoreLimits = { maxBytes: 16 * GiB, maxLineBytes: 64 * 1024 * 1024 };
export const RESTORE_MAX_BYTES_ENV = 'PHULUC_RESTORE_MAX_BYTES';

/** A backup or restore refused for a reason the user can act on, worded in Vietnamese and English. */
export class BackupError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(vi);
    this.name = 'BackupError';
  }
}
