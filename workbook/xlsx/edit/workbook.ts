// A workbook edited in place — what `phuluc fix`, `phuluc check --format xlsx` and the web page's copies do to a
// workbook: cell values and fonts, fills, notes, a new sheet, and row deletions carried through every part that
// points at rows (formulas on every sheet, defined names, charts, pivot caches, tables, drawings, comments, the
// calculation chain). What cannot be carried without loss is refused with a CopyRefusedError naming it; every part
// that is not changed is copied byte for byte. Portable: the browser's copies use it too.
import { columnLetter, parseA1 } from '../../../core/model/index.ts';
import type { Grid } from '../../../core/model/index.ts';
import { el } from '../fast/xml.ts';
import { parseSheet } from '../fast/sheet.ts';
import { parseSharedStrings, type SharedStrings } from '../fast/strings.ts';
import { parseStyles, type Styles } from '../fast/styles.ts';
import type { ReadLimits } from '../limits.ts';
import type { RawInflate } from '../zip.ts';
import type { RawDeflate } from '../zip-write.ts';
import { digitPixels, mostLines, rowHeight, type HeightCell } from '../../layout/row-height.ts';
import { appendChild, esc, REL, XlsxPackage } from './package.ts';
import { sameSheet, shiftFormula, shiftRef } from './refs.ts';
import { CopyRefusedError, SheetEditor, shiftFormulaElements } from './sheet.ts';
import { attrOf, setAttrs, StyleBook } from './styles.ts';

export { CopyRefusedError };

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const THREADED = '/threadedComment';
/** Elements that follow legacyDrawing in a worksheet, in the schema's order. */
const AFTER_LEGACY_DRAWING = [
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];
const AFTER_DEFINED_NAMES = [
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];
const SHEET_LIMITS = { maxRow: 1_048_576, maxCol: 16_384, maxCells: 5_000_000 };

/**
 * @example
 * const wb = WorkbookEditor.open(bytes);
 * wb.setCell('Phụ lục I', 'C7', 'Phòng Văn hóa - Xã hội');
 * wb.deleteRow('Phụ lục I', 41);
 * await writeFile('x.da-sua.xlsx', wb.toBytes());
 */
export class WorkbookEditor {
  private readonly editors = new Map<string, SheetEditor>();
  private book: StyleBook | undefined;
  private sst: SharedStrings | undefined;
  private parsedStyles: Styles | undefined;

  constructor(readonly pkg: XlsxPackage) {}

  /** Open bytes for editing (the readers' guards: size, kind, zip directory, declared sizes). */
  static open(bytes: Uint8Array, opts: { limits?: ReadLimits; inflate?: RawInflate } = {}): WorkbookEditor {
    return new WorkbookEditor(XlsxPackage.open(bytes, opts));
  }

  /** A worksheet's editor, by name; undefined when the workbook has no such worksheet. */
  sheet(name: string): SheetEditor | undefined {
    const ref = this.pkg.sheets().find((s) => sameSheet(s.name, name) && s.type.endsWith('/worksheet') && s.target);
    if (!ref) return undefined;
    let ed = this.editors.get(ref.target!);
    if (!ed) {
      const xml = this.pkg.read(ref.target!);
      if (xml === undefined) return undefined;
      ed = new SheetEditor(ref.name, ref.target!, xml);
      this.editors.set(ref.target!, ed);
    }
    return ed;
  }

  private allSheets(): SheetEditor[] {
    return this.pkg
      .sheets()
      .filter((s) => s.type.endsWith('/worksheet') && s.target && this.pkg.has(s.target))
      .map((s) => this.sheet(s.name)!);
  }

  /** The style sheet, opened on first use (created when the workbook has none). */
  get styles(): StyleBook {
    if (!this.book) {
      const xml = this.pkg.read('xl/styles.xml');
      this.book = new StyleBook(xml);
      if (xml === undefined) {
        this.pkg.write('xl/styles.xml', this.book.toXml(), `${CT}.styles+xml`);
        this.pkg.addRel('xl/workbook.xml', `${REL}/styles`, 'xl/styles.xml');
      }
    }
    this.parsedStyles = undefined;
    return this.book;
  }

