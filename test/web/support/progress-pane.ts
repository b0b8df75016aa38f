// Driving the task pane's Tiến độ tab in Chromium as an official does: sign in with an access code, choose the plan,
// send or fetch the plan, add the progress columns, write a task's progress, send the report; the notice it answers.
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openPane, PANE_VIEWPORT } from '../../addin/browser/support/browser.ts';

/** A pane page on the server, its workbook the fixture loaded in the strict fake Excel, at the Đồng bộ tab. */
export async function openProgressPane(browser: Browser, url: string, scripts: string[], viewport = PANE_VIEWPORT): Promise<Page> {
  const page = await openPane(browser, `${url}/addin/taskpane.html`, { initScripts: scripts, viewport });
  await page.getByRole('tab', { name: 'Đồng bộ' }).click();
  await page.getByTestId('sync-panel').waitFor();
  return page;
}

export const notice = (page: Page): Promise<string> =>
  page
    .getByTestId('notice')
    .textContent()
    .then((t) => t ?? '')
    .catch(() => '');

/** Sign in with an editor's access code and remember the plan for this workbook. */
export async function signInAndBind(page: Page, token: string, planKey: string): Promise<void> {
  await page.getByLabel('Mã truy cập (xã không dùng Microsoft 365)').fill(token);
  await page.getByRole('button', { name: 'Dùng mã truy cập' }).click();
  await page.getByTestId('signed-in').waitFor();
  await page.getByTestId('plan-picker').selectOption(planKey);
  await page.getByRole('button', { name: 'Ghi nhớ cho bảng tính này' }).click();
  await page.getByTestId('binding-summary').waitFor();
}

/** "Gửi lên máy chủ" (past the question about errors, when the fixture's findings ask it). */
export async function pushPlan(page: Page, expected: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Gửi lên máy chủ' }).click();
  await expect
    .poll(async () => (await page.getByTestId('push-confirm').isVisible()) || expected.test(await notice(page)), { timeout: 60_000 })
    .toBe(true);
  if (await page.getByTestId('push-confirm').isVisible()) await page.getByRole('button', { name: 'Gửi dù có lỗi' }).click();
  await expect.poll(() => notice(page), { timeout: 60_000 }).toMatch(expected);
}

/** "Lấy về": the plan as the server holds it, task ids included. */
export async function pullPlan(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lấy về' }).click();
  await expect.poll(() => notice(page), { timeout: 60_000 }).toMatch(/Đã lấy|mới nhất/);
}

/** The Tiến độ tab on the period, with the progress columns added to the workbook's task table. */
export async function openProgress(page: Page, period: string): Promise<void> {
  await page.getByRole('tab', { name: 'Tiến độ' }).click();
  await page.getByTestId('progress-panel').waitFor();
  await expect.poll(() => page.getByTestId('progress-period').inputValue(), { timeout: 60_000 }).toBe(period);
  await page.getByRole('button', { name: 'Thêm cột tiến độ' }).click();
  await page.getByTestId('progress-counts').waitFor({ timeout: 60_000 });
}

export interface PaneEdit {
  status?: string;
  completedOn?: string;
  achieved?: string;
  reason?: string;
}

/** Open task `tt`'s editor, set its fields, close it (the edits stay drafts until saved or sent). */
export async function editTask(page: Page, tt: string, edit: PaneEdit): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^Ghi tiến độ nhiệm vụ ${tt}:`) }).click();
  const editor = page.getByTestId('progress-editor');
  await editor.waitFor();
  if (edit.status !== undefined) await editor.getByTestId('progress-status').selectOption(edit.status);
  if (edit.completedOn !== undefined) await editor.getByTestId('progress-completedOn').fill(edit.completedOn);
  if (edit.achieved !== undefined) await editor.getByTestId('progress-achieved').fill(edit.achieved);
  if (edit.reason !== undefined) await editor.getByTestId('progress-reason').fill(edit.reason);
  await editor.getByRole('button', { name: 'Xong' }).click();
  await editor.waitFor({ state: 'detached' });
}

/** "Gửi báo cáo tiến độ", then the notice the answer gives (a conflict shows its view instead). */
export async function sendReport(page: Page, expected: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Gửi báo cáo tiến độ' }).click();
  await expect.poll(() => notice(page), { timeout: 60_000 }).toMatch(expected);
}
