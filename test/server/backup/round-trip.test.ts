// Backup and restore (issue 19): a server holding plans, revisions, tokens (one revoked), progress reports, a decision
// and a calendar address, all made through its routes, is backed up and restored into an empty PGlite folder and into an
// empty PostgreSQL database; every table's rows come back identical, the restored server answers as the first and goes
// on numbering revisions. Bad files and non-empty targets are refused with nothing written.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../../server/backup/backup.ts';
import { BackupError, DEFAULT_RESTORE_LIMITS } from '../../../server/backup/format.ts';
import { restoreDatabase } from '../../../server/backup/restore.ts';
import { listTables } from '../../../server/backup/tables.ts';
import { createApp } from '../../../server/app.ts';
import { openDatabase, type Database } from '../../../server/db/connect.ts';
import { planWith } from '../../core/progress/plan.ts';
import { dropPostgres, emptyPostgres, removeDir } from '../../support/db.ts';
import { harness, type Harness } from '../api/harness.ts';
import { seedPeriods, seedReport } from '../api/progress-seed.ts';
import { backupLines, writeBackupLines } from './backup-files.ts';
import { snapshot } from './snapshot.ts';

const PLAN = planWith([
  { id: 'k1', content: 'Số hóa hồ sơ một cửa', lead: 'Công an xã', deadline: 'Quý III/2026' },
  { id: 'k2', content: 'Lắp đặt wifi công cộng', lead: 'Phòng Kinh tế', deadline: 'Quý I/2026' },
]);
const BASE = '/api/communes/10903/plans/NQ57-2026';

let h: Harness;
let dir: string;
let file: string;
const made: string[] = [];

/** An empty PostgreSQL database (no schema at all), dropped after the suite. */
async function emptyTarget(): Promise<string> {
  const { name, url } = await emptyPostgres('phuluc_bk');
  made.push(name);
  return url;
}

/** The database's tables, opened without migrating (to see that nothing was written). */
async function tablesIn(target: { url?: string; dataDir?: string }): Promise<string[]> {
  const database = await openDatabase({ ...target, migrate: false });
  try {
    return (await listTables(database.db as unknown as Kysely<unknown>)).map((t) => t.name);
  } finally {
    await database.close();
  }
}

async function restoreError(target: { url?: string; dataDir?: string }, backup: string): Promise<[string, string]> {
  const err = await restoreDatabase(target, backup, DEFAULT_RESTORE_LIMITS).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BackupError);
  return [(err as BackupError).vi, (err as BackupError).en];
}

/** The revision list and the progress history as the API answers them. */
async function answers(database: Database, token: string) {
  const app = createApp({ db: database.db, log: () => {}, today: () => '2026-06-30' });
  const get = async (p: string) => {
    const res = await app.request(p, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  return {
    revisions: await get(`${BASE}/revisions`),
    head: await get(`${BASE}/revisions/2`),
    progress: await get(`${BASE}/progress/2026-H1/history`),
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'phuluc-backup-'));
  file = path.join(dir, 'phuluc.backup.gz');
  h = await harness();
  expect((await h.call('POST', `${BASE}/revisions`, { token: h.tokens.editor, json: { plan: PLAN, message: 'Bản đầu' } })).status).toBe(
    201,
  );
  const v2 = structuredClone(PLAN);
  v2.appendices[0]!.rows.find((r) => r.id === 'k2')!.fields.lead = 'Văn phòng HĐND và UBND xã';
  const second = await h.call('POST', `${BASE}/revisions`, {
    token: h.tokens.editor,
    json: { plan: v2 },
    headers: { 'idempotency-key': 'lan-2', 'if-match': '"1"' },
  });
  expect(second.status).toBe(201);
  const created = await h.call('POST', '/api/tokens', { json: { role: 'editor', commune: '10903', label: 'sẽ thu hồi' } });
  expect((await h.call('DELETE', `/api/tokens/${created.body.id}`)).status).toBe(200);
  await seedPeriods(h, '31', 'NQ57-2026', [{ period: '2026-H1', cutoff: '2026-07-10' }]);
  await seedReport(
    h,
    '10903',
    'NQ57-2026',
    { period: '2026-H1', entries: [{ taskId: 'k1', period: '2026-H1', status: 'in-progress' }], indicators: [] },
    { review: { decision: 'return', reason: 'Thiếu kết quả' } },
  );
  expect((await h.call('POST', `${BASE}/calendar`, { token: h.tokens.editor })).status).toBe(201);
  await backupDatabase(h.database.db as unknown as Kysely<unknown>, createWriteStream(file), { source: 'pglite', app: 'test' });
}, 120_000);

