// Hostile and broken Word files get the workbook reader's answers (same codes, same limits), never a crash or a hang.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readPlan } from '../../../core/read/index.ts';
import { DocxReadError, readDocx, type DocxErrorCode } from '../../../workbook/docx/index.ts';
import { DocConvertError } from '../../../workbook/docx/convert.ts';
import { englishLeaks } from '../../support/user-words.ts';
import { DEFAULT_LIMITS } from '../../../workbook/xlsx/limits.ts';
import { REPO_ROOT } from '../../support/paths.ts';

const FIXTURE = new Uint8Array(readFileSync(path.join(REPO_ROOT, 'test/fixtures/docx/cam-giang-ke-hoach.docx')));
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function withDocument(xml: string | Uint8Array): Uint8Array {
  const parts = unzipSync(FIXTURE);
  return zipSync({ ...parts, 'word/document.xml': [typeof xml === 'string' ? strToU8(xml) : xml, { level: 6 }] });
}

function answer(bytes: Uint8Array, limits = DEFAULT_LIMITS): { code: string; message: string } | 'read' {
  try {
    readDocx(bytes, { limits });
    return 'read';
  } catch (err) {
    if (!(err instanceof DocxReadError)) throw err;
    return { code: err.code, message: err.message };
  }
}
const codeOf = (bytes: Uint8Array, limits = DEFAULT_LIMITS) => {
  const a = answer(bytes, limits);
  return a === 'read' ? a : a.code;
};

const body = (inner: string) => `<w:document xmlns:w="${W}"><w:body>${inner}</w:body></w:document>`;

/** An OLE compound file's signature, then a stream name in UTF-16 as its directory holds it. */
function ole(stream: string): Uint8Array {
  const head = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const out = new Uint8Array(4096);
  out.set(head);
  for (let i = 0; i < stream.length; i++) out[1024 + i * 2] = stream.charCodeAt(i);
  return out;
}

