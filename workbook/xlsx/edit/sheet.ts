// One worksheet part edited in place: cell values and styles set, rows deleted with everything on the sheet that
// points at rows moved as Excel moves it (merges, conditional formats, validations, links, filters, selection, page
// breaks, formulas). Rows and cells not touched keep their XML as written; so does everything around sheetData.
import { a1, parseA1 } from '../../../core/model/index.ts';
import { xmlText } from '../../export/xlsx-stream/xml.ts';
import { closedThrough, decodeXml, el } from '../fast/xml.ts';
import { mapFormulaRefs, offsetRef, shiftFormula, shiftRef, shiftSqref } from './refs.ts';
import { attrOf, setAttrs } from './styles.ts';

interface CellNode {
  col: number;
  xml: string;
}

interface RowNode {
  num: number;
  /** The start tag, without its end ('<row r="5" ht="20"'). */
  tag: string;
  cells: CellNode[];
  /** The row's XML as read, while nothing in it changed. */
  raw: string | null;
}

/** Why a copy cannot be made without losing or breaking something (Vietnamese and English). */
export class CopyRefusedError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'CopyRefusedError';
  }
}

const ROW = new RegExp(`<${el('row')}(\\s[^<>]*?)?(?:/>|>([\\s\\S]*?)</${el('row')}>)`, 'g');
const CELL = new RegExp(`<${el('c')}(\\s[^<>]*?)?(?:/>|>([\\s\\S]*?)</${el('c')}>)`, 'g');
const F = new RegExp(`<(${el('f')})(\\s[^<>]*?)?(?:/>|>([\\s\\S]*?)</${el('f')}>)`);

/** Encode formula text for an element's content. */
function encodeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Shift the formulas of elements named `names` (any prefix) in a fragment of XML. */
export function shiftFormulaElements(xml: string, names: string[], change: (formula: string) => string): string {
  const re = new RegExp(`<(${names.map((n) => el(n)).join('|')})(\\s[^<>]*)?>([^<]*)</\\1>`, 'g');
  return xml.replace(re, (all, tag: string, attrs: string | undefined, text: string) => {
    const next = change(decodeXml(text));
    return next === decodeXml(text) ? all : `<${tag}${attrs ?? ''}>${encodeText(next)}</${tag}>`;
  });
}

/**
 * @example
 * const s = new SheetEditor('Phụ lục I', 'xl/worksheets/sheet1.xml', xml);
 * s.setValue('C7', 'Phòng Văn hóa - Xã hội', 12);
 * s.deleteRow(41);
 * pkg.write(s.part, s.toXml());
 */
export class SheetEditor {
  private head: string;
  private tail: string;
  private dataTag: string;
  private readonly rows: RowNode[] = [];
  /** The main namespace's prefix in this part ('' almost always; 'x:' in some generators). */
  readonly prefix: string;
  changed = false;

  constructor(
    readonly name: string,
    readonly part: string,
    xml: string,
  ) {
    const open = new RegExp(`<(${el('sheetData')})(\\s[^<>]*?)?(/?)>`).exec(xml);
    if (!open) throw new CopyRefusedError(`Trang “${name}” không có phần dữ liệu (sheetData).`, `Sheet "${name}" has no sheetData.`);
    this.prefix = /^([A-Za-z_][\w.-]*:)/.exec(open[1]!)?.[1] ?? '';
    this.dataTag = `<${open[1]}${open[2] ?? ''}>`;
    this.head = xml.slice(0, open.index);
    let body = '';
    if (open[3] === '/') {
      this.tail = xml.slice(open.index + open[0].length);
    } else {
      const closeRe = new RegExp(`</${el('sheetData')}>`, 'g');
      closeRe.lastIndex = open.index + open[0].length;
      const close = closeRe.exec(xml);
      if (!close) throw new CopyRefusedError(`Trang “${name}” bị cắt cụt.`, `Sheet "${name}" is truncated.`);
      body = xml.slice(open.index + open[0].length, close.index);
      this.tail = xml.slice(close.index + close[0].length);
    }
    let num = 0;
    const data = closedThrough(body, 'row');
    ROW.lastIndex = 0;
    for (let m = ROW.exec(data); m; m = ROW.exec(data)) {
      const r = attrOf(m[1] ?? '', 'r');
      num = r ? Number(r) : num + 1;
      const cells: CellNode[] = [];
      let col = 0;
      const inner = m[2] ? closedThrough(m[2], 'c') : '';
      CELL.lastIndex = 0;
      for (let c = CELL.exec(inner); c; c = CELL.exec(inner)) {
        const ref = attrOf(c[1] ?? '', 'r');
        col = ref ? (parseA1(ref)?.col ?? col + 1) : col + 1;
        cells.push({ col, xml: c[0] });
      }
      const tag = m[0].slice(0, m[0].indexOf('>')).replace(/\/$/, '');
      this.rows.push({ num, tag, cells, raw: m[0] });
    }
    this.rows.sort((a, b) => a.num - b.num);
  }

