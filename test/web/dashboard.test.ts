// The dashboard (/) in Chromium against a real server with three communes of province 31 submitted: counts, charts,
// drill-down with history and diff, hostile task text shown as text, the consolidated workbook, print, roles, widths;
// the progress of a reporting period (one commune reported) with the overdue card counting unfinished tasks only.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNES } from '../../core/dvhc.ts';
import { CONSOLIDATED_SHEETS } from '../../workbook/export/consolidated.ts';
import { fixture } from '../support/paths.ts';
import { DESKTOP, PHONE, screenshot, SCREENSHOTS, seen, watchedPage, type Watched } from './support/browser.ts';
import { leaksOnPage } from './support/leaks.ts';
import { startStack, type Stack } from './support/stack.ts';

const KEY = 'NQ57-2026';
const XSS_IMG = '<img src=x onerror=alert(1)>';
const XSS_SCRIPT = '<script>alert(2)</script>';
const XSS_LEAD = '<script>alert("lead")</script>';
const SUBMITTED = ['10507', '10888', '10903'];

let stack: Stack;
let tmp: string;
let consolidator: string;
let editor: string;
const opened: Watched[] = [];

beforeAll(async () => {
  [stack, tmp] = await Promise.all([
    startStack({ PHULUC_PLANS: `${KEY}=Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2026|2026-03-31` }),
    mkdtemp(path.join(os.tmpdir(), 'phuluc-web-dash-')),
  ]);
  const { api, admin } = stack;
  [consolidator, editor] = await Promise.all([
    api.token(admin, 'consolidator', { province: '31' }),
    api.token(admin, 'editor', { commune: '10903' }),
  ]);
  // Two fixtures stand in for other communes' plans: their title blocks name another commune, confirmed.
  const statuses = await Promise.all([
    api.upload('10903', KEY, fixture('cam-giang-phu-luc.xlsx'), admin),
    api.upload('10888', KEY, fixture('quang-son-phu-luc.xlsx'), admin, true),
    api.upload('10507', KEY, fixture('cam-giang-phu-luc.xlsx'), admin, true),
  ]);
  expect(statuses).toEqual([201, 201, 201]);
  // Revision 2 of 10507 carries hostile text in a task's content and lead.
  const head = await api.json('GET', `/api/communes/10507/plans/${KEY}`, admin);
  const task = head.body.plan.appendices[0].rows.find((r: { kind: string }) => r.kind === 'task');
  task.fields.content = `${XSS_IMG} ${XSS_SCRIPT}`;
  task.fields.lead = XSS_LEAD;
  const pushed = await api.json(
    'POST',
    `/api/communes/10507/plans/${KEY}/revisions`,
    admin,
    { plan: head.body.plan, message: XSS_IMG, confirmCommune: true },
    { 'if-match': '"1"' },
  );
  expect(pushed.status).toBe(201);
  // Progress for the first half of 2026: 10903 reports one task done, with hostile text in what it achieved.
  const periods = await api.json('PUT', `/api/provinces/31/plans/${KEY}/progress-periods`, admin, {
    periods: [
      { period: '2026-H1', cutoff: '2099-12-31' },
      { period: '2026', cutoff: '2100-01-31' },
    ],
  });
  expect(periods.status).toBe(200);
  const plan = (await api.json('GET', `/api/communes/10903/plans/${KEY}`, admin)).body.plan;
  const first = plan.appendices[0].rows.find((r: { kind: string }) => r.kind === 'task');
  const report = await api.json(
    'POST',
    `/api/communes/10903/plans/${KEY}/progress/2026-H1`,
    admin,
    {
      report: {
        period: '2026-H1',
        entries: [{ taskId: first.id, period: '2026-H1', status: 'done', completedOn: '2026-03-02', achieved: XSS_IMG }],
        indicators: [],
      },
      baseSeq: null,
    },
    { 'idempotency-key': 'dashboard-progress-1' },
  );
  expect(report.status).toBe(201);
  // 10888 reports too, and the province returns it with a reason; 10903's is accepted.
  const other = (await api.json('GET', `/api/communes/10888/plans/${KEY}`, admin)).body.plan;
  const otherTask = other.appendices
    .flatMap((a: { kind: string; rows: unknown[] }) => (a.kind === 'tasks' ? a.rows : []))
    .find((r: { kind: string }) => r.kind === 'task');
  const returned = await api.json(
    'POST',
    `/api/communes/10888/plans/${KEY}/progress/2026-H1`,
    admin,
    {
      report: { period: '2026-H1', entries: [{ taskId: otherTask.id, period: '2026-H1', status: 'done' }], indicators: [] },
      baseSeq: null,
    },
    { 'idempotency-key': 'dashboard-progress-2' },
  );
  expect(returned.status).toBe(201);
  const reviews = await Promise.all([
    api.json('POST', `/api/communes/10903/plans/${KEY}/progress/2026-H1/review`, consolidator, { decision: 'accept', seq: 1 }),
    api.json('POST', `/api/communes/10888/plans/${KEY}/progress/2026-H1/review`, consolidator, {
      decision: 'return',
      seq: 1,
      reason: 'Thiếu ngày hoàn thành',
    }),
  ]);
  expect(reviews.map((r) => [r.status, r.body.state])).toEqual([
    [200, 'accepted'],
    [200, 'returned'],
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all(opened.map((w) => w.context.close()));
  await stack?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function open(token: string | undefined, query = `?ke-hoach=${KEY}`, viewport = DESKTOP): Promise<Watched> {
  const w = await watchedPage(stack.browser, stack.url, viewport, token);
  opened.push(w);
  const res = await w.page.goto(`${stack.url}/${query}`);
  expect(res?.status()).toBe(200);
  return w;
}

function clean(w: Watched): void {
  expect(w.problems, 'CSP violations or page errors').toEqual([]);
  expect(w.dialogs, 'dialogs').toEqual([]);
  expect(w.external, 'requests leaving the server').toEqual([]);
}

async function noInjection(w: Watched): Promise<void> {
  expect(await w.page.locator('img[src="x"], main script, body > script:not([src])').count()).toBe(0);
}

describe('dashboard', () => {
  it("shows a consolidator their province: counts, communes, groups, the period's progress and four charts", async () => {
    const w = await open(consolidator);
    const { page } = w;
    await page.locator('.overview').waitFor();
    const total = COMMUNES.filter((c) => c.provinceCode === '31').length;
    expect(await seen(page.locator('[data-metric="submitted"] dd'))).toBe(`3 / ${total}`);
    expect(await page.locator('[data-metric="not-submitted"] dd').innerText()).toBe(String(total - 3));
    const rows = await page.locator('table.communes tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.commune));
    expect(rows).toEqual(SUBMITTED);

    const status = await stack.api.json('GET', `/api/provinces/31/plans/${KEY}/status`, consolidator);
    const data = await stack.api.json('GET', `/api/provinces/31/plans/${KEY}/consolidated?format=json`, consolidator);
    for (const code of SUBMITTED) {
      const s = status.body.communesList.find((c: { code: string }) => c.code === code);
      const st = data.body.stats.communes.find((c: { code: string }) => c.code === code);
      const row = page.locator(`table.communes tr[data-commune="${code}"]`);
      expect(await row.locator('[data-col="errors"]').innerText()).toBe(String(s.errors));
      expect(await row.locator('[data-col="warnings"]').innerText()).toBe(String(s.warnings));
      expect(await row.locator('[data-col="tasks"]').innerText()).toBe(String(st.tasks));
    }
    expect(await page.locator('[data-metric="tasks"] dd').innerText()).toBe(data.body.stats.totals.tasks.toLocaleString('vi-VN'));
    expect(await page.locator('details.not-submitted li').count()).toBe(total - 3);
    expect(await page.locator('table.groups tbody tr').count()).toBe(8);

    // Progress of the current period: one commune reported, so overdue counts unfinished tasks only.
    await page.locator('table.progress-communes').waitFor();
    expect(await page.locator('[data-metric="overdue"] dt').innerText()).toBe('Quá hạn chưa hoàn thành');
    expect(
      await page
        .locator('table.progress-communes tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-commune'), tr.querySelector('[data-col="state"]')?.textContent])),
    ).toEqual([
      ['10507', 'Chưa báo cáo'],
      ['10888', 'Bị trả lại: Thiếu ngày hoàn thành'],
      ['10903', 'Đã chấp nhận'],
    ]);
    expect(await page.locator('ul.not-reported li').allInnerTexts()).toEqual(['Phường Thành Đông (10507)']);

    // Charts: drawn on canvases, each with a PNG copy for print, and the figures as a table.
    expect(await page.locator('figure.chart canvas').count()).toBe(4);
    const images = await page
      .locator('figure.chart img.chart-print')
      .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src.slice(0, 22)));
    expect(images).toEqual(Array(4).fill('data:image/png;base64,'));
    await page.locator('#chart-leads summary').click();
    expect(await seen(page.locator('#chart-leads table th', { hasText: XSS_LEAD }))).toBe(XSS_LEAD);
    expect(await leaksOnPage(page)).toEqual([]);
    await screenshot(page, 'dashboard-1366');

    // Another period: its own reports (none yet), kept in the address, the period list keeping the focus.
    await page.getByLabel('Kỳ báo cáo').selectOption('2026');
    await expect.poll(() => page.locator('ul.not-reported li').count(), { timeout: 30_000 }).toBe(3);
    expect(await seen(page.locator('#progress .hint'))).toMatch(
      /^Báo cáo năm 2026; nhiệm vụ được xếp loại theo ngày \d{2}\/\d{2}\/\d{4}\.$/,
    );
    expect(new URL(page.url()).searchParams.get('ky')).toBe('2026');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('period-select'))).toBe(true);
    // Nothing reported for the year yet, but the half-year's reports still say which tasks are done (the latest report
    // already begun counts, docs/tien-do.md): the card counts unfinished tasks only.
    expect(await page.locator('[data-metric="overdue"] dt').innerText()).toBe('Quá hạn chưa hoàn thành');
    expect(await leaksOnPage(page)).toEqual([]);
    await noInjection(w);
    clean(w);
  });

  it('drills into a commune: plan, history and diff, with hostile task text shown as text', async () => {
    const w = await open(consolidator);
    const { page } = w;
    await page.getByRole('button', { name: 'Xem chi tiết Phường Thành Đông' }).click();
    const drill = page.locator('#drill[data-commune="10507"]');
    await drill.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('drill-heading');
    const cell = drill.locator('table.plan td.col-content', { hasText: XSS_IMG });
    expect(await seen(cell)).toBe(`${XSS_IMG} ${XSS_SCRIPT}`);
    expect(await seen(drill.locator('table.plan td.col-lead', { hasText: XSS_LEAD }))).toBe(XSS_LEAD);
    expect(await drill.locator('table.history tbody tr').count()).toBe(2);
    // The history names the person who sent each revision (never a machine id) and the time as officials write it.
    const history = await drill
      .locator('table.history tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    for (const [, time, , author] of history) {
      expect(time).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
      expect(author).not.toMatch(/^token:|^—$/);
    }
    expect(await seen(drill.locator('table.history td', { hasText: XSS_IMG }))).toBe(XSS_IMG);
    // The last change is shown at once: revision 1 → 2, content and lead changed.
    const change = drill.locator('.changes li[data-change="changed"]').first();
    expect(await seen(change.locator('ins', { hasText: XSS_IMG }))).toBe(`${XSS_IMG} ${XSS_SCRIPT}`);
    expect(await change.locator('ins', { hasText: XSS_LEAD }).innerText()).toBe(XSS_LEAD);
    await page.getByLabel('Từ phiên bản').selectOption('0');
    await page.getByRole('button', { name: 'So sánh' }).click();
    await drill.locator('.changes-summary', { hasText: '0 → 2' }).waitFor();
    expect(await drill.locator('.changes li[data-change="added"]').count()).toBeGreaterThan(30);
    expect(new URL(page.url()).searchParams.get('xa')).toBe('10507');
    await page.waitForTimeout(200);
    await noInjection(w);
    expect(await leaksOnPage(page)).toEqual([]);
    await screenshot(page, 'dashboard-drill-1366');
    clean(w);
  });

  it('downloads the consolidated workbook with the token, and prints charts as images on A4', async () => {
    const w = await open(consolidator);
    const { page } = w;
    await page.locator('.overview').waitFor();
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải bảng tổng hợp (.xlsx)' }).click(),
    ]);
    expect(dl.suggestedFilename()).toMatch(/^tong-hop-31-NQ57-2026-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = path.join(tmp, 'tong-hop.xlsx');
    await dl.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(file)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name)).toContain(CONSOLIDATED_SHEETS.vi.tasks);

    // The progress summary of the period shown, its sheets named in Vietnamese.
    const [progress] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải bảng tổng hợp tiến độ (.xlsx)' }).click(),
    ]);
    expect(progress.suggestedFilename()).toBe(`tien-do-31-${KEY}-2026-H1.xlsx`);
    const summary = new ExcelJS.Workbook();
    await summary.xlsx.load((await readFile(await progress.path())) as unknown as ExcelJS.Buffer);
    expect(summary.worksheets.map((s) => s.name)).toEqual([
      'Tổng hợp',
      'Quá hạn theo cơ quan',
      'Kết quả nổi bật',
      'Khó khăn, vướng mắc',
      'Đề xuất, kiến nghị',
      'Chưa báo cáo',
    ]);

    // Laid out as on paper: landscape A4 minus 10 mm margins is 277 mm, 1047 CSS pixels.
    await page.setViewportSize({ width: 1047, height: 740 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('figure.chart img.chart-print').first().isVisible()).toBe(true);
    expect(await page.locator('figure.chart canvas').first().isVisible()).toBe(false);
    expect(await page.locator('form.controls').isVisible()).toBe(false);
    // Nothing runs past the right edge of the paper.
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('main *')].filter((el) => el.getBoundingClientRect().right > width + 0.5);
      return { scroll: document.documentElement.scrollWidth - width, wide: wide.map((el) => el.tagName + '.' + el.className) };
    });
    expect(overflow).toEqual({ scroll: 0, wide: [] });
    // The communes that have not submitted are written out, not folded behind a summary line.
    const total = COMMUNES.filter((c) => c.provinceCode === '31').length;
    expect(await page.locator('details.not-submitted').isVisible()).toBe(false);
    expect(await page.locator('.not-submitted-print li').count()).toBe(total - 3);
    expect(await page.locator('.not-submitted-print li').last().isVisible()).toBe(true);
    const pdf = await page.pdf({ path: path.join(SCREENSHOTS, 'dashboard-print.pdf'), preferCSSPageSize: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(8);
    await screenshot(page, 'dashboard-print-a4');
    clean(w);
  });

  it('fits a phone, and switches to English', async () => {
    const w = await open(consolidator, `?ke-hoach=${KEY}`, PHONE);
    const { page } = w;
    await page.locator('.overview').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'no sideways scrolling of the page itself').toBeLessThanOrEqual(0);
    await screenshot(page, 'dashboard-390');
    await page.getByRole('button', { name: 'Switch the page to English' }).click();
    expect(await seen(page.locator('h1', { hasText: 'dashboard' }))).toBe('NQ57 plan dashboard');
    expect(await seen(page.locator('[data-metric="submitted"] dt'))).toBe('Communes submitted');
    expect(await page.locator('figure.chart canvas').count()).toBe(4);
    expect(await seen(page.locator('#progress-h'))).toBe('Progress');
    await screenshot(page, 'dashboard-en-390');
    clean(w);
  });

  it('limits an editor to their commune, lets an admin choose the province, and asks a visitor to sign in', async () => {
    const e = await open(editor, `?ke-hoach=${KEY}`, PHONE);
    const provinceCalls: string[] = [];
    e.page.on('request', (r) => {
      if (r.url().includes('/api/provinces/')) provinceCalls.push(r.url());
    });
    await e.page.locator('#drill[data-commune="10903"]').waitFor();
    expect(await e.page.locator('.overview').count()).toBe(0);
    expect(await e.page.locator('#drill table.plan tbody tr').count()).toBeGreaterThan(30);
    expect(provinceCalls).toEqual([]);
    await screenshot(e.page, 'dashboard-editor-390');
    clean(e);

    const a = await open(stack.admin, `?tinh=31&ke-hoach=${KEY}`);
    await a.page.locator('.overview').waitFor();
    expect(await a.page.getByLabel('Tỉnh/thành phố').inputValue()).toBe('31');
    expect(await a.page.locator('[data-metric="submitted"] dd').innerText()).toMatch(/^3 \//);
    clean(a);

    const v = await open(undefined);
    await v.page.getByLabel('Mã truy cập').waitFor();
    expect(await v.page.locator('.overview, form.controls').count()).toBe(0);
    expect(await v.page.getByRole('button', { name: 'Đăng nhập bằng Microsoft' }).count()).toBe(0);
    await screenshot(v.page, 'dashboard-signed-out-1366');
    clean(v);

    // With Entra configured (the public config answered here by the browser), the Microsoft button appears.
    const ms = await watchedPage(stack.browser, stack.url, DESKTOP);
    opened.push(ms);
    await ms.page.route('**/api/config', (r) => r.fulfill({ json: { entra: { clientId: 'c', tenantId: 't', audience: 'api://phuluc' } } }));
    await ms.page.goto(`${stack.url}/`);
    await ms.page.getByRole('button', { name: 'Đăng nhập bằng Microsoft' }).waitFor();
    clean(ms);
  });
});
