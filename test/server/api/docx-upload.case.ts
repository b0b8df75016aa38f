// Issue 18, a Word plan uploaded to the sync server (run on PGlite and on PostgreSQL): a .docx (told by its content)
// is read on the worker pool and stored as the same plan its workbook gives; a document with no appendix answers
// 422 no-table with the check report (a table nested in a cell: said where, in the report's notes too); a damaged one 422 docx-<code> in Vietnamese; an old .doc is converted by
// LibreOffice, or answered 415 with how to save as .docx when the server has none. Nothing refused is stored.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlan } from '../../../core/read/index.ts';
import type { Database } from '../../../server/db/connect.ts';
import { readWorkbook } from '../../../workbook/xlsx/index.ts';
import { fixture, REPO_ROOT } from '../../support/paths.ts';
import { planSays } from '../../support/plan-says.ts';
import { englishLeaks } from '../../support/user-words.ts';
import { harness, type Harness } from './harness.ts';

const DOCX = (file: string) => readFile(path.join(REPO_ROOT, 'test/fixtures/docx', file));
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const form = (bytes: Uint8Array, name: string) => {
  const f = new FormData();
  f.append('file', new File([bytes as Uint8Array<ArrayBuffer>], name));
  return f;
};

/**
 * The suite on a database the caller makes (a fresh PGlite or PostgreSQL database), closed with the harness.
 * @example docxUploadSuite('PGlite', freshPglite)
 */
