// `phuluc backup` / `phuluc restore` as an administrator runs them (real processes): the PGlite → PostgreSQL move in one
// piped command, a backup file restored into a new PGlite folder, every table identical; a second restore into the
// same folder refused in Vietnamese with exit code 2; a folder a running server holds refused with what to do; at a
// terminal, no binary on the screen and no silent wait for input.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { lockDir, openDatabase } from '../../server/db/connect.ts';
import { seedPlans } from '../../server/store/registry.ts';
import { createToken } from '../../server/store/tokens.ts';
import { planWith } from '../core/progress/plan.ts';
import { PG_ADMIN_URL, removeDir, TEST_PLANS } from '../support/db.ts';
import { BIN } from '../support/cli.ts';
import { snapshot } from '../server/backup/snapshot.ts';

const sh = promisify(execFile);
let dir: string;
let src: string;
let url: string;
let dbName: string;

/** A shell line's exit code and output (the pipe is the point: both ends are real phuluc processes). */
async function shell(line: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await sh('sh', ['-c', line], { env: { ...process.env, ...env, PHULUC_LANG: 'vi' }, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function rowsOf(target: { url?: string; dataDir?: string }): Promise<Record<string, string[]>> {
  const database = await openDatabase({ ...target, migrate: false });
  try {
    return await snapshot(database.db as unknown as Kysely<unknown>);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'phuluc-backup-cli-'));
  src = path.join(dir, 'data');
  // A PGlite server's folder holding a plan with two revisions and the tokens that sent them.
  const database = await openDatabase({ dataDir: src });
  await seedPlans(database.db, TEST_PLANS, 'test');
  const editor = await createToken(database.db, { role: 'editor', communeCode: '10903', label: 'xã', createdBy: 'test' });
  const app = createApp({ db: database.db, log: () => {} });
  const plan = planWith([{ id: 'k1', content: 'Số hóa hồ sơ một cửa', lead: 'Công an xã', deadline: 'Quý III/2026' }]);
  const changed = structuredClone(plan);
  changed.appendices[0]!.rows.find((r) => r.id === 'k1')!.fields.lead = 'Văn phòng HĐND và UBND xã';
  for (const [body, ifMatch] of [
    [plan, null],
    [changed, '"1"'],
  ] as const) {
    const res = await app.request('/api/communes/10903/plans/NQ57-2026/revisions', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${editor.secret}`,
        'content-type': 'application/json',
        ...(ifMatch ? { 'if-match': ifMatch } : {}),
      },
      body: JSON.stringify({ plan: body, message: ifMatch ? 'Lần hai' : 'Lần đầu' }),
    });
    expect(res.status).toBe(201);
  }
  await database.close();
  dbName = `phuluc_bkcli_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${dbName}`);
}, 120_000);

afterAll(async () => {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
  await removeDir(dir);
});

describe('phuluc backup | phuluc restore', { timeout: 180_000 }, () => {
  it('moves a PGlite server to PostgreSQL in one piped command, every row identical', async () => {
    const moved = await shell(
      `"${process.execPath}" "${BIN}" backup --data "${src}" | "${process.execPath}" "${BIN}" restore --database-url "${url}"`,
    );
    expect(moved.stdout).toBe('');
    expect(moved.code).toBe(0);
    const tables = Object.entries(await rowsOf({ dataDir: src }));
    const rows = tables.reduce((n, [, r]) => n + r.length, 0);
    expect(moved.stderr.replace(/lúc \S+,/, 'lúc …,')).toBe(
      `Đã sao lưu ${tables.length} bảng, ${rows} dòng.\nĐã khôi phục ${tables.length} bảng, ${rows} dòng vào PostgreSQL (--database-url) (bản sao lưu lúc …, cấu trúc 0005_progress).\n`,
    );
    expect(await rowsOf({ url })).toEqual(await rowsOf({ dataDir: src }));
  });

  it('writes a backup file, restores it into a new PGlite folder, and refuses that folder the second time', async () => {
    const file = path.join(dir, 'phuluc.backup.gz');
    const made = await shell(`"${process.execPath}" "${BIN}" backup --data "${src}" --out "${file}"`);
    expect([made.code, made.stderr.startsWith('Đã sao lưu ') && made.stderr.endsWith(` dòng vào ${file}.\n`)]).toEqual([0, true]);
    const dst = path.join(dir, 'restored');
    // DATABASE_URL in the environment: the --data typed on the command line wins.
    const first = await shell(`"${process.execPath}" "${BIN}" restore "${file}" --data "${dst}"`, { DATABASE_URL: url });
    expect([first.code, first.stderr.includes(`vào PGlite (${dst})`)]).toEqual([0, true]);
    expect(await rowsOf({ dataDir: dst })).toEqual(await rowsOf({ dataDir: src }));
    const again = await shell(`"${process.execPath}" "${BIN}" restore "${file}" --data "${dst}"`);
    expect(again).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'Cơ sở dữ liệu đích không trống (đã có bảng: audit_log, kysely_migration, kysely_migration_lock, plan_registry, provinces, …). phuluc restore chỉ khôi phục vào thư mục dữ liệu hoặc cơ sở dữ liệu PostgreSQL trống, để không trộn lẫn hay ghi đè dữ liệu đang có. Hãy chọn thư mục mới (--data) hoặc tạo cơ sở dữ liệu mới (createdb) rồi chạy lại.\n',
    });
  });

  it('refuses a PGlite folder a running server holds, saying to stop it first', async () => {
    const unlock = await lockDir(src);
    try {
      const held = await shell(`"${process.execPath}" "${BIN}" backup --data "${src}" --out "${path.join(dir, 'held.gz')}"`);
      expect([held.code, held.stdout]).toEqual([2, '']);
      expect(held.stderr).toMatch(
        new RegExp(
          `^Thư mục dữ liệu ${src.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} đang được tiến trình ${process.pid} trên máy .+ Sao lưu hoặc khôi phục PGlite cần dừng máy chủ trước \\(systemctl stop phuluc\\)\\.\n$`,
        ),
      );
    } finally {
      await unlock();
    }
  });

  it('at a terminal: backup writes no binary to the screen, restore asks for the file instead of waiting', async () => {
    // script(1) gives both commands a real terminal for stdin and stdout.
    const tty = (args: string) => shell(`script -qec '"${process.execPath}" "${BIN}" ${args}' /dev/null < /dev/null`);
    const backup = await tty(`backup --data "${src}"`);
    const restore = await tty(`restore --data "${path.join(dir, 'tty')}"`);
    expect([backup.code, backup.stdout, restore.code, restore.stdout]).toEqual([
      2,
      'Không ghi bản sao lưu (dữ liệu nhị phân) ra màn hình: hãy nêu tệp (--out phuluc.backup.gz) hoặc nối sang lệnh khác (| phuluc restore …).\r\n',
      2,
      'Hãy nêu tệp sao lưu (phuluc restore phuluc.backup.gz …) hoặc nối từ lệnh khác (phuluc backup … | phuluc restore …).\r\n',
    ]);
  });

  it('refuses a folder without data and a restore from a file that is not a backup', async () => {
    const none = await shell(
      `"${process.execPath}" "${BIN}" backup --data "${path.join(dir, 'khong-co')}" --out "${path.join(dir, 'x.gz')}"`,
    );
    expect(none).toEqual({ code: 2, stdout: '', stderr: `Không có dữ liệu PGlite ở thư mục ${path.join(dir, 'khong-co')}.\n` });
    const junk = await shell(`echo "không phải" | "${process.execPath}" "${BIN}" restore --data "${path.join(dir, 'moi')}"`);
    expect(junk).toEqual({ code: 2, stdout: '', stderr: 'Tệp không phải bản sao lưu phuluc hợp lệ: không phải tệp gzip.\n' });
  });
});
