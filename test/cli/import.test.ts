// `phuluc import` through the real command line (issue 18): a list-form text plan, a published workbook with split
// rows and repeated headers, and a Word plan become the standard appendix workbook; `phuluc check` on it finds no
// structural issue and LibreOffice prints it with every task; a document without an appendix writes nothing.
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../cli/load-plan.ts';
import type { Plan } from '../../core/model/index.ts';
import { CATALOG, type IssueCode } from '../../core/validate/index.ts';
import { phuluc } from '../support/cli.ts';
import { fixture, TEST_FIXTURES } from '../support/paths.ts';
import { pagePngs, pageTexts, printToPdf } from '../support/print.ts';

const SLOW = 300_000;
const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-import-'));
const DOCX = path.join(TEST_FIXTURES, 'docx');

/** Every issue code in a check JSON document, wherever it sits (file, table, row). */
function codes(o: unknown): string[] {
  if (Array.isArray(o)) return o.flatMap(codes);
  if (o === null || typeof o !== 'object') return [];
  const here = 'code' in o && 'severity' in o ? [String(o.code)] : [];
  return [...here, ...Object.values(o).flatMap(codes)];
}

/** The issue codes of `phuluc check` on FILE tagged #structure in the catalog. */
async function structural(file: string): Promise<string[]> {
  const { stdout } = await phuluc('check', '--format', 'json', '--as-of', '2025-12-31', file);
  return [...new Set(codes(JSON.parse(stdout)).filter((c) => CATALOG[c as IssueCode]?.tags.includes('#structure')))].sort();
}

function said(plan: Plan) {
  return plan.appendices.map((a) => ({
    kind: a.kind,
    appendix: a.title.appendix,
    rows: a.rows
      .filter((r) => ['group', 'subgroup', 'task', 'indicator'].includes(r.kind))
      .map((r) => ({ kind: r.kind, tt: r.tt, fields: r.fields, group: r.group })),
  }));
}

