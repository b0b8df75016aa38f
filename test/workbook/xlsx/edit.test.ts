// The in-place editor (workbook/xlsx/edit): references moved as Excel moves them when a row is deleted, across every
// part that points at rows; what cannot be carried refused by name; new fonts and fills in formats of their own;
// every part not changed copied byte for byte.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWorkbook, readWorkbookWithExceljs } from '../../../workbook/xlsx/index.ts';
import { mapFormulaRefs, offsetRef, shiftFormula, shiftRef, shiftSqref } from '../../../workbook/xlsx/edit/refs.ts';
import { CopyRefusedError, WorkbookEditor } from '../../../workbook/xlsx/edit/workbook.ts';
import { listEntries } from '../../../workbook/xlsx/zip.ts';

describe('references after a row is deleted', () => {
  it('cells and ranges below move up, ranges across shrink, references to the row go', () => {
    expect(shiftRef('B7', 5)).toBe('B6');
    expect(shiftRef('$B$7', 5)).toBe('$B$6');
    expect(shiftRef('A3:F9', 5)).toBe('A3:F8');
    expect(shiftRef('A1:B4', 5)).toBe('A1:B4');
    expect(shiftRef('C5', 5)).toBeNull();
    expect(shiftRef('$A$5:$F$5', 5)).toBeNull();
    expect(shiftRef('5:7', 5)).toBe('5:6');
    expect(shiftRef('A:C', 5)).toBe('A:C');
    expect(shiftSqref('A2:A9 C5 E7', 5)).toBe('A2:A8 E6');
    expect(shiftSqref('C5', 5)).toBe('');
  });

  it('formulas: references to the sheet move; strings, functions, names, tables and other books do not', () => {
    expect(shiftFormula("SUM('Phụ lục I'!B2:B9)", 5, 'Phụ lục I', null)).toBe("SUM('Phụ lục I'!B2:B8)");
    expect(shiftFormula("SUM('phụ lục i'!B2:B9)", 5, 'Phụ lục I', null)).toBe("SUM('phụ lục i'!B2:B8)");
    expect(shiftFormula('Tổng!A9+B9', 5, 'Phụ lục', 'Phụ lục')).toBe('Tổng!A9+B8');
    expect(shiftFormula('"B9"&B9&LOG10(B9)', 5, 'S', 'S')).toBe('"B9"&B8&LOG10(B8)');
    expect(shiftFormula('B5*2+Q1_Sales', 5, 'S', 'S')).toBe('#REF!*2+Q1_Sales');
    expect(shiftFormula('SUM(Table1[Số])+[1]S!B9', 5, 'S', 'S')).toBe('SUM(Table1[Số])+[1]S!B9');
    expect(shiftFormula("'It''s'!B9", 5, "It's", null)).toBe("'It''s'!B8");
    expect(shiftFormula('SUM(7:9)', 5, 'S', 'S')).toBe('SUM(6:8)');
  });

  it('a shared formula written out for one of its cells: relative parts move, $ parts stay', () => {
    expect(offsetRef('A5', 2, 1)).toBe('B7');
    expect(offsetRef('$A5', 2, 1)).toBe('$A7');
    expect(offsetRef('A$5', 2, 1)).toBe('B$5');
    expect(mapFormulaRefs('A2*2+$D$1', (_s, r) => offsetRef(r, 3, 0))).toBe('A5*2+$D$1');
  });
});

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const str = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;

