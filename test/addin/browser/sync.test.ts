// Sync end to end on loopback: a real server process (embedded PGlite in a temp folder) serving the built pane, two task
// panes in headless Chromium each with its own strict fake Excel loaded from the Quang Sơn fixture, signed in as two
// editors of the commune; then the NAA sign-in against a stubbed MSAL and a local JWKS. Screenshots of the views.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeExcel } from '../../support/fake-excel/fake-host.ts';
import { startServerProcess, type ServerProcess } from '../../support/server-process.ts';
import { launch, openPane, shot } from './support/browser.ts';
import { buildPane, bundleScript } from './support/build.ts';
import { fakeDataScript } from './support/fixtures.ts';

const COMMUNE = '05674';
const TASKS = 'PL II - Nhiệm vụ';
const TENANT = '7d1e3b52-5b4f-4c4e-9a53-2f1b2e3c4d5e';
const OID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const AUDIENCE = 'api://phuluc';

let dir = '';
let dataDir = '';
let fakeHost = '';
let fixtureData = '';
let browser: Browser;
let server: ServerProcess;
let jwks: Server;
let jwt = '';
const tokens = { a: '', b: '', admin: '' };

async function startServer(port = '0'): Promise<ServerProcess> {
  const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`;
  return startServerProcess({
    dataDir,
    env: {
      PORT: port,
      PHULUC_ADDIN_DIR: dir,
      PHULUC_ENTRA_TENANT_ID: TENANT,
      PHULUC_ENTRA_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
      PHULUC_ENTRA_AUDIENCE: AUDIENCE,
      PHULUC_ENTRA_JWKS_URL: jwksUrl,
    },
  });
}

beforeAll(async () => {
  const keys = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  jwks = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const now = Math.floor(Date.now() / 1000);
  jwt = await new SignJWT({
    tid: TENANT,
    oid: OID,
    name: 'Trần Thị C',
    preferred_username: 'c.tran@quangson.gov.vn',
    ver: '2.0',
    roles: [`Phuluc.Editor.${COMMUNE}`],
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'k1' })
    .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(keys.privateKey);

  dataDir = await mkdtemp(path.join(os.tmpdir(), 'phuluc-sync-e2e-'));
  [dir, fakeHost, fixtureData] = await Promise.all([
    buildPane(),
    bundleScript('test/addin/browser/support/fake-entry.ts'),
    fakeDataScript('quang-son-phu-luc.xlsx'),
  ]);
  server = await startServer();
  // Printed on the first start only: kept for the restarted process.
  tokens.admin = server.adminToken!;
  const mk = async (label: string) => {
    const res = await fetch(`${server.url}/api/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'editor', commune: COMMUNE, label }),
    });
    return ((await res.json()) as { secret: string }).secret;
  };
  tokens.a = await mk('Cán bộ A');
  tokens.b = await mk('Cán bộ B');
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  jwks?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function open(extra: string[] = [], errors: string[] = []): Promise<Page> {
  const page = await openPane(browser, `${server.url}/addin/taskpane.html`, { initScripts: [fixtureData, ...extra, fakeHost], errors });
  await page.getByRole('tab', { name: 'Đồng bộ' }).click();
  await page.getByTestId('sync-panel').waitFor();
  return page;
}

async function bind(page: Page, planKey: string): Promise<void> {
  await page.getByLabel('Mã xã (5 chữ số)').fill(COMMUNE);
  await page.getByLabel('Khóa kế hoạch').fill(planKey);
  await page.getByRole('button', { name: 'Lưu liên kết' }).click();
  await page.getByTestId('binding-summary').waitFor();
}

async function signInWithToken(page: Page, token: string): Promise<void> {
  await page.getByLabel('Token máy chủ (xã không dùng Microsoft 365)').fill(token);
  await page.getByRole('button', { name: 'Dùng token' }).click();
  await expect
    .poll(() =>
      page
        .getByTestId('signed-in')
        .textContent()
        .catch(() => ''),
    )
    .toMatch(/Cán bộ/);
}

const notice = (page: Page) =>
  page
    .getByTestId('notice')
    .textContent()
    .catch(() => '');

