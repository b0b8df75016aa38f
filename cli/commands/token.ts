// `phuluc token create | list | revoke`: server tokens, straight in the database (PostgreSQL while the server runs; the
// PGlite folder only while it is stopped), or through a running server's API with --server URL --token ADMIN.
import { formatDateTime, formatDay } from '../../core/i18n/index.ts';
import { Refused, runGuarded, say, withDatabase, type AdminTarget } from '../admin-run.ts';
import type { Role } from '../../server/auth/principal.ts';
import type { Database } from '../../server/db/connect.ts';
import { tokenExpiry, tokenScope } from '../../server/routes/tokens.ts';
import { audit } from '../../server/store/audit.ts';
import { createToken, listTokens, revokeToken, type TokenInfo } from '../../server/store/tokens.ts';

/** Where a token command works; --token is an admin's. */
export type TokenTarget = AdminTarget;

export interface TokenCommandOptions extends TokenTarget {
  role: string;
  commune?: string;
  province?: string;
  label?: string;
  /** 90d, 12w, 1y, or YYYY-MM-DD. */
  expires?: string;
}

/** A role as an official calls the person who holds it. */
const ROLE_VI: Record<Role, string> = { editor: 'cán bộ xã', consolidator: 'cán bộ tỉnh', admin: 'quản trị' };

/** Open the database, or say how to reach a server that holds the PGlite folder. */
function tokenDatabase<T>(o: TokenTarget, example: string, work: (db: Database) => Promise<T>): Promise<T> {
  return withDatabase(
    o,
    (dir) => ({
      vi:
        `Máy chủ phuluc đang chạy trên thư mục dữ liệu ${dir} (PGlite chỉ cho một tiến trình mở). Hãy chạy lệnh qua máy chủ đang chạy, bằng một mã truy cập quản trị:\n` +
        `  phuluc ${example} --server http://127.0.0.1:8787 --token phl_…\n(hoặc đặt PHULUC_SERVER và PHULUC_ADMIN_TOKEN), hoặc dừng máy chủ rồi chạy lại lệnh.`,
      en:
        `A phuluc server is running on data folder ${dir} (PGlite allows one process). Run the command through it with an admin token:\n` +
        `  phuluc ${example} --server http://127.0.0.1:8787 --token phl_…\n(or set PHULUC_SERVER and PHULUC_ADMIN_TOKEN), or stop the server and run it again.`,
    }),
    work,
  );
}

/** A call to the running server's token API; its own error message on failure. */
async function api<T>(o: TokenTarget, method: string, path: string, body?: unknown): Promise<T> {
  if (!o.token)
    throw new Refused(
      '--server cần --token với một mã truy cập quản trị (hoặc biến môi trường PHULUC_ADMIN_TOKEN).',
      '--server needs --token with an admin token (or PHULUC_ADMIN_TOKEN).',
    );
  const base = o.server!.replace(/\/+$/, '');
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${o.token}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  } catch (err) {
    throw new Refused(
      `Không kết nối được máy chủ ${base}: ${(err as Error).message}`,
      `Cannot reach the server ${base}: ${(err as Error).message}`,
    );
  }
  const json = (await res.json().catch(() => null)) as ({ error?: { message?: string; messageEn?: string } } & T) | null;
  if (!res.ok)
    throw new Refused(
      json?.error?.message ?? `Máy chủ trả lỗi ${res.status}.`,
      json?.error?.messageEn ?? `The server answered ${res.status}.`,
    );
  return json as T;
}

