// Hostile workbooks built from a real fixture: absurd sizes, unclosed tags, deep nesting, bombs. Each is small on disk.
import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { fixture } from '../../support/paths.ts';

export interface HostileCase {
  name: string;
  /** 'plan' when the file must be read, a WorkbookReadError code when it must be refused with that code. */
  expect: string;
  /**
   * Also open it for editing in place (phuluc fix, check --format xlsx: every worksheet parsed, a copy written): 'ok'
   * or the refusal code. The editor expands nothing (merges stay ranges), so what the readers refuse for size it opens.
   */
  edit?: string;
  /** Needs hundreds of MB: run in a child of its own, so that peaks do not add up. */
  heavy?: boolean;
  build(): Uint8Array;
}

const SHEET = 'xl/worksheets/sheet1.xml';

function parts(): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(fixture('cam-giang-phu-luc.xlsx'))));
}

/** The fixture with its first sheet's XML rewritten (and other parts added or replaced). */
function withSheet(edit: (xml: string) => string, extra: Zippable = {}): Uint8Array {
  const p = parts();
  const xml = new TextDecoder().decode(p[SHEET]);
  const out = edit(xml);
  if (out === xml) throw new Error('the edit changed nothing: the fixture no longer has what this case expects');
  return zipSync({ ...p, [SHEET]: strToU8(out), ...extra });
}

const beforeData = (s: string) => (xml: string) => xml.replace('</sheetData>', `${s}</sheetData>`);
const atDataStart = (s: string) => (xml: string) => xml.replace('<sheetData>', `<sheetData>${s}`);
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const rowOf = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;

/**
 * The cases, cheapest first. Sizes are chosen so that a quadratic scan would take minutes and a dense copy gigabytes.
 * @example for (const c of HOSTILE) console.log(c.name, (await readAll(c.build())).kind)
 */
