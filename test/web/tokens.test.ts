// The token page (/token) in Chromium against a real server: an admin creates a token (the secret shown once, and it
// works), sees the list with holder, scope, expiry and last use, revokes one after confirming (it stops working); the
// holder's name from the server is shown as text; non-admins are told they cannot; phone width reads as cards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, screenshot, seen, watchedPage, type Watched } from './support/browser.ts';
import { leaksOnPage } from './support/leaks.ts';
import { startStack, type Stack } from './support/stack.ts';

const XSS = '<img src=x onerror=alert(1)> Trần <b>B</b>';

let stack: Stack;
let editor: string;
const opened: Watched[] = [];

beforeAll(async () => {
  stack = await startStack();
  editor = await stack.api.token(stack.admin, 'editor', { commune: '10903' });
  const hostile = await stack.api.json('POST', '/api/tokens', stack.admin, { role: 'consolidator', province: '31', label: XSS });
  expect(hostile.status).toBe(201);
  // Used once, so its "last used" is filled in.
  expect((await stack.api.json('GET', '/api/me', hostile.body.secret)).status).toBe(200);
}, 240_000);

afterAll(async () => {
  await Promise.all(opened.map((w) => w.context.close()));
  await stack?.stop();
}, 180_000);

async function open(token: string, viewport = DESKTOP): Promise<Watched> {
  const w = await watchedPage(stack.browser, stack.url, viewport, token);
  opened.push(w);
  const res = await w.page.goto(`${stack.url}/token`);
  expect(res?.status()).toBe(200);
  return w;
}

function clean(w: Watched): void {
  expect(w.problems, 'CSP violations or page errors').toEqual([]);
  expect(w.dialogs, 'dialogs').toEqual([]);
  expect(w.external, 'requests leaving the server').toEqual([]);
}

describe('token page', { timeout: 120_000 }, () => {
  it('creates a token: the secret is shown once and works; the list names its holder', async () => {
    const w = await open(stack.admin);
    const { page } = w;
    await page.locator('table.tokens tbody tr').first().waitFor();
    await page.getByLabel('Quyền').selectOption('editor');
    // The editor's commune, found by name: each choice names its province.
    await page.getByRole('combobox', { name: 'Xã/phường' }).fill('cẩm giàng, hải phòng');
    await page.getByRole('option', { name: 'Xã Cẩm Giàng — Thành phố Hải Phòng' }).click();
    expect(await page.getByRole('combobox', { name: 'Xã/phường' }).inputValue()).toBe('Xã Cẩm Giàng — Thành phố Hải Phòng');
    await page.getByLabel('Người giữ mã').fill('Nguyễn Văn A, cán bộ VP');
    await page.getByLabel('Hạn dùng').selectOption('90d');
    await page.getByRole('button', { name: 'Tạo mã truy cập' }).click();
    const box = page.locator('.secret-box');
    await box.waitFor();
    const secret = await box.locator('input.secret').inputValue();
    expect(secret).toMatch(/^phl_/);
    expect(await box.innerText()).toMatch(/chỉ hiện một lần/);
    const me = await stack.api.json('GET', '/api/me', secret);
    expect(me.body.principal).toMatchObject({ role: 'editor', communeCode: '10903', name: 'Nguyễn Văn A, cán bộ VP' });
    const id = await box.getAttribute('data-token');
    const row = page.locator(`table.tokens tr[data-token="${id}"]`);
    expect(await seen(row.locator('td.holder'))).toBe('Nguyễn Văn A, cán bộ VP');
    expect(await row.locator('td.scope').innerText()).toMatch(/Cẩm Giàng.*10903/);
    expect(await row.locator('td.st').innerText()).toBe('Đang dùng');
    const expires = new Date(Date.now() + 90 * 86_400_000).toLocaleDateString('vi-VN', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    expect(await row.locator('td.expires').innerText()).toBe(expires);
    expect(await row.locator('td.last-used').innerText()).toBe('chưa dùng');
    // The holder's name as the server stores it, shown as text; that token was used once.
    const hostile = page.locator('table.tokens tr', { has: page.locator('td.holder', { hasText: '<img src=x' }) });
    expect(await seen(hostile.locator('td.holder'))).toBe(XSS);
    expect(await hostile.locator('td.last-used').innerText()).not.toBe('chưa dùng');
    expect(await page.locator('img[src="x"], main b').count()).toBe(0);
    expect(await leaksOnPage(page)).toEqual([]);
    await screenshot(page, 'token-1366');
    // "Hide" removes the secret from the page for good.
    await page.getByRole('button', { name: 'Đã cất giữ, ẩn mã' }).click();
    expect(await page.locator('.secret-box').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    clean(w);
  });

  it('revokes a token after confirming: it is refused at once and leaves the active list', async () => {
    const victim = await stack.api.json('POST', '/api/tokens', stack.admin, {
      role: 'editor',
      commune: '10888',
      label: 'Cán bộ bị lộ token',
    });
    const w = await open(stack.admin);
    const { page } = w;
    const row = page.locator(`table.tokens tr[data-token="${victim.body.id}"]`);
    await row.waitFor();
    await row.getByRole('button', { name: 'Thu hồi mã truy cập của Cán bộ bị lộ token' }).click();
    expect(await seen(row.locator('.confirm p'))).toMatch(/Thu hồi mã truy cập của “Cán bộ bị lộ token”\?/);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe('confirm-revoke');
    await screenshot(page, 'token-confirm-1366');
    await row.locator('[data-action="confirm-revoke"]').click();
    expect(await seen(page.locator('.note[role="status"]'))).toMatch(/Đã thu hồi mã truy cập của “Cán bộ bị lộ token”/);
    expect(await row.count()).toBe(0);
    const me = await stack.api.json('GET', '/api/me', victim.body.secret);
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('token-revoked');
    await page.getByLabel('Hiện cả mã đã thu hồi, hết hạn').check();
    expect(await seen(row.locator('td.st'))).toBe('Đã thu hồi');
    expect(await row.locator('[data-action="revoke"]').count()).toBe(0);
    clean(w);
  });

  it('on a phone the list reads as cards without sideways scrolling; filtering narrows it', async () => {
    const w = await open(stack.admin, PHONE);
    const { page } = w;
    await page.locator('table.tokens tbody tr').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByLabel('Tìm theo người giữ, mã, xã, tỉnh').fill('trần');
    const rows = page.locator('table.tokens tbody tr');
    await page.waitForFunction(() => document.querySelectorAll('table.tokens tbody tr').length === 1);
    expect(await rows.locator('td.holder').innerText()).toBe(XSS);
    await page.getByLabel('Tìm theo người giữ, mã, xã, tỉnh').fill('');
    await page.waitForFunction(() => document.querySelectorAll('table.tokens tbody tr').length > 1);
    await screenshot(page, 'token-390');
    clean(w);
  });

  it('tells a non-admin that only administrators manage access codes', async () => {
    const w = await open(editor, PHONE);
    expect(await seen(w.page.locator('main .note'))).toMatch(/Chỉ quản trị viên quản lý được mã truy cập/);
    expect(await w.page.locator('table.tokens, form.token-form').count()).toBe(0);
    await screenshot(w.page, 'token-editor-390');
    clean(w);
  });
});
