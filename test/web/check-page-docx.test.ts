// /kiem-tra with a Word plan (issue 18) in Chromium against a real server: a .docx written by python-docx is checked
// in the browser (the same issues as `phuluc check` of that file, the preview shown), the page says the copies are
// for workbooks only, and "Nộp tệp" sends the .docx itself, stored as its plan; nothing fetches exceljs; a table
// nested in a cell is said where it is, a document without an appendix says so; screenshots at 1366×768 and 390×844.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
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

let NESTED: string;
let LETTER: string;

/** The python-docx fixture with its body replaced. */
async function withBody(file: string, body: string): Promise<string> {
  const parts = unzipSync(new Uint8Array(await readFile(DOCX)));
  const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  const out = path.join(tmp, file);
  await writeFile(out, zipSync({ ...parts, 'word/document.xml': strToU8(xml) }));
  return out;
}

beforeAll(async () => {
  [stack, tmp] = await Promise.all([
    startStack({ PHULUC_PLANS: 'NQ57-2026=Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2026' }),
    mkdtemp(path.join(os.tmpdir(), 'phuluc-web-docx-')),
  ]);
  editor = await stack.api.token(stack.admin, 'editor', { commune: '10903' });
  // Appendix I has a table nested in a cell of its row 2; appendix II reads. A letter has no appendix at all.
  const tc = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
  const header = `<w:tr>${tc('TT')}${tc('Nội dung')}${tc('Cơ quan chủ trì')}${tc('Thời gian hoàn thành')}</w:tr>`;
  const task = (cell2: string) => `<w:tr>${tc('1')}${cell2}${tc('Công an xã')}${tc('Năm 2026')}</w:tr>`;
  const nested = `<w:tc><w:p><w:r><w:t>Việc có bảng con</w:t></w:r></w:p><w:tbl><w:tr>${tc('a')}${tc('b')}</w:tr></w:tbl><w:p/></w:tc>`;
  const title = (n: string) => `<w:p><w:r><w:t>PHỤ LỤC ${n}</w:t></w:r></w:p>`;
  const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
  [NESTED, LETTER] = await Promise.all([
    withBody(
      'long-bang.docx',
      `${title('I')}<w:tbl>${header}${task(nested)}</w:tbl><w:p/>${title('II')}<w:tbl>${header}${task(tc('Việc thường'))}</w:tbl>`,
    ),
    withBody('cong-van.docx', `${para('Kính gửi các phòng, ban.')}${para('Đề nghị thực hiện nghiêm túc.')}`),
  ]);
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

/** Every issue row as the official reads it: where, the rule's title, the message. */
const issueRows = (page: Page) =>
  page
    .locator('tr[data-code]')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td.where, td.issue-title, td.message')].map((td) => (td as HTMLElement).innerText.trim())),
    );

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

  it('a .docx is read by its own chunk, a workbook by the fast reader: exceljs is never fetched', async () => {
    const w = await open();
    const { page } = w;
    const scripts: string[] = [];
    page.on('request', (r) => {
      const m = /\/web\/assets\/([a-z-]+)-[\w-]{8}\.js$/.exec(r.url());
      if (m) scripts.push(m[1]!);
    });
    await pick(page, DOCX);
    expect(await page.locator('.stats').innerText()).toContain('34');
    // The Word reader (saxes in it) and fflate's inflate, which it shares with the workbook reader: never exceljs.
    expect(scripts.sort()).toEqual(['docx-read-browser', 'shared']);
    scripts.length = 0;
    // The same page checking a workbook fetches the fast reader and the zip code it shares with the copies (fflate came
    // with the Word reader).
    await pick(page, path.join(REPO_ROOT, 'test/fixtures/workbooks/cam-giang-phu-luc.xlsx'));
    expect(scripts.sort()).toEqual(['shared', 'xlsx-read-browser']);
    clean(w);
  });

  it('a table nested in a cell is said by table, row and cell above the issues; a document with no appendix says so', async () => {
    const w = await open();
    const { page } = w;
    await pick(page, NESTED);
    const unread = await seen(page.locator('.unread[role="alert"]'));
    expect(unread).toBe(
      'long-bang.docx: Bảng thứ 1, hàng thứ 2, ô thứ 2: có bảng lồng trong bảng (một ô chứa cả một bảng khác) nên bảng này không đọc được. Hãy bỏ bảng lồng trong ô đó, chép nội dung ra thành các hàng của bảng chính.',
    );
    expect(englishLeaks(unread)).toEqual([]);
    // Not valid: a table was left unread, whatever the rest says.
    expect(await page.locator('.verdict').innerText()).toBe('✖ Chưa hợp lệ (có bảng không đọc được)');
    // The appendix after it was read and checked: its one task is counted.
    expect(await issueRows(page)).toEqual([
      ['Dòng 2', 'Thiếu cột', 'Bảng thiếu cột “Cơ quan phối hợp” (nên có).'],
      ['Dòng 2', 'Thiếu cột', 'Bảng thiếu cột “Kết quả” (nên có).'],
    ]);
    expect(await page.locator('.stats').innerText()).toBe('1 bảng\n1 nhiệm vụ\n0 chỉ tiêu\n0 lỗi\n2 cảnh báo\n0 lưu ý\n0 sửa tự động được');
    for (const [vp, name] of [
      [DESKTOP, '1366'],
      [PHONE, '390'],
    ] as const) {
      await page.setViewportSize(vp);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'no sideways scrolling of the page itself').toBeLessThanOrEqual(0);
      await screenshot(page, `kiem-tra-docx-bang-long-${name}`);
    }
    await page.setViewportSize(DESKTOP);

    await pick(page, LETTER);
    expect(await page.locator('.unread').count()).toBe(0);
    expect(await issueRows(page)).toEqual([
      [
        'Tài liệu cong-van.docx',
        'Không có bảng phụ lục',
        'Không tìm thấy bảng nhiệm vụ hay bảng chỉ tiêu nào trong tệp: không có gì để kiểm tra.',
      ],
    ]);
    expect(englishLeaks(await page.locator('main').innerText())).toEqual([]);
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
