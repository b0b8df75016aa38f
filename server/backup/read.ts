// Reading a backup file: gunzip within limits, split into lines, check every line against format.ts, and check the
// whole — a known migration level, each row with exactly its table's columns, row counts and the SHA-256 of the end
// line. Restore reads the file twice through here: once to check it before anything is written, once to write it.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { MIGRATION_NAMES } from '../db/migrations.ts';
import {
  BackupError,
  EndLine,
  HeaderLine,
  RESTORE_MAX_BYTES_ENV,
  RowLine,
  TableLine,
  type BackupManifest,
  type RestoreLimits,
} from './format.ts';

/** What a reading pass is given: each table as it starts, each of its rows. */
export interface BackupVisitor {
  table?(name: string, columns: string[]): Promise<void>;
  row?(table: string, row: Record<string, unknown>): Promise<void>;
}

const notBackup = (why: string, whyEn: string) =>
  new BackupError(`Tệp không phải bản sao lưu phuluc hợp lệ: ${why}.`, `The file is not a valid phuluc backup: ${whyEn}.`);

/**
 * Read and check a backup file, calling `visit` for every table and row; throws BackupError (nothing is wrong with the
 * caller's database) on the first problem. Resolves with the manifest and the file's SHA-256.
 * @example const { manifest } = await readBackup('phuluc.backup.gz', DEFAULT_RESTORE_LIMITS)
 */
export async function readBackup(
  file: string,
  limits: RestoreLimits,
  visit: BackupVisitor = {},
): Promise<{ manifest: BackupManifest; sha256: string }> {
  const hash = createHash('sha256');
  let header: HeaderLine | null = null;
  let end: EndLine | null = null;
  const tables: BackupManifest['tables'] = [];
  const migrationRows: string[] = [];
  let lineNo = 0;
  for await (const raw of lines(file, limits)) {
    lineNo++;
    if (end) throw notBackup(`có dữ liệu sau dòng kết thúc (dòng ${lineNo})`, `data after the end line (line ${lineNo})`);
    const text = raw.toString('utf8');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw notBackup(`dòng ${lineNo} không phải JSON`, `line ${lineNo} is not JSON`);
    }
    const kind = (value as { kind?: unknown } | null)?.kind;
    if (!header) {
      const h = HeaderLine.safeParse(value);
      if (!h.success)
        throw notBackup('thiếu phần đầu (định dạng phuluc-backup, phiên bản 1)', 'no header (format phuluc-backup, version 1)');
      header = h.data;
      checkMigrations(header.migrations);
    } else if (kind === 'table') {
      const t = TableLine.safeParse(value);
      if (!t.success || tables.some((x) => x.name === t.data.name))
        throw notBackup(`dòng ${lineNo}: bảng không hợp lệ hoặc lặp lại`, `line ${lineNo}: an invalid or repeated table`);
      tables.push({ name: t.data.name, columns: t.data.columns, rows: 0 });
      await visit.table?.(t.data.name, t.data.columns);
    } else if (kind === 'row') {
      const r = RowLine.safeParse(value);
      const table = tables.at(-1);
      if (!r.success || !table) throw notBackup(`dòng ${lineNo}: dòng dữ liệu không hợp lệ`, `line ${lineNo}: an invalid row`);
      const keys = Object.keys(r.data.row);
      if (keys.length !== table.columns.length || !table.columns.every((c) => Object.hasOwn(r.data.row, c)))
        throw notBackup(
          `dòng ${lineNo}: các cột không khớp bảng ${table.name}`,
          `line ${lineNo}: columns do not match table ${table.name}`,
        );
      table.rows++;
      if (table.name === 'kysely_migration') migrationRows.push(String(r.data.row.name));
      await visit.row?.(table.name, r.data.row);
    } else if (kind === 'end') {
      const e = EndLine.safeParse(value);
      if (!e.success) throw notBackup(`dòng kết thúc không hợp lệ`, `an invalid end line`);
      end = e.data;
      continue;
    } else {
      throw notBackup(`dòng ${lineNo} không rõ loại`, `line ${lineNo} has an unknown kind`);
    }
    hash.update(raw);
    hash.update('\n');
  }
  if (!header) throw notBackup('tệp trống', 'the file is empty');
  if (!end) throw notBackup('tệp bị cắt cụt (không có dòng kết thúc)', 'the file is cut short (no end line)');
  const sha256 = hash.digest('hex');
  if (sha256 !== end.sha256)
    throw notBackup('mã kiểm tra SHA-256 không khớp (tệp đã bị sửa hoặc hỏng)', 'the SHA-256 does not match (changed or damaged)');
  const counted = tables.map(({ name, rows }) => ({ name, rows }));
  if (JSON.stringify(counted) !== JSON.stringify(end.tables))
    throw notBackup('số dòng của các bảng không khớp phần kết thúc', 'the row counts do not match the end line');
  if (JSON.stringify([...migrationRows].sort()) !== JSON.stringify(header.migrations))
    throw notBackup('bảng kysely_migration không khớp mức cấu trúc ở phần đầu', 'kysely_migration does not match the header');
  return { manifest: { header, tables }, sha256 };
}

/** The backup's migrations must be this version's first ones, in order: a newer backup is refused by name. */
function checkMigrations(names: string[]): void {
  const unknown = names.find((n) => !MIGRATION_NAMES.includes(n));
  if (unknown)
    throw new BackupError(
      `Bản sao lưu được tạo bởi phiên bản phuluc mới hơn (có bước chuyển đổi cấu trúc “${unknown}” mà phiên bản này chưa biết). Hãy cập nhật phuluc rồi khôi phục lại.`,
      `The backup was made by a newer phuluc (schema migration "${unknown}" is unknown here). Upgrade phuluc, then restore.`,
    );
  if (names.length === 0 || names.some((n, i) => n !== MIGRATION_NAMES[i]))
    throw notBackup('danh sách bước chuyển đổi cấu trúc không liền mạch', 'the migration list has gaps');
}

/** The file's lines (without their newline), gunzipped, within the limits. */
async function* lines(file: string, limits: RestoreLimits): AsyncGenerator<Buffer> {
  const gunzip = createReadStream(file).pipe(createGunzip());
  let total = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limits.maxBytes)
        throw new BackupError(
          `Bản sao lưu lớn hơn giới hạn ${limits.maxBytes} byte sau khi giải nén (đặt ${RESTORE_MAX_BYTES_ENV} để nâng).`,
          `The backup is larger than ${limits.maxBytes} bytes uncompressed (raise ${RESTORE_MAX_BYTES_ENV}).`,
        );
      let start = 0;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, start)) {
        pending.push(chunk.subarray(start, i));
        yield Buffer.concat(pending);
        pending = [];
        pendingBytes = 0;
        start = i + 1;
      }
      if (start < chunk.length) {
        pending.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
        if (pendingBytes > limits.maxLineBytes)
          throw notBackup(`có một dòng dài hơn ${limits.maxLineBytes} byte`, `a line is longer than ${limits.maxLineBytes} bytes`);
      }
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BackupError(`Không có tệp ${file}.`, `No such file: ${file}.`);
    if (code === 'Z_BUF_ERROR') throw notBackup('tệp bị cắt cụt', 'the file is cut short');
    if (code?.startsWith('Z_')) throw notBackup('không phải tệp gzip', 'not a gzip file');
    throw err;
  } finally {
    gunzip.destroy();
  }
  if (pendingBytes > 0) throw notBackup('tệp bị cắt cụt (dòng cuối không trọn)', 'the file is cut short (last line incomplete)');
}