export const HOSTILE: HostileCase[] = [
  {
    name: 'dimension ref A1:XFD1048576',
    expect: 'plan',
    edit: 'ok',
    build: () => withSheet((x) => x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')),
  },
  {
    name: 'a value at XFD1048576',
    expect: 'too-large',
    edit: 'ok',
    build: () => withSheet(beforeData(rowOf(1_048_576, inline('XFD1048576', 'x')))),
  },
  {
    name: 'two far corners, A199999 and SF1 (a dense copy: 100 million cells)',
    expect: 'too-large',
    build: () =>
      withSheet((x) => beforeData(rowOf(199_999, inline('A199999', 'x')))(x).replace('<c r="A1"', `${inline('SF1', 'y')}<c r="A1"`)),
  },
  {
    name: 'one merge over the whole sheet',
    expect: 'plan',
    edit: 'ok',
    build: () => withSheet((x) => x.replace(/<mergeCells[^>]*>/, '$&<mergeCell ref="A1:XFD1048576"/>')),
  },
  {
    name: '60 000 overlapping merges',
    expect: 'too-large',
    edit: 'ok',
    build: () => withSheet((x) => x.replace(/<mergeCells[^>]*>/, `$&${'<mergeCell ref="A1:E40"/>'.repeat(60_000)}`)),
  },
  { name: '300 000 unclosed <row>', expect: 'plan', build: () => withSheet(beforeData('<row r="9">'.repeat(300_000))) },
  { name: '300 000 start tags without ">"', expect: 'plan', build: () => withSheet(atDataStart('<row r="1" '.repeat(300_000))) },
  {
    name: '300 000 unclosed <c> in one row',
    expect: 'plan',
    build: () => withSheet(beforeData(rowOf(60, '<c r="A60" t="inlineStr">'.repeat(300_000)))),
  },
  {
    name: '300 000 unclosed <v> in one cell',
    expect: 'plan',
    build: () => withSheet(beforeData(rowOf(60, `<c r="A60">${'<v>'.repeat(300_000)}</c>`))),
  },
  {
    name: '300 000 unclosed <mergeCell',
    expect: 'plan',
    edit: 'ok',
    build: () => withSheet((x) => x.replace(/<mergeCells[^>]*>/, `$&${'<mergeCell ref="A1:B1" '.repeat(300_000)}`)),
  },
  {
    name: '2 million "&" and no ";" in one cell (past 32 767 characters once decoded)',
    expect: 'cell-too-long',
    build: () => withSheet(beforeData(rowOf(60, inline('B60', '&amp'.repeat(500_000))))),
  },
  {
    name: 'inline string nested 200 000 runs deep',
    expect: 'plan',
    build: () =>
      withSheet(beforeData(rowOf(60, `<c r="B60" t="inlineStr"><is>${'<r>'.repeat(200_000)}<t>x</t>${'</r>'.repeat(200_000)}</is></c>`))),
  },
  {
    name: 'shared strings declaring 4 294 967 295 entries, with 200 000 and 300 000 unclosed <si>',
    expect: 'plan',
    build: () =>
      withSheet(beforeData(rowOf(60, '<c r="B60" t="s"><v>199999</v></c><c r="C60" t="s"><v>4294967294</v></c>')), {
        'xl/sharedStrings.xml': strToU8(
          `<sst count="4294967295" uniqueCount="4294967295">${'<si><t>x</t></si>'.repeat(200_000)}${'<si>'.repeat(300_000)}</sst>`,
        ),
      }),
  },
  {
    name: 'styles with 300 000 unclosed <fonts> and <font>',
    expect: 'plan',
    build: () =>
      zipSync({ ...parts(), 'xl/styles.xml': strToU8(`<styleSheet>${'<fonts>'.repeat(300_000)}${'<font>'.repeat(300_000)}</styleSheet>`) }),
  },
  {
    name: 'one cell of 4 MB of Vietnamese text (Excel holds 32 767 characters a cell)',
    expect: 'cell-too-long',
    build: () => withSheet(beforeData(rowOf(60, inline('B60', 'Ủy ban nhân dân xã triển khai chuyển đổi số '.repeat(100_000))))),
  },
  {
    name: '1 000 000 empty rows',
    expect: 'plan',
    heavy: true,
    build: () => withSheet(beforeData(Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 100}"/>`).join(''))),
  },
  // Rows 50–4 999 × 200 columns: just under the 1 000 000-cell area (workbook/xlsx/fast/read-fast.ts MAX_AREA).
  {
    name: 'about the largest sheet the limits allow: 4 950 rows × 200 columns of values',
    expect: 'plan',
    heavy: true,
    build: () =>
      withSheet(
        beforeData(
          Array.from({ length: 4950 }, (_, i) =>
            rowOf(i + 50, Array.from({ length: 200 }, (_, j) => `<c r="${colName(j + 1)}${i + 50}"><v>${j}</v></c>`).join('')),
          ).join(''),
        ),
      ),
  },
  {
    name: 'zip bomb inside the size limits: a 75 MB sheet at about 1 000 : 1',
    expect: 'zip-bomb',
    heavy: true,
    build: () => withSheet((x) => x.replace('<sheetData>', `<sheetData>${' '.repeat(75 * 1024 * 1024)}`)),
  },
  {
    name: 'a 173 KB file that inflates to 158 MB (two parts of 79 MB, each under the part limit)',
    expect: 'zip-bomb',
    heavy: true,
    build: () => {
      const pad = ' '.repeat(79 * 1024 * 1024);
      return withSheet((x) => x.replace('<sheetData>', `${pad}<sheetData>`), { 'xl/media/padding.xml': strToU8(`<x>${pad}</x>`) });
    },
  },
  {
    name: 'an 11 KB file with 400 <sheet> entries pointing at one 8 MB part',
    expect: 'shared-sheet-part',
    edit: 'shared-sheet-part',
    build: () => {
      const sheets = Array.from({ length: 400 }, (_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
      const rels = Array.from(
        { length: 400 },
        (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`,
      ).join('');
      return minimal({
        sheets,
        rels,
        sheet: `<worksheet xmlns="${MAIN}"><sheetData>${' '.repeat(8 * 1024 * 1024)}<row r="1">${inline('A1', 'TT')}</row></sheetData></worksheet>`,
      });
    },
  },
  {
    name: '251 sheets, one part each (past the cap on sheets)',
    expect: 'too-many-sheets',
    edit: 'too-many-sheets',
    build: () => {
      const n = 251;
      const sheets = Array.from({ length: n }, (_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
      const rels = Array.from(
        { length: n },
        (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      ).join('');
      const extra: Zippable = {};
      for (let i = 2; i <= n; i++) extra[`xl/worksheets/sheet${i}.xml`] = strToU8(`<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`);
      return minimal({ sheets, rels, sheet: `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`, extra });
    },
  },
  {
    name: 'a 3 KB file whose 270 cells share one 256 KB shared string',
    expect: 'cell-too-long',
    // The editor reads the sheet's values (to check each fix against them) as the reader does, and refuses the same.
    edit: 'cell-too-long',
    build: () => {
      const rows = Array.from({ length: 27 }, (_, r) =>
        rowOf(r + 1, Array.from({ length: 10 }, (_, c) => `<c r="${colName(c + 1)}${r + 1}" t="s"><v>0</v></c>`).join('')),
      ).join('');
      return minimal({
        sheet: `<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`,
        sst: `<sst xmlns="${MAIN}" count="270" uniqueCount="1"><si><t>${'Nội dung nhiệm vụ '.repeat((256 * 1024) / 18)}</t></si></sst>`,
      });
    },
  },
  {
    name: 'entity names that an object lookup would find on Object.prototype (&constructor; &__proto__; &toString;)',
    expect: 'plan',
    // Read as the literal text, by the reader and by the editor.
    edit: 'ok',
    build: () => withSheet(beforeData(rowOf(60, inline('B60', '&constructor; &__proto__; &toString; &hasOwnProperty; &valueOf;')))),
  },
  {
    name: 'zip bomb past the limits: a part declaring 2 GB',
    expect: 'zip-bomb',
    edit: 'zip-bomb',
    build: () => declaredSize(zipSync({ ...parts(), 'xl/media/x.bin': new Uint8Array(1024) }), 'xl/media/x.bin', 2 ** 31),
  },
];

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook written from scratch, a few KB: one sheet unless `sheets` and `rels` say otherwise. */
function minimal(o: { sheet: string; sheets?: string; rels?: string; sst?: string; extra?: Zippable }): Uint8Array {
  const ct = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
  const sheets = o.sheets ?? '<sheet name="Phụ lục" sheetId="1" r:id="rId1"/>';
  const rels =
    (o.rels ?? `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`) +
    (o.sst ? `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '');
  return zipSync(
    {
      '[Content_Types].xml': strToU8(ct),
      '_rels/.rels': strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      'xl/workbook.xml': strToU8(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
      ),
      'xl/worksheets/sheet1.xml': strToU8(o.sheet),
      ...(o.sst ? { 'xl/sharedStrings.xml': strToU8(o.sst) } : {}),
      ...(o.extra ?? {}),
    },
    { level: 9 },
  );
}

function colName(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Rewrite the uncompressed size a zip's central directory declares for one entry. */
function declaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 46 < zip.length; i++) {
    if (dv.getUint32(i, true) === 0x02014b50 && new TextDecoder().decode(zip.subarray(i + 46, i + 46 + name.length)) === name)
      dv.setUint32(i + 24, size, true);
  }
  return zip;
}

/**
 * A sheet that takes seconds to read, for the read time limit, in little memory: 64 tasks of 1,000 words that share
 * nine in ten of their word pairs, their differences spread from end to end, so each of the 2,016 pairs is a near
 * duplicate to align word by word (about a million cells each) before it is told apart.
 */
export function slowToRead(): Uint8Array {
  let seed = 11;
  const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 8;
  const base = Array.from({ length: 1000 }, (_, k) => `tu${k.toString(36)}`);
  const rows = Array.from({ length: 64 }, (_, i) => {
    const words = base.slice();
    // 30 words replaced, one in each stretch of 33, the first near the start and the last near the end.
    for (let k = 0; k < 30; k++) words[k * 33 + (rand() % 33)] = `khac${i}x${k}`;
    return rowOf(i + 50, `${inline(`A${i + 50}`, String(i + 1))}${inline(`B${i + 50}`, words.join(' '))}`);
  });
  return withSheet(beforeData(rows.join('')));
}
