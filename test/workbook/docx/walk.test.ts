// The walk of word/document.xml on small hand-written bodies: what text reaches a cell, and how tables lay out.
import { describe, expect, it } from 'vitest';
import { walkDocument, type DocBlock } from '../../../workbook/docx/index.ts';
import { parseNumbering } from '../../../workbook/docx/numbering.ts';
import { parseStyles } from '../../../workbook/docx/styles.ts';
import { placeTable } from '../../../workbook/docx/to-grid.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const doc = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}</w:body></w:document>`;
const r = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
const texts = (blocks: DocBlock[]) => blocks.map((b) => (b.kind === 'p' ? b.text : 'table'));

describe('text of a paragraph', () => {
  it.each([
    ['runs joined, a word split across runs kept whole', p(r('Chủ t'), r('rì')), 'Chủ trì'],
    ['a line break is a line break, never glued', p(r('Chủ trì'), '<w:r><w:br/></w:r>', r('thực hiện')), 'Chủ trì\nthực hiện'],
    ['a carriage return element too', p('<w:r><w:t>a</w:t><w:cr/><w:t>b</w:t></w:r>'), 'a\nb'],
    [
      'a tab is a space; tab stops in the paragraph properties are not text',
      `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${r('1.')}<w:r><w:tab/></w:r>${r('Việc')}</w:p>`,
      '1. Việc',
    ],
    ['a non-breaking hyphen is a hyphen', p('<w:r><w:t>VH</w:t><w:noBreakHyphen/><w:t>XH</w:t></w:r>'), 'VH-XH'],
    ['a soft hyphen in a Unicode font is invisible', p('<w:r><w:t>Thường</w:t><w:softHyphen/><w:t>xuyên</w:t></w:r>'), 'Thườngxuyên'],
    [
      'a soft hyphen in a TCVN3 font is "ư"',
      p('<w:r><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr><w:t>®</w:t><w:softHyphen/><w:t>îc</w:t></w:r>'),
      '®\u00adîc',
    ],
    [
      'bookmarks, proofing marks, rendered page breaks are not text',
      p(
        '<w:bookmarkStart w:id="0" w:name="_GoBack"/>',
        '<w:proofErr w:type="spellStart"/>',
        '<w:r><w:lastRenderedPageBreak/><w:t>Công an xã</w:t></w:r>',
        '<w:proofErr w:type="spellEnd"/>',
        '<w:bookmarkEnd w:id="0"/>',
      ),
      'Công an xã',
    ],
    [
      'comments: only anchors in the body, no text',
      p('<w:commentRangeStart w:id="1"/>', r('Hàng năm'), '<w:commentRangeEnd w:id="1"/>', '<w:r><w:commentReference w:id="1"/></w:r>'),
      'Hàng năm',
    ],
    [
      'a tracked insertion is kept, a deletion dropped',
      p(
        r('Quý '),
        '<w:del w:id="1" w:author="A"><w:r><w:delText>III</w:delText></w:r></w:del>',
        '<w:ins w:id="2" w:author="A">' + r('IV') + '</w:ins>',
        r('/2025'),
      ),
      'Quý IV/2025',
    ],
    [
      'a move: the text where it went, not where it was',
      p(
        '<w:moveFrom w:id="1" w:author="A">' + r('cũ ') + '</w:moveFrom>',
        r('Năm 2026'),
        '<w:moveTo w:id="2" w:author="A">' + r(' (mới)') + '</w:moveTo>',
      ),
      'Năm 2026 (mới)',
    ],
    [
      'a field: its result, never its code',
      p(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText> DOCPROPERTY Han </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        r('31/12/2025'),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
      ),
      '31/12/2025',
    ],
    [
      "a field inside a field's code is code too",
      p(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText>IF </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText>PAGE</w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        r('3'),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        r('kết quả'),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
      ),
      'kết quả',
    ],
    ['a simple field: its result', p('<w:fldSimple w:instr=" PAGE ">' + r('5') + '</w:fldSimple>'), '5'],
    [
      'hidden text is dropped; vanish turned off is not hidden',
      p(r('Việc'), r(' (ẩn)', '<w:vanish/>'), r(' một', '<w:vanish w:val="0"/>')),
      'Việc một',
    ],
    [
      'a text box is drawn over the page, not in it',
      p(
        r('Trước'),
        '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r><w:t>HỘP</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>',
        r(' sau'),
      ),
      'Trước sau',
    ],
    [
      'the fallback copy of a drawing is not read twice',
      p(
        r('A'),
        '<mc:AlternateContent><mc:Choice Requires="wps"></mc:Choice><mc:Fallback><w:r><w:t>B</w:t></w:r></mc:Fallback></mc:AlternateContent>',
      ),
      'A',
    ],
    [
      'content controls, hyperlinks and smart tags are transparent',
      p(
        '<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>' + r('Công ') + '</w:sdtContent></w:sdt>',
        '<w:hyperlink r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
          r('an') +
          '</w:hyperlink>',
        '<w:smartTag w:uri="u" w:element="e">' + r(' xã') + '</w:smartTag>',
      ),
      'Công an xã',
    ],
  ])('%s', (_, body, text) => {
    expect(walkDocument(doc(body))).toEqual([{ kind: 'p', text, fonts: expect.any(Array) }]);
  });
});

