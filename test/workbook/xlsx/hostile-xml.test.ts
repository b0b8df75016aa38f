// Regressions from test/hardening/fuzz-xlsx and issue 14: unclosed tags read in linear time; sheets core cannot hold,
// sheets sharing a part, too many sheets, over-long cells and packages that inflate a thousandfold are refused.
import { readFile } from 'node:fs/promises';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { gridFromValues } from '../../../core/model/index.ts';
import { DEFAULT_LIMITS, readWorkbook, readWorkbookWithExceljs, WorkbookReadError } from '../../../workbook/xlsx/index.ts';
import { WorkbookEditor } from '../../../workbook/xlsx/edit/workbook.ts';
import { checkDeclaredSizes, listEntries, PartInflater } from '../../../workbook/xlsx/zip.ts';
import { HOSTILE } from '../../hardening/support/xlsx-hostile.ts';
import { fixture } from '../../support/paths.ts';
import { checkArea, checkMerges } from '../../../workbook/xlsx/area.ts';
import { parseSheet } from '../../../workbook/xlsx/fast/sheet.ts';
import { closedThrough, decodeXml, textOf } from '../../../workbook/xlsx/fast/xml.ts';

const LIMITS = { maxRow: 200_000, maxCol: 500, maxCells: 2_000_000 };
const NO_STYLES = { font: [], fmt: [], date: [] };
const NO_STRINGS = { text: [], font: [] };

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    return err instanceof WorkbookReadError ? err.code : String(err);
  }
  return 'ok';
}

describe('closedThrough', () => {
  it('cuts after the last closing tag, with or without a prefix, and ignores openings and longer names', () => {
    expect(closedThrough('<row><c/></row><row><row>', 'row')).toBe('<row><c/></row>');
    expect(closedThrough('<x:row></x:row><x:row>', 'row')).toBe('<x:row></x:row>');
    expect(closedThrough('<rows></rows><row>', 'row')).toBe('');
    expect(closedThrough('<c><v>1</v></c><c r="B1"/>', 'c')).toBe('<c><v>1</v></c>');
    expect(closedThrough('', 'c')).toBe('');
  });
});

describe('text with many openings and no close', () => {
  it('a row of cells after thousands of unclosed <row> and unfinished start tags is still read', () => {
    const xml = `<worksheet><sheetData>${'<row r="1" '.repeat(5000)}<row r="2"><c r="A2" t="inlineStr"><is><t>TT</t></is></c>${'<c>'.repeat(5000)}</row>${'<row>'.repeat(5000)}</sheetData></worksheet>`;
    const g = parseSheet('S', xml, NO_STRINGS, NO_STYLES, false, LIMITS);
    expect(g.rows[1]?.[0]?.v).toBe('TT');
  });

  it('decodes entities after a long run of "&" without ";", and keeps the run as it is', () => {
    expect(decodeXml(`${'&'.repeat(5000)}x&amp;`)).toBe(`${'&'.repeat(5000)}x&`);
    expect(decodeXml('a & b &lt; c')).toBe('a & b < c');
    expect(textOf(`<t>a</t>${'<t>'.repeat(1000)}`)).toBe('a');
  });
});

describe('checkArea', () => {
  it('refuses two far corners (a 5 KB file that core would read as 100 million cells)', () => {
    const g = parseSheet(
      'S',
      '<worksheet><sheetData><row r="1"><c r="SF1"><v>1</v></c></row><row r="199999"><c r="A199999"><v>1</v></c></row></sheetData></worksheet>',
      NO_STRINGS,
      NO_STYLES,
      false,
      LIMITS,
    );
    expect(codeOf(() => checkArea(g))).toBe('too-large');
  });

  it('refuses overlapping merges that add up past the area, and too many merges', () => {
    const g = gridFromValues('S', [
      ['TT', 'Nội dung'],
      [1, 'Việc'],
    ]);
    expect(codeOf(() => checkArea({ ...g, merges: [{ top: 1, left: 1, bottom: 1_048_576, right: 16_384 }] }))).toBe('ok');
    const big = gridFromValues(
      'S',
      Array.from({ length: 1000 }, () => Array.from({ length: 100 }, () => 'x')),
    );
    expect(
      codeOf(() => checkArea({ ...big, merges: Array.from({ length: 11 }, () => ({ top: 1, left: 1, bottom: 1000, right: 100 })) })),
    ).toBe('too-large');
    expect(
      codeOf(() => checkArea({ ...g, merges: Array.from({ length: 50_001 }, () => ({ top: 1, left: 1, bottom: 1, right: 2 })) })),
    ).toBe('too-large');
  });
});