  /**
   * A sheet's values as they are now, read as the fast reader reads them (the values patches were made from).
   * @example wb.grid('Phụ lục I').rows[40]?.[4]?.v
   */
  grid(name: string): Grid {
    const ed = this.sheet(name);
    if (!ed) return { sheet: name, origin: { row: 1, col: 1 }, rows: [], merges: [] };
    if (!this.sst) {
      const rels = this.pkg.rels('xl/workbook.xml');
      const path = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target ?? 'xl/sharedStrings.xml';
      this.sst = parseSharedStrings(this.pkg.read(path));
    }
    this.parsedStyles ??= parseStyles(this.book ? this.book.toXml() : this.pkg.read('xl/styles.xml'));
    const date1904 = /date1904="(1|true)"/.test(
      new RegExp(`<${el('workbookPr')}\\s[^<>]*>`).exec(this.pkg.read('xl/workbook.xml') ?? '')?.[0] ?? '',
    );
    return parseSheet(ed.name, ed.toXml(), this.sst, this.parsedStyles, date1904, SHEET_LIMITS);
  }

  /**
   * Set a cell's value; with `font`, the cell gets a format of its own in that font (no other cell changes look).
   * @example wb.setCell('Phụ lục I', 'B9', 'Ứng dụng công nghệ số', 'Times New Roman')
   */
  setCell(sheet: string, ref: string, value: string | number | null, font?: string): void {
    const ed = this.mustSheet(sheet);
    const style = font ? this.styles.withFont(ed.styleOf(ref), font) : undefined;
    if (ed.cellXml(ref)?.includes('<f') || ed.cellXml(ref)?.includes(':f')) this.dropFromCalcChain(sheet, ref);
    ed.setValue(ref, value, style);
  }

  /**
   * Fill a cell (RRGGBB) over its own format.
   * @example wb.fillCell('Phụ lục I', 'E41', 'FFC7CE')
   */
  fillCell(sheet: string, ref: string, rgb: string): void {
    const ed = this.mustSheet(sheet);
    ed.setStyle(ref, this.styles.withFill(ed.styleOf(ref), rgb));
  }

  /**
   * Make a row tall enough to show its wrapped text (joined rows keep the height of the first fragment otherwise, and
   * their text is cut on screen and in print); a row already tall enough is left as it is.
   * @example wb.fitRowHeight('Phụ lục I', 12)
   */
  fitRowHeight(sheet: string, row: number): void {
    const ed = this.mustSheet(sheet);
    const values = this.grid(sheet).rows[row - 1] ?? [];
    const spans = new Map<number, number>();
    for (const m of ed.merges()) {
      const [a, b] = m.split(':').map((x) => parseA1(x));
      if (!a || !b || a.row !== row || b.row !== row) continue;
      let w = 0;
      for (let c = a.col; c <= b.col; c++) w += ed.columnWidth(c);
      spans.set(a.col, w);
    }
    const cells: HeightCell[] = [];
    values.forEach((cell, i) => {
      const text = typeof cell?.v === 'string' ? cell.v : '';
      if (!text) return;
      const look = this.styles.textLook(ed.styleOf(`${columnLetter(i + 1)}${row}`));
      cells.push({ text, width: spans.get(i + 1) ?? ed.columnWidth(i + 1), size: look.size, bold: look.bold, wrap: look.wrap });
    });
    const digitPx = digitPixels(this.styles.defaultFont());
    // One line fits the row the workbook gave it, whatever its font: only wrapped text grows a row.
    if (mostLines(cells, digitPx) <= 1) return;
    const need = rowHeight(cells, digitPx, 0);
    if (need > ed.rowHeight(row)) ed.setRowHeight(row, need);
  }

  private mustSheet(name: string): SheetEditor {
    const ed = this.sheet(name);
    if (!ed) throw new CopyRefusedError(`Không có trang tính “${name}”.`, `No worksheet "${name}".`);
    return ed;
  }

