// /kiem-tra in Chromium against a real server: the same issues as `phuluc check` (errors first), the repaired copy with
// the changes its label announced, the annotated copy, submitting as an editor (amber result, 409 conflicts, bad access
// code), hostile text shown as text, no CSP violation anywhere.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixAll, fixSummary } from '../../core/fix/index.ts';
import { issueTitle } from '../../core/validate/index.ts';
import { readWorkbook } from '../../workbook/xlsx/index.ts';
import { fixture } from '../support/paths.ts';
import { DESKTOP, PHONE, screenshot, seen, watchedPage, type Watched } from './support/browser.ts';
import { cliCheck, flatIssues } from './support/cli.ts';
import { startStack, type Stack } from './support/stack.ts';

const XSS_IMG = '<img src=x onerror=alert(1)>';
const XSS_SCRIPT = '<script>alert("lead")</script>';

let stack: Stack;
let tmp: string;
let editor: string;
const opened: Watched[] = [];

beforeAll(async () => {
  // One registered plan, as an administrator seeds it (PHULUC_PLANS): the picker chooses it without asking.
  [stack, tmp] = await Promise.all([
    startStack({ PHULUC_PLANS: 'NQ57-2026=Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2026' }),
    mkdtemp(path.join(os.tmpdir(), 'phuluc-web-check-')),
  ]);
  editor = await stack.api.token(stack.admin, 'editor', { commune: '10903' });
}, 180_000);