/** @example await tokenCreateCommand({ role: 'editor', commune: '10903', label: 'Nguyễn Văn A', dataDir: 'data', lang: 'vi' }) */
export async function tokenCreateCommand(opts: TokenCommandOptions): Promise<number> {
  return runGuarded(opts.lang, async () => {
    if (opts.role !== 'editor' && opts.role !== 'consolidator' && opts.role !== 'admin')
      throw new Refused(
        '--role nhận một trong: editor | consolidator | admin (cán bộ xã, cán bộ tỉnh, quản trị).',
        '--role must be editor, consolidator or admin.',
      );
    const role: Role = opts.role;
    const scope = tokenScope(role, opts.commune, opts.province);
    const expiresAt = tokenExpiry(opts.expires);
    const label = opts.label ?? scope.label;
    const t = opts.server
      ? await api<{ id: string; role: Role; label: string; expiresAt: string | null; secret: string }>(opts, 'POST', '/api/tokens', {
          role,
          ...(opts.commune ? { commune: opts.commune } : {}),
          ...(opts.province ? { province: opts.province } : {}),
          label,
          ...(opts.expires ? { expires: opts.expires } : {}),
        })
      : await tokenDatabase(opts, 'token create …', async ({ db }) => {
          const made = await createToken(db, {
            role,
            communeCode: scope.communeCode,
            provinceCode: scope.provinceCode,
            label,
            createdBy: 'cli',
            ...(expiresAt ? { expiresAt } : {}),
          });
          await audit(db, 'cli', 'token-create', `token:${made.id}`, {
            role: made.role,
            commune: made.communeCode,
            province: made.provinceCode,
            label: made.label,
            expiresAt: made.expiresAt,
          });
          return made;
        });
    if (opts.json) process.stdout.write(`${JSON.stringify(t)}\n`);
    else process.stdout.write(`${t.secret}\n`);
    const until = t.expiresAt ? formatDay(t.expiresAt) : '—';
    say(
      opts.lang,
      `Mã truy cập cho ${ROLE_VI[t.role]} “${t.label}” (số hiệu ${t.id}, hết hạn ${until}); chỉ hiện một lần, hãy chép lại và cất giữ.`,
      `Token ${t.role} "${t.label}" (id ${t.id}, expires ${until}); shown once, keep it safe.`,
    );
    return 0;
  });
}

/** @example await tokenListCommand({ dataDir: 'data', lang: 'vi' }) */
export async function tokenListCommand(opts: TokenTarget): Promise<number> {
  return runGuarded(opts.lang, async () => {
    const tokens = opts.server
      ? (await api<{ tokens: TokenInfo[] }>(opts, 'GET', '/api/tokens')).tokens
      : await tokenDatabase(opts, 'token list', ({ db }) => listTokens(db));
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(tokens, null, 2)}\n`);
      return 0;
    }
    const en = opts.lang === 'en';
    const state = { active: en ? 'active' : 'còn', expired: en ? 'expired' : 'hết hạn', revoked: en ? 'revoked' : 'đã thu hồi' };
    const head = en
      ? ['id', 'role', 'scope', 'holder', 'state', 'expires', 'last used']
      : ['số hiệu', 'quyền', 'phạm vi', 'người giữ', 'còn dùng được', 'hết hạn', 'dùng lần cuối'];
    const rows = tokens.map((t) => [
      t.id,
      en ? t.role : ROLE_VI[t.role],
      t.communeCode ?? t.provinceCode ?? (en ? '*' : 'cả nước'),
      t.label,
      state[t.state],
      t.expiresAt ? (en ? t.expiresAt.slice(0, 10) : formatDay(t.expiresAt)) : '—',
      t.lastUsedAt ? (en ? t.lastUsedAt.slice(0, 16).replace('T', ' ') : formatDateTime(t.lastUsedAt)) : '—',
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    for (const r of [head, ...rows])
      process.stdout.write(
        `${r
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd()}\n`,
      );
    return 0;
  });
}

/** @example await tokenRevokeCommand('Xk3pQ2v9aBcD', { dataDir: 'data', lang: 'vi' }) */
export async function tokenRevokeCommand(id: string, opts: TokenTarget): Promise<number> {
  return runGuarded(opts.lang, async () => {
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id))
      throw new Refused(`Số hiệu “${id}” không hợp lệ (xem “phuluc token list”).`, `Invalid token id "${id}" (see "phuluc token list").`);
    const t = opts.server
      ? (await api<{ token: TokenInfo }>(opts, 'DELETE', `/api/tokens/${encodeURIComponent(id)}`)).token
      : await tokenDatabase(opts, `token revoke ${id}`, async ({ db }) => {
          const r = await revokeToken(db, id, 'cli');
          if (!r)
            throw new Refused(
              `Không có mã truy cập số hiệu ${id} (xem “phuluc token list”).`,
              `No token with id ${id} (see "phuluc token list").`,
            );
          if (r.changed)
            await audit(db, 'cli', 'token-revoke', `token:${id}`, {
              role: r.token.role,
              commune: r.token.communeCode,
              province: r.token.provinceCode,
              label: r.token.label,
            });
          return r.token;
        });
    if (opts.json) process.stdout.write(`${JSON.stringify(t)}\n`);
    say(
      opts.lang,
      `Đã thu hồi mã truy cập số hiệu ${t.id} (${ROLE_VI[t.role]}, “${t.label}”). Máy chủ không nhận mã này nữa — ngay nếu thu hồi qua máy chủ, nếu không thì trong vòng 10 giây.`,
      `Revoked token ${t.id} (${t.role}, "${t.label}"). The server refuses it (401) — at once through its API, otherwise within 10 seconds.`,
    );
    return 0;
  });
}
