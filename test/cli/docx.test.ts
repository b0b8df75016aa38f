// `phuluc inspect` and `check` on Word documents through the real command line: .docx told by content, an old .doc
// converted by LibreOffice Writer (or explained without it), a nested appendix table named by table, row and cell, a
// document with no appendix said to be one.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPlan, PlanLoadError } from '../../cli/load-plan.ts';
import { phuluc } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { englishLeaks } from '../support/user-words.ts';

const DOCX = path.join(REPO_ROOT, 'test/fixtures/docx');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'phuluc-cli-docx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Inspected {
  files: {
    path: string;
    sheets: unknown[];
    notes?: unknown[];
    error?: { code: string };
    tables: { sheet: string; range: string; kind: string; columns: unknown; rows: { kind: string; fields: unknown }[] }[];
  }[];
}
const tablesOf = (doc: Inspected) =>
  doc.files[0]!.tables.map((t) => ({ range: t.range, kind: t.kind, columns: t.columns, rows: t.rows.map((r) => [r.kind, r.fields]) }));

describe('phuluc on Word documents', () => {
  it('inspect reads a .docx, whatever its name says, as a .doc converted by LibreOffice reads the same', async () => {
    const docx = await phuluc('inspect', '--json', path.join(DOCX, 'cam-giang-ke-hoach.docx'));
    expect(docx.code).toBe(0);
    const doc = JSON.parse(docx.stdout) as Inspected;
    expect(doc.files[0]!.sheets).toEqual([{ sheet: 'cam-giang-ke-hoach.docx', form: 'table', tables: 1 }]);
    expect(doc.files[0]!.tables.map((t) => [t.sheet, t.range, t.kind, t.rows.length])).toEqual([
      ['cam-giang-ke-hoach.docx', 'A4:E45', 'tasks', 40],
    ]);
    // Named as something else: told by its content.
    const renamed = path.join(tmp, 'ke-hoach.bin');
    copyFileSync(path.join(DOCX, 'cam-giang-ke-hoach.docx'), renamed);
    const byContent = JSON.parse((await phuluc('inspect', '--json', renamed)).stdout) as Inspected;
    expect(tablesOf(byContent)).toEqual(tablesOf(doc));

    const doc97 = await phuluc('inspect', '--json', path.join(DOCX, 'cam-giang-ke-hoach.doc'));
    expect(doc97.code).toBe(0);
    expect(tablesOf(JSON.parse(doc97.stdout) as Inspected)).toEqual(tablesOf(doc));
    // LibreOffice's first start on a loaded machine takes most of a minute: the conversion's own limit is 60 s.
  }, 180_000);

  it('an old .doc without LibreOffice: the message says how to save as .docx', async () => {
    const before = process.env.PHULUC_SOFFICE;
    process.env.PHULUC_SOFFICE = '/khong-co/soffice';
    try {
      const run = await phuluc('inspect', path.join(DOCX, 'cam-giang-ke-hoach.doc'));
      expect(run.code).toBe(2);
      expect(run.stdout).toBe(
        `# ${path.join(DOCX, 'cam-giang-ke-hoach.doc')}\n  Lỗi: cam-giang-ke-hoach.doc: Đây là tệp Word 97–2003 (.doc), cần chuyển sang .docx: mở tệp trong Word hoặc LibreOffice, chọn Lưu thành… (Save As) → Tài liệu Word (.docx).\n`,
      );
      expect(englishLeaks(run.stdout)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.PHULUC_SOFFICE;
      else process.env.PHULUC_SOFFICE = before;
    }
  });

  it("check finds the plan's own problems in the Word table, with cells in its grid", async () => {
    const run = await phuluc('check', '--format', 'json', path.join(DOCX, 'cam-giang-ke-hoach.docx'));
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      files: { tables: { issues: { code: string; severity: string; cell: string | null }[] }[] }[];
    };
    const serious = report.files[0]!.tables[0]!.issues.filter((i) => i.severity !== 'info').map((i) => [i.severity, i.code, i.cell]);
    expect(serious).toEqual([
      ['warning', 'missing-column', null],
      // The half of the split table typed with its two-row header again: one repeated header, as on a sheet.
      ['warning', 'repeated-header-row', 'A17'],
      ['warning', 'lead-multiple', 'C27'],
      ['error', 'deadline-missing', 'E39'],
      ['warning', 'group-number-gap', 'A42'],
      ['warning', 'lead-generic', 'C44'],
      ['warning', 'partners-missing', 'D45'],
    ]);
  });

  it('an appendix table with a table nested in a cell is named by table, row and cell by inspect and check', async () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const tc = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const nested = `<w:tc><w:p/><w:tbl><w:tr>${tc('a')}</w:tr></w:tbl><w:p/></w:tc>`;
    const xml = `<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>PHỤ LỤC I</w:t></w:r></w:p><w:tbl><w:tr>${tc('TT')}${tc('Nội dung')}${tc('Cơ quan chủ trì')}</w:tr><w:tr>${tc('1')}${nested}${tc('Công an xã')}</w:tr></w:tbl></w:body></w:document>`;
    const parts = unzipSync(new Uint8Array(readFileSync(path.join(DOCX, 'cam-giang-ke-hoach.docx'))));
    const file = path.join(tmp, 'long-bang.docx');
    writeFileSync(file, zipSync({ ...parts, 'word/document.xml': strToU8(xml) }));
    const refusal =
      'long-bang.docx: Bảng thứ 1, hàng thứ 2, ô thứ 2: có bảng lồng trong bảng (một ô chứa cả một bảng khác) nên bảng này không đọc được. Hãy bỏ bảng lồng trong ô đó, chép nội dung ra thành các hàng của bảng chính.';
    const inspect = await phuluc('inspect', file);
    expect(inspect).toEqual({
      code: 0,
      stderr: '',
      stdout: `# ${file}\n  Tài liệu “long-bang.docx”: không có phụ lục nào (không có bảng có dòng tiêu đề cột TT, Nội dung…, cũng không có danh sách đánh số)\n  ${refusal}\n`,
    });
    expect(englishLeaks(inspect.stdout)).toEqual([]);
    const check = await phuluc('check', file);
    expect(check).toEqual({
      code: 1,
      stderr: '',
      stdout: [
        `# ${file}`,
        `  ${refusal}`,
        'Lỗi (1)',
        '  Tài liệu long-bang.docx  Không có bảng phụ lục — Không tìm thấy bảng nhiệm vụ hay bảng chỉ tiêu nào trong tệp: không có gì để kiểm tra.',
        'Tóm tắt: 0 bảng, 0 nhiệm vụ, 0 chỉ tiêu; 1 lỗi, 0 cảnh báo, 0 lưu ý. Chưa hợp lệ.',
        '',
        '',
      ].join('\n'),
    });
    expect(englishLeaks(check.stdout)).toEqual([]);
    const json = JSON.parse((await phuluc('check', '--format', 'json', file)).stdout) as { files: { valid: boolean; notes?: unknown }[] };
    expect(json.files.map((f) => [f.valid, f.notes])).toEqual([
      [
        false,
        [
          {
            message: refusal,
            messageEn:
              'long-bang.docx: Table 1, row 2, cell 2: a table is nested in a cell, so this table cannot be read. Remove the nested table and type its content as rows of the main table.',
          },
        ],
      ],
    ]);
  });

  it('a Word document with no appendix says so, as a document (not a sheet), in inspect, check and import', async () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const xml = `<w:document xmlns:w="${W}"><w:body>${p('Kính gửi các phòng, ban.')}${p('Đề nghị thực hiện nghiêm túc.')}</w:body></w:document>`;
    const parts = unzipSync(new Uint8Array(readFileSync(path.join(DOCX, 'cam-giang-ke-hoach.docx'))));
    const file = path.join(tmp, 'cong-van.docx');
    writeFileSync(file, zipSync({ ...parts, 'word/document.xml': strToU8(xml) }));
    expect(await phuluc('inspect', file)).toEqual({
      code: 0,
      stderr: '',
      stdout: `# ${file}\n  Tài liệu “cong-van.docx”: không có phụ lục nào (không có bảng có dòng tiêu đề cột TT, Nội dung…, cũng không có danh sách đánh số)\n`,
    });
    expect(await phuluc('check', file)).toEqual({
      code: 1,
      stderr: '',
      stdout: [
        `# ${file}`,
        'Lỗi (1)',
        '  Tài liệu cong-van.docx  Không có bảng phụ lục — Không tìm thấy bảng nhiệm vụ hay bảng chỉ tiêu nào trong tệp: không có gì để kiểm tra.',
        'Tóm tắt: 0 bảng, 0 nhiệm vụ, 0 chỉ tiêu; 1 lỗi, 0 cảnh báo, 0 lưu ý. Chưa hợp lệ.',
        '',
        '',
      ].join('\n'),
    });
    const out = path.join(tmp, 'cong-van.xlsx');
    expect(await phuluc('import', file, '-o', out)).toEqual({
      code: 2,
      stdout: '',
      stderr: `Không tìm thấy phụ lục nào trong “${file}” (bảng có dòng tiêu đề TT, nội dung, cơ quan chủ trì…, hoặc danh sách đánh số); chưa ghi tệp nào.\n`,
    });
    expect(existsSync(out)).toBe(false);
  });

  it('a password-protected file: Word or Excel wrap it alike, so its name chooses the message', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    [...'EncryptionInfo'].forEach((ch, i) => (ole[1024 + i * 2] = ch.charCodeAt(0)));
    const answers: [string, string][] = [];
    for (const name of ['ke-hoach.docx', 'phu-luc.xlsx']) {
      const file = path.join(tmp, name);
      writeFileSync(file, ole);
      const err = await loadPlan(file).catch((e: unknown) => e);
      if (!(err instanceof PlanLoadError)) throw new Error(`expected a PlanLoadError for ${name}`);
      answers.push([err.code, err.message]);
    }
    expect(answers).toEqual([
      ['encrypted', 'ke-hoach.docx: Tệp Word có đặt mật khẩu mở. Hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ tài liệu) rồi thử lại.'],
      ['encrypted', 'phu-luc.xlsx: Tệp có đặt mật khẩu mở. Hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi thử lại.'],
    ]);
  });
});