describe('fonts of runs', () => {
  const styles = parseStyles(
    `<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr></w:rPrDefault></w:docDefaults>` +
      `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Cu"><w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="CuDam"><w:basedOn w:val="Cu"/></w:style>` +
      `<w:style w:type="character" w:styleId="Hoa"><w:rPr><w:rFonts w:ascii=".VnTimeH"/></w:rPr></w:style></w:styles>`,
  );
  it.each([
    ["the run's own font", p(r('a', '<w:rFonts w:ascii="VNI-Times"/>')), ['VNI-Times']],
    ['hAnsi when ascii is not named', p(r('a', '<w:rFonts w:hAnsi=".VnArial"/>')), ['.VnArial']],
    ["the character style's", p(r('a', '<w:rStyle w:val="Hoa"/>')), ['.VnTimeH']],
    ["the paragraph style's, through basedOn", '<w:p><w:pPr><w:pStyle w:val="CuDam"/></w:pPr>' + r('a') + '</w:p>', ['.VnTime']],
    ['the default paragraph style, then the document defaults', p(r('a')), ['Times New Roman']],
    [
      "the old formatting of a tracked change is not the run's",
      p(
        r(
          'A',
          '<w:rFonts w:ascii="Times New Roman"/><w:rPrChange w:id="1" w:author="A"><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr></w:rPrChange>',
        ),
      ),
      ['Times New Roman'],
    ],
    ['runs of spaces only have no say', p(r('a', '<w:rFonts w:ascii=".VnTime"/>'), r(' ')), ['.VnTime']],
  ])('%s', (_, body, fonts) => {
    expect(walkDocument(doc(body), styles)).toEqual([{ kind: 'p', text: expect.any(String), fonts }]);
  });
});

