// The guarded .xlsx reader: real fixtures, every exceljs trap we know of, and hostile or wrong files.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cellAt } from '../../../core/model/index.ts';
import { cellText } from '../../../core/read/index.ts';
import { readWorkbook, WorkbookReadError } from '../../../workbook/xlsx/index.ts';
import { fixture } from '../../support/paths.ts';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function errorOf(p: Promise<unknown>): Promise<WorkbookReadError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof WorkbookReadError) return err;
    throw err;
  }
  throw new Error('expected a WorkbookReadError');
}

describe('readWorkbook on the fixtures (written by openpyxl)', () => {
  it('reads every sheet with values, fonts and merged ranges (the streaming reader would drop merges, exceljs #3000)', async () => {
    const { sheets } = await readWorkbook(await readFile(fixture('quang-son-phu-luc.xlsx')));
    expect(sheets.length).toBe(2);
    expect(sheets.every((g) => g.rows.length > 20)).toBe(true);
    expect(sheets.some((g) => g.merges.length > 0)).toBe(true);
    const fonts = new Set(sheets.flatMap((g) => g.rows.flat().map((c) => c?.font)).filter(Boolean));
    expect(fonts.size).toBeGreaterThan(0);
  });
});

describe('exceljs traps', () => {
  it('rich text comes back as its plain string, formulas as their result, hyperlinks as their text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = { richText: [{ text: 'Phòng ', font: { bold: true } }, { text: 'Văn hóa - Xã hội' }] };
    ws.getCell('A2').value = { formula: '1+1', result: 2 };
    ws.getCell('A3').value = { text: 'Cổng thông tin', hyperlink: 'https://example.invalid' };
    const g = (await readWorkbook(await bytesOf(wb))).sheets[0]!;
    expect(cellAt(g, 1, 1)?.v).toBe('Phòng Văn hóa - Xã hội');
    expect(cellAt(g, 2, 1)?.v).toBe(2);
    expect(cellAt(g, 3, 1)?.v).toBe('Cổng thông tin');
  });

  it('dates are calendar dates in UTC whatever the machine’s time zone', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = new Date(Date.UTC(2025, 11, 31));
    const v = cellAt((await readWorkbook(await bytesOf(wb))).sheets[0]!, 1, 1)?.v;
    expect(v).toBeInstanceOf(Date);
    expect(cellText({ v: v as Date })).toBe('31/12/2025');
  });

  it('whole-column dropdowns are not expanded cell by cell (exceljs #1842)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 'TT';
    // exceljs types omit the worksheet's dataValidations collection, which its writer supports.
    const dv = (ws as unknown as { dataValidations: { add(ref: string, v: object): void } }).dataValidations;
    for (const col of 'ABCDEFGH') {
      dv.add(`${col}2:${col}1048576`, { type: 'list', allowBlank: true, formulae: ['"Có,Không"'] });
    }
    const bytes = await bytesOf(wb);
    const before = process.memoryUsage().heapUsed;
    const { sheets } = await readWorkbook(bytes);
    expect(cellAt(sheets[0]!, 1, 1)?.v).toBe('TT');
    // Expanded, eight million validation objects would take gigabytes; tamed, the heap barely moves.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(300 * 1024 * 1024);
  });
});

describe('wrong and hostile files get a clear error', () => {
  it('empty', async () => {
    expect((await errorOf(readWorkbook(new Uint8Array(0)))).code).toBe('empty');
  });

  it('legacy .xls and password-protected .xlsx (both OLE compound files)', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const xls = await errorOf(readWorkbook(ole));
    expect(xls.code).toBe('legacy-xls');
    expect(xls.message).toMatch(/\.xls/);
    expect(xls.messageEn).toMatch(/Save As/);
    const enc = ole.slice();
    'EncryptionInfo'.split('').forEach((ch, i) => (enc[1024 + i * 2] = ch.charCodeAt(0)));
    expect((await errorOf(readWorkbook(enc))).code).toBe('encrypted');
  });

  it('truncated, not a zip, or a zip of something else', async () => {
    const real = await readFile(fixture('cam-giang-phu-luc.xlsx'));
    expect((await errorOf(readWorkbook(real.subarray(0, real.length >> 1)))).code).toBe('corrupt');
    expect((await errorOf(readWorkbook(strToU8('<html><body>not a workbook</body></html>')))).code).toBe('not-xlsx');
    expect(
      (await errorOf(readWorkbook(zipSync({ 'word/document.xml': strToU8('<w/>'), '[Content_Types].xml': strToU8('<x/>') })))).messageEn,
    ).toMatch(/Word/);
    expect(
      (
        await errorOf(
          readWorkbook(zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<x/>') })),
        )
      ).code,
    ).toBe('ods');
  });

  it('bad XML inside a real workbook', async () => {
    const parts = unzipSync(new Uint8Array(await readFile(fixture('cam-giang-phu-luc.xlsx'))));
    const sheet = Object.keys(parts).find((n) => n.startsWith('xl/worksheets/sheet'))!;
    parts[sheet] = strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>');
    parts['xl/workbook.xml'] = strToU8('<<<not xml');
    const err = await errorOf(readWorkbook(zipSync(parts)));
    expect(err.code).toBe('corrupt');
    expect(err.message).toMatch(/hỏng/);
  });

  it('zip bombs: a huge declared part, and a header that lies about its size', async () => {
    const parts = unzipSync(new Uint8Array(await readFile(fixture('cam-giang-phu-luc.xlsx'))));
    const big = new Uint8Array(100 * 1024 * 1024).fill(0x20);
    const bomb = zipSync({ ...parts, 'xl/worksheets/sheet9.xml': [big, { level: 6 }] });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect((await errorOf(readWorkbook(bomb))).code).toBe('zip-bomb');

    // A sheet the workbook really uses, 20 MB inflated, declared as 1 KB: inflation stops at the declared size.
    const sheet = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
    const liar = zipSync({ ...parts, [sheet]: [big.subarray(0, 20 * 1024 * 1024), { level: 6 }] });
    const dv = new DataView(liar.buffer);
    for (let i = 0; i + 46 < liar.length; i++) {
      if (dv.getUint32(i, true) === 0x02014b50 && new TextDecoder().decode(liar.subarray(i + 46, i + 46 + sheet.length)) === sheet) {
        dv.setUint32(i + 24, 1024, true);
      }
    }
    expect((await errorOf(readWorkbook(liar))).code).toBe('zip-bomb');
  });

  it('absurd dimensions: a value typed at row 1,048,576', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 'TT';
    ws.getCell('A1048576').value = 'x';
    const err = await errorOf(readWorkbook(await bytesOf(wb)));
    expect(err.code).toBe('too-large');
    expect(err.message).toMatch(/dòng/);
  });

  it('oversized files are refused before parsing', async () => {
    const err = await errorOf(readWorkbook(new Uint8Array(64), { maxFileBytes: 32, maxPartBytes: 1, maxTotalBytes: 1, maxCells: 1 }));
    expect(err.code).toBe('too-large');
  });
});
