// styles.xml edited in place: a cell that gets another font or fill gets a cell format of its own — a copy of its
// old one with that one change — appended after every existing font, fill, border and cell format (none is touched,
// so no other cell changes look).
import { el } from '../fast/xml.ts';
import { esc } from './package.ts';

/** The look of a cell written from scratch (the results sheet). */
export interface Look {
  font: { name: string; size: number; bold?: boolean; italic?: boolean; underline?: boolean; color?: string };
  /** RRGGBB. */
  fill?: string;
  border?: boolean;
  horizontal?: 'left' | 'center';
  vertical?: 'top' | 'center';
  wrap?: boolean;
}

interface Block {
  /** Where the block sits in the styles text. */
  start: number;
  end: number;
  open: string;
  close: string;
  items: string[];
  added: string[];
  prefix: string;
}

const MINIMAL =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/**
 * @example
 * const book = new StyleBook(pkg.read('xl/styles.xml'));
 * const s = book.withFont(3, 'Times New Roman'); // the index to give the cell
 * pkg.write('xl/styles.xml', book.toXml());
 */
export class StyleBook {
  private readonly xml: string;
  private readonly blocks: Record<'fonts' | 'fills' | 'borders' | 'cellXfs', Block>;
  private readonly memo = new Map<string, number>();
  /** Whether anything was added. */
  changed = false;

  constructor(xml: string | undefined) {
    this.xml = xml ?? MINIMAL;
    this.changed = xml === undefined;
    this.blocks = {
      fonts: this.block('fonts', 'font'),
      fills: this.block('fills', 'fill'),
      borders: this.block('borders', 'border'),
      cellXfs: this.block('cellXfs', 'xf'),
    };
  }

  private block(name: string, item: string): Block {
    const m = new RegExp(`<(${el(name)})(\\s[^<>]*)?(?:/>|>([\\s\\S]*?)</${el(name)}>)`).exec(this.xml);
    if (!m) {
      // A style sheet without the block: it goes before cellStyleXfs/cellXfs or at the end, in schema order.
      const at = this.insertionPoint(name);
      return { start: at, end: at, open: `<${name}>`, close: `</${name}>`, items: [], added: [], prefix: '' };
    }
    const prefix = /^([A-Za-z_][\w.-]*:)/.exec(m[1]!)?.[1] ?? '';
    const items = [...(m[3] ?? '').matchAll(new RegExp(`<${el(item)}(?:\\s[^<>]*?)?(?:/>|>[\\s\\S]*?</${el(item)}>)`, 'g'))].map(
      (x) => x[0],
    );
    return { start: m.index, end: m.index + m[0].length, open: `<${m[1]}${m[2] ?? ''}>`, close: `</${m[1]}>`, items, added: [], prefix };
  }

  private insertionPoint(name: string): number {
    const order = [
      'numFmts',
      'fonts',
      'fills',
      'borders',
      'cellStyleXfs',
      'cellXfs',
      'cellStyles',
      'dxfs',
      'tableStyles',
      'colors',
      'extLst',
    ];
    for (const later of order.slice(order.indexOf(name) + 1)) {
      const i = this.xml.search(new RegExp(`<${el(later)}[\\s>/]`));
      if (i >= 0) return i;
    }
    return this.xml.search(new RegExp(`</${el('styleSheet')}>`));
  }

