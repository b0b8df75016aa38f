// Size limits and hostile uploads: oversized bodies, zip bombs and non-xlsx files get a 4xx; the server keeps serving.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allIssues } from '../../../core/validate/index.ts';
import { validateGrids } from '../../../core/validate/index.ts';
import { readWorkbook } from '../../../workbook/xlsx/index.ts';
import { fixture } from '../../support/paths.ts';
import { harness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await harness({ limits: { jsonBytes: 64 * 1024, uploadBytes: 2 * 1024 * 1024 } });
});
afterAll(() => h.close());

const upload = (bytes: Uint8Array, name = 'phu-luc.xlsx') => {
  const form = new FormData();
  form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], name));
  return h.call('POST', '/api/communes/10903/plans/U/upload', { token: h.tokens.editor, body: form });
};

describe('limits', () => {
  it('an oversized JSON body is refused with 413, by Content-Length and by counting a chunked stream', async () => {
    const big = JSON.stringify({ plan: { appendices: [] }, message: 'x'.repeat(100_000) });
    const r = await h.call('POST', '/api/communes/10903/plans/L/revisions', {
      token: h.tokens.editor,
      body: big,
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(413);
    expect(r.body.error.message).toMatch(/quá lớn/);
    const stream = new ReadableStream({
      start(ctl) {
        for (let i = 0; i < 10; i++) ctl.enqueue(strToU8('x'.repeat(10_000)));
        ctl.close();
      },
    });
    const res = await h.app.request('/api/communes/10903/plans/L/revisions', {
      method: 'POST',
      headers: { authorization: `Bearer ${h.tokens.editor}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('an anonymous caller is refused before the body is read', async () => {
    const r = await h.call('POST', '/api/communes/10903/plans/L/revisions', {
      token: null,
      body: 'x'.repeat(200_000),
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(401);
  });
});

describe('upload', () => {
  it('stores a real workbook as a revision and returns the validation report', async () => {
    const bytes = new Uint8Array(await readFile(fixture('cam-giang-phu-luc.xlsx')));
    const r = await upload(bytes, 'cam-giang-phu-luc.xlsx');
    expect(r.status).toBe(201);
    expect(r.body.revision).toMatchObject({ seq: 1, kind: 'upload', summary: { tasks: 34 } });
    const codes = r.body.report.tables.flatMap((t: { issues: { code: string; cell: string | null; row: number | null }[] }) =>
      t.issues.map((i) => `${i.code}@${i.cell ?? i.row}`),
    );
    // The whole report, as validating the workbook gives it (its every issue: test/cli/check.test.ts).
    const expected = allIssues(validateGrids((await readWorkbook(bytes)).sheets).report).map((i) => `${i.code}@${i.cell ?? i.row}`);
    expect(expected).toHaveLength(57);
    expect(codes).toEqual(expected);
  });

  it('the same file sent again with the same key answers the first revision, marked as a replay', async () => {
    const bytes = new Uint8Array(await readFile(fixture('cam-giang-phu-luc.xlsx')));
    const send = () => {
      const form = new FormData();
      form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], 'cam-giang-phu-luc.xlsx'));
      return h.call('POST', '/api/communes/10903/plans/R/upload', {
        token: h.tokens.editor,
        body: form,
        headers: { 'idempotency-key': 'upload-once' },
      });
    };
    const first = await send();
    const again = await send();
    expect([first.status, first.headers.get('idempotent-replayed')]).toEqual([201, null]);
    expect([again.status, again.headers.get('idempotent-replayed'), again.body.revision.seq]).toEqual([
      201,
      'true',
      first.body.revision.seq,
    ]);
  });

  it.each([
    ['a PDF', strToU8('%PDF-1.7 not a workbook'), 'xlsx-not-xlsx'],
    [
      'a zip bomb',
      zipSync({
        '[Content_Types].xml': strToU8('<x/>'),
        'xl/workbook.xml': strToU8('<x/>'),
        'xl/worksheets/sheet1.xml': [new Uint8Array(120 * 1024 * 1024), { level: 6 }],
      }),
      'xlsx-zip-bomb',
    ],
    ['an empty zip', zipSync({}), 'xlsx-not-xlsx'],
  ])('%s → 422 with the reason', async (_what, bytes, code) => {
    const r = await upload(bytes);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.message).toContain('phu-luc.xlsx');
    expect((await h.call('GET', '/api/health', { token: null })).status).toBe(200);
  });

  it('an .xls on a server without LibreOffice → 415 with how to save it as .xlsx', async () => {
    const xls = new Uint8Array(2048);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const before = process.env.PHULUC_SOFFICE;
    process.env.PHULUC_SOFFICE = '/khong-co/soffice';
    try {
      const r = await upload(xls, 'phu-luc.xls');
      expect([r.status, r.body]).toEqual([
        415,
        {
          error: {
            code: 'convert-no-libreoffice',
            message:
              'phu-luc.xls: Tệp .xls (Excel 97-2003) cần chuyển sang .xlsx: mở tệp trong Excel hoặc LibreOffice, chọn Lưu thành… (Save As) → Sổ làm việc Excel (.xlsx).',
            messageEn:
              'phu-luc.xls: An .xls file (Excel 97-2003) needs converting to .xlsx: open it in Excel or LibreOffice, choose Save As… → Excel Workbook (.xlsx).',
          },
        },
      ]);
    } finally {
      if (before === undefined) delete process.env.PHULUC_SOFFICE;
      else process.env.PHULUC_SOFFICE = before;
    }
  });

  it('a real workbook without any appendix table → 422 no-table, with the report', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ghi chú').getCell('A1').value = 'Danh sách cán bộ tham gia tập huấn';
    const r = await upload(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('no-table');
  });

  it('a body over the upload limit → 413; no file field → 400', async () => {
    expect((await upload(new Uint8Array(3 * 1024 * 1024))).status).toBe(413);
    const form = new FormData();
    form.append('other', 'x');
    expect((await h.call('POST', '/api/communes/10903/plans/U/upload', { token: h.tokens.editor, body: form })).status).toBe(400);
  });
});
