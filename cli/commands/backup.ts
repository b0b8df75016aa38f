// `phuluc backup` and `phuluc restore`: the server's data into one file and back, from and into PGlite or PostgreSQL.
// `phuluc backup --data data | phuluc restore --database-url postgres://…` moves a PGlite server to PostgreSQL.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { backupDatabase } from '../../server/backup/backup.ts';
import { BackupError, DEFAULT_RESTORE_LIMITS, RESTORE_MAX_BYTES_ENV, type RestoreLimits } from '../../server/backup/format.ts';
import { restoreDatabase } from '../../server/backup/restore.ts';
import { DataDirLockedError, openDatabase, type Database } from '../../server/db/connect.ts';
import { Refused, runGuarded, say } from '../admin-run.ts';

export interface StoreTarget {
  dataDir: string;
  databaseUrl?: string;
  lang: 'vi' | 'en';
}

/** @example await backupCommand({ dataDir: 'data', out: 'phuluc-2026-12-05.backup.gz', lang: 'vi' }) */
export async function backupCommand(o: StoreTarget & { out?: string; app: string }): Promise<number> {
  return runGuarded(o.lang, async () => {
    const toStdout = !o.out || o.out === '-';
    if (toStdout && process.stdout.isTTY)
      throw new Refused(
        'Không ghi bản sao lưu (dữ liệu nhị phân) ra màn hình: hãy nêu tệp (--out phuluc.backup.gz) hoặc nối sang lệnh khác (| phuluc restore …).',
        'Not writing a backup (binary) to the terminal: give a file (--out phuluc.backup.gz) or pipe it (| phuluc restore …).',
      );
    if (!o.databaseUrl && !(await stat(path.join(o.dataDir, 'pg')).catch(() => null)))
      throw new Refused(`Không có dữ liệu PGlite ở thư mục ${o.dataDir}.`, `No PGlite data in ${o.dataDir}.`);
    const database = await open(o, { migrate: false });
    // A file is written aside and renamed when whole: a failed backup never leaves a file that looks like one.
    const partial = toStdout ? null : `${o.out}.partial`;
    try {
      const counts = await backupDatabase(database.db as never, partial ? createWriteStream(partial, { mode: 0o600 }) : process.stdout, {
        source: database.kind,
        app: o.app,
      });
      if (partial) await rename(partial, o.out!);
      const rows = counts.reduce((n, t) => n + t.rows, 0);
      say(
        o.lang,
        `Đã sao lưu ${counts.length} bảng, ${rows} dòng${partial ? ` vào ${o.out}` : ''}.`,
        `Backed up ${counts.length} tables, ${rows} rows${partial ? ` to ${o.out}` : ''}.`,
      );
      return 0;
    } catch (err) {
      if (partial) await rm(partial, { force: true });
      throw worded(err);
    } finally {
      await database.close();
    }
  });
}

/** @example await restoreCommand('phuluc.backup.gz', { dataDir: 'data-moi', lang: 'vi' }) */
export async function restoreCommand(file: string | undefined, o: StoreTarget): Promise<number> {
  return runGuarded(o.lang, async () => {
    const limits = restoreLimits(process.env);
    const fromStdin = !file || file === '-';
    if (fromStdin && process.stdin.isTTY)
      throw new Refused(
        'Hãy nêu tệp sao lưu (phuluc restore phuluc.backup.gz …) hoặc nối từ lệnh khác (phuluc backup … | phuluc restore …).',
        'Give the backup file (phuluc restore phuluc.backup.gz …) or pipe one in (phuluc backup … | phuluc restore …).',
      );
    // Standard input is read twice (checked, then written): kept in a private temporary file meanwhile.
    const spool = fromStdin ? await mkdtemp(path.join(os.tmpdir(), 'phuluc-restore-')) : null;
    try {
      const target = o.databaseUrl ? { url: o.databaseUrl } : { dataDir: o.dataDir };
      const manifest = await (async () => {
        const source = spool ? await spoolStdin(path.join(spool, 'backup.gz'), limits.maxBytes) : file!;
        return restoreDatabase(target, source, limits);
      })().catch((err: unknown) => {
        throw worded(err);
      });
      const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
      const where = o.databaseUrl ? 'PostgreSQL (--database-url)' : `PGlite (${o.dataDir})`;
      const { createdAt, migrations } = manifest.header;
      say(
        o.lang,
        `Đã khôi phục ${manifest.tables.length} bảng, ${rows} dòng vào ${where} (bản sao lưu lúc ${createdAt}, cấu trúc ${migrations.at(-1)}).`,
        `Restored ${manifest.tables.length} tables, ${rows} rows into ${where} (backup of ${createdAt}, schema ${migrations.at(-1)}).`,
      );
      return 0;
    } finally {
      if (spool) await rm(spool, { recursive: true, force: true });
    }
  });
}

/** The restore limits, PHULUC_RESTORE_MAX_BYTES from the environment. */
export function restoreLimits(env: Record<string, string | undefined>): RestoreLimits {
  const raw = env[RESTORE_MAX_BYTES_ENV]?.trim();
  if (!raw) return DEFAULT_RESTORE_LIMITS;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new Refused(
      `${RESTORE_MAX_BYTES_ENV} phải là số byte nguyên dương (nhận được “${raw}”).`,
      `${RESTORE_MAX_BYTES_ENV} must be a positive whole number of bytes (got "${raw}").`,
    );
  return { ...DEFAULT_RESTORE_LIMITS, maxBytes: n };
}

async function open(o: StoreTarget, extra: { migrate: boolean }): Promise<Database> {
  try {
    return await openDatabase(o.databaseUrl ? { url: o.databaseUrl, ...extra } : { dataDir: o.dataDir, ...extra });
  } catch (err) {
    throw worded(err);
  }
}

/** Standard input into `file`, at most `max` bytes. */
async function spoolStdin(file: string, max: number): Promise<string> {
  let total = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      total += chunk.length;
      if (total > max)
        done(
          new BackupError(
            `Bản sao lưu lớn hơn giới hạn ${max} byte (đặt ${RESTORE_MAX_BYTES_ENV} để nâng).`,
            `The backup is larger than ${max} bytes (raise ${RESTORE_MAX_BYTES_ENV}).`,
          ),
        );
      else done(null, chunk);
    },
  });
  await pipeline(process.stdin, limit, createWriteStream(file, { mode: 0o600 }));
  return file;
}

/** Failures the user can act on, in their words; anything else goes on as it is. */
function worded(err: unknown): unknown {
  if (err instanceof BackupError) return new Refused(err.vi, err.en);
  if (err instanceof DataDirLockedError)
    return new Refused(
      `${err.message.split('\n')[0]} Sao lưu hoặc khôi phục PGlite cần dừng máy chủ trước (systemctl stop phuluc).`,
      `${err.message.split('\n')[1]} Backing up or restoring PGlite needs the server stopped first.`,
    );
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01' || code === '3D000')
    return new Refused(
      `Không kết nối được PostgreSQL: ${(err as Error).message}.`,
      `Cannot connect to PostgreSQL: ${(err as Error).message}.`,
    );
  return err;
}