describe('phuluc import', () => {
  it(
    'turns a list-form text plan into the standard workbook, which checks with no structural issue',
    async () => {
      const input = path.join(dir, 'danh-sach.txt');
      await copyFile(path.join(DOCX, 'cam-giang-danh-sach.txt'), input);
      const out = path.join(dir, 'danh-sach.xlsx');
      const r = await phuluc('import', input, '-o', out);
      expect(r).toEqual({
        code: 0,
        stderr: '',
        stdout: [
          `Đã đọc “${input}”: 1 phụ lục.`,
          '  Phụ lục II — DANH MỤC NHIỆM VỤ PHÁT TRIỂN HẠ TẦNG SỐ NĂM 2025: 3 nhiệm vụ trong 2 nhóm',
          `Đã ghi “${out}”. Kiểm tra trước khi nộp: “phuluc check ${out}”.`,
          '',
        ].join('\n'),
      });
      expect(said((await loadPlan(out)).plan)).toEqual(said((await loadPlan(input)).plan));
      expect(await structural(out)).toEqual([]);
    },
    SLOW,
  );

  it(
    'turns a messy workbook (page-split rows, repeated headers) into one that checks with no structural issue',
    async () => {
      const input = fixture('quang-son-phu-luc.xlsx');
      expect(await structural(input)).toEqual(['continuation-row', 'repeated-header-row']);
      const out = path.join(dir, 'quang-son.xlsx');
      const r = await phuluc('import', input, '-o', out);
      expect(r).toEqual({
        code: 0,
        stderr: '',
        stdout: [
          `Đã đọc “${input}”: 2 phụ lục.`,
          '  Phụ lục I — DANH MỤC CÁC CHỈ TIÊU CỤ THỂ: 23 chỉ tiêu trong 5 nhóm',
          '  Phụ lục II — DANH MỤC CÁC NHIỆM VỤ TRIỂN KHAI: 53 nhiệm vụ trong 7 nhóm',
          `Đã ghi “${out}”. Kiểm tra trước khi nộp: “phuluc check ${out}”.`,
          '',
        ].join('\n'),
      });
      expect(said((await loadPlan(out)).plan)).toEqual(said((await loadPlan(input)).plan));
      expect(await structural(out)).toEqual([]);
    },
    SLOW,
  );

  it(
    'reads the appendix of a Word plan into the standard workbook, in English with --lang en',
    async () => {
      const input = path.join(DOCX, 'cam-giang-ke-hoach.docx');
      const out = path.join(dir, 'cam-giang.xlsx');
      const r = await phuluc('import', input, '-o', out, '--lang', 'en');
      expect(r).toEqual({
        code: 0,
        stderr: '',
        stdout: [
          `Read "${input}": 1 appendix(es).`,
          '  Appendix I — DANH MỤC NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT SỐ 03/NQ-CP NGÀY 09/01/2025 CỦA CHÍNH…: 34 task(s) in 4 group(s)',
          `Wrote "${out}". Check it before submitting: phuluc check ${out}`,
          '',
        ].join('\n'),
      });
      expect(said((await loadPlan(out)).plan)).toEqual(said((await loadPlan(input)).plan));
      expect(await structural(out)).toEqual([]);
      // LibreOffice opens and prints it: every task is on the pages (each one's first words, which stay on one line of
      // its cell; pdftotext interleaves the wrapped lines of neighbouring cells), under the title block.
      const pdf = await printToPdf(out);
      const printed = (await pageTexts(pdf)).join(' ').replace(/\s+/g, '');
      const tasks = said((await loadPlan(out)).plan).flatMap((a) => a.rows.filter((r) => r.kind === 'task'));
      expect(tasks).toHaveLength(34);
      const opening = (text: string) => text.split(/\s+/).slice(0, 6).join('');
      expect(tasks.map((t) => opening(t.fields.content ?? '')).filter((words) => !printed.includes(words))).toEqual([]);
      expect(['PHỤLỤCI', '(KèmtheoKếhoạchsố03/KH-UBNDngày07tháng7năm2025'].filter((w) => !printed.includes(w))).toEqual([]);
      await pagePngs(pdf, 'nhap-tu-word', 1, 2);
    },
    SLOW,
  );

  it(
    'writes what it read and exits 1 when a table could not be read (a table nested in a cell, said by number)',
    async () => {
      // The Word fixture with its body replaced: appendix I has a table in a cell, appendix II reads.
      const tc = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
      const header = `<w:tr>${tc('TT')}${tc('Nội dung')}${tc('Cơ quan chủ trì')}${tc('Thời gian hoàn thành')}</w:tr>`;
      const task = (cell2: string) => `<w:tr>${tc('1')}${cell2}${tc('Công an xã')}${tc('Năm 2026')}</w:tr>`;
      const nested = `<w:tc><w:p><w:r><w:t>Việc có bảng con</w:t></w:r></w:p><w:tbl><w:tr>${tc('a')}${tc('b')}</w:tr></w:tbl><w:p/></w:tc>`;
      const title = (n: string) => `<w:p><w:r><w:t>PHỤ LỤC ${n}</w:t></w:r></w:p>`;
      const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${title('I')}<w:tbl>${header}${task(nested)}</w:tbl><w:p/>${title('II')}<w:tbl>${header}${task(tc('Việc thường'))}</w:tbl></w:body></w:document>`;
      const parts = unzipSync(new Uint8Array(await readFile(path.join(DOCX, 'cam-giang-ke-hoach.docx'))));
      const input = path.join(dir, 'bang-long.docx');
      await writeFile(input, zipSync({ ...parts, 'word/document.xml': strToU8(xml) }));
      const out = path.join(dir, 'bang-long.xlsx');
      expect(await phuluc('import', input, '-o', out)).toEqual({
        code: 1,
        stderr: '',
        stdout: [
          `Đã đọc “${input}”: 1 phụ lục.`,
          '  Phụ lục II: 1 nhiệm vụ',
          '  bang-long.docx: Bảng thứ 1, hàng thứ 2, ô thứ 2: có bảng lồng trong bảng (một ô chứa cả một bảng khác) nên bảng này không đọc được. Hãy bỏ bảng lồng trong ô đó, chép nội dung ra thành các hàng của bảng chính.',
          `Đã ghi “${out}”. Kiểm tra trước khi nộp: “phuluc check ${out}”.`,
          '',
        ].join('\n'),
      });
      expect(said((await loadPlan(out)).plan)).toEqual([
        {
          kind: 'tasks',
          appendix: 'II',
          rows: [{ kind: 'task', tt: '1', fields: { content: 'Việc thường', lead: 'Công an xã', deadline: 'Năm 2026' }, group: undefined }],
        },
      ]);
    },
    SLOW,
  );

  it('says a document has no appendix, and writes nothing', async () => {
    const input = path.join(dir, 'khong-co-phu-luc.txt');
    await writeFile(input, 'Kế hoạch này chưa có phụ lục.\n');
    const out = path.join(dir, 'khong-co.xlsx');
    expect(await phuluc('import', input, '-o', out)).toEqual({
      code: 2,
      stdout: '',
      stderr: `Không tìm thấy phụ lục nào trong “${input}” (bảng có dòng tiêu đề TT, nội dung, cơ quan chủ trì…, hoặc danh sách đánh số); chưa ghi tệp nào.\n`,
    });
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to overwrite its input, and an output that is not .xlsx', async () => {
    const input = path.join(dir, 'giu-nguyen.xlsx');
    await copyFile(fixture('cam-giang-phu-luc.xlsx'), input);
    const before = await readFile(input);
    expect(await phuluc('import', input, '-o', input)).toEqual({
      code: 2,
      stdout: '',
      stderr: `Không ghi đè tệp gốc “${input}”; hãy chọn tên khác cho -o.\n`,
    });
    expect(await readFile(input)).toEqual(before);
    const csv = path.join(dir, 'ra.csv');
    expect(await phuluc('import', input, '-o', csv)).toEqual({ code: 2, stdout: '', stderr: `Tệp đích “${csv}” phải có đuôi .xlsx.\n` });
    expect(existsSync(csv)).toBe(false);
  });
});
