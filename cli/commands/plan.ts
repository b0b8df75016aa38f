// `phuluc plan add | list`: the plans communes submit to (issue 16), straight in the database (PostgreSQL while the
// server runs; the PGlite folder only while it is stopped), or through a running server's API with --server URL --token.
import { ApiError, canonicalPlanKey, createApiClient, type PlanEntry } from '../../core/api/index.ts';
import { formatDay } from '../../core/i18n/index.ts';
import { Refused, runGuarded, withDatabase, type AdminTarget } from '../admin-run.ts';
import { audit } from '../../server/store/audit.ts';
import { listPlanEntries, registerPlan, yearOfKey } from '../../server/store/registry.ts';

/** Where a plan command works; --token is an admin's or a consolidator's. */
export type PlanTarget = AdminTarget;

export interface PlanAddOptions extends PlanTarget {
  key: string;
  name: string;
  /** Default: the 4-digit year in the key, else this year. */
  year?: string;
  /** Submission due date, YYYY-MM-DD. */
  due?: string;
}

const out = (o: PlanTarget, vi: string, en: string) => process.stdout.write(`${o.lang === 'en' ? en : vi}\n`);

/** Run against the database, or say how to go through the server that holds the PGlite folder. */
function inDatabase<T>(o: PlanTarget, work: Parameters<typeof withDatabase<T>>[2]): Promise<T> {
  return withDatabase(
    o,
    (dir) => ({
      vi: `Máy chủ phuluc đang chạy trên thư mục dữ liệu ${dir}. Hãy chạy lệnh qua máy chủ bằng mã truy cập của quản trị viên hoặc cán bộ tổng hợp: thêm --server http://127.0.0.1:8787 --token phl_… (hoặc đặt PHULUC_SERVER, PHULUC_ADMIN_TOKEN).`,
      en: `A phuluc server is running on data folder ${dir}. Run the command through it: add --server http://127.0.0.1:8787 --token phl_… (or set PHULUC_SERVER, PHULUC_ADMIN_TOKEN).`,
    }),
    work,
  );
}

function client(o: PlanTarget) {
  if (!o.token)
    throw new Refused('--server cần --token (hoặc biến môi trường PHULUC_ADMIN_TOKEN).', '--server needs --token (or PHULUC_ADMIN_TOKEN).');
  const token = o.token;
  return createApiClient({ server: o.server!, fetch: (url, init) => fetch(url, init), bearer: () => token });
}

const line = (p: PlanEntry) => `${p.key}\t${p.year}\t${p.dueDate ? formatDay(p.dueDate) : '—'}\t${p.name}`;

/**
 * Register a plan. Exit 0 created, 1 the key exists (in any case), 2 could not run.
 * @example await planAddCommand({ key: 'NQ57-2027', name: 'Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2027', due: '2027-03-31', dataDir: 'data', lang: 'vi' })
 */
export async function planAddCommand(o: PlanAddOptions): Promise<number> {
  return runGuarded(o.lang, async () => {
    const key = canonicalPlanKey(o.key);
    if (key === null)
      throw new Refused(
        `Mã kế hoạch “${o.key}” không hợp lệ: chỉ chữ, số và . _ - (tối đa 64 ký tự), ví dụ NQ57-2027.`,
        `Invalid plan code "${o.key}": letters, digits and . _ - only (at most 64), e.g. NQ57-2027.`,
      );
    const year = o.year === undefined ? yearOfKey(key) : Number(o.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new Refused(`--year phải là một năm từ 2000 đến 2100 (nhận được “${o.year}”).`, `--year must be 2000–2100 (got "${o.year}").`);
    if (o.due !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.due))
      throw new Refused(`--due phải là một ngày YYYY-MM-DD (nhận được “${o.due}”).`, `--due must be a date YYYY-MM-DD (got "${o.due}").`);
    const name = o.name.trim();
    if (name === '') throw new Refused('--name không được để trống.', '--name must not be empty.');
    const body = { key, name, year, ...(o.due ? { dueDate: o.due } : {}) };
    let made: PlanEntry;
    if (o.server) {
      try {
        made = await client(o).createPlan(body);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'plan-exists') {
          process.stderr.write(`${o.lang === 'en' ? err.messageEn : err.message}\n`);
          return 1;
        }
        throw err;
      }
    } else {
      const r = await inDatabase(o, async ({ db }) => {
        const res = await registerPlan(db, { key, name, year, dueDate: o.due ?? null }, 'cli');
        if ('created' in res) await audit(db, 'cli', 'plan-create', `plan:${res.created.key}`, { name, year, dueDate: o.due ?? null });
        return res;
      });
      if ('exists' in r) {
        process.stderr.write(
          `${o.lang === 'en' ? `A plan with code "${r.exists.key}" exists: ${r.exists.name}.` : `Đã có kế hoạch mã “${r.exists.key}”: ${r.exists.name}.`}\n`,
        );
        return 1;
      }
      if ('invalid' in r) throw new Refused(`Mã kế hoạch “${o.key}” không hợp lệ.`, `Invalid plan code "${o.key}".`);
      made = r.created;
    }
    if (o.json) process.stdout.write(`${JSON.stringify(made, null, 2)}\n`);
    else
      out(
        o,
        `Đã tạo kế hoạch ${made.key}: ${made.name} (năm ${made.year}${made.dueDate ? `, hạn nộp ${formatDay(made.dueDate)}` : ''}).`,
        `Created plan ${made.key}: ${made.name} (year ${made.year}${made.dueDate ? `, due ${made.dueDate}` : ''}).`,
      );
    return 0;
  });
}

/**
 * List the registered plans, newest year first: code, year, due date, name (tab-separated), or JSON.
 * @example await planListCommand({ dataDir: 'data', lang: 'vi' })
 */
export async function planListCommand(o: PlanTarget): Promise<number> {
  return runGuarded(o.lang, async () => {
    const plans = o.server ? (await client(o).listPlans()).plans : await inDatabase(o, ({ db }) => listPlanEntries(db));
    if (o.json) process.stdout.write(`${JSON.stringify({ plans }, null, 2)}\n`);
    else if (plans.length === 0)
      out(
        o,
        'Chưa có kế hoạch nào. Tạo bằng: phuluc plan add MÃ --name "Tên kế hoạch"',
        'No plans yet. Create one: phuluc plan add KEY --name "Name"',
      );
    else process.stdout.write(`${plans.map(line).join('\n')}\n`);
    return 0;
  });
}