  /**
   * Delete a row of a sheet, as Excel does: everything below moves up, and every reference to rows — formulas on
   * every sheet, defined names, charts, pivot caches, tables, pivot tables, drawings, comments, the calculation
   * chain — moves with it. Throws CopyRefusedError, before changing anything, when that would lose or break
   * something: an array formula across the row, a comment on it, a table's header or a pivot table on it.
   */
  deleteRow(sheet: string, row: number): void {
    const ed = this.mustSheet(sheet);
    const problems = this.deletionProblems(ed, row);
    if (problems.length) {
      throw new CopyRefusedError(
        `Không xóa được dòng ${row} của trang “${ed.name}” mà không làm mất hoặc hỏng dữ liệu: ${problems.map((p) => p.vi).join('; ')}. Hãy xử lý chỗ đó bằng Excel rồi chạy lại.`,
        `Cannot delete row ${row} of sheet "${ed.name}" without losing or breaking data: ${problems.map((p) => p.en).join('; ')}. Handle it in Excel and run again.`,
      );
    }
    const target = ed.name;
    for (const other of this.allSheets()) {
      if (other === ed) continue;
      other.shiftFormulasTo(target, row);
    }
    ed.unshareFormulas();
    ed.deleteRow(row);
    this.shiftWorkbookNames(target, row);
    this.shiftCharts(target, row);
    this.shiftPivotSources(target, row);
    this.shiftSheetParts(ed, row);
    this.shiftCalcChain(target, row);
  }