  private el(name: string): string {
    return `${this.prefix}${name}`;
  }

  private row(num: number, create: boolean): RowNode | undefined {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rows[mid]!.num < num) lo = mid + 1;
      else hi = mid;
    }
    const found = this.rows[lo];
    if (found && found.num === num) return found;
    if (!create) return undefined;
    const row: RowNode = { num, tag: `<${this.el('row')} r="${num}"`, cells: [], raw: null };
    this.rows.splice(lo, 0, row);
    return row;
  }

  /** The XML of a cell, undefined when the sheet has no element for it. */
  cellXml(ref: string): string | undefined {
    const at = parseA1(ref);
    if (!at) return undefined;
    return this.row(at.row, false)?.cells.find((c) => c.col === at.col)?.xml;
  }

  /** The cell format a cell shows: its own, else its row's (customFormat), else its column's, else 0. */
  styleOf(ref: string): number {
    const at = parseA1(ref)!;
    const row = this.row(at.row, false);
    const cell = row?.cells.find((c) => c.col === at.col);
    if (cell) return Number(attrOf(cell.xml.slice(0, cell.xml.indexOf('>')), 's') ?? 0);
    if (row && attrOf(row.tag, 'customFormat') === '1') return Number(attrOf(row.tag, 's') ?? 0);
    for (const m of this.head.matchAll(new RegExp(`<${el('col')}\\s[^<>]*>`, 'g'))) {
      const min = Number(attrOf(m[0], 'min'));
      const max = Number(attrOf(m[0], 'max'));
      if (at.col >= min && at.col <= max) return Number(attrOf(m[0], 'style') ?? 0);
    }
    return 0;
  }

  private put(ref: string, build: (old: string | undefined) => string): void {
    const at = parseA1(ref)!;
    const row = this.row(at.row, true)!;
    row.raw = null;
    const i = row.cells.findIndex((c) => c.col >= at.col);
    const old = i >= 0 && row.cells[i]!.col === at.col ? row.cells[i]!.xml : undefined;
    const cell = { col: at.col, xml: build(old) };
    if (old !== undefined) row.cells[i] = cell;
    else if (i < 0) row.cells.push(cell);
    else row.cells.splice(i, 0, cell);
    this.changed = true;
  }

  /**
   * Write a value (a string as an inline string, a number, or nothing), keeping the cell's format unless `style` is
   * given; a formula the cell had is replaced by the value.
   * @example s.setValue('E41', 'Quý IV/2026')
   */
  setValue(ref: string, value: string | number | null, style?: number): void {
    this.put(ref, (old) => {
      const attrs = old
        ? old
            .slice(old.indexOf('<') + 1, old.indexOf('>'))
            .replace(/\/$/, '')
            .replace(/^\S+/, '')
        : '';
      const s = style ?? (old ? Number(attrOf(attrs, 's') ?? 0) : this.styleOf(ref));
      const c = this.el('c');
      const head = `<${c} r="${ref}"${s ? ` s="${s}"` : ''}`;
      if (value === null || value === '') return `${head}/>`;
      if (typeof value === 'number') return `${head}><${this.el('v')}>${value}</${this.el('v')}></${c}>`;
      const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
      return `${head} t="inlineStr"><${this.el('is')}><${this.el('t')}${space}>${xmlText(value)}</${this.el('t')}></${this.el('is')}></${c}>`;
    });
  }

  /** Give a cell another format (created empty when the sheet has no element for it). */
  setStyle(ref: string, style: number): void {
    this.put(ref, (old) => (old ? setAttrs(old, { s: String(style) }) : `<${this.el('c')} r="${ref}" s="${style}"/>`));
  }

  /** Every formula of the sheet with its cell (shared formulas as written: the master holds the text). */
  *formulas(): Generator<{ ref: string; xml: string }> {
    for (const row of this.rows) for (const c of row.cells) if (F.test(c.xml)) yield { ref: a1(row.num, c.col), xml: c.xml };
  }

  /**
   * Write out every shared formula as a formula of its own, computed from its master as Excel does (relative
   * references moved by the cell's distance from the master): deleting rows then moves each formula alone.
   */
  unshareFormulas(): void {
    const masters = new Map<string, { row: number; col: number; text: string }>();
    for (const row of this.rows) {
      for (const c of row.cells) {
        const f = F.exec(c.xml);
        if (f && attrOf(f[2] ?? '', 't') === 'shared' && f[3] !== undefined && attrOf(f[2] ?? '', 'ref') !== undefined) {
          masters.set(attrOf(f[2] ?? '', 'si')!, { row: row.num, col: c.col, text: decodeXml(f[3]) });
        }
      }
    }
    if (masters.size === 0) return;
    for (const row of this.rows) {
      for (const c of row.cells) {
        const f = F.exec(c.xml);
        if (!f || attrOf(f[2] ?? '', 't') !== 'shared') continue;
        const m = masters.get(attrOf(f[2] ?? '', 'si') ?? '');
        const text = m ? mapFormulaRefs(m.text, (_sheet, ref) => offsetRef(ref, row.num - m.row, c.col - m.col)) : decodeXml(f[3] ?? '');
        c.xml = c.xml.replace(F, `<${f[1]}>${encodeText(text)}</${f[1]}>`);
        row.raw = null;
        this.changed = true;
      }
    }
  }

  /**
   * Why deleting row `num` would break the sheet (an array formula or data table across it), '' when it would not.
   */
  deletionProblem(num: number): string {
    for (const row of this.rows) {
      for (const c of row.cells) {
        const f = F.exec(c.xml);
        const t = f ? attrOf(f[2] ?? '', 't') : undefined;
        if (!f || (t !== 'array' && t !== 'dataTable')) continue;
        const ref = attrOf(f[2] ?? '', 'ref') ?? a1(row.num, c.col);
        const m = /^\$?[A-Z]+\$?(\d+)(?::\$?[A-Z]+\$?(\d+))?$/i.exec(ref);
        const top = Number(m?.[1] ?? row.num);
        const bottom = Number(m?.[2] ?? top);
        if (top <= num && num <= bottom && !(top === num && bottom === num)) return `công thức mảng ${ref} / array formula ${ref}`;
      }
    }
    return '';
  }

  /**
   * Delete row `num`: rows below move up one, and so does everything on the sheet that points at them. Formulas
   * elsewhere that point here, drawings, comments, tables and the rest are the caller's (workbook/xlsx/edit/workbook.ts).
   */
  deleteRow(num: number): void {
    const at = this.rows.findIndex((r) => r.num === num);
    if (at >= 0) this.rows.splice(at, 1);
    for (const row of this.rows) {
      const moved = row.num > num;
      let touched = moved;
      if (moved) {
        row.num -= 1;
        row.tag = /\sr="/.test(row.tag) ? row.tag.replace(/\sr="\d+"/, ` r="${row.num}"`) : row.tag;
      }
      for (const c of row.cells) {
        let xml = c.xml;
        if (moved) xml = xml.replace(/^(<[^<>]*?\sr=")([A-Za-z]+)\d+"/, `$1$2${row.num}"`);
        const f = F.exec(xml);
        if (f) {
          const text = f[3] !== undefined ? decodeXml(f[3]) : undefined;
          const shifted = text !== undefined ? shiftFormula(text, num, this.name, this.name) : undefined;
          let attrs = f[2] ?? '';
          const ref = attrOf(attrs, 'ref');
          if (ref) attrs = attrs.replace(/\sref="[^"]*"/, ` ref="${shiftRef(ref, num) ?? ref}"`);
          const next = shifted !== undefined ? `<${f[1]}${attrs}>${encodeText(shifted)}</${f[1]}>` : `<${f[1]}${attrs}/>`;
          if (next !== f[0]) xml = xml.replace(F, next);
        }
        if (xml !== c.xml) {
          c.xml = xml;
          touched = true;
        }
      }
      if (touched) row.raw = null;
    }
    this.head = shiftSheetRefs(this.head, num, this.name);
    this.tail = shiftSheetRefs(this.tail, num, this.name);
    this.changed = true;
  }

  /**
   * Move this sheet's references to sheet `target` for the deletion of its row `row` (this is another sheet): its
   * formulas, and the formulas of its conditional formats and validations.
   */
  shiftFormulasTo(target: string, row: number): void {
    const mentions = (xml: string) => decodeXml(xml).toLocaleLowerCase('vi').includes(target.toLocaleLowerCase('vi'));
    const change = (f: string) => shiftFormula(f, row, target, this.name);
    if (this.rows.some((r) => r.cells.some((c) => F.test(c.xml) && mentions(c.xml)))) {
      this.unshareFormulas();
      for (const r of this.rows) {
        for (const c of r.cells) {
          const f = F.exec(c.xml);
          if (!f || f[3] === undefined) continue;
          const next = change(decodeXml(f[3]));
          if (next === decodeXml(f[3])) continue;
          c.xml = c.xml.replace(F, `<${f[1]}${f[2] ?? ''}>${encodeText(next)}</${f[1]}>`);
          r.raw = null;
          this.changed = true;
        }
      }
    }
    const tail = shiftFormulaElements(this.tail, ['formula', 'formula1', 'formula2', 'xm:f'], change);
    if (tail !== this.tail) {
      this.tail = tail;
      this.changed = true;
    }
  }

  /** Declare the relationships namespace as r: on the root element, when it is not (a new r:id is about to be written). */
  ensureRelNamespace(): void {
    if (/xmlns:r="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.test(this.head)) return;
    this.head = this.head.replace(
      new RegExp(`(<${el('worksheet')})(?=[\\s>])`),
      '$1 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
    );
    this.changed = true;
  }

  /** Insert an element in the sheet's tail at its place in the schema's order (before the first element after it). */
  insertInTail(xml: string, before: string[]): void {
    const i = this.tail.search(new RegExp(`<(?:${before.map((n) => el(n)).join('|')})[\\s>/]`));
    const end = this.tail.search(new RegExp(`</${el('worksheet')}>`));
    const at = i >= 0 ? i : end;
    this.tail = this.tail.slice(0, at) + xml + this.tail.slice(at);
    this.changed = true;
  }

  /** A column's width in characters: its <col>, else the sheet's default (Excel's 8.43 when none is written). */
  columnWidth(col: number): number {
    for (const m of this.head.matchAll(new RegExp(`<${el('col')}\\s[^<>]*>`, 'g'))) {
      const min = Number(attrOf(m[0], 'min'));
      const max = Number(attrOf(m[0], 'max'));
      if (col >= min && col <= max) return attrOf(m[0], 'hidden') === '1' ? 0 : Number(attrOf(m[0], 'width') ?? 8.43);
    }
    const fmt = new RegExp(`<${el('sheetFormatPr')}\\s[^<>]*>`).exec(this.head)?.[0] ?? '';
    const def = attrOf(fmt, 'defaultColWidth');
    return def ? Number(def) : Number(attrOf(fmt, 'baseColWidth') ?? 8) + 0.43;
  }

  /** A row's height in points: its own, else the sheet's default. */
  rowHeight(num: number): number {
    const ht = attrOf(this.row(num, false)?.tag ?? '', 'ht');
    if (ht) return Number(ht);
    const fmt = new RegExp(`<${el('sheetFormatPr')}\\s[^<>]*>`).exec(this.head)?.[0] ?? '';
    return Number(attrOf(fmt, 'defaultRowHeight') ?? 15);
  }

  /** Give a row a fixed height in points (Excel does not grow a row for wrapped text when it opens a file). */
  setRowHeight(num: number, ht: number): void {
    const row = this.row(num, true)!;
    row.tag = setAttrs(`${row.tag}>`, { ht: String(ht), customHeight: '1' }).slice(0, -1);
    row.raw = null;
    this.changed = true;
  }

  /** The merged areas of the sheet (A1 ranges). */
  merges(): string[] {
    return [...this.tail.matchAll(new RegExp(`<${el('mergeCell')}\\s[^<>]*?/>`, 'g'))]
      .map((m) => attrOf(m[0], 'ref') ?? '')
      .filter(Boolean);
  }

  /** Unselect the sheet's tab (another sheet is opened on): two selected tabs would open grouped. */
  unselectTab(): void {
    const next = this.head.replace(new RegExp(`(<${el('sheetView')}\\b[^<>]*?)\\s+tabSelected="(?:1|true)"`, 'g'), '$1');
    if (next === this.head) return;
    this.head = next;
    this.changed = true;
  }

  /** The tail's text (after sheetData), to look for elements. */
  get tailXml(): string {
    return this.tail;
  }

  toXml(): string {
    const rows = this.rows.map(
      (r) => r.raw ?? (r.cells.length ? `${r.tag}>${r.cells.map((c) => c.xml).join('')}</${this.el('row')}>` : `${r.tag}/>`),
    );
    const close = `</${this.dataTag.slice(1, this.dataTag.search(/[\s>]/))}>`;
    return `${this.head}${this.dataTag}${rows.join('')}${close}${this.tail}`;
  }
}

/**
 * Move the row references of a worksheet's XML outside sheetData for the deletion of row `row`: merges, dimension,
 * pane and selection, conditional formats and validations (ranges and formulas), links, filters, page breaks,
 * protected ranges, ignored errors, and the x14 extensions' ranges and formulas. Elements left pointing at nothing
 * go; lists left empty go.
 */
export function shiftSheetRefs(xml: string, row: number, sheet: string): string {
  let out = xml;
  const keep = (ref: string) => shiftRef(ref, row) ?? ref.replace(/\d+/g, (n) => String(Number(n) > row ? Number(n) - 1 : Number(n)));
  out = out.replace(
    new RegExp(`(<${el('dimension')}\\s(?:[^<>]*?\\s)?ref=")([^"]*)"`, 'g'),
    (_a, p: string, ref: string) => `${p}${keep(ref)}"`,
  );
  out = out.replace(
    new RegExp(`(<${el('pane')}\\s(?:[^<>]*?\\s)?topLeftCell=")([^"]*)"`, 'g'),
    (_a, p: string, ref: string) => `${p}${keep(ref)}"`,
  );
  out = out.replace(new RegExp(`<${el('selection')}\\s[^<>]*>`, 'g'), (tag) => {
    let t = tag;
    const active = attrOf(t, 'activeCell');
    if (active) t = t.replace(/\sactiveCell="[^"]*"/, ` activeCell="${keep(active)}"`);
    const sq = attrOf(t, 'sqref');
    if (sq) t = t.replace(/\ssqref="[^"]*"/, ` sqref="${shiftSqref(sq, row) || keep(sq)}"`);
    return t;
  });
  // Merges: a merge left on one cell is no merge.
  out = out.replace(new RegExp(`<${el('mergeCell')}\\s[^<>]*?/>`, 'g'), (tag) => {
    const ref = attrOf(tag, 'ref');
    if (!ref) return tag;
    const next = shiftRef(ref, row);
    if (next === null || !next.includes(':')) return '';
    const [a, b] = next.split(':');
    return a === b ? '' : tag.replace(/\sref="[^"]*"/, ` ref="${next}"`);
  });
  out = recount(out, 'mergeCells', 'mergeCell');
  // Conditional formats and validations: ranges, and formulas relative to them.
  out = out.replace(
    new RegExp(`<(${el('conditionalFormatting')})(\\s[^<>]*)>([\\s\\S]*?)</\\1>`, 'g'),
    (all, tag: string, attrs: string, body: string) => {
      const sq = attrOf(attrs, 'sqref');
      const next = sq === undefined ? undefined : shiftSqref(sq, row);
      if (next === '') return '';
      const a = next === undefined ? attrs : attrs.replace(/\ssqref="[^"]*"/, ` sqref="${next}"`);
      return `<${tag}${a}>${shiftFormulaElements(body, ['formula'], (f) => shiftFormula(f, row, sheet, sheet))}</${tag}>`;
    },
  );
  out = out.replace(
    new RegExp(`<(${el('dataValidation')})(\\s[^<>]*?)(?:/>|>([\\s\\S]*?)</\\1>)`, 'g'),
    (all, tag: string, attrs: string, body: string | undefined) => {
      const sq = attrOf(attrs, 'sqref');
      const next = sq === undefined ? undefined : shiftSqref(sq, row);
      if (next === '') return '';
      const a = next === undefined ? attrs : attrs.replace(/\ssqref="[^"]*"/, ` sqref="${next}"`);
      return body === undefined
        ? `<${tag}${a}/>`
        : `<${tag}${a}>${shiftFormulaElements(body, ['formula1', 'formula2'], (f) => shiftFormula(f, row, sheet, sheet))}</${tag}>`;
    },
  );
  out = recount(out, 'dataValidations', 'dataValidation');
  for (const [item, list] of [
    ['hyperlink', 'hyperlinks'],
    ['protectedRange', 'protectedRanges'],
    ['ignoredError', 'ignoredErrors'],
  ] as const) {
    const key = item === 'hyperlink' ? 'ref' : 'sqref';
    out = out.replace(new RegExp(`<(${el(item)})(\\s[^<>]*?)(/>|>[\\s\\S]*?</\\1>)`, 'g'), (all, _tag: string, attrs: string) => {
      const ref = attrOf(attrs, key);
      if (ref === undefined) return all;
      const next = key === 'ref' ? (shiftRef(ref, row) ?? '') : shiftSqref(ref, row);
      return next === '' ? '' : all.replace(new RegExp(`\\s${key}="[^"]*"`), ` ${key}="${next}"`);
    });
    out = recount(out, list, item);
  }
  for (const name of ['autoFilter', 'sortState', 'sortCondition']) {
    out = out.replace(
      new RegExp(`(<${el(name)}\\s(?:[^<>]*?\\s)?ref=")([^"]*)"`, 'g'),
      (_a, p: string, ref: string) => `${p}${keep(ref)}"`,
    );
  }
  // A page break after the deleted row now falls after the row above it.
  out = out.replace(
    new RegExp(`<(${el('rowBreaks')})(\\s[^<>]*)?>([\\s\\S]*?)</\\1>`, 'g'),
    (all, tag: string, attrs: string | undefined, body: string) => {
      const brks = [...body.matchAll(new RegExp(`<${el('brk')}\\s[^<>]*?/>`, 'g'))]
        .map((b) => {
          const id = Number(attrOf(b[0], 'id'));
          return id >= row ? (id - 1 > 0 ? b[0].replace(/\sid="\d+"/, ` id="${id - 1}"`) : '') : b[0];
        })
        .filter(Boolean);
      if (brks.length === 0) return '';
      const manual = brks.filter((b) => attrOf(b, 'man') === '1' || attrOf(b, 'man') === 'true').length;
      let a = attrs ?? '';
      a = /\scount="/.test(a) ? a.replace(/\scount="\d*"/, ` count="${brks.length}"`) : a;
      a = /\smanualBreakCount="/.test(a) ? a.replace(/\smanualBreakCount="\d*"/, ` manualBreakCount="${manual}"`) : a;
      return `<${tag}${a}>${brks.join('')}</${tag}>`;
    },
  );
  // x14 extensions (validations and formats with lists from other sheets, sparklines): xm:sqref and xm:f.
  out = out.replace(/<(xm:sqref)>([^<]*)<\/xm:sqref>/g, (all, tag: string, sq: string) => {
    const next = shiftSqref(sq, row);
    return next === '' ? all : `<${tag}>${next}</${tag}>`;
  });
  out = shiftFormulaElements(out, ['xm:f'], (f) => shiftFormula(f, row, sheet, sheet));
  return out;
}

/** Update a list's count after items went; drop the list when none is left. */
function recount(xml: string, list: string, item: string): string {
  return xml.replace(
    new RegExp(`<(${el(list)})(\\s[^<>]*)?>([\\s\\S]*?)</\\1>`, 'g'),
    (all, tag: string, attrs: string | undefined, body: string) => {
      const n = [...body.matchAll(new RegExp(`<${el(item)}[\\s>/]`, 'g'))].length;
      if (n === 0) return '';
      const a = attrs && /\scount="/.test(attrs) ? attrs.replace(/\scount="\d*"/, ` count="${n}"`) : (attrs ?? '');
      return `<${tag}${a}>${body}</${tag}>`;
    },
  );
}
