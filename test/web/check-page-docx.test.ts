// /kiem-tra with a Word plan (issue 18) in Chromium against a real server: a .docx written by python-docx is checked
// in the browser (the same issues as `phuluc check` of that file, the preview shown), the page says the copies are
// for workbooks only, and "Nộp tệp" sends the .docx itself, stored as its plan; screenshots at 1366×768 and 390×844.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.ts';
import { englishLeaks } from '../support/user-words.ts';
import { DESKTOP, PHONE, screenshot, seen, watchedPage, type Watched } from './support/browser.ts';
import { cliCheck, flatIssues } from './support/cli.ts';
import { startStack, type Stack } from './support/stack.ts';

const DOCX = path.join(REPO_ROOT, 'test/fixtures/docx/cam-giang-ke-hoach.docx');

let stack: Stack;
let tmp: string;
let editor: string;
const opened: Watched[] = [];

beforeAll(async () => {
  [stack, tmp] = await Promise.all([
    startStack({ PHULUC_PLANS: 'NQ57-2026=Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2026' }),
    mkdtemp(path.join(os.tmpdir(), 'phuluc-web-docx-')),
  ]);
  editor = await stack.api.token(stack.admin, 'editor', { commune: '10903' });
}, 180_000);

afterAll(async () => {
  await Promise.all(opened.map((w) => w.context.close()));
  await stack?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function open(viewport = DESKTOP): Promise<Watched> {
  const w = await watchedPage(stack.browser, stack.url, viewport);
  opened.push(w);
  expect((await w.page.goto(`${stack.url}/kiem-tra`))?.status()).toBe(200);
  return w;
}

async function pick(page: Page, file: string): Promise<void> {
  await page.getByLabel('Chọn tệp phụ lục (.xlsx, .docx)…').setInputFiles(file);
  await page.locator('.status', { hasText: `Đã kiểm tra “${path.basename(file)}”` }).waitFor();
  await page.locator('.issues-view').waitFor();
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

function clean(w: Watched): void {
  expect(w.problems, 'CSP violations or page errors').toEqual([]);
  expect(w.dialogs, 'dialogs').toEqual([]);
  expect(w.external, 'requests leaving the server').toEqual([]);
}

describe('/kiem-tra with a Word document', () => {
  it('checks a .docx in the browser: the issues phuluc check lists, the preview, no workbook copies; the page text mentions .docx', async () => {
    const w = await open();
    const { page } = w;
    expect(await page.locator('input[type="file"]').getAttribute('accept')).toContain('.docx');
    expect(await page.locator('.lead').innerText()).toContain('tài liệu Word (.docx)');
    const uploads: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET') uploads.push(r.url());
    });
    const [cli] = await Promise.all([cliCheck(DOCX), pick(page, DOCX)]);
    const sev = cli.files.flatMap((f) => f.tables.flatMap((t) => t.issues.map((i) => RANK[i.severity])));
    const expected = flatIssues(cli)
      .map((row, i) => ({ row, r: sev[i]!, i }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map((x) => x.row);
    const listed = await page.locator('tr[data-code]').evaluateAll((rows) =>
      rows.map((r) => {
        const d = (r as HTMLElement).dataset;
        return [d.sheet ?? '', d.cell || d.row || '', d.code ?? ''];
      }),
    );
    expect(listed).toEqual(expected);
    expect(cli.stats.tasks).toBe(34);
    expect(await page.locator('.stats').innerText()).toContain('34');
    expect(uploads, 'the file is not sent anywhere to be checked').toEqual([]);
    // The preview shows the table read from Word: its header row and a task's text.
    const preview = await seen(page.locator('#step-preview table'));
    expect(preview).toContain('Nội dung');
    expect(preview).toContain('Cẩm Giàng');
    // The copies are made of workbooks only: said in Vietnamese, no download buttons.
    const note = await seen(page.locator('.word-copies'));
    expect(note).toBe(
      'Đây là tài liệu Word: bản đã sửa và bản có ghi chú chỉ làm được cho tệp Excel (.xlsx). Hãy sửa ngay trong tài liệu Word rồi chọn lại tệp, hoặc nộp tệp này ở bước 4.',
    );
    expect(englishLeaks(note)).toEqual([]);
    expect(englishLeaks(await page.locator('main').innerText())).toEqual([]);
    expect(await page.locator('.downloads').count()).toBe(0);
    clean(w);
  });

  it('"Nộp tệp" sends the .docx itself: stored on the server as the Word plan', async () => {
    const w = await open();
    const { page } = w;
    await pick(page, DOCX);
    await page.getByLabel('Mã truy cập').fill(editor);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    expect(await seen(page.locator('.signed-in'))).toContain('Xã Cẩm Giàng');
    expect(await page.getByLabel('Kế hoạch').inputValue()).toBe('NQ57-2026');
    await page.getByRole('button', { name: 'Nộp tệp' }).click();
    const ask = page.getByRole('alertdialog').getByRole('button', { name: 'Gửi dù có lỗi' });
    const stored = page.locator('.outcome[data-status="created"]');
    // Asked first only when the file has errors.
    await Promise.race([ask.waitFor(), stored.waitFor()]);
    if (await ask.isVisible()) await ask.click();
    expect(await seen(stored)).toContain(
      'Đã lưu thành phiên bản số 1 của Xã Cẩm Giàng cho “Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2026”.',
    );
    const head = await stack.api.json('GET', '/api/communes/10903/plans/NQ57-2026', editor);
    expect([head.body.revision.seq, head.body.plan.source.format, head.body.revision.summary.tasks]).toEqual([1, 'docx', 34]);
    clean(w);
  });

  it('renders at 1366×768 and 390×844 with no sideways scrolling', async () => {
    for (const [vp, name] of [
      [DESKTOP, '1366'],
      [PHONE, '390'],
    ] as const) {
      const w = await open(vp);
      await pick(w.page, DOCX);
      const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'no sideways scrolling of the page itself').toBeLessThanOrEqual(0);
      await screenshot(w.page, `kiem-tra-docx-${name}`);
      clean(w);
    }
  });
});
