// API test harness: an app on a fresh PGlite with one token per role and scope, and a JSON request helper.
import type { Plan } from '../../../core/model/index.ts';
import { createApp } from '../../../server/app.ts';
import type { Database } from '../../../server/db/connect.ts';
import type { App } from '../../../server/routes/types.ts';
import { createToken } from '../../../server/store/tokens.ts';
import { freshPglite } from '../../support/db.ts';

export interface Harness {
  app: App;
  database: Database;
  logs: Record<string, unknown>[];
  tokens: { admin: string; editor: string; editorOther: string; consolidator: string; consolidatorOther: string };
  /** Response bodies are asserted field by field in each test. */
  call(
    method: string,
    path: string,
    opts?: { token?: string | null; json?: unknown; body?: BodyInit; headers?: Record<string, string> },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted field by field in each test
  ): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

/** Editor of Cẩm Giàng (10903, Hải Phòng 31); the other editor is Ba Đình (00004, Hà Nội 01). */
export async function harness(opts: { limits?: { jsonBytes?: number; uploadBytes?: number }; database?: Database } = {}): Promise<Harness> {
  // A fresh PGlite unless the suite brings its own database (PostgreSQL), closed with the harness either way.
  const database = opts.database ?? (await freshPglite());
  const logs: Record<string, unknown>[] = [];
  const app = createApp({
    db: database.db,
    log: (l) => logs.push(l),
    today: () => '2026-06-30',
    ...(opts.limits ? { limits: opts.limits } : {}),
  });
  const mk = async (role: 'admin' | 'editor' | 'consolidator', communeCode?: string, provinceCode?: string, holder?: string) =>
    (
      await createToken(database.db, {
        role,
        communeCode: communeCode ?? null,
        provinceCode: provinceCode ?? null,
        label: role,
        ...(holder ? { holder } : {}),
        createdBy: 'test',
      })
    ).secret;
  const tokens = {
    admin: await mk('admin'),
    editor: await mk('editor', '10903', undefined, 'Nguyễn Văn A'),
    editorOther: await mk('editor', '00004'),
    consolidator: await mk('consolidator', undefined, '31'),
    consolidatorOther: await mk('consolidator', undefined, '01'),
  };
  return {
    app,
    database,
    logs,
    tokens,
    async call(method, path, o = {}) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      const token = o.token === undefined ? tokens.admin : o.token;
      if (token) headers.authorization = `Bearer ${token}`;
      let body = o.body;
      if (o.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(o.json);
      }
      const res = await app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
      const text = res.headers.get('content-type')?.includes('json') ? await res.text() : null;
      return { status: res.status, body: text ? JSON.parse(text) : res, headers: res.headers };
    },
    close: () => database.close(),
  };
}

/** The push body for a plan. */
export function pushBody(plan: Plan, message?: string): { plan: Plan; message?: string } {
  return message ? { plan, message } : { plan };
}
