// The Tiến độ tab end to end in headless Chromium: a real server process (PGlite in a temp folder) serving the built
// pane, the strict fake Excel loaded from the Quang Sơn fixture. The official signs in, sends the plan (the tasks get
// their ids), opens Tiến độ, picks the period, adds the progress columns, sets a task's status, date and result, writes
// them to the sheet, sends the report — the server stores it; a locked period is said. Screenshots at the pane's
// width, 1366×768 and 390×844; no English word or code shown in any state.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCommune } from '../../../core/dvhc.ts';
import type { FakeExcel } from '../../support/fake-excel/fake-host.ts';
import { startServerProcess, type ServerProcess } from '../../support/server-process.ts';
import { PANE_VIEWPORT, PHONE_VIEWPORT, WIDE_VIEWPORT, launch, openPane, shot } from './support/browser.ts';
import { buildPane, bundleScript } from './support/build.ts';
import { fakeDataScript } from './support/fixtures.ts';
import { paneLeaks } from './support/leaks.ts';

const COMMUNE = '05674';
const PLAN = 'NQ57-2026';
const TASKS = 'PL II - Nhiệm vụ';
const PROVINCE = findCommune(COMMUNE)!.provinceCode;

let dir = '';
let dataDir = '';
let fakeHost = '';
let fixtureData = '';
let browser: Browser;
let server: ServerProcess;
let editor = '';

async function api(
  method: string,
  url: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, never> & { secret: string; report: { entries: Record<string, unknown>[] } } }> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, json: await res.json() };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'phuluc-progress-e2e-'));
  [dir, fakeHost, fixtureData] = await Promise.all([
    buildPane(),
    bundleScript('test/addin/browser/support/fake-entry.ts'),
    fakeDataScript('quang-son-phu-luc.xlsx'),
  ]);
  server = await startServerProcess({
    dataDir,
    env: { PORT: '0', PHULUC_ADDIN_DIR: dir, PHULUC_PLANS: `${PLAN}=Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2026` },
  });
  editor = (await api('POST', '/api/tokens', server.adminToken!, { role: 'editor', commune: COMMUNE, label: 'Cán bộ A' })).json.secret;
  const periods = await api('PUT', `/api/provinces/${PROVINCE}/plans/${PLAN}/progress-periods`, server.adminToken!, {
    periods: [
      { period: '2026-H1', cutoff: '2026-07-15' },
      { period: '2026-H2', cutoff: '2099-01-15' },
    ],
  });
  expect(periods.status).toBe(200);
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The notice line's text, without its dismiss button's ×. */
const notice = (page: Page) =>
  page
    .getByTestId('notice')
    .textContent()
    .then((t) => (t ?? '').replace(/×$/, ''))
    .catch(() => '');

const fake = <T>(page: Page, fn: (f: FakeExcel, arg: string) => T, arg: string): Promise<T> =>
  page.evaluate(
    ([src, a]) => new Function('f', 'a', `return (${src})(f, a)`)((window as unknown as { __PHULUC_FAKE__: FakeExcel }).__PHULUC_FAKE__, a),
    [fn.toString(), arg] as const,
  ) as Promise<T>;

/** Signed in, bound to the plan, the plan sent once (its tasks get their ids), then on the Tiến độ tab. */
async function openBound(viewport = PANE_VIEWPORT): Promise<Page> {
  const errors: string[] = [];
  const page = await openPane(browser, `${server.url}/addin/taskpane.html`, { initScripts: [fixtureData, fakeHost], errors, viewport });
  await page.getByRole('tab', { name: 'Đồng bộ' }).click();
  await page.getByLabel('Mã truy cập (xã không dùng Microsoft 365)').fill(editor);
  await page.getByRole('button', { name: 'Dùng mã truy cập' }).click();
  await page.getByTestId('plan-picker').selectOption(PLAN);
  await page.getByRole('button', { name: 'Ghi nhớ cho bảng tính này' }).click();
  await page.getByTestId('binding-summary').waitFor();
  await page.getByRole('button', { name: 'Gửi lên máy chủ' }).click();
  await expect
    .poll(async () => (await page.getByTestId('push-confirm').isVisible()) || /^Đã gửi/.test((await notice(page)) ?? ''), {
      timeout: 30_000,
    })
    .toBe(true);
  if (await page.getByTestId('push-confirm').isVisible()) await page.getByRole('button', { name: 'Gửi dù có lỗi' }).click();
  await expect.poll(() => notice(page), { timeout: 30_000 }).toMatch(/^Đã gửi/);
  await page.getByRole('tab', { name: 'Tiến độ' }).click();
  await page.getByTestId('progress-panel').waitFor();
  return page;
}