const tc = (text: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${p(r(text))}</w:tc>`;
const tr = (cells: string, trPr = '') => `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}${cells}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join('')}</w:tbl>`;

describe('tables', () => {
  it('a two-row header: merges down (vMerge) and across (gridSpan), rows marked to repeat, a group row merged across', () => {
    const blocks = walkDocument(
      doc(
        tbl(
          tr(
            tc('TT', '<w:vMerge w:val="restart"/>') +
              tc('Cơ quan thực hiện', '<w:gridSpan w:val="2"/>') +
              tc('Thời gian', '<w:vMerge w:val="restart"/>'),
            '<w:tblHeader/>',
          ),
          tr(tc('', '<w:vMerge/>') + tc('Chủ trì') + tc('Phối hợp') + tc('', '<w:vMerge/>'), '<w:tblHeader w:val="true"/>'),
          tr(tc('I') + tc('NHÓM', '<w:gridSpan w:val="3"/>')),
          tr(tc('1') + tc('Công an xã') + tc('Các thôn') + tc('Năm 2026')),
        ),
      ),
    );
    const t = blocks[0]!;
    if (t.kind !== 'tbl') throw new Error('not a table');
    expect(placeTable(t, 3)).toEqual({
      rows: [
        [{ v: 'TT' }, { v: 'Cơ quan thực hiện' }, null, { v: 'Thời gian' }],
        [null, { v: 'Chủ trì' }, { v: 'Phối hợp' }],
        [{ v: 'I' }, { v: 'NHÓM' }],
        [{ v: '1' }, { v: 'Công an xã' }, { v: 'Các thôn' }, { v: 'Năm 2026' }],
      ],
      merges: [
        { top: 3, left: 1, bottom: 4, right: 1 },
        { top: 3, left: 2, bottom: 3, right: 3 },
        { top: 3, left: 4, bottom: 4, right: 4 },
        { top: 5, left: 2, bottom: 5, right: 4 },
      ],
      width: 4,
      headerRows: [1, 2],
    });
  });

  it('a task whose TT and text span two rows, each with its own deadline; cells skipped by gridBefore', () => {
    const [t] = walkDocument(
      doc(
        tbl(
          tr(tc('1', '<w:vMerge w:val="restart"/>') + tc('Việc', '<w:vMerge w:val="restart"/>') + tc('Quý I')),
          tr(tc('', '<w:vMerge w:val="continue"/>') + tc('', '<w:vMerge/>') + tc('Quý III')),
          tr(tc('x'), '<w:gridBefore w:val="2"/>'),
        ),
      ),
    );
    expect(placeTable(t as never, 1)).toEqual({
      rows: [
        [{ v: '1' }, { v: 'Việc' }, { v: 'Quý I' }],
        [null, null, { v: 'Quý III' }],
        [null, null, { v: 'x' }],
      ],
      merges: [
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 1, left: 2, bottom: 2, right: 2 },
      ],
      width: 3,
      headerRows: [],
    });
  });

  it('Word 2003 merges across (hMerge): one cell per grid column, joined as gridSpan is, also with a merge down', () => {
    const [t] = walkDocument(
      doc(
        tbl(
          tr(
            tc('Cơ quan', '<w:hMerge w:val="restart"/><w:vMerge w:val="restart"/>') +
              tc('ẩn', '<w:hMerge/><w:vMerge w:val="restart"/>') +
              tc('Thời gian'),
          ),
          tr(tc('', '<w:hMerge w:val="restart"/><w:vMerge/>') + tc('', '<w:hMerge w:val="continue"/><w:vMerge/>') + tc('Quý I')),
          tr(tc('lẻ', '<w:hMerge/>') + tc('Công an xã') + tc('Quý II')),
        ),
      ),
    );
    // A cell continuing the merge hides its text ("ẩn"); one first in its row continues nothing and stands alone.
    expect(placeTable(t as never, 1)).toEqual({
      rows: [
        [{ v: 'Cơ quan' }, null, { v: 'Thời gian' }],
        [null, null, { v: 'Quý I' }],
        [{ v: 'lẻ' }, { v: 'Công an xã' }, { v: 'Quý II' }],
      ],
      merges: [{ top: 1, left: 1, bottom: 2, right: 2 }],
      width: 3,
      headerRows: [],
    });
  });

  it('several paragraphs of a cell are lines of one cell', () => {
    const [t] = walkDocument(doc(tbl(tr(`<w:tc>${p(r('Thời gian'))}${p(r('hoàn thành'))}<w:p/></w:tc>`))));
    expect(placeTable(t as never, 1).rows).toEqual([[{ v: 'Thời gian\nhoàn thành' }]]);
  });

  it('a nested table: marked, its text kept in the outer cell, paragraphs and tables in document order', () => {
    const blocks = walkDocument(
      doc(p(r('Trước')) + tbl(tr(`<w:tc>${p(r('UBND'))}${tbl(tr(tc('Số: 03')))}<w:p/></w:tc>` + tc('CỘNG HÒA'))) + p(r('Sau'))),
    );
    expect(texts(blocks)).toEqual(['Trước', 'table', 'Sau']);
    const t = blocks[1]!;
    expect(t.kind === 'tbl' && t.nested).toBe(true);
    expect(placeTable(t as never, 1).rows).toEqual([[{ v: 'UBND\nSố: 03' }, { v: 'CỘNG HÒA' }]]);
  });

  it('cells share a legacy font or have none', () => {
    const [t] = walkDocument(
      doc(
        tbl(
          tr(
            `<w:tc>${p(r('hoµn', '<w:rFonts w:ascii=".VnTimeH"/>'), r(' thiÖn', '<w:rFonts w:ascii=".VnTime"/>'))}</w:tc>` +
              `<w:tc>${p(r('Việc', '<w:rFonts w:ascii="Arial"/>'), r(' một', '<w:rFonts w:ascii=".VnTime"/>'))}</w:tc>` +
              `<w:tc>${p(r('Việc', '<w:rFonts w:ascii="Arial"/>'))}</w:tc>`,
          ),
        ),
      ),
    );
    expect(placeTable(t as never, 1).rows).toEqual([
      [{ v: 'hoµn thiÖn', font: '.VnTimeH' }, { v: 'Việc một' }, { v: 'Việc', font: 'Arial' }],
    ]);
  });
});

describe('automatic numbering', () => {
  const numbering = parseNumbering(
    `<w:numbering xmlns:w="${W}">` +
      `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>` +
      `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>` +
      `<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3"/></w:lvl></w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uF0B7"/></w:lvl></w:abstractNum>` +
      `<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num></w:numbering>`,
  );
  const np = (numId: string, ilvl: number, text: string) =>
    `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>${text ? r(text) : ''}</w:p>`;

  it('Word draws the numbers: they are put where typed ones would be, counted in document order, levels restarting', () => {
    const blocks = walkDocument(
      doc(
        np('3', 0, 'NHÓM MỘT') +
          np('3', 1, 'Việc một') +
          np('3', 2, 'Việc con') +
          np('3', 2, 'Việc con nữa') +
          np('3', 1, 'Việc hai') +
          np('4', 0, 'Cơ quan chủ trì: Công an xã') +
          np('3', 0, 'NHÓM HAI') +
          np('3', 1, 'Việc một') +
          np('0', 0, 'numId 0 is no numbering') +
          tbl(tr(`<w:tc>${np('3', 1, '')}</w:tc>` + tc('Việc trong bảng'))),
      ),
      undefined,
      undefined,
      numbering,
    );
    expect(texts(blocks)).toEqual([
      'I. NHÓM MỘT',
      '1. Việc một',
      '1.1 Việc con',
      '1.2 Việc con nữa',
      '2. Việc hai',
      '- Cơ quan chủ trì: Công an xã',
      'II. NHÓM HAI',
      '1. Việc một',
      'numId 0 is no numbering',
      'table',
    ]);
    // A TT cell holding only Word's number reads as that number.
    expect(placeTable(blocks[9] as never, 1).rows).toEqual([[{ v: '2.' }, { v: 'Việc trong bảng' }]]);
  });

  it('a paragraph style that numbers its paragraphs (python-docx\'s "List Number"), unless the paragraph turns it off', () => {
    const styles = parseStyles(
      `<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:styleId="ListNumber"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>` +
        `<w:style w:type="paragraph" w:styleId="ListNumber2"><w:basedOn w:val="ListNumber"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style></w:styles>`,
    );
    const sp = (style: string, text: string, numPr = '') => `<w:p><w:pPr><w:pStyle w:val="${style}"/>${numPr}</w:pPr>${r(text)}</w:p>`;
    const blocks = walkDocument(
      doc(
        sp('ListNumber', 'Nhóm') +
          sp('ListNumber2', 'Việc') +
          sp('ListNumber2', 'Không số', '<w:numPr><w:numId w:val="0"/></w:numPr>') +
          sp('ListNumber2', 'Việc tiếp'),
      ),
      styles,
      undefined,
      parseNumbering(
        `<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
      ),
    );
    expect(texts(blocks)).toEqual(['I. Nhóm', '1) Việc', 'Không số', '2) Việc tiếp']);
  });
});