  private deletionProblems(ed: SheetEditor, row: number): { vi: string; en: string }[] {
    const out: { vi: string; en: string }[] = [];
    const formula = ed.deletionProblem(row);
    if (formula) out.push({ vi: `${formula.split(' / ')[0]} đi qua dòng này`, en: `${formula.split(' / ')[1]} spans it` });
    for (const rel of this.pkg.related(ed.part, '/comments')) {
      for (const m of (this.pkg.read(rel.target) ?? '').matchAll(new RegExp(`<${el('comment')}\\s[^<>]*?ref="([^"]*)"`, 'g'))) {
        if (parseA1(m[1]!)?.row === row) out.push({ vi: `ô ${m[1]} có ghi chú, sẽ mất`, en: `cell ${m[1]} has a note that would be lost` });
      }
    }
    for (const rel of this.pkg.related(ed.part, THREADED)) {
      for (const m of (this.pkg.read(rel.target) ?? '').matchAll(/<(?:\w+:)?threadedComment\s[^<>]*?ref="([^"]*)"/g)) {
        if (parseA1(m[1]!)?.row === row && !out.some((o) => o.vi.startsWith(`ô ${m[1]} `)))
          out.push({ vi: `ô ${m[1]} có bình luận, sẽ mất`, en: `cell ${m[1]} has a comment that would be lost` });
      }
    }
    for (const rel of this.pkg.related(ed.part, '/table')) {
      const xml = this.pkg.read(rel.target) ?? '';
      const tag = new RegExp(`<${el('table')}\\s[^<>]*>`).exec(xml)?.[0] ?? '';
      const rows = rowsOf(attrOf(tag, 'ref'));
      const header = Number(attrOf(tag, 'headerRowCount') ?? 1) > 0;
      if (rows && header && rows[0] === row)
        out.push({
          vi: `dòng tiêu đề của bảng “${attrOf(tag, 'displayName') ?? ''}” (${attrOf(tag, 'ref')})`,
          en: `it is the header of table "${attrOf(tag, 'displayName') ?? ''}" (${attrOf(tag, 'ref')})`,
        });
    }
    for (const rel of this.pkg.related(ed.part, '/pivotTable')) {
      const xml = this.pkg.read(rel.target) ?? '';
      const rows = rowsOf(attrOf(new RegExp(`<${el('location')}\\s[^<>]*>`).exec(xml)?.[0] ?? '', 'ref'));
      const name = attrOf(new RegExp(`<${el('pivotTableDefinition')}\\s[^<>]*>`).exec(xml)?.[0] ?? '', 'name') ?? '';
      if (rows && rows[0] <= row && row <= rows[1])
        out.push({ vi: `bảng tổng hợp PivotTable “${name}” nằm trên dòng này`, en: `PivotTable "${name}" lies on it` });
    }
    return out;
  }

  private shiftWorkbookNames(target: string, row: number): void {
    const xml = this.pkg.read('xl/workbook.xml')!;
    const next = shiftFormulaElements(xml, ['definedName'], (f) => shiftFormula(f, row, target, null));
    if (next !== xml) this.pkg.write('xl/workbook.xml', next);
  }

  private shiftCharts(target: string, row: number): void {
    for (const name of this.pkg.names().filter((n) => /^xl\/charts\/chart(?:Ex)?\d*\.xml$/i.test(n))) {
      const xml = this.pkg.read(name)!;
      const next = shiftFormulaElements(xml, ['f'], (f) => shiftFormula(f, row, target, null));
      if (next !== xml) this.pkg.write(name, next);
    }
  }

  private shiftPivotSources(target: string, row: number): void {
    for (const name of this.pkg.names().filter((n) => /^xl\/pivotCache\/pivotCacheDefinition\d*\.xml$/i.test(n))) {
      const xml = this.pkg.read(name)!;
      const next = xml.replace(new RegExp(`<${el('worksheetSource')}\\s[^<>]*>`, 'g'), (tag) => {
        const sheet = attrOf(tag, 'sheet');
        const ref = attrOf(tag, 'ref');
        if (!sheet || !ref || !sameSheet(sheet, target)) return tag;
        return tag.replace(/\sref="[^"]*"/, ` ref="${shiftRef(ref, row) ?? ref}"`);
      });
      if (next !== xml) this.pkg.write(name, next);
    }
  }

  /** The parts hanging off the sheet: tables, pivot tables, drawings, comments and their VML, threaded comments. */
  private shiftSheetParts(ed: SheetEditor, row: number): void {
    const edit = (part: string, change: (xml: string) => string) => {
      const xml = this.pkg.read(part);
      if (xml === undefined) return;
      const next = change(xml);
      if (next !== xml) this.pkg.write(part, next);
    };
    const refAttr = (xml: string, element: string) =>
      xml.replace(new RegExp(`<${el(element)}\\s[^<>]*>`, 'g'), (tag) => {
        const ref = attrOf(tag, 'ref');
        return ref ? tag.replace(/\sref="[^"]*"/, ` ref="${shiftRef(ref, row) ?? ref}"`) : tag;
      });
    for (const rel of this.pkg.related(ed.part, '/table')) edit(rel.target, (x) => refAttr(refAttr(x, 'table'), 'autoFilter'));
    for (const rel of this.pkg.related(ed.part, '/pivotTable')) edit(rel.target, (x) => refAttr(x, 'location'));
    for (const rel of this.pkg.related(ed.part, '/comments')) edit(rel.target, (x) => refAttr(x, 'comment'));
    for (const rel of this.pkg.related(ed.part, THREADED)) edit(rel.target, (x) => refAttr(x, 'threadedComment'));
    // Drawings count rows from 0: an anchor below the deleted row moves up; one fixed to the page ('absolute') stays.
    for (const rel of this.pkg.related(ed.part, '/drawing')) {
      edit(rel.target, (x) =>
        x.replace(
          new RegExp(`<(${el('(?:twoCellAnchor|oneCellAnchor)')})(\\s[^<>]*)?>([\\s\\S]*?)</\\1>`, 'g'),
          (all, tag: string, attrs: string | undefined, body: string) => {
            if (attrOf(attrs ?? '', 'editAs') === 'absolute') return all;
            const moved = body.replace(
              new RegExp(`(<${el('row')}>)(\\d+)(</${el('row')}>)`, 'g'),
              (_m, a: string, n: string, b: string) => `${a}${Number(n) >= row ? Number(n) - 1 : n}${b}`,
            );
            return `<${tag}${attrs ?? ''}>${moved}</${tag}>`;
          },
        ),
      );
    }
    for (const rel of this.pkg.related(ed.part, '/vmlDrawing')) {
      edit(rel.target, (x) =>
        x
          .replace(/(<x:Row>)(\d+)(<\/x:Row>)/g, (_m, a: string, n: string, b: string) => `${a}${Number(n) >= row ? Number(n) - 1 : n}${b}`)
          .replace(/(<x:Anchor>)([^<]*)(<\/x:Anchor>)/g, (_m, a: string, list: string, b: string) => {
            const v = list.split(',').map((s) => s.trim());
            if (v.length !== 8) return `${a}${list}${b}`;
            for (const i of [2, 6]) if (Number(v[i]) >= row) v[i] = String(Math.max(0, Number(v[i]) - 1));
            return `${a}${v.join(', ')}${b}`;
          }),
      );
    }
  }

  /** The calculation chain lists formula cells by sheet id: entries on the deleted row go, those below move up. */
  private shiftCalcChain(target: string, row: number): void {
    this.editCalcChain(target, (ref) => shiftRef(ref, row));
  }

  private dropFromCalcChain(sheet: string, cell: string): void {
    this.editCalcChain(sheet, (ref) => (ref === cell ? null : ref));
  }

  private editCalcChain(sheet: string, change: (ref: string) => string | null): void {
    const path = [...this.pkg.rels('xl/workbook.xml').values()].find((r) => r.type.endsWith('/calcChain'))?.target;
    const xml = path ? this.pkg.read(path) : undefined;
    if (!path || xml === undefined) return;
    const id = this.pkg.sheets().find((s) => sameSheet(s.name, sheet))?.sheetId;
    let current = '';
    const next = xml.replace(new RegExp(`<${el('c')}\\s[^<>]*?/>`, 'g'), (tag) => {
      // "i" is written only when the sheet changes from the entry before: make it explicit on every entry kept.
      const i = attrOf(tag, 'i');
      if (i !== undefined) current = i;
      const withI = i === undefined ? tag.replace(/\/>$/, ` i="${current}"/>`) : tag;
      if (current !== id) return withI;
      const ref = attrOf(tag, 'r');
      const moved = ref ? change(ref) : ref;
      if (moved === null) return '';
      return moved === ref ? withI : withI.replace(/\sr="[^"]*"/, ` r="${moved}"`);
    });
    if (next !== xml) this.pkg.write(path, next);
  }

  /**
   * Attach a note to a cell (a comment, as Excel's "New Note" makes): added to the sheet's comments, with a shape in
   * its VML drawing, both created when the sheet has none. A note the cell already has keeps its text, ours follows.
   * A cell with a threaded comment is left as it is (Excel shows the thread, not a note): returns false.
   */
  addNote(sheet: string, ref: string, text: string, author = 'phuluc'): boolean {
    const ed = this.mustSheet(sheet);
    for (const rel of this.pkg.related(ed.part, THREADED)) {
      if (new RegExp(`<(?:\\w+:)?threadedComment\\s[^<>]*?ref="${ref}"`).test(this.pkg.read(rel.target) ?? '')) return false;
    }
    let commentsPart = this.pkg.related(ed.part, '/comments')[0]?.target;
    if (!commentsPart) {
      commentsPart = this.pkg.freeName((n) => `xl/comments${n}.xml`);
      this.pkg.write(
        commentsPart,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors></authors><commentList></commentList></comments>`,
        `${CT}.comments+xml`,
      );
      this.pkg.addRel(ed.part, `${REL}/comments`, commentsPart);
    }
    let xml = this.pkg.read(commentsPart)!;
    const p = /<([A-Za-z_][\w.-]*:)?comments[\s>]/.exec(xml)?.[1] ?? '';
    const authors = [...xml.matchAll(new RegExp(`<${el('author')}>([^<]*)</${el('author')}>`, 'g'))].map((m) => m[1]);
    let authorId = authors.indexOf(esc(author));
    if (authorId < 0) {
      authorId = authors.length;
      xml = /<(?:[\w.-]+:)?authors[\s>/]/.test(xml)
        ? appendChild(xml, 'authors', `<${p}author>${esc(author)}</${p}author>`)
        : xml.replace(/(<(?:[\w.-]+:)?comments\b[^>]*>)/, `$1<${p}authors><${p}author>${esc(author)}</${p}author></${p}authors>`);
    }
    const run = (t: string) =>
      `<${p}r><${p}rPr><${p}sz val="9"/><${p}rFont val="Tahoma"/></${p}rPr><${p}t xml:space="preserve">${esc(t)}</${p}t></${p}r>`;
    const existing = new RegExp(`(<${el('comment')}\\s[^<>]*?ref="${ref}"[^<>]*>[\\s\\S]*?)(</${el('text')}>)`).exec(xml);
    if (existing) {
      xml = xml.replace(existing[0], `${existing[1]}${run(`\n\n${text}`)}${existing[2]}`);
      this.pkg.write(commentsPart, xml);
      return true;
    }
    xml = appendChild(
      xml,
      'commentList',
      `<${p}comment ref="${ref}" authorId="${authorId}"><${p}text>${run(text)}</${p}text></${p}comment>`,
    );
    this.pkg.write(commentsPart, xml);
    this.addNoteShape(ed, ref);
    return true;
  }

  /** The hidden yellow box Excel draws for a note, in the sheet's VML drawing (created with its legacyDrawing). */
  private addNoteShape(ed: SheetEditor, ref: string): void {
    const rid = attrOf(new RegExp(`<${el('legacyDrawing')}\\s[^<>]*>`).exec(ed.tailXml)?.[0] ?? '', 'r:id');
    let vml = rid ? this.pkg.rels(ed.part).get(rid)?.target : undefined;
    if (!vml) {
      vml = this.pkg.freeName((n) => `xl/drawings/vmlDrawing${n}.vml`);
      const n = Number(/(\d+)\.vml$/.exec(vml)?.[1] ?? 1);
      this.pkg.defaultType('vml', 'application/vnd.openxmlformats-officedocument.vmlDrawing');
      this.pkg.write(
        vml,
        `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${n}"/></o:shapelayout></xml>`,
      );
      const id = this.pkg.addRel(ed.part, `${REL}/vmlDrawing`, vml);
      ed.ensureRelNamespace();
      ed.insertInTail(`<${ed.prefix}legacyDrawing r:id="${id}"/>`, AFTER_LEGACY_DRAWING);
    }
    let xml = this.pkg.read(vml)!;
    if (!xml.includes('_x0000_t202')) {
      xml = xml.replace(
        /<\/xml>\s*$/,
        '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype></xml>',
      );
    }
    const idmap = Number(/<o:idmap\b[^>]*data="(\d+)/.exec(xml)?.[1] ?? 1);
    const ids = [...xml.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => Number(m[1]));
    const id = Math.max(idmap * 1024, ...ids) + 1;
    const at = parseA1(ref)!;
    const shape =
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:240pt;height:90pt;z-index:${ids.length + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${at.col}, 15, ${Math.max(0, at.row - 2)}, 10, ${at.col + 4}, 15, ${at.row + 4}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${at.row - 1}</x:Row><x:Column>${at.col - 1}</x:Column></x:ClientData></v:shape>`;
    this.pkg.write(vml, xml.replace(/<\/xml>\s*$/, `${shape}</xml>`));
  }

  /**
   * Add a worksheet (its XML complete) at the end of the workbook, or first and opened on (`first`), with the defined
   * names it needs (`names` gets its position and the workbook's prefix: filter range, print titles, print area).
   * Going first moves the position every sheet-scoped name counts from, and unselects the other tabs.
   * @example wb.addSheet('Kết quả kiểm tra', xml, { first: true, names: (i, p) => [`<${p}definedName …`] })
   */
  addSheet(name: string, xml: string, opts: { first?: boolean; names?: (index: number, prefix: string) => string[] } = {}): void {
    const sheets = this.pkg.sheets();
    if (opts.first) {
      for (const s of sheets) {
        if (!s.type.endsWith('/worksheet') || !s.target || !/\btabSelected="(1|true)"/.test(this.pkg.read(s.target) ?? '')) continue;
        this.sheet(s.name)?.unselectTab();
      }
    }
    const part = this.pkg.freeName((n) => `xl/worksheets/sheet${n}.xml`);
    this.pkg.write(part, xml, `${CT}.worksheet+xml`);
    const rid = this.pkg.addRel('xl/workbook.xml', `${REL}/worksheet`, part);
    const id = Math.max(0, ...sheets.map((s) => Number(s.sheetId) || 0)) + 1;
    let wb = this.pkg.read('xl/workbook.xml')!;
    const p = /<([A-Za-z_][\w.-]*:)?sheets[\s>]/.exec(wb)?.[1] ?? '';
    // Only a declaration on the root is in scope for the new element (some writers declare r: on each <sheet>).
    const root = /<(?:[\w.-]+:)?workbook\b[^>]*>/.exec(wb)?.[0] ?? '';
    const rPrefix = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(root)?.[1];
    if (!rPrefix) wb = wb.replace(/(<(?:[\w.-]+:)?workbook\b)/, `$1 xmlns:r="${REL}"`);
    const element = `<${p}sheet name="${esc(name)}" sheetId="${id}" ${rPrefix ?? 'r'}:id="${rid}"/>`;
    if (opts.first) {
      // Names scoped to a sheet count it by position: every one moves down one place.
      wb = wb.replace(
        new RegExp(`(<${el('definedName')}\\s[^<>]*?localSheetId=")(\\d+)"`, 'g'),
        (_m, a: string, n: string) => `${a}${Number(n) + 1}"`,
      );
      wb = wb.replace(new RegExp(`<${el('workbookView')}(\\s[^<>]*?)?(/?)>`), (tag) => setAttrs(tag, { activeTab: '0', firstSheet: '0' }));
      wb = wb.replace(new RegExp(`(<${el('sheets')}>)`), `$1${element}`);
    } else wb = appendChild(wb, 'sheets', element);
    const names = opts.names?.(opts.first ? 0 : sheets.length, p) ?? [];
    if (names.length) {
      if (new RegExp(`<${el('definedNames')}[\\s>/]`).test(wb)) for (const dn of names) wb = appendChild(wb, 'definedNames', dn);
      else {
        const at = wb.search(new RegExp(`<(?:${AFTER_DEFINED_NAMES.map((n) => el(n)).join('|')})[\\s>/]`));
        const end = at >= 0 ? at : wb.search(new RegExp(`</${el('workbook')}>`));
        wb = `${wb.slice(0, end)}<${p}definedNames>${names.join('')}</${p}definedNames>${wb.slice(end)}`;
      }
    }
    this.pkg.write('xl/workbook.xml', wb);
  }

  /**
   * The edited workbook: changed parts rewritten, every other part copied as it was.
   * @example await writeFile(out, wb.toBytes())
   */
  toBytes(deflate?: RawDeflate): Uint8Array {
    for (const ed of this.editors.values()) if (ed.changed) this.pkg.write(ed.part, ed.toXml());
    if (this.book?.changed) this.pkg.write('xl/styles.xml', this.book.toXml());
    return this.pkg.toBytes(deflate);
  }
}

/** Top and bottom rows of a ref ('A3:F20' → [3, 20]); undefined when it has none. */
function rowsOf(ref: string | undefined): [number, number] | undefined {
  const m = /^\$?[A-Za-z]*\$?(\d+)(?::\$?[A-Za-z]*\$?(\d+))?$/.exec(ref ?? '');
  return m ? [Number(m[1]), Number(m[2] ?? m[1])] : undefined;
}
