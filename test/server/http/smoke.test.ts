// Real HTTP on loopback against `phuluc serve` (embedded PGlite): first-start admin token, an editor token made
// through the API, an upload, an edit pushed, the consolidated workbook downloaded; logs are JSON lines.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/model/index.ts';
import { fixture } from '../../support/paths.ts';
import { startServerProcess, type ServerProcess } from '../../support/server-process.ts';

let dir = '';
let s: ServerProcess;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'phuluc-smoke-'));
  s = await startServerProcess({ dataDir: dir });
});
afterAll(async () => {
  await s?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('phuluc serve over real HTTP', () => {
  it('runs the whole commune → province path', async () => {
    expect(s.adminToken).toMatch(/^phl_/);
    const auth = (t: string) => ({ authorization: `Bearer ${t}` });
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${s.url}/api/me`)).status).toBe(401);

    const made = await fetch(`${s.url}/api/tokens`, {
      method: 'POST',
      headers: { ...auth(s.adminToken!), 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'editor', commune: '10903' }),
    });
    expect(made.status).toBe(201);
    const editor = ((await made.json()) as { secret: string }).secret;

    const form = new FormData();
    form.append('file', new File([await readFile(fixture('cam-giang-phu-luc.xlsx'))], 'cam-giang-phu-luc.xlsx'));
    const up = await fetch(`${s.url}/api/communes/10903/plans/NQ57-2026/upload`, { method: 'POST', headers: auth(editor), body: form });
    expect(up.status).toBe(201);
    const { plan } = (await up.json()) as { plan: Plan };

    const edited = structuredClone(plan);
    edited.appendices[0]!.rows.find((r) => r.kind === 'task')!.fields.result = 'Báo cáo tổng kết';
    const push = await fetch(`${s.url}/api/communes/10903/plans/NQ57-2026/revisions`, {
      method: 'POST',
      headers: { ...auth(editor), 'content-type': 'application/json', 'if-match': up.headers.get('etag')! },
      body: JSON.stringify({ plan: edited }),
    });
    expect(push.status).toBe(201);
    expect(push.headers.get('etag')).toBe('"2"');

    const xlsx = await fetch(`${s.url}/api/provinces/31/plans/NQ57-2026/consolidated?format=xlsx`, { headers: auth(s.adminToken!) });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Thống kê', 'Chỉ tiêu', 'Chưa nộp']);
    // The printed layout: a heading block, the header row, one row per task (each with its commune's code), a signature block.
    const codes: string[] = [];
    wb.getWorksheet('Tổng hợp')!.eachRow((row) => {
      const values = (row.values as unknown[]).map((v) => String(v ?? ''));
      if (values.includes('10903')) codes.push('10903');
    });
    expect(codes).toHaveLength(34);

    const docs = await fetch(`${s.url}/api/openapi.json`);
    expect(((await docs.json()) as { paths: Record<string, unknown> }).paths).toHaveProperty(
      '/api/communes/{commune}/plans/{planKey}/revisions',
    );

    const logLines = s
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    expect(logLines.length).toBeGreaterThan(5);
    const req = logLines
      .map((l) => JSON.parse(l) as { msg: string; path: string; status: number })
      .find((l) => l.path === '/api/communes/10903/plans/NQ57-2026/upload');
    expect(req).toMatchObject({ msg: 'request', status: 201 });
  });
});