/** A two-sheet workbook with something pointing at rows in every part that can. */
function workbook(o: { noteAt?: string; array?: boolean } = {}): Uint8Array {
  const sheet1 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:D6"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="B6" sqref="B6"/></sheetView></sheetViews>
<sheetData>
<row r="1">${str('A1', 'TT')}${str('B1', 'Nội dung')}</row>
<row r="2"><c r="A2"><v>1</v></c>${str('B2', 'Việc một')}<c r="D2"><f t="shared" ref="D2:D6" si="0">A2*2</f><v>2</v></c></row>
<row r="3"><c r="A3"><v>2</v></c>${str('B3', 'Việc hai')}<c r="D3"><f t="shared" si="0"/><v>4</v></c></row>
<row r="4"><c r="A4"><v>3</v></c>${str('B4', 'Việc ba')}<c r="D4"><f t="shared" si="0"/><v>6</v></c>${o.array ? '<c r="E4"><f t="array" ref="E4:E5">A4:A5*2</f><v>6</v></c>' : ''}</row>
<row r="5" ht="30" customHeight="1">${str('B5', 'dòng lặp')}<c r="C5" s="1"/><c r="D5"><f t="shared" si="0"/><v>0</v></c></row>
<row r="6"><c r="A6"><v>4</v></c>${str('B6', 'Việc bốn')}<c r="C6"><f>SUM(A2:A5)</f><v>6</v></c><c r="D6"><f t="shared" si="0"/><v>8</v></c></row>
</sheetData>
<autoFilter ref="A1:C6"/>
<mergeCells count="3"><mergeCell ref="A1:C1"/><mergeCell ref="A3:A5"/><mergeCell ref="B5:C5"/></mergeCells>
<conditionalFormatting sqref="A2:A6"><cfRule type="expression" dxfId="0" priority="1"><formula>A2&gt;0</formula></cfRule></conditionalFormatting>
<conditionalFormatting sqref="C5"><cfRule type="expression" dxfId="0" priority="2"><formula>TRUE</formula></cfRule></conditionalFormatting>
<dataValidations count="1"><dataValidation type="list" sqref="B2:B6"><formula1>$D$2:$D$6</formula1></dataValidation></dataValidations>
<hyperlinks><hyperlink ref="C5" location="'Tổng'!A1"/><hyperlink ref="C6" location="'Tổng'!A1"/></hyperlinks>
<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>
<rowBreaks count="1" manualBreakCount="1"><brk id="5" max="16383" man="1"/></rowBreaks>
<legacyDrawing r:id="rId2"/>
</worksheet>`;
  const sheet2 = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><f>'Phụ lục'!A6+SUM('Phụ lục'!A2:A6)</f><v>14</v></c></row></sheetData>
<dataValidations count="1"><dataValidation type="list" sqref="B1"><formula1>'Phụ lục'!$D$2:$D$6</formula1></dataValidation></dataValidations></worksheet>`;
  const styles = `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val=".VnTime"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs></styleSheet>`;
  const note = o.noteAt ?? 'B2';
  return zipSync({
    '[Content_Types].xml': strToU8(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default Extension="png" ContentType="image/png"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/><Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/><sheet name="Tổng" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'Phụ lục'!$A$1:$C$6</definedName><definedName name="Vung">'Phụ lục'!$A$5</definedName></definedNames></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="${REL}/calcChain" Target="calcChain.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheet1),
    'xl/worksheets/sheet2.xml': strToU8(sheet2),
    'xl/worksheets/_rels/sheet1.xml.rels': strToU8(
      `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${REL}/comments" Target="../comments1.xml"/><Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`,
    ),
    'xl/comments1.xml': strToU8(
      `<comments xmlns="${MAIN}"><authors><author>Cán bộ</author></authors><commentList><comment ref="${note}" authorId="0"><text><t>Đã thống nhất</t></text></comment></commentList></comments>`,
    ),
    'xl/drawings/vmlDrawing1.vml': strToU8(
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"/><v:shape id="_x0000_s1025" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Anchor>2, 15, 0, 10, 4, 15, 5, 4</x:Anchor><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>`,
    ),
    'xl/calcChain.xml': strToU8(
      `<calcChain xmlns="${MAIN}"><c r="C6" i="1"/><c r="D2"/><c r="D3"/><c r="D4"/><c r="D5"/><c r="D6"/><c r="A1" i="2"/></calcChain>`,
    ),
    'xl/styles.xml': strToU8(styles),
    'xl/media/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5, 6, 7, 8]),
  });
}

const text = (bytes: Uint8Array, part: string) => strFromU8(unzipSync(bytes)[part]!);

describe('deleting a row in place', () => {
  const out = (() => {
    const wb = WorkbookEditor.open(workbook());
    wb.deleteRow('Phụ lục', 5);
    return wb.toBytes();
  })();
  const s1 = text(out, 'xl/worksheets/sheet1.xml');

  it('moves the rows below up, with their cells, formulas (a shared one written out per cell) and heights', () => {
    expect(s1).not.toContain('dòng lặp');
    expect(s1).toContain(
      '<row r="5"><c r="A5"><v>4</v></c><c r="B5" t="inlineStr"><is><t>Việc bốn</t></is></c><c r="C5"><f>SUM(A2:A4)</f><v>6</v></c><c r="D5"><f>A5*2</f><v>8</v></c></row>',
    );
    expect(s1).toContain('<c r="D2"><f>A2*2</f>');
    expect(s1).toContain('<c r="D3"><f>A3*2</f>');
    expect(s1).not.toContain('r="6"');
  });

  it('moves merges, formats, validations, links, filter, page breaks, selection and dimension', () => {
    expect(s1).toContain('<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="A3:A4"/></mergeCells>');
    expect(s1).toContain(
      '<conditionalFormatting sqref="A2:A5"><cfRule type="expression" dxfId="0" priority="1"><formula>A2&gt;0</formula>',
    );
    expect(s1).not.toContain('sqref="C5"><cfRule');
    expect(s1).toContain('<dataValidation type="list" sqref="B2:B5"><formula1>$D$2:$D$5</formula1>');
    expect(s1).toContain('<hyperlinks><hyperlink ref="C5" location="\'Tổng\'!A1"/></hyperlinks>');
    expect(s1).toContain('<autoFilter ref="A1:C5"/>');
    expect(s1).toContain('<brk id="4" max="16383" man="1"/>');
    expect(s1).toContain('<selection activeCell="B5" sqref="B5"/>');
    expect(s1).toContain('<dimension ref="A1:D5"/>');
  });

  it('moves what other parts point at: formulas and validations of other sheets, names, the calculation chain', () => {
    expect(text(out, 'xl/worksheets/sheet2.xml')).toContain("<f>'Phụ lục'!A5+SUM('Phụ lục'!A2:A5)</f>");
    expect(text(out, 'xl/worksheets/sheet2.xml')).toContain("<formula1>'Phụ lục'!$D$2:$D$5</formula1>");
    const wb = text(out, 'xl/workbook.xml');
    expect(wb).toContain("'Phụ lục'!$A$1:$C$5</definedName>");
    expect(wb).toContain('<definedName name="Vung">#REF!</definedName>');
    expect(text(out, 'xl/calcChain.xml')).toBe(
      `<calcChain xmlns="${MAIN}"><c r="C5" i="1"/><c r="D2" i="1"/><c r="D3" i="1"/><c r="D4" i="1"/><c r="D5" i="1"/><c r="A1" i="2"/></calcChain>`,
    );
  });

  it('copies every part it did not change byte for byte, compressed as it was', () => {
    const before = listEntries(workbook());
    const after = listEntries(out);
    expect(after.map((e) => e.name)).toEqual(before.map((e) => e.name));
    const original = workbook();
    // (The note's box in the VML drawing reaches below the row: it is one row shorter, and rewritten.)
    expect(text(out, 'xl/drawings/vmlDrawing1.vml')).toContain('<x:Anchor>2, 15, 0, 10, 4, 15, 4, 4</x:Anchor><x:Row>1</x:Row>');
    for (const name of ['xl/media/logo.png', 'xl/comments1.xml', 'xl/styles.xml']) {
      const a = before.find((e) => e.name === name)!;
      const b = after.find((e) => e.name === name)!;
      expect(out.subarray(b.dataOffset, b.dataOffset + b.compressedSize), name).toEqual(
        original.subarray(a.dataOffset, a.dataOffset + a.compressedSize),
      );
    }
  });

  it('reads back with the fast reader and with exceljs', async () => {
    const fast = (await readWorkbook(out)).sheets[0]!;
    expect(fast.rows.map((r) => r[1]?.v)).toEqual(['Nội dung', 'Việc một', 'Việc hai', 'Việc ba', 'Việc bốn']);
    expect((await readWorkbookWithExceljs(out)).sheets[0]!.rows[4]![1]!.v).toBe('Việc bốn');
  });
});

describe('refused, by name, before anything changes', () => {
  const refusal = (bytes: Uint8Array, row: number) => {
    const wb = WorkbookEditor.open(bytes);
    try {
      wb.deleteRow('Phụ lục', row);
    } catch (err) {
      if (err instanceof CopyRefusedError) return err;
      throw err;
    }
    return null;
  };

  it('a note on the row would be lost', () => {
    const err = refusal(workbook({ noteAt: 'B5' }), 5)!;
    expect(err.message).toBe(
      'Không xóa được dòng 5 của trang “Phụ lục” mà không làm mất hoặc hỏng dữ liệu: ô B5 có ghi chú, sẽ mất. Hãy xử lý chỗ đó bằng Excel rồi chạy lại.',
    );
    expect(err.messageEn).toMatch(/cell B5 has a note that would be lost/);
  });

  it('an array formula across the row would break', () => {
    expect(refusal(workbook({ array: true }), 5)!.message).toMatch(/công thức mảng E4:E5 đi qua dòng này/);
  });
});

describe('fonts, fills and notes in formats and parts of their own', () => {
  it('a new font for one cell leaves the cells that shared its format alone, and drops the theme scheme', () => {
    const wb = WorkbookEditor.open(workbook());
    wb.setCell('Phụ lục', 'B2', 'Việc một (Unicode)', 'Times New Roman');
    const out = wb.toBytes();
    const styles = text(out, 'xl/styles.xml');
    expect(styles).toContain(
      '<fonts count="2"><font><sz val="11"/><name val=".VnTime"/><scheme val="minor"/></font><font><sz val="11"/><name val="Times New Roman"/></font></fonts>',
    );
    expect(styles).toContain('<cellXfs count="3">');
    const s1 = text(out, 'xl/worksheets/sheet1.xml');
    expect(s1).toContain('<c r="B2" s="2" t="inlineStr"><is><t>Việc một (Unicode)</t></is></c>');
    expect(s1).toContain('<c r="C5" s="1"/>');
  });

  it("a note joins the sheet's comments (a note already there keeps its text) with a shape in its VML", () => {
    const wb = WorkbookEditor.open(workbook());
    wb.fillCell('Phụ lục', 'C3', 'FFC7CE');
    wb.addNote('Phụ lục', 'C3', '[lead-missing] Thiếu cơ quan chủ trì');
    wb.addNote('Phụ lục', 'B2', '[agency-variant] Tên cơ quan viết khác');
    const out = wb.toBytes();
    const comments = text(out, 'xl/comments1.xml');
    expect(comments).toContain('<author>Cán bộ</author><author>phuluc</author>');
    expect(comments).toMatch(
      /<comment ref="B2" authorId="0"><text><t>Đã thống nhất<\/t><r>.*\n\n\[agency-variant\] Tên cơ quan viết khác<\/t><\/r><\/text><\/comment>/s,
    );
    expect(comments).toContain('<comment ref="C3" authorId="1">');
    expect(text(out, 'xl/drawings/vmlDrawing1.vml')).toContain('<x:Row>2</x:Row><x:Column>2</x:Column>');
    expect(text(out, 'xl/worksheets/sheet1.xml')).toContain('<c r="C3" s="2"/>');
    expect(text(out, 'xl/styles.xml')).toContain('<fgColor rgb="FFFFC7CE"/>');
  });

  it('a sheet without comments gets a comments part, a VML drawing and its legacyDrawing', () => {
    const wb = WorkbookEditor.open(workbook());
    wb.addNote('Tổng', 'A1', 'Ghi chú');
    const out = wb.toBytes();
    const parts = unzipSync(out);
    expect(Object.keys(parts)).toEqual(
      expect.arrayContaining(['xl/comments2.xml', 'xl/drawings/vmlDrawing2.vml', 'xl/worksheets/_rels/sheet2.xml.rels']),
    );
    expect(strFromU8(parts['xl/worksheets/sheet2.xml']!)).toMatch(/<\/dataValidations><legacyDrawing r:id="rId2"\/><\/worksheet>$/);
    expect(strFromU8(parts['[Content_Types].xml']!)).toContain('<Override PartName="/xl/comments2.xml"');
  });
});

describe('a sheet added first, and rows made tall enough', () => {
  it('goes first and opens: sheet-scoped names move one place, other tabs are unselected, its own names are added', () => {
    const base = unzipSync(workbook());
    // A workbook that declares r: on each <sheet> and has an empty <definedNames/>, as one real generator writes it.
    base['xl/workbook.xml'] = strToU8(
      `<workbook xmlns="${MAIN}"><bookViews><workbookView activeTab="1"/></bookViews><sheets><sheet xmlns:r="${REL}" name="Phụ lục" sheetId="1" r:id="rId1"/><sheet xmlns:r="${REL}" name="Tổng" sheetId="2" r:id="rId2"/></sheets><definedNames/></workbook>`,
    );
    base['xl/worksheets/sheet2.xml'] = strToU8(
      strFromU8(base['xl/worksheets/sheet2.xml']!).replace(
        '<sheetData>',
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetData>',
      ),
    );
    const wb = WorkbookEditor.open(zipSync(base));
    wb.addSheet('Kết quả', `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`, {
      first: true,
      names: (i, p) => [`<${p}definedName name="_xlnm.Print_Titles" localSheetId="${i}">'Kết quả'!$9:$9</${p}definedName>`],
    });
    const parts = unzipSync(wb.toBytes());
    const xml = strFromU8(parts['xl/workbook.xml']!);
    expect(/^<workbook [^>]*>/.exec(xml)![0]).toContain(`xmlns:r="${REL}"`);
    expect(xml).toContain('<workbookView activeTab="0" firstSheet="0"/>');
    expect(xml).toMatch(/<sheets><sheet name="Kết quả" sheetId="3" r:id="rId\d+"\/><sheet xmlns:r/);
    expect(xml).toContain(
      `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'Kết quả'!$9:$9</definedName></definedNames>`,
    );
    expect(strFromU8(parts['xl/worksheets/sheet2.xml']!)).toContain('<sheetView workbookViewId="0"/>');

    // With a sheet-scoped name already there, it moves to the sheet's new place.
    const named = WorkbookEditor.open(workbook());
    named.addSheet('Kết quả', `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`, { first: true });
    expect(strFromU8(unzipSync(named.toBytes())['xl/workbook.xml']!)).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="1">`);
  });

  it('a row whose text no longer fits its height grows; one that fits keeps its height', () => {
    const base = unzipSync(workbook());
    // Column B 40 wide; B3 wraps (format 2), B5's format does not.
    base['xl/worksheets/sheet1.xml'] = strToU8(
      strFromU8(base['xl/worksheets/sheet1.xml']!).replace(
        '<sheetData>',
        '<cols><col min="2" max="2" width="40" customWidth="1"/></cols><sheetData>',
      ),
    );
    base['xl/styles.xml'] = strToU8(
      strFromU8(base['xl/styles.xml']!)
        .replace('<cellXfs count="2">', '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>')
        .replace(
          '</cellXfs>',
          '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1"/></xf></cellXfs>',
        )
        .replace('<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', '<cellXfs count="3">'),
    );
    const long = 'Việc hai, nối với phần tiếp theo bị tách trang khi dán từ tệp PDF sang Excel'.repeat(3);
    const wb = WorkbookEditor.open(zipSync(base));
    wb.setCell('Phụ lục', 'B3', long);
    wb.fitRowHeight('Phụ lục', 3);
    wb.setCell('Phụ lục', 'B6', long);
    wb.fitRowHeight('Phụ lục', 6);
    wb.fitRowHeight('Phụ lục', 5);
    const sheet = unzipSync(wb.toBytes())['xl/worksheets/sheet1.xml']!;
    let xml = strFromU8(sheet);
    expect(xml).toContain('<row r="5" ht="30" customHeight="1">');
    expect(xml).toMatch(/<row r="6">/);
    expect(xml).toMatch(/<row r="3">/);
    // Now B3 wraps: its row grows to the lines the text takes at 11 pt in 40 characters.
    const again = WorkbookEditor.open(zipSync({ ...base, 'xl/worksheets/sheet1.xml': sheet }));
    again.sheet('Phụ lục')!.setStyle('B3', 2);
    again.fitRowHeight('Phụ lục', 3);
    xml = strFromU8(unzipSync(again.toBytes())['xl/worksheets/sheet1.xml']!);
    const ht = Number(/<row r="3" ht="([\d.]+)" customHeight="1">/.exec(xml)![1]);
    expect(ht).toBeGreaterThanOrEqual(5 * 11 * 1.15);
    expect(ht).toBeLessThanOrEqual(8 * 11 * 1.2 + 4);
  });
});
