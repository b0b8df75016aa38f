// `phuluc plan add | list` (cli/commands/plan.ts) on PostgreSQL: a plan registered under its canonical key, a key taken
// in any case refused with exit 1, bad options refused with exit 2 and a Vietnamese message, the list newest year first.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { planAddCommand, planListCommand } from '../../cli/commands/plan.ts';
import { freshPostgres } from '../support/db.ts';

let db: Awaited<ReturnType<typeof freshPostgres>>;
beforeAll(async () => {
  db = await freshPostgres();
});
afterAll(() => db?.close());

/** Run a command, catching what it writes. */
async function run(work: () => Promise<number>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  try {
    return { code: await work(), stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('phuluc plan', () => {
  const target = () => ({ dataDir: 'khong-dung', databaseUrl: db.url, lang: 'vi' as const });

  it('adds a plan under its canonical key, the year from the key', async () => {
    const name = 'Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2027';
    expect(await run(() => planAddCommand({ ...target(), key: ' nq57-2027 ', name, due: '2027-03-31' }))).toEqual({
      code: 0,
      stdout: `Đã tạo kế hoạch NQ57-2027: ${name} (năm 2027, hạn nộp 31/03/2027).\n`,
      stderr: '',
    });
    expect(await run(() => planAddCommand({ ...target(), key: 'Nq57-2027', name: 'Khác' }))).toEqual({
      code: 1,
      stdout: '',
      stderr: `Đã có kế hoạch mã “NQ57-2027”: ${name}.\n`,
    });
  });

  it('refuses bad options with exit 2 and says what is wrong', async () => {
    expect(await run(() => planAddCommand({ ...target(), key: 'a b', name: 'X' }))).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Mã kế hoạch “a b” không hợp lệ: chỉ chữ, số và . _ - (tối đa 64 ký tự), ví dụ NQ57-2027.\n',
    });
    expect((await run(() => planAddCommand({ ...target(), key: 'KH', name: 'X', year: '99' }))).stderr).toBe(
      '--year phải là một năm từ 2000 đến 2100 (nhận được “99”).\n',
    );
    expect((await run(() => planAddCommand({ ...target(), key: 'KH', name: 'X', due: '31/3/2027' }))).stderr).toBe(
      '--due phải là một ngày YYYY-MM-DD (nhận được “31/3/2027”).\n',
    );
  });

  it('lists the plans newest year first, as text and as JSON', async () => {
    expect((await run(() => planAddCommand({ ...target(), key: 'KH-TONG-KET', name: 'Kế hoạch tổng kết', year: '2026' }))).code).toBe(0);
    const listed = await run(() => planListCommand(target()));
    expect(listed.stdout.split('\n').filter(Boolean).slice(0, 2)).toEqual([
      'NQ57-2027\t2027\t31/03/2027\tKế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2027',
      expect.stringMatching(/^[A-Z0-9.-]+\t2026\t/),
    ]);
    const json = JSON.parse((await run(() => planListCommand({ ...target(), json: true }))).stdout) as { plans: { key: string }[] };
    expect(json.plans.map((p) => p.key)).toContain('KH-TONG-KET');
  });
});