  private xf(s: number): string {
    return this.blocks.cellXfs.items[s] ?? this.blocks.cellXfs.items[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
  }

  private push(block: Block, xml: string): number {
    this.changed = true;
    block.added.push(xml);
    return block.items.length + block.added.length - 1;
  }

  private itemAt(block: Block, i: number): string | undefined {
    return i < block.items.length ? block.items[i] : block.added[i - block.items.length];
  }

  private withXf(s: number, key: string, change: (xf: string) => string): number {
    const k = `${s}\u0000${key}`;
    const known = this.memo.get(k);
    if (known !== undefined) return known;
    const id = this.push(this.blocks.cellXfs, change(this.itemAt(this.blocks.cellXfs, s) ?? this.xf(s)));
    this.memo.set(k, id);
    return id;
  }

  /**
   * The format `s` with its font renamed (size, bold, colour… kept): the cell it is given reads in that font.
   * @example book.withFont(7, 'Times New Roman')
   */
  withFont(s: number, name: string): number {
    return this.withXf(s, `font:${name}`, (xf) => {
      const fonts = this.blocks.fonts;
      const old = this.itemAt(fonts, Number(attrOf(xf, 'fontId') ?? 0)) ?? `<${fonts.prefix}font/>`;
      // A theme font (<scheme>) is drawn in the theme's face whatever its name says: the scheme goes.
      let font = old.replace(new RegExp(`<${el('scheme')}\\s[^<>]*/>`), '');
      const nameTag = new RegExp(`<${el('name')}\\s[^<>]*/>`);
      font = nameTag.test(font)
        ? font.replace(nameTag, `<${fonts.prefix}name val="${esc(name)}"/>`)
        : openItem(font, 'font').replace(/(<\/(?:[A-Za-z_][\w.-]*:)?font>)$/, `<${fonts.prefix}name val="${esc(name)}"/>$1`);
      const fontId = this.push(fonts, font);
      return setAttrs(xf, { fontId: String(fontId), applyFont: '1' });
    });
  }

  /**
   * The format `s` with a solid fill (RRGGBB), all else kept.
   * @example book.withFill(0, 'FFC7CE')
   */
  withFill(s: number, rgb: string): number {
    return this.withXf(s, `fill:${rgb}`, (xf) => {
      const p = this.blocks.fills.prefix;
      const fillId = this.push(
        this.blocks.fills,
        `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
      );
      return setAttrs(xf, { fillId: String(fillId), applyFill: '1' });
    });
  }

  /**
   * A cell format written from scratch.
   * @example const head = book.add({ font: { name: 'Times New Roman', size: 12, bold: true }, border: true })
   */
  add(look: Look): number {
    const key = JSON.stringify(look);
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const f = look.font;
    const pf = this.blocks.fonts.prefix;
    const fontId = this.push(
      this.blocks.fonts,
      `<${pf}font>${f.bold ? `<${pf}b/>` : ''}${f.italic ? `<${pf}i/>` : ''}${f.underline ? `<${pf}u/>` : ''}<${pf}sz val="${f.size}"/>${f.color ? `<${pf}color rgb="FF${f.color}"/>` : ''}<${pf}name val="${esc(f.name)}"/><${pf}family val="1"/></${pf}font>`,
    );
    let fillId = 0;
    if (look.fill) {
      const p = this.blocks.fills.prefix;
      fillId = this.push(
        this.blocks.fills,
        `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${look.fill}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
      );
    }
    let borderId = 0;
    if (look.border) {
      const p = this.blocks.borders.prefix;
      const side = (n: string) => `<${p}${n} style="thin"><${p}color auto="1"/></${p}${n}>`;
      borderId = this.push(
        this.blocks.borders,
        `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`,
      );
    }
    const px = this.blocks.cellXfs.prefix;
    const align =
      look.horizontal || look.vertical || look.wrap
        ? `<${px}alignment${look.horizontal ? ` horizontal="${look.horizontal}"` : ''}${look.vertical ? ` vertical="${look.vertical}"` : ''}${look.wrap ? ' wrapText="1"' : ''}/>`
        : '';
    const attrs = `numFmtId="0" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyFont="1"${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
    const id = this.push(this.blocks.cellXfs, align ? `<${px}xf ${attrs}>${align}</${px}xf>` : `<${px}xf ${attrs}/>`);
    this.memo.set(key, id);
    return id;
  }

  /** The workbook's default font (the first): what a unit of column width is counted in. */
  defaultFont(): { name: string; size: number } {
    const font = this.blocks.fonts.items[0] ?? '';
    return {
      name: attrOf(new RegExp(`<${el('name')}\\s[^<>]*>`).exec(font)?.[0] ?? '', 'val') ?? 'Calibri',
      size: Number(attrOf(new RegExp(`<${el('sz')}\\s[^<>]*>`).exec(font)?.[0] ?? '', 'val') ?? 11),
    };
  }

  /** What a cell format shows text in: its font's size and weight, and whether it wraps. */
  textLook(s: number): { size: number; bold: boolean; wrap: boolean } {
    const xf = this.itemAt(this.blocks.cellXfs, s) ?? this.xf(s);
    const font = this.itemAt(this.blocks.fonts, Number(attrOf(xf, 'fontId') ?? 0)) ?? '';
    const size = Number(attrOf(new RegExp(`<${el('sz')}\\s[^<>]*>`).exec(font)?.[0] ?? '', 'val') ?? 11);
    const b = new RegExp(`<${el('b')}(\\s[^<>]*)?/?>`).exec(font);
    const bold = !!b && !/val="(0|false)"/.test(b[0]);
    return { size, bold, wrap: /\swrapText="(1|true)"/.test(xf) };
  }

  /** The style sheet with what was added (counts updated). */
  toXml(): string {
    const blocks = Object.values(this.blocks).sort((a, b) => a.start - b.start);
    let out = '';
    let at = 0;
    for (const b of blocks) {
      if (b.start < at || (b.start === b.end && b.added.length === 0)) continue;
      const items = [...b.items, ...b.added];
      const open = /\scount="/.test(b.open)
        ? b.open.replace(/\scount="\d*"/, ` count="${items.length}"`)
        : b.open.replace(/>$/, ` count="${items.length}">`);
      out +=
        this.xml.slice(at, b.start) +
        (b.added.length || b.start === b.end ? `${open}${items.join('')}${b.close}` : this.xml.slice(b.start, b.end));
      at = b.end;
    }
    return out + this.xml.slice(at);
  }
}

/** An attribute of a start tag (undefined when absent). */
export function attrOf(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/**
 * Set attributes on an element's start tag (replacing those present).
 * @example setAttrs('<xf fontId="0"/>', { fontId: '3' }) // '<xf fontId="3"/>'
 */
export function setAttrs(element: string, attrs: Record<string, string>): string {
  const end = element.indexOf('>');
  const selfClosing = element[end - 1] === '/';
  let tag = element.slice(0, selfClosing ? end - 1 : end);
  for (const [k, v] of Object.entries(attrs)) {
    const re = new RegExp(`\\s${k}="[^"]*"`);
    tag = re.test(tag) ? tag.replace(re, ` ${k}="${v}"`) : `${tag} ${k}="${v}"`;
  }
  return `${tag}${selfClosing ? '/>' : '>'}${element.slice(end + 1)}`;
}

/** `<font/>` → `<font></font>`, so that children can be appended. */
function openItem(xml: string, name: string): string {
  const m = new RegExp(`^<(${el(name)})(\\s[^<>]*?)?/>$`).exec(xml);
  return m ? `<${m[1]}${m[2] ?? ''}></${m[1]}>` : xml;
}
