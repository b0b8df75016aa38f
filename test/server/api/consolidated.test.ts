// Submission status and consolidation of three communes: JSON counts, and an .xlsx that LibreOffice opens whose
// rows are exactly the union of the communes' tasks.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../../core/text/index.ts';
import { fixture } from '../../support/paths.ts';
import { harness, type Harness } from './harness.ts';

const run = promisify(execFile);
let h: Harness;
const COMMUNES: [string, string][] = [
  ['10903', 'cam-giang-phu-luc.xlsx'],
  ['10888', 'quang-son-phu-luc.xlsx'],
  ['10507', 'cam-giang-phu-luc.xlsx'],
];
const contents: string[] = [];

beforeAll(async () => {
  h = await harness();
  for (const [code, file] of COMMUNES) {
    const form = new FormData();
    form.append('file', new File([await readFile(fixture(file))], file));
    // Three communes of Hải Phòng from two files: the title blocks name other communes, confirmed as the page would.
    form.append('confirmCommune', '1');
    const r = await h.call('POST', `/api/communes/${code}/plans/NQ57-2026/upload`, { token: h.tokens.admin, body: form });
    expect(r.status).toBe(201);
    const plan = (await h.call('GET', `/api/communes/${code}/plans/NQ57-2026`)).body.plan;
    for (const a of plan.appendices)
      for (const row of a.rows) if (a.kind === 'tasks' && row.kind === 'task') contents.push(fold(row.fields.content ?? ''));
  }
});
afterAll(() => h.close());

/**
 * The table rows of a printed sheet, by column heading: below the heading block, the header row (the one naming
 * "Mã xã"), then one row per commune's item — those with a commune code; the signature block below has none.
 */
function taskRows(ws: ExcelJS.Worksheet): Record<string, string>[] {
  let header: string[] | null = null;
  const out: Record<string, string>[] = [];
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).map((v) => (v === null || v === undefined ? '' : String(v)));
    if (!header) {
      if (values.includes('Mã xã')) header = values;
      return;
    }
    const cells = Object.fromEntries(header.map((name, i) => [name, values[i] ?? '']).filter(([name]) => name !== ''));
    if (/^\d{5}$/.test(cells['Mã xã'] ?? '')) out.push(cells);
  });
  return out;
}

describe('province views', () => {
  it('status: 3 of the province’s communes submitted, with their counts', async () => {
    const r = await h.call('GET', '/api/provinces/31/plans/NQ57-2026/status', { token: h.tokens.consolidator });
    expect(r.status).toBe(200);
    expect(r.body.submitted).toBe(3);
    expect(r.body.communes).toBeGreaterThan(100);
    const cg = r.body.communesList.find((c: { code: string }) => c.code === '10903');
    expect(cg).toMatchObject({ submitted: true, revision: 1, tasks: 34 });
    expect(r.body.communesList.find((c: { code: string }) => c.code === '10525')).toMatchObject({ submitted: false });
  });

  it('consolidated JSON: one row per task of every commune', async () => {
    const r = await h.call('GET', '/api/provinces/31/plans/NQ57-2026/consolidated?asOf=2026-06-30', { token: h.tokens.consolidator });
    expect(r.status).toBe(200);
    expect(r.body.rows.length).toBe(34 + 53 + 34);
    expect(r.body.rows.map((x: { content: string }) => fold(x.content)).sort()).toEqual([...contents].sort());
  });

  it('consolidated .xlsx: opens in LibreOffice; its rows equal the union of the communes’ tasks', async () => {
    const res = await h.app.request('/api/provinces/31/plans/NQ57-2026/consolidated?format=xlsx&asOf=2026-06-30', {
      headers: { authorization: `Bearer ${h.tokens.consolidator}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-cons-'));
    const file = path.join(dir, 'tong-hop.xlsx');
    await writeFile(file, new Uint8Array(await res.arrayBuffer()));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cells = taskRows(wb.getWorksheet('Tổng hợp')!).map((row) => fold(row['Nội dung'] ?? ''));
    expect(cells.sort()).toEqual([...contents].sort());
    // The communes that have not submitted, on a sheet of their own.
    const status = await h.call('GET', '/api/provinces/31/plans/NQ57-2026/status', { token: h.tokens.consolidator });
    const missing = status.body.communesList.filter((c: { submitted: boolean }) => !c.submitted).map((c: { code: string }) => c.code);
    expect(taskRows(wb.getWorksheet('Chưa nộp')!).map((row) => row['Mã xã'])).toEqual(missing);
    await run('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120_000 });
    expect((await stat(path.join(dir, 'tong-hop.pdf'))).size).toBeGreaterThan(1000);
  });
});

describe('national view', () => {
  it('admins get every commune’s tasks, by commune code, as JSON and .xlsx; a consolidator gets 403', async () => {
    const r = await h.call('GET', '/api/national/plans/NQ57-2026/consolidated?asOf=2026-06-30', { token: h.tokens.admin });
    expect(r.status).toBe(200);
    const province = await h.call('GET', '/api/provinces/31/plans/NQ57-2026/consolidated?asOf=2026-06-30', {
      token: h.tokens.consolidator,
    });
    expect(r.body.rows).toEqual(province.body.rows);
    expect(r.body.communes.map((c: { code: string }) => c.code)).toEqual(['10507', '10888', '10903']);
    const xlsx = await h.app.request('/api/national/plans/NQ57-2026/consolidated?format=xlsx&asOf=2026-06-30', {
      headers: { authorization: `Bearer ${h.tokens.admin}` },
    });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(taskRows(wb.getWorksheet('Tổng hợp')!)).toHaveLength(r.body.rows.length);
    expect((await h.call('GET', '/api/national/plans/NQ57-2026/consolidated', { token: h.tokens.consolidator })).status).toBe(403);
    expect((await h.call('GET', '/api/national/plans/NQ57-2026/consolidated?asOf=2026-02-30', { token: h.tokens.admin })).status).toBe(400);
  });
});