export function docxUploadSuite(name: string, makeDb: () => Promise<Database>): void {
  describe(`a Word plan uploaded (${name})`, { timeout: 180_000 }, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await harness({ database: await makeDb() });
    }, 120_000);
    afterAll(() => h?.close());

    const upload = (plan: string, bytes: Uint8Array, file: string) =>
      h.call('POST', `/api/communes/10903/plans/${plan}/upload`, { token: h.tokens.editor, body: form(bytes, file) });
    const stored = async (plan: string) => await h.call('GET', `/api/communes/10903/plans/${plan}`, { token: h.tokens.editor });

    it.each([
      ['python-docx', 'cam-giang-ke-hoach.docx', 'D1'],
      ['LibreOffice from HTML', 'cam-giang-libreoffice.docx', 'D2'],
    ])('a .docx written by %s is stored as the plan its workbook gives, whole rows', async (_, file, plan) => {
      const wb = await readWorkbook(new Uint8Array(await readFile(fixture('cam-giang-phu-luc.xlsx'))));
      const expected = planSays(readPlan(wb.sheets).plan);
      // Told by content: the name says nothing of what the file is.
      const r = await upload(plan, new Uint8Array(await DOCX(file)), plan === 'D2' ? 'ke-hoach-tai-len' : file);
      expect([r.status, r.body.status, r.body.report.stats.tasks]).toEqual([201, 'created', 34]);
      const got = await stored(plan);
      expect(got.status).toBe(200);
      expect(got.body.plan.source.format).toBe('docx');
      expect(planSays(got.body.plan)).toEqual(expected);
    });

    it('a Word document with no appendix → 422 no-table with the check report; nothing stored', async () => {
      const parts = unzipSync(new Uint8Array(await DOCX('cam-giang-ke-hoach.docx')));
      const letter = `<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>Giấy mời họp</w:t></w:r></w:p></w:body></w:document>`;
      const r = await upload('D3', zipSync({ ...parts, 'word/document.xml': strToU8(letter) }), 'giay-moi.docx');
      expect([r.status, r.body.error.code, r.body.error.details.valid]).toEqual([422, 'no-table', false]);
      expect(r.body.error.message).toBe(
        'giay-moi.docx: tài liệu Word không có phụ lục nào (không có bảng có dòng tiêu đề cột TT, Nội dung…, cũng không có danh sách đánh số).',
      );
      expect(r.body.error.details.tables.map((t: { issues: { code: string }[] }) => t.issues.map((i) => i.code))).toEqual([['no-table']]);
      expect((await stored('D3')).status).toBe(404);
    });

    describe('an appendix table with a table nested in a cell', () => {
      const tc = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
      const header = `<w:tr>${tc('TT')}${tc('Nội dung')}${tc('Cơ quan chủ trì')}${tc('Thời gian hoàn thành')}</w:tr>`;
      const task = (cell2: string) => `<w:tr>${tc('1')}${cell2}${tc('Công an xã')}${tc('Năm 2026')}</w:tr>`;
      const nested = `<w:tc><w:p><w:r><w:t>Việc có bảng con</w:t></w:r></w:p><w:tbl><w:tr>${tc('a')}${tc('b')}</w:tr></w:tbl><w:p/></w:tc>`;
      const title = (n: string) => `<w:p><w:r><w:t>PHỤ LỤC ${n}</w:t></w:r></w:p>`;
      const refusal = {
        message:
          'bang-long.docx: Bảng thứ 1, hàng thứ 2, ô thứ 2: có bảng lồng trong bảng (một ô chứa cả một bảng khác) nên bảng này không đọc được. Hãy bỏ bảng lồng trong ô đó, chép nội dung ra thành các hàng của bảng chính.',
        messageEn:
          'bang-long.docx: Table 1, row 2, cell 2: a table is nested in a cell, so this table cannot be read. Remove the nested table and type its content as rows of the main table.',
      };
      const docx = async (body: string) => {
        const parts = unzipSync(new Uint8Array(await DOCX('cam-giang-ke-hoach.docx')));
        return zipSync({ ...parts, 'word/document.xml': strToU8(`<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`) });
      };

      it('the only appendix → 422 no-table whose message says which table, row and cell; nothing stored', async () => {
        const r = await upload('D6', await docx(`${title('I')}<w:tbl>${header}${task(nested)}</w:tbl>`), 'bang-long.docx');
        expect([r.status, r.body.error.code, r.body.error.message, r.body.error.messageEn, r.body.error.details.notes]).toEqual([
          422,
          'no-table',
          refusal.message,
          refusal.messageEn,
          [refusal],
        ]);
        expect(englishLeaks(r.body.error.message)).toEqual([]);
        expect((await stored('D6')).status).toBe(404);
      });

      it('beside a readable appendix → stored, the check report carrying the refusal (not valid)', async () => {
        const body = `${title('I')}<w:tbl>${header}${task(nested)}</w:tbl><w:p/>${title('II')}<w:tbl>${header}${task(tc('Việc thường'))}</w:tbl>`;
        const r = await upload('D7', await docx(body), 'bang-long.docx');
        expect([r.status, r.body.status, r.body.report.stats.tasks, r.body.report.valid, r.body.report.notes]).toEqual([
          201,
          'created',
          1,
          false,
          [refusal],
        ]);
      });
    });

    it('a damaged .docx → 422 docx-corrupt in Vietnamese, naming the file; nothing stored', async () => {
      const parts = unzipSync(new Uint8Array(await DOCX('cam-giang-ke-hoach.docx')));
      const broken = zipSync({ ...parts, 'word/document.xml': strToU8('<w:document><w:body><w:p>') });
      const r = await upload('D3', broken, 'ke-hoach.docx');
      expect([r.status, r.body.error]).toEqual([
        422,
        {
          code: 'docx-corrupt',
          message: 'ke-hoach.docx: Tệp .docx bị hỏng, không đọc được (word/document.xml). Hãy mở và lưu lại bằng Word.',
          messageEn: 'ke-hoach.docx: The .docx file is damaged and cannot be read (word/document.xml). Open and re-save it in Word.',
        },
      ]);
      expect(englishLeaks(r.body.error.message)).toEqual([]);
      expect((await stored('D3')).status).toBe(404);
    });

    it('an old .doc: converted by LibreOffice and stored; without LibreOffice → 415 saying how to save as .docx', async () => {
      const doc = new Uint8Array(await DOCX('cam-giang-ke-hoach.doc'));
      const r = await upload('D4', doc, 'cam-giang-ke-hoach.doc');
      expect([r.status, r.body.status, r.body.report.stats.tasks]).toEqual([201, 'created', 34]);
      const before = process.env.PHULUC_SOFFICE;
      process.env.PHULUC_SOFFICE = '/nonexistent/soffice';
      try {
        const none = await upload('D5', doc, 'cam-giang-ke-hoach.doc');
        expect([none.status, none.body.error.code]).toEqual([415, 'convert-no-libreoffice']);
        expect(none.body.error.message).toBe(
          'cam-giang-ke-hoach.doc: Đây là tệp Word 97–2003 (.doc), cần chuyển sang .docx: mở tệp trong Word hoặc LibreOffice, chọn Lưu thành… (Save As) → Tài liệu Word (.docx).',
        );
      } finally {
        if (before === undefined) delete process.env.PHULUC_SOFFICE;
        else process.env.PHULUC_SOFFICE = before;
      }
    });
  });
}
