// Calls to the real server the page tests start: JSON, file uploads, tokens.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface Api {
  /** Bodies are asserted field by field in each test. */
  json(
    method: string,
    url: string,
    token: string,
    body?: unknown,
    headers?: Record<string, string>,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted field by field in each test
  ): Promise<{ status: number; body: any }>;
  /** `confirmCommune`: store a file whose title block names another commune (the fixtures are reused across communes). */
  upload(commune: string, planKey: string, file: string, token: string, confirmCommune?: boolean): Promise<number>;
  token(admin: string, role: 'editor' | 'consolidator' | 'admin', scope?: { commune?: string; province?: string }): Promise<string>;
}

/** @example const api = apiOf(server.url); await api.upload('10903', 'NQ57-2026', fixture('cam-giang-phu-luc.xlsx'), admin) */
export function apiOf(origin: string): Api {
  const api: Api = {
    async json(method, url, token, body, headers = {}) {
      const res = await fetch(`${origin}${url}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : text };
    },
    async upload(commune, planKey, file, token, confirmCommune = false) {
      const form = new FormData();
      form.append('file', new Blob([await readFile(file)]), path.basename(file));
      if (confirmCommune) form.append('confirmCommune', '1');
      const res = await fetch(`${origin}/api/communes/${commune}/plans/${planKey}/upload`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      await res.arrayBuffer();
      return res.status;
    },
    async token(admin, role, scope = {}) {
      const r = await api.json('POST', '/api/tokens', admin, { role, ...scope });
      if (r.status !== 201) throw new Error(`token: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.secret as string;
    },
  };
  return api;
}