describe('checkMerges (before exceljs, which creates every merged cell)', () => {
  it('refuses a merge over the whole sheet and too many merges, passes an appendix header', () => {
    expect(codeOf(() => checkMerges('<mergeCells><mergeCell ref="A1:E1"/><x:mergeCell ref="A2:B3"/></mergeCells>', 'sheet1.xml'))).toBe(
      'ok',
    );
    expect(codeOf(() => checkMerges('<mergeCell ref="A1:XFD1048576"/>', 'sheet1.xml'))).toBe('too-large');
    expect(codeOf(() => checkMerges('<mergeCell ref="A1:A2"/>'.repeat(50_001), 'sheet1.xml'))).toBe('too-large');
  });

  it('leaves the editing of a copy (phuluc fix, check --format xlsx) unharmed: merges stay ranges, nothing is expanded', async () => {
    const parts = unzipSync(new Uint8Array(await readFile(fixture('cam-giang-phu-luc.xlsx'))));
    const sheet = 'xl/worksheets/sheet1.xml';
    parts[sheet] = strToU8(new TextDecoder().decode(parts[sheet]).replace(/<mergeCells[^>]*>/, '$&<mergeCell ref="A1:XFD1048576"/>'));
    const wb = WorkbookEditor.open(zipSync(parts));
    wb.deleteRow('Phụ lục I', 14);
    const copy = unzipSync(wb.toBytes());
    expect(new TextDecoder().decode(copy[sheet])).toContain('<mergeCell ref="A1:XFD1048575"/>');
  });
});

describe('entity names that are Object.prototype members', () => {
  it('decode to nothing but their literal text, in the fast reader', async () => {
    const names = '&constructor; &__proto__; &toString; &hasOwnProperty; &valueOf; &amp;';
    expect(decodeXml(names)).toBe('&constructor; &__proto__; &toString; &hasOwnProperty; &valueOf; &');
    const c = HOSTILE.find((h) => h.name.startsWith('entity names'))!;
    const { sheets } = await readWorkbook(c.build());
    expect(sheets[0]!.rows[59]![1]!.v).toBe('&constructor; &__proto__; &toString; &hasOwnProperty; &valueOf;');
  });
});

describe('the hostile files of issue 14, each refused at once with the reason named', () => {
  const cases: [string, string, RegExp][] = [
    [
      'an 11 KB file with 400 <sheet> entries',
      'shared-sheet-part',
      /nhiều trang tính cùng trỏ tới một phần dữ liệu \(“S1”, “S2” → xl\/worksheets\/sheet1\.xml\)/,
    ],
    ['251 sheets', 'too-many-sheets', /quá nhiều trang tính \(> 250\)/],
    ['a 3 KB file whose 270 cells', 'cell-too-long', /^Ô Phụ lục!A1: 262\.134 ký tự, vượt giới hạn 32\.767 ký tự/],
  ];
  it.each(cases)('%s → %s', async (name, code, message) => {
    const c = HOSTILE.find((h) => h.name.startsWith(name))!;
    const bytes = c.build();
    const t0 = performance.now();
    const err = await readWorkbook(bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect((err as WorkbookReadError).code).toBe(code);
    expect((err as WorkbookReadError).message).toMatch(message);
    // The exceljs path (the browser check page, the reference reader) refuses the same way.
    expect(
      (
        await readWorkbookWithExceljs(bytes).then(
          () => null,
          (e: WorkbookReadError) => e,
        )
      )?.code,
    ).toBe(code);
  });

  it('a part that inflates a thousand times is refused from its declared sizes, before anything is inflated', () => {
    const e = { name: 'xl/worksheets/sheet1.xml', method: 8, compressedSize: 86 * 1024, size: 79 * 1024 * 1024, dataOffset: 0 };
    expect(codeOf(() => checkDeclaredSizes([e], DEFAULT_LIMITS))).toBe('zip-bomb');
    // Small parts inflate as much as they like; real workbooks inflate 5–15 times.
    expect(codeOf(() => checkDeclaredSizes([{ ...e, size: 8 * 1024 * 1024, compressedSize: 8 * 1024 }], DEFAULT_LIMITS))).toBe('ok');
    expect(codeOf(() => checkDeclaredSizes([{ ...e, size: 60 * 1024 * 1024, compressedSize: 5 * 1024 * 1024 }], DEFAULT_LIMITS))).toBe(
      'ok',
    );
    // Many small parts that add up: the ratio of the whole package.
    const parts = Array.from({ length: 19 }, (_, i) => ({
      ...e,
      name: `xl/worksheets/sheet${i}.xml`,
      size: 8 * 1024 * 1024,
      compressedSize: 8 * 1024,
    }));
    expect(codeOf(() => checkDeclaredSizes(parts, DEFAULT_LIMITS))).toBe('zip-bomb');
  });

  it('counts every inflation: the same part read again counts again, and the budget stops it', async () => {
    const bytes = new Uint8Array(await readFile(fixture('cam-giang-phu-luc.xlsx')));
    const sheet = listEntries(bytes).find((x) => x.name === 'xl/worksheets/sheet1.xml')!;
    const inflater = new PartInflater(bytes, { ...DEFAULT_LIMITS, maxTotalBytes: sheet.size * 3 });
    for (let i = 0; i < 3; i++) inflater.read(sheet);
    expect(inflater.used).toBe(sheet.size * 3);
    expect(codeOf(() => inflater.read(sheet))).toBe('zip-bomb');
  });
});