describe('hostile .docx', () => {
  it('a 100 MB document.xml in a file under 1 MB: refused before inflating', () => {
    const bomb = withDocument(new Uint8Array(100 * 1024 * 1024).fill(0x20));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(answer(bomb)).toEqual({
      code: 'zip-bomb',
      message: 'Tệp nén bất thường: giải nén ra quá lớn (word/document.xml: 100 MB); đã dừng đọc để bảo vệ máy chủ.',
    });
  });

  it('a 12 MB document.xml at about a thousand to one: refused by its ratio', () => {
    expect(codeOf(withDocument(body(' '.repeat(12 * 1024 * 1024))))).toBe('zip-bomb');
  });

  it('a header that lies about its size: inflation stops at the declared size', () => {
    const liar = withDocument(body(`<w:p><w:r><w:t>${'x'.repeat(5 * 1024 * 1024)}</w:t></w:r></w:p>`));
    const dv = new DataView(liar.buffer);
    const name = 'word/document.xml';
    for (let i = 0; i + 46 < liar.length; i++) {
      if (dv.getUint32(i, true) === 0x02014b50 && new TextDecoder().decode(liar.subarray(i + 46, i + 46 + name.length)) === name)
        dv.setUint32(i + 24, 1024, true);
    }
    expect(codeOf(liar)).toBe('zip-bomb');
  });

  it('a file over the size limit is refused before it is listed', () => {
    const big = new Uint8Array(DEFAULT_LIMITS.maxFileBytes + 2 * 1024 * 1024);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(answer(big)).toEqual({
      code: 'too-large',
      message: 'Tệp Word quá lớn để đọc an toàn (27 MB > 25 MB). Hãy tách phụ lục ra tệp riêng hoặc xóa hình ảnh thừa.',
    });
  });

  it('elements nested a hundred thousand deep: refused, no stack overflow', () => {
    const deep = `${'<w:sdt><w:sdtContent>'.repeat(100_000)}${'</w:sdtContent></w:sdt>'.repeat(100_000)}`;
    expect(codeOf(withDocument(body(deep)))).toBe('corrupt');
  });

  it('tables nested in cells a thousand deep: refused by depth, not by recursion', () => {
    const deep = `${'<w:tbl><w:tr><w:tc>'.repeat(1000)}<w:p/>${'</w:tc></w:tr></w:tbl>'.repeat(1000)}`;
    expect(codeOf(withDocument(body(deep)))).toBe('corrupt');
  });

  it('ten thousand tables, or more cells than the limit: too many tables', () => {
    expect(codeOf(withDocument(body('<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/>'.repeat(10_000))))).toBe('too-many-tables');
    const rows = '<w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>'.repeat(600);
    expect(codeOf(withDocument(body(`<w:tbl>${rows}</w:tbl>`)), { ...DEFAULT_LIMITS, maxCells: 1000 })).toBe('too-many-tables');
  });

  it('entity expansion (a billion laughs) and an external entity: refused, nothing expanded or fetched', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "hahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
      '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>' +
      body('<w:p><w:r><w:t>&d;</w:t></w:r></w:p>');
    expect(answer(withDocument(laughs))).toEqual({
      code: 'corrupt',
      message: 'Tệp .docx bị hỏng, không đọc được (DOCTYPE). Hãy mở và lưu lại bằng Word.',
    });
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>${body('<w:p><w:r><w:t>&x;</w:t></w:r></w:p>')}`;
    expect(codeOf(withDocument(xxe))).toBe('corrupt');
    // Without a DOCTYPE an undeclared entity is an error of the XML, not text.
    expect(codeOf(withDocument(body('<w:p><w:r><w:t>&x;</w:t></w:r></w:p>')))).toBe('corrupt');
  });

  it('broken files: empty, truncated, not XML, not a Word document', () => {
    expect(answer(new Uint8Array(0))).toEqual({ code: 'empty', message: 'Tệp rỗng (0 byte).' });
    expect(codeOf(FIXTURE.subarray(0, FIXTURE.length - 100))).toBe('corrupt');
    expect(answer(withDocument('<w:document><w:body><w:p>'))).toEqual({
      code: 'corrupt',
      message: 'Tệp .docx bị hỏng, không đọc được (word/document.xml). Hãy mở và lưu lại bằng Word.',
    });
    const xlsx = new Uint8Array(readFileSync(path.join(REPO_ROOT, 'test/fixtures/workbooks/cam-giang-phu-luc.xlsx')));
    expect(answer(xlsx)).toEqual({ code: 'not-docx', message: 'Tệp không phải tài liệu Word (.docx) (Excel .xlsx).' });
    expect(answer(strToU8('<html><body>PHỤ LỤC</body></html>'))).toEqual({
      code: 'not-docx',
      message: 'Tệp không phải tài liệu Word (.docx) (HTML/XML).',
    });
  });

  it('OLE files: a password-protected document, an old .doc', () => {
    expect(answer(ole('EncryptionInfo'))).toEqual({
      code: 'encrypted',
      message: 'Tệp Word có đặt mật khẩu mở. Hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ tài liệu) rồi thử lại.',
    });
    expect(answer(ole('WordDocument'))).toEqual({
      code: 'legacy-doc',
      message:
        'Đây là tệp Word 97–2003 (.doc). Hãy mở trong Word hoặc LibreOffice, chọn Lưu thành… (Save As) → Tài liệu Word (.docx) rồi thử lại.',
    });
  });
});

describe('nested tables', () => {
  const tc = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
  const header = `<w:tr>${tc('TT')}${tc('Nội dung')}${tc('Cơ quan chủ trì')}${tc('Thời gian hoàn thành')}</w:tr>`;
  const task = (n: string, cell2: string) => `<w:tr>${tc(n)}${cell2}${tc('Công an xã')}${tc('Năm 2026')}</w:tr>`;
  const nested = `<w:tc><w:p><w:r><w:t>Việc có bảng con</w:t></w:r></w:p><w:tbl><w:tr>${tc('a')}${tc('b')}</w:tr></w:tbl><w:p/></w:tc>`;
  const layout = `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ỦY BAN NHÂN DÂN</w:t></w:r></w:p><w:tbl><w:tr>${tc('Số: 03/KH-UBND')}</w:tr></w:tbl><w:p/></w:tc>${tc('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')}</w:tr></w:tbl>`;
  const title = (n: string) => `<w:p><w:r><w:t>PHỤ LỤC ${n}</w:t></w:r></w:p>`;

  it('a layout table with a nested table is passed over; an appendix with one is refused by name and place (table, row, cell), the others read', () => {
    const xml = body(
      `${layout}${title('I')}<w:tbl>${header}${task('1', nested)}</w:tbl><w:p/>${title('II')}<w:tbl>${header}${task('1', tc('Việc thường'))}</w:tbl>`,
    );
    const read = readDocx(withDocument(xml), { name: 'ke-hoach.docx' });
    expect(read.refused).toEqual([
      {
        table: 2,
        vi: 'Bảng thứ 2, hàng thứ 2, ô thứ 2: có bảng lồng trong bảng (một ô chứa cả một bảng khác) nên bảng này không đọc được. Hãy bỏ bảng lồng trong ô đó, chép nội dung ra thành các hàng của bảng chính.',
        en: 'Table 2, row 2, cell 2: a table is nested in a cell, so this table cannot be read. Remove the nested table and type its content as rows of the main table.',
      },
    ]);
    const plan = readPlan(read.grids).plan;
    expect(plan.appendices.map((a) => [a.title?.appendix, a.rows.map((r) => r.fields)])).toEqual([
      ['II', [{ content: 'Việc thường', lead: 'Công an xã', deadline: 'Năm 2026' }]],
    ]);
  });
});

describe('messages', () => {
  it('every refusal is said in Vietnamese an official reads, no system words', () => {
    const codes: DocxErrorCode[] = [
      'empty',
      'too-large',
      'legacy-doc',
      'encrypted',
      'not-docx',
      'corrupt',
      'zip-bomb',
      'too-many-tables',
      'cell-too-long',
    ];
    const messages = [
      ...codes.map((c) => new DocxReadError(c, '1 MB').message),
      ...(['legacy-doc', 'too-large', 'timeout'] as const).map((c) => new DocConvertError(c, '60').message),
    ];
    expect(messages.flatMap((m) => englishLeaks(m))).toEqual([]);
  });
});