async function push(page: Page, expected: RegExp = /Đã gửi/): Promise<void> {
  await page.getByRole('button', { name: 'Gửi lên máy chủ' }).click();
  await expect
    .poll(async () => (await page.getByTestId('push-confirm').isVisible()) || expected.test((await notice(page)) ?? ''), {
      timeout: 20_000,
    })
    .toBe(true);
  if (await page.getByTestId('push-confirm').isVisible()) await page.getByRole('button', { name: 'Gửi dù có lỗi' }).click();
  await expect.poll(() => notice(page), { timeout: 20_000 }).toMatch(expected);
}

async function pull(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lấy về' }).click();
  await expect.poll(() => notice(page), { timeout: 20_000 }).toMatch(/Đã lấy|mới nhất/);
}

const fakeOf = (page: Page) => page.evaluate.bind(page);
async function type(page: Page, a1: string, value: string): Promise<void> {
  await fakeOf(page)(
    ([s, c, v]) => (window as unknown as { __PHULUC_FAKE__: FakeExcel }).__PHULUC_FAKE__.workbook.userSetValue(s!, c!, v!),
    [TASKS, a1, value],
  );
}
async function valueAt(page: Page, a1: string): Promise<unknown> {
  return fakeOf(page)(
    ([s, c]) => (window as unknown as { __PHULUC_FAKE__: FakeExcel }).__PHULUC_FAKE__.workbook.cell(s!, c!).value,
    [TASKS, a1],
  );
}
async function sheetValues(page: Page): Promise<unknown[][]> {
  return fakeOf(page)((s) => (window as unknown as { __PHULUC_FAKE__: FakeExcel }).__PHULUC_FAKE__.workbook.values(s), TASKS);
}
async function workbookText(page: Page): Promise<string> {
  return fakeOf(page)(() => JSON.stringify((window as unknown as { __PHULUC_FAKE__: FakeExcel }).__PHULUC_FAKE__.workbook.snapshot()));
}

async function revisions(
  planKey: string,
): Promise<{ seq: number; author: string; authorName: string | null; idempotencyKey: string | null }[]> {
  const res = await fetch(`${server.url}/api/communes/${COMMUNE}/plans/${planKey}/revisions`, {
    headers: { authorization: `Bearer ${tokens.admin}` },
  });
  return ((await res.json()) as { revisions: { seq: number; author: string; authorName: string | null; idempotencyKey: string | null }[] })
    .revisions;
}