afterAll(async () => {
  await h?.close();
  await dropPostgres(made);
  await removeDir(dir);
});

describe('backup → restore', { timeout: 120_000 }, () => {
  it('holds every table, with the rows the routes wrote', async () => {
    const source = await snapshot(h.database.db as unknown as Kysely<unknown>);
    const lines = await backupLines(file);
    const end = lines.at(-1) as { tables: { name: string; rows: number }[] };
    // The snapshot lists tables in the backup's order (parents first).
    expect(end.tables).toEqual(Object.entries(source).map(([name, rows]) => ({ name, rows: rows.length })));
    const count = (name: string) => end.tables.find((t) => t.name === name)!.rows;
    expect([count('revisions'), count('tokens'), count('progress_versions'), count('progress_reviews'), count('calendar_links')]).toEqual([
      2, 6, 1, 1, 1,
    ]);
  });

  for (const kind of ['PGlite', 'PostgreSQL'] as const) {
    it(`restores into an empty ${kind} database: every row identical, the server answers the same and numbers on`, async () => {
      const target = kind === 'PGlite' ? { dataDir: path.join(dir, 'restored') } : { url: await emptyTarget() };
      const manifest = await restoreDatabase(target, file, DEFAULT_RESTORE_LIMITS);
      expect(manifest.header.migrations).toEqual((await backupLines(file))[0]!.migrations);
      const restored = await openDatabase(target);
      try {
        expect(await snapshot(restored.db as unknown as Kysely<unknown>)).toEqual(
          await snapshot(h.database.db as unknown as Kysely<unknown>),
        );
        expect(await answers(restored, h.tokens.editor)).toEqual(await answers(h.database, h.tokens.editor));
        const app = createApp({ db: restored.db, log: () => {}, today: () => '2026-06-30' });
        const third = await app.request(`${BASE}/revisions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${h.tokens.editor}`, 'content-type': 'application/json', 'if-match': '"2"' },
          body: JSON.stringify({ plan: PLAN }),
        });
        expect([third.status, ((await third.json()) as { revision: { seq: number } }).revision.seq]).toEqual([201, 3]);
      } finally {
        await restored.close();
      }
    });
  }

  it('refuses a database that is not empty, in Vietnamese, and leaves it as it was', async () => {
    const url = await emptyTarget();
    const existing = await openDatabase({ url });
    const before = await snapshot(existing.db as unknown as Kysely<unknown>);
    await existing.close();
    expect(await restoreError({ url }, file)).toEqual([
      'Cơ sở dữ liệu đích không trống (đã có bảng: audit_log, kysely_migration, kysely_migration_lock, plan_registry, provinces, …). phuluc restore chỉ khôi phục vào thư mục dữ liệu hoặc cơ sở dữ liệu PostgreSQL trống, để không trộn lẫn hay ghi đè dữ liệu đang có. Hãy chọn thư mục mới (--data) hoặc tạo cơ sở dữ liệu mới (createdb) rồi chạy lại.',
      'The target database is not empty (tables: audit_log, kysely_migration, kysely_migration_lock, plan_registry, provinces, …). phuluc restore only writes into an empty data folder or PostgreSQL database, so nothing is mixed or overwritten. Choose a new folder (--data) or create a new database (createdb) and run again.',
    ]);
    const after = await openDatabase({ url });
    expect(await snapshot(after.db as unknown as Kysely<unknown>)).toEqual(before);
    await after.close();
  });

  it('refuses a changed, a cut-off and a foreign file before writing anything', async () => {
    const lines = await backupLines(file);
    const changed = path.join(dir, 'changed.gz');
    const text = (await import('node:zlib'))
      .gunzipSync(await readFile(file))
      .toString('utf8')
      .replace('Bản đầu', 'Bản sửa');
    await writeFile(changed, (await import('node:zlib')).gzipSync(text));
    const cut = path.join(dir, 'cut.gz');
    const whole = await readFile(file);
    await writeFile(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const foreign = path.join(dir, 'foreign.gz');
    await writeFile(foreign, 'not a backup');
    const newer = path.join(dir, 'newer.gz');
    await writeBackupLines(newer, [
      { ...lines[0], migrations: [...(lines[0]!.migrations as string[]), '9999_future'] },
      ...lines.slice(1, -1),
    ]);
    const dataDir = path.join(dir, 'untouched');
    expect([
      await restoreError({ dataDir }, changed),
      await restoreError({ dataDir }, cut),
      await restoreError({ dataDir }, foreign),
      await restoreError({ dataDir }, newer),
    ]).toEqual([
      [
        'Tệp không phải bản sao lưu phuluc hợp lệ: mã kiểm tra SHA-256 không khớp (tệp đã bị sửa hoặc hỏng).',
        'The file is not a valid phuluc backup: the SHA-256 does not match (changed or damaged).',
      ],
      ['Tệp không phải bản sao lưu phuluc hợp lệ: tệp bị cắt cụt.', 'The file is not a valid phuluc backup: the file is cut short.'],
      ['Tệp không phải bản sao lưu phuluc hợp lệ: không phải tệp gzip.', 'The file is not a valid phuluc backup: not a gzip file.'],
      [
        'Bản sao lưu được tạo bởi phiên bản phuluc mới hơn (có bước chuyển đổi cấu trúc “9999_future” mà phiên bản này chưa biết). Hãy cập nhật phuluc rồi khôi phục lại.',
        'The backup was made by a newer phuluc (schema migration "9999_future" is unknown here). Upgrade phuluc, then restore.',
      ],
    ]);
    expect(await tablesIn({ dataDir })).toEqual([]);
  });

  it('writes schema and rows in one transaction: a row that cannot be written leaves the database empty', async () => {
    const lines = await backupLines(file);
    // A second copy of revision 1: the file's checks pass, its insert breaks the unique (plan, seq) pair.
    const at = lines.findIndex((l) => l.kind === 'table' && l.name === 'revisions');
    const broken = path.join(dir, 'duplicate-row.gz');
    await writeBackupLines(broken, [...lines.slice(0, at + 2), lines[at + 1]!, ...lines.slice(at + 2, -1)]);
    const url = await emptyTarget();
    const err = await restoreDatabase({ url }, broken, DEFAULT_RESTORE_LIMITS).then(
      () => null,
      (e: unknown) => e as { code?: string },
    );
    expect(err?.code).toBe('23505');
    expect(await tablesIn({ url })).toEqual([]);
  });

  it('refuses a file over the size limit', async () => {
    expect(
      await restoreDatabase({ dataDir: path.join(dir, 'small') }, file, { maxBytes: 1000, maxLineBytes: 1000 }).then(
        () => null,
        (e: BackupError) => [e.vi, e.en],
      ),
    ).toEqual([
      'Bản sao lưu lớn hơn giới hạn 1000 byte sau khi giải nén (đặt PHULUC_RESTORE_MAX_BYTES để nâng).',
      'The backup is larger than 1000 bytes uncompressed (raise PHULUC_RESTORE_MAX_BYTES).',
    ]);
  });
});