afterAll(async () => {
  await Promise.all(opened.map((w) => w.context.close()));
  await stack?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function open(viewport = DESKTOP, token?: string): Promise<Watched> {
  const w = await watchedPage(stack.browser, stack.url, viewport, token);
  opened.push(w);
  const res = await w.page.goto(`${stack.url}/kiem-tra`);
  expect(res?.status()).toBe(200);
  return w;
}

async function pick(page: Page, file: string): Promise<void> {
  await page.getByLabel('Chọn tệp phụ lục (.xlsx, .docx)…').setInputFiles(file);
  // Wait for this file's result, not a previous file's.
  await page.locator('.status', { hasText: `Đã kiểm tra “${path.basename(file)}”` }).waitFor();
  await page.locator('.issues-view').waitFor();
}

/** What the page lists, flattened like the CLI's JSON. */
async function pageIssues(page: Page): Promise<string[][]> {
  return page.locator('tr[data-code]').evaluateAll((rows) =>
    rows.map((r) => {
      const d = (r as HTMLElement).dataset;
      return [d.sheet ?? '', d.cell || d.row || '', d.code ?? ''];
    }),
  );
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** The CLI's issues in the page's order: errors, then warnings, then notes, each in the CLI's own order. */
function bySeverity(doc: Awaited<ReturnType<typeof cliCheck>>): string[][] {
  const flat = flatIssues(doc);
  const sev = doc.files.flatMap((f) => f.tables.flatMap((t) => t.issues.map((i) => RANK[i.severity])));
  return flat
    .map((row, i) => ({ row, r: sev[i]!, i }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.row);
}

function clean(w: Watched): void {
  expect(w.problems, 'CSP violations or page errors').toEqual([]);
  expect(w.dialogs, 'dialogs').toEqual([]);
  expect(w.external, 'requests leaving the server').toEqual([]);
}

describe('/kiem-tra', () => {
  it('serves the page with a strict CSP and security headers', async () => {
    const res = await fetch(`${stack.url}/kiem-tra`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const d of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "connect-src 'self'",
    ])
      expect(csp).toContain(d);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=/);
    const asset = /src="(\/web\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const a = await fetch(`${stack.url}${asset}`);
    expect(a.headers.get('cache-control')).toContain('immutable');
    expect(a.headers.get('content-type')).toContain('javascript');
  });

  for (const name of ['quang-son-phu-luc.xlsx', 'cam-giang-phu-luc.xlsx']) {
    it(`lists the same issues as phuluc check for ${name}, checked in the browser`, async () => {
      const w = await open();
      const uploads: string[] = [];
      w.page.on('request', (r) => {
        if (r.method() !== 'GET') uploads.push(r.url());
      });
      const [cli] = await Promise.all([cliCheck(fixture(name)), pick(w.page, fixture(name))]);
      expect(await pageIssues(w.page)).toEqual(bySeverity(cli));
      expect(uploads, 'the file is not sent anywhere to be checked').toEqual([]);
      const s = cli.stats;
      const stats = await w.page.locator('.stats').innerText();
      for (const n of [s.tasks, s.errors, s.warnings, s.infos, s.fixable]) expect(stats).toContain(String(n));
      // Problem cells are marked in the preview with a class, a title and hidden text, not colour alone.
      const first = cli.files[0]!.tables.flatMap((t) => t.issues.map((i) => ({ sheet: t.sheet, ...i }))).find(
        (i) => i.cell && i.severity !== 'info',
      )!;
      await w.page
        .getByRole('button', { name: new RegExp(`^Xem trong bảng xem trước: (.* · )?Ô ${first.cell}$`) })
        .first()
        .click();
      const focused = w.page.locator(':focus');
      await expect.poll(() => focused.getAttribute('data-ref')).toBe(first.cell);
      expect(await focused.getAttribute('class')).toContain(`mark-${first.severity}`);
      // Words for people (the rule's title), the code only in a data attribute.
      expect(await focused.getAttribute('title')).toContain(issueTitle(first.code, 'vi'));
      expect(await focused.getAttribute('title')).not.toContain(first.code);
      expect(await focused.locator('.sr-only').innerText()).toContain(issueTitle(first.code, 'vi'));
      expect((await focused.getAttribute('data-issues'))?.split(' ')).toContain(first.code);
      clean(w);
    });
  }

  it('downloads a repaired copy with no fixable issue left — the changes its label announced — and an annotated copy', async () => {
    const w = await open();
    // Scripts fetched after the page has loaded, by name without the hash: the reader and the copies come when asked.
    const scripts: string[] = [];
    w.page.on('request', (r) => {
      const m = /\/web\/assets\/([a-z-]+)-[\w-]{8}\.js$/.exec(r.url());
      if (m) scripts.push(m[1]!);
    });
    await pick(w.page, fixture('quang-son-phu-luc.xlsx'));
    // The fast reader, fflate's inflate and the zip code the copies share, never exceljs.
    expect(scripts.splice(0).sort()).toEqual(['shared', 'shared', 'xlsx-read-browser']);
    const grids = (await readWorkbook(await readFile(fixture('quang-son-phu-luc.xlsx')))).sheets;
    const sum = fixSummary(fixAll(grids));
    expect(await w.page.locator('#fixed-hint').innerText()).toMatch(
      new RegExp(
        `^Sửa ${sum.changes} chỗ, giải quyết ${[
          [sum.errors, 'lỗi'],
          [sum.warnings, 'cảnh báo'],
          [sum.infos, 'lưu ý'],
        ]
          .filter(([n]) => n)
          .map(([n, w]) => `${n} ${w}`)
          .join(', ')
          .replace(/, ([^,]*)$/, ' và $1')}: `,
      ),
    );
    const [fixedDl] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.getByRole('button', { name: 'Tải bản đã sửa (.xlsx)' }).click(),
    ]);
    expect(fixedDl.suggestedFilename()).toBe('quang-son-phu-luc.da-sua.xlsx');
    const fixed = path.join(tmp, 'fixed.xlsx');
    await fixedDl.saveAs(fixed);
    expect(await seen(w.page.locator('.copy-note', { hasText: 'Đã sửa' }))).toMatch(new RegExp(`^Đã sửa ${sum.changes} chỗ\\.`));
    // The copy edits the workbook's own package (workbook/xlsx/edit): its own chunk (the zip code came with the reader),
    // still no exceljs.
    expect(scripts.splice(0).sort()).toEqual(['copies']);
    const after = await cliCheck(fixed);
    expect(after.stats.fixable).toBe(0);
    expect(after.stats.tasks).toBe(53);

    const [annDl] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.getByRole('button', { name: 'Tải bản có đánh dấu (.xlsx)' }).click(),
    ]);
    const annotated = path.join(tmp, 'annotated.xlsx');
    await annDl.saveAs(annotated);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(annotated)) as unknown as ExcelJS.Buffer);
    const results = wb.getWorksheet('Kết quả kiểm tra');
    const issues = (await pageIssues(w.page)).length;
    // One row per issue under the list's header row ("STT"), whatever heading and counts the sheet has above it.
    const rows: string[][] = [];
    results!.eachRow((r) => rows.push((r.values as unknown[]).map((v) => String(v ?? ''))));
    const header = rows.findIndex((r) => r.includes('STT'));
    expect(header).toBeGreaterThanOrEqual(0);
    expect(rows.length - header - 1).toBe(issues);
    // The annotated copy runs in the chunk the repaired one fetched.
    expect(scripts).toEqual([]);
    clean(w);
  }, 90_000);

  it('submits as an editor: their commune shown, the plan chosen, asked about the error, stored in amber, then a 409 with the conflicting cells', async () => {
    const w = await open();
    const { page } = w;
    await pick(page, fixture('cam-giang-phu-luc.xlsx'));
    // A wrong token: the server's own message, nothing remembered.
    await page.getByLabel('Mã truy cập').fill('phl_notARealToken_000000000000');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    expect(await seen(page.locator('.signin .form-error', { hasText: 'sai' }))).toContain('sai thông tin đăng nhập');
    expect(await page.evaluate(() => localStorage.getItem('phuluc.token'))).toBeNull();

    await page.getByLabel('Mã truy cập').fill(editor);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    expect(await seen(page.locator('.signed-in'))).toContain('Xã Cẩm Giàng');
    // The access code fixes the commune: shown, not asked.
    expect(await seen(page.locator('.submit-form .fixed-value'))).toBe('Xã Cẩm Giàng — Thành phố Hải Phòng');
    expect(await page.locator('.submit-form input[role="combobox"]').count()).toBe(0);
    // The only registered plan is chosen; the file has 1 error, so the page asks first.
    expect(await page.getByLabel('Kế hoạch').inputValue()).toBe('NQ57-2026');
    await page.getByRole('button', { name: 'Nộp tệp' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Gửi dù có lỗi' }).click();
    const stored = page.locator('.outcome.amber[data-status="created"]');
    expect(await seen(stored)).toContain(
      'Đã lưu thành phiên bản số 1 của Xã Cẩm Giàng cho “Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2026”.',
    );
    expect(await stored.innerText()).toContain('Đã lưu nhưng còn 1 lỗi');
    expect(await page.locator('.outcome.ok').count()).toBe(0);
    const head = await stack.api.json('GET', '/api/communes/10903/plans/NQ57-2026', editor);
    expect(head.body.revision.seq).toBe(1);

    // Someone changes the lead of the task in row 8 on the server (revision 2)…
    const plan = head.body.plan;
    const row = plan.appendices[0].rows.find((r: { source: { row: number } }) => r.source.row === 8);
    row.fields.lead = 'Công an xã';
    const pushed = await stack.api.json('POST', '/api/communes/10903/plans/NQ57-2026/revisions', editor, { plan }, { 'if-match': '"1"' });
    expect(pushed.status).toBe(201);
    // …while the official changed the same cell differently in their copy of revision 1.
    const mine = new ExcelJS.Workbook();
    await mine.xlsx.readFile(fixture('cam-giang-phu-luc.xlsx'));
    mine.worksheets[0]!.getCell('C8').value = 'Phòng Kinh tế';
    const edited = path.join(tmp, 'cam-giang-edited.xlsx');
    await mine.xlsx.writeFile(edited);
    await pick(page, edited);
    await page.locator('details.advanced > summary').click();
    await page.getByLabel('Tôi sửa từ phiên bản số (không bắt buộc)').fill('1');
    await page.getByRole('button', { name: 'Nộp tệp' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Gửi dù có lỗi' }).click();
    const failed = page.locator('.outcome.failed[data-status="409"]');
    expect(await seen(failed)).toContain('bị sửa khác nhau');
    const conflict = await seen(failed.locator('table.conflicts tbody tr'));
    expect(conflict).toContain('Cơ quan chủ trì');
    expect(conflict).toContain('Công an xã');
    expect(conflict).toContain('Phòng Kinh tế');
    await screenshot(page, 'kiem-tra-409-1366');

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Mã truy cập').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('phuluc.token'))).toBeNull();
    clean(w);
  });

  it('shows hostile cell text as text: no dialog, no injected element', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('<b onmouseover=alert(5)>PL');
    ws.addRows([
      ['PHỤ LỤC'],
      [],
      ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Kết quả', 'Thời gian hoàn thành'],
      ['I', 'NHÓM <script>alert(1)</script>'],
      ['1', XSS_IMG, XSS_SCRIPT, 'Công an xã', 'Báo cáo', 'Quý IV/2026'],
      ['2', 'Xây dựng <svg onload=alert(2)>', 'Phòng Kinh tế', '', '', 'Năm 2026'],
    ]);
    const file = path.join(tmp, 'xss.xlsx');
    await wb.xlsx.writeFile(file);
    const w = await open();
    await pick(w.page, file);
    expect(await seen(w.page.locator('table.preview td', { hasText: XSS_IMG }))).toBe(XSS_IMG);
    expect(await seen(w.page.locator('table.preview td', { hasText: XSS_SCRIPT }))).toContain(XSS_SCRIPT);
    // The message quoting the hostile lead is a note: behind the notes' summary line until opened.
    await w.page.locator('details.notes > summary').click();
    expect(await seen(w.page.locator('td.message', { hasText: XSS_SCRIPT }))).toContain(XSS_SCRIPT);
    expect(await seen(w.page.locator('.sheet-tabs button', { hasText: '<b onmouseover=alert(5)>PL' }))).toContain(
      '<b onmouseover=alert(5)>PL',
    );
    await w.page.locator('table.preview td', { hasText: XSS_IMG }).hover();
    await w.page.waitForTimeout(200);
    expect(await w.page.locator('img[src="x"], main script, main svg, main b').count()).toBe(0);
    clean(w);
  });

  it('refuses what it cannot read with the reader’s own message, and says how to save an .xls as .xlsx', async () => {
    const w = await open();
    // An .xlsx protected with a password is an OLE file with an EncryptionInfo stream.
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 600);
    const locked = path.join(tmp, 'mat-khau.xlsx');
    await writeFile(locked, ole);
    await w.page.getByLabel('Chọn tệp phụ lục (.xlsx, .docx)…').setInputFiles(locked);
    expect(await seen(w.page.locator('.status.error'))).toContain('Tệp có đặt mật khẩu mở');
    expect(await w.page.locator('.issues-view').count()).toBe(0);
    await w.page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['x'], 'ke-hoach.xls'));
      document.querySelector('.dropzone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    expect(await seen(w.page.locator('.status.error', { hasText: 'ke-hoach.xls' }))).toBe(
      'Không đọc được tệp: “ke-hoach.xls” là tệp .xls; trang này chỉ đọc được tệp Excel .xlsx. Hãy mở tệp bằng Excel hoặc LibreOffice, chọn “Lưu thành” (Save As), chọn kiểu “Excel (.xlsx)”, lưu lại, rồi chọn tệp .xlsx mới ở đây. ' +
        'Hoặc nộp thẳng tệp này ở bước 4 (cần đăng nhập): máy chủ tự chuyển sang .xlsx rồi kiểm tra (nếu máy chủ có LibreOffice).',
    );
    clean(w);
  });

  it('renders at 1366×768 and 390×844, keyboard first, and switches to English', async () => {
    for (const [vp, name] of [
      [DESKTOP, '1366'],
      [PHONE, '390'],
    ] as const) {
      const w = await open(vp);
      await w.page.keyboard.press('Tab');
      expect(await w.page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
      await w.page.keyboard.press('Enter');
      expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('main');
      await pick(w.page, fixture('cam-giang-phu-luc.xlsx'));
      const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'no sideways scrolling of the page itself').toBeLessThanOrEqual(0);
      await screenshot(w.page, `kiem-tra-${name}`);
      if (name === '390') {
        await w.page.getByRole('button', { name: 'Switch the page to English' }).click();
        expect(await seen(w.page.locator('h1', { hasText: 'Check' }))).toBe('Check and submit an appendix');
        expect(await w.page.evaluate(() => document.documentElement.lang)).toBe('en');
        expect(await seen(w.page.locator('.verdict'))).toMatch(/Not valid yet/);
        await screenshot(w.page, `kiem-tra-en-${name}`);
      }
      clean(w);
    }
  });
});