describe('Đồng bộ end to end (real server process, two panes)', () => {
  const planKey = 'NQ57-2026';
  let a: Page;
  let b: Page;

  it('A pushes first, B pulls; A edits task 5 and B task 40: both pushes succeed and both sheets have both edits', async () => {
    a = await open();
    b = await open();
    await bind(a, planKey);
    await signInWithToken(a, tokens.a);
    await push(a);
    await shot(a, 'sync-pane', true);
    await bind(b, planKey);
    await signInWithToken(b, tokens.b);
    await pull(b);
    expect(await valueAt(b, 'G11')).toBe(await valueAt(a, 'G11'));

    await type(a, 'C11', 'Công an xã');
    await push(a, /Đã gửi: phiên bản 2/);
    await type(b, 'C57', 'Phòng Kinh tế');
    await push(b, /gộp.*phiên bản 3/);
    await pull(a);
    for (const p of [a, b]) {
      expect(await valueAt(p, 'C11')).toBe('Công an xã');
      expect(await valueAt(p, 'C57')).toBe('Phòng Kinh tế');
    }
  }, 120_000);

  it('A and B edit the same cell: B sees the conflict, picks a value, pushes; both sheets converge', async () => {
    await type(a, 'E20', 'Kết quả theo A');
    await push(a, /phiên bản 4/);
    await type(b, 'E20', 'Kết quả theo B');
    await b.getByRole('button', { name: 'Gửi lên máy chủ' }).click();
    const view = b.getByTestId('conflict-view');
    await view.waitFor({ timeout: 20_000 });
    expect(await b.getByTestId('conflict').count()).toBe(1);
    expect(await b.getByTestId('conflict-theirs').textContent()).toBe('Kết quả theo A');
    expect(await b.getByTestId('conflict-mine').textContent()).toBe('Kết quả theo B');
    await shot(b, 'sync-conflict', true);
    await b.getByRole('radio', { name: 'Sửa' }).check();
    await b.getByRole('textbox', { name: 'Sửa' }).fill('Kết quả thống nhất của A và B');
    await b.getByRole('button', { name: 'Gửi lại' }).click();
    await expect.poll(() => notice(b), { timeout: 20_000 }).toMatch(/Đã gửi: phiên bản 5/);
    await pull(a);
    expect(await valueAt(a, 'E20')).toBe('Kết quả thống nhất của A và B');
    expect(await sheetValues(a)).toEqual(await sheetValues(b));
  }, 120_000);

  it('the server stops during a push: the push is queued, retried with back-off, delivered once when it is back', async () => {
    const before = (await revisions(planKey)).length;
    const port = new URL(server.url).port;
    await server.stop();
    await type(a, 'F30', 'Quý IV/2026');
    await push(a, /xếp hàng/);
    await expect.poll(() => a.getByTestId('queue-item').getAttribute('data-state')).toBe('error');
    await shot(a, 'sync-queue', true);
    server = await startServer(port);
    await expect.poll(() => a.getByTestId('queue-item').count(), { timeout: 60_000, interval: 1000 }).toBe(0);
    await expect.poll(() => notice(a), { timeout: 20_000 }).toMatch(/Đã gửi: phiên bản 6/);
    const after = await revisions(planKey);
    expect(after.length).toBe(before + 1);
    expect(after[0]!.idempotencyKey).toMatch(/^push-/);

    // History: the revisions with author and time, one revision's changes by task.
    await a.getByRole('button', { name: 'Lịch sử' }).click();
    await a.getByTestId('history-view').waitFor();
    expect(await a.getByTestId('revision').count()).toBe(6);
    await a.getByRole('button', { name: /Phiên bản 6/ }).click();
    await a.getByTestId('revision-changes').waitFor();
    expect(await a.getByTestId('revision-changes').textContent()).toContain('Quý IV/2026');
    await shot(a, 'sync-history', true);
    await a.getByRole('button', { name: 'Đóng lịch sử' }).click();
  }, 180_000);

  it('credentials stay out of the workbook; "Quên token" removes the token from this computer', async () => {
    for (const [p, t] of [
      [a, tokens.a],
      [b, tokens.b],
    ] as const) {
      const text = await workbookText(p);
      expect(text).toContain('phuluc.sync');
      expect(text).not.toContain(t);
      expect(await p.evaluate(() => JSON.stringify(localStorage))).toContain(t);
    }
    await a.getByRole('button', { name: 'Quên token' }).click();
    expect(await a.evaluate(() => JSON.stringify(localStorage))).not.toContain(tokens.a);
    await a.getByLabel('Token máy chủ (xã không dùng Microsoft 365)').waitFor();
  });
});

describe('Đăng nhập Microsoft 365 (NAA with a stubbed MSAL)', () => {
  it('uses createNestablePublicClientApplication when NestedAppAuth 1.1 is supported; the server verifies the bearer', async () => {
    const stub = `window.__PHULUC_TEST_MSAL__ = {
      calls: [],
      async createNestablePublicClientApplication(cfg) {
        const calls = window.__PHULUC_TEST_MSAL__.calls;
        calls.push({ create: cfg });
        return {
          async acquireTokenSilent(req) { calls.push({ silent: req }); return { accessToken: ${JSON.stringify(jwt)}, expiresOn: new Date(Date.now() + 3600e3), account: { name: 'Trần Thị C' } }; },
          async acquireTokenPopup(req) { calls.push({ popup: req }); throw new Error('no popup in the test'); },
        };
      },
    };
    window.__PHULUC_FAKE_DATA__.opts = { nestedAppAuth: true };`;
    const page = await open([stub]);
    await bind(page, 'naa');
    await page.getByRole('button', { name: 'Đăng nhập Microsoft 365' }).click();
    await expect
      .poll(() =>
        page
          .getByTestId('signed-in')
          .textContent()
          .catch(() => ''),
      )
      .toMatch(/Trần Thị C.*Microsoft 365/);
    const calls = await page.evaluate(
      () => (window as unknown as { __PHULUC_TEST_MSAL__: { calls: unknown[] } }).__PHULUC_TEST_MSAL__.calls,
    );
    expect(calls).toEqual([
      { create: { auth: { clientId: '11111111-2222-4333-8444-555555555555', authority: `https://login.microsoftonline.com/${TENANT}` } } },
      { silent: { scopes: [`${AUDIENCE}/.default`] } },
    ]);
    await push(page);
    const [rev] = await revisions('naa');
    expect(rev).toMatchObject({ author: OID, authorName: 'Trần Thị C' });
    const text = await workbookText(page);
    expect(text).not.toContain(jwt);
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(jwt);
    await shot(page, 'sync-signed-in-naa');
  }, 120_000);
});