describe('Tiến độ in the pane (real server process, Chromium)', () => {
  let page: Page;

  it('picks the period, adds the columns, sets a task’s progress into the sheet, sends it: the server stores it', async () => {
    page = await openBound();
    // The server's periods replace this year's once the pane is signed in; the open one is current.
    await expect
      .poll(() => page.getByTestId('progress-period').locator('option').allTextContents(), { timeout: 20_000 })
      .toEqual(['6 tháng đầu năm 2026', '6 tháng cuối năm 2026 (kỳ hiện tại)']);
    await page.getByTestId('progress-period').selectOption('2026-H2');
    expect(await page.getByTestId('progress-state').textContent()).toBe('Chưa báo cáo · Hạn gửi: 15/01/2099');
    await page.getByTestId('progress-no-columns').waitFor();
    await shot(page, 'progress-no-columns');
    expect(await paneLeaks(page)).toEqual([]);
    await page.getByRole('button', { name: 'Thêm cột tiến độ' }).click();
    await expect.poll(() => notice(page), { timeout: 20_000 }).toBe('Đã thêm 8 cột tiến độ vào bảng.');
    expect(await fake(page, (f, s) => f.workbook.values(s)[4]!.slice(7, 10), TASKS)).toEqual([
      'Tình trạng thực hiện',
      'Ngày hoàn thành',
      'Kết quả đạt được',
    ]);

    const task = page.getByTestId('progress-task').first();
    const row = Number(await task.getAttribute('data-row'));
    await task.getByRole('button').first().click();
    await page.getByTestId('progress-status').selectOption('done');
    await page.getByTestId('progress-completedOn').fill('2026-11-20');
    await page.getByTestId('progress-achieved').fill('Đã ban hành quy chế');
    await shot(page, 'progress-editor');
    expect(await paneLeaks(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ghi vào bảng tính' }).click();
    await expect.poll(() => notice(page), { timeout: 20_000 }).toBe('Đã ghi tiến độ của 1 nhiệm vụ vào bảng tính.');
    expect(await fake(page, (f, a) => f.workbook.values('PL II - Nhiệm vụ')[Number(a) - 1]!.slice(7, 10), String(row))).toEqual([
      'Đã hoàn thành',
      46346,
      'Đã ban hành quy chế',
    ]);

    await page.getByRole('button', { name: 'Gửi báo cáo tiến độ' }).click();
    await expect.poll(() => notice(page), { timeout: 30_000 }).toBe('Đã gửi báo cáo 6 tháng cuối năm 2026 (lần gửi số 1).');
    expect(await page.getByTestId('progress-state').textContent()).toBe('Đã gửi (lần gửi số 1) · Hạn gửi: 15/01/2099');
    const head = await api('GET', `/api/communes/${COMMUNE}/plans/${PLAN}/progress/2026-H2`, server.adminToken!);
    const taskId = await task.getAttribute('data-task-id');
    expect(head.json.report.entries.map(({ reportedAt: _, reportedBy: __, ...e }: Record<string, unknown>) => e)).toEqual([
      { taskId, period: '2026-H2', status: 'done', completedOn: '2026-11-20', achieved: 'Đã ban hành quy chế' },
    ]);
    await shot(page, 'progress-pane', true);
    expect(await paneLeaks(page)).toEqual([]);
  }, 240_000);

  it('a period past its cut-off is said with the day; "Không phát sinh" asks first', async () => {
    await page.getByTestId('progress-period').selectOption('2026-H1');
    expect(await page.getByTestId('progress-state').textContent()).toBe('Chưa báo cáo · Đã khóa sau hạn 15/07/2026');
    await page.getByRole('button', { name: 'Không phát sinh' }).click();
    expect(await page.getByTestId('progress-nothing-confirm').textContent()).toMatch(
      /^Báo cáo “không phát sinh” cho 6 tháng đầu năm 2026: kỳ này xã không có gì để báo cáo\. Gửi\?/,
    );
    expect(await paneLeaks(page)).toEqual([]);
    await page.getByRole('button', { name: 'Gửi “không phát sinh”' }).click();
    await page.getByTestId('progress-locked').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('progress-locked').textContent()).toBe(
      'Kỳ này đã khóa sau hạn 15/07/2026: máy chủ không nhận báo cáo nữa. Hãy đề nghị tỉnh mở lại kỳ báo cáo.',
    );
    await shot(page, 'progress-locked');
    expect(await paneLeaks(page)).toEqual([]);
  }, 120_000);

  it('looks right at 1366×768 and 390×844', async () => {
    for (const [name, viewport] of [
      ['progress-1366', WIDE_VIEWPORT],
      ['progress-390', PHONE_VIEWPORT],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.getByTestId('progress-period').selectOption('2026-H2');
      // The task opened earlier stays open across periods (the list is the same sheet's).
      if (!(await page.getByTestId('progress-editor').isVisible()))
        await page.getByTestId('progress-task').first().getByRole('button').first().click();
      await page.getByTestId('progress-editor').waitFor();
      await shot(page, name);
      expect(await paneLeaks(page)).toEqual([]);
      await page.getByRole('button', { name: 'Xong' }).click();
    }
  }, 120_000);
});
