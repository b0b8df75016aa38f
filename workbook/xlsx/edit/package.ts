// An .xlsx package opened for editing in place: parts read on demand (through the same guards as the readers), the
// few that change rewritten, every other part — charts, drawings, images, pivot tables, comments, VBA, custom XML —
// copied compressed, byte for byte. Portable: the browser's copies use it too.
import { WorkbookReadError } from '../errors.ts';
import { DEFAULT_LIMITS, type ReadLimits } from '../limits.ts';
import { openWorkbookZip } from '../open-zip.ts';
import { relationships, relsPath, sheetRefs, type Relationship, type SheetRef } from '../package.ts';
import { PartInflater, type RawInflate, type ZipEntry } from '../zip.ts';
import { writeZip, type RawDeflate, type ZipPart } from '../zip-write.ts';

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Escape text for XML element content and attribute values. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * @example
 * const pkg = XlsxPackage.open(bytes);
 * pkg.write('xl/worksheets/sheet1.xml', edited);
 * const copy = pkg.toBytes();
 */
export class XlsxPackage {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();
  private readonly changed = new Set<string>();
  private readonly added: string[] = [];
  private readonly decoder = new TextDecoder();

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: ZipEntry[],
    private readonly inflater: PartInflater,
  ) {
    for (const e of entries) this.byName.set(e.name.replace(/^\//, ''), e);
  }

  /**
   * Open a package: the file's size, kind, zip directory and declared sizes checked before anything is inflated.
   * Throws WorkbookReadError.
   */
  static open(bytes: Uint8Array, opts: { limits?: ReadLimits; inflate?: RawInflate } = {}): XlsxPackage {
    const limits = opts.limits ?? DEFAULT_LIMITS;
    const entries = openWorkbookZip(bytes, limits);
    return new XlsxPackage(bytes, entries, new PartInflater(bytes, limits, opts.inflate));
  }

  /** Every part's name, in the package's order (new parts last). */
  names(): string[] {
    return [...this.entries.map((e) => e.name.replace(/^\//, '')).filter((n) => !n.endsWith('/')), ...this.added];
  }

  private key(name: string): string | undefined {
    if (this.byName.has(name) || this.texts.has(name)) return name;
    const lower = name.toLowerCase();
    return [...this.byName.keys(), ...this.added].find((k) => k.toLowerCase() === lower);
  }

  has(name: string): boolean {
    return this.key(name) !== undefined;
  }

  /** A part's text (UTF-8), undefined when there is no such part. */
  read(name: string): string | undefined {
    const k = this.key(name);
    if (k === undefined) return undefined;
    let t = this.texts.get(k);
    if (t === undefined) {
      t = this.decoder.decode(this.inflater.read(this.byName.get(k)!));
      this.texts.set(k, t);
    }
    return t;
  }

  /** Replace a part's text, or add a new part (its content type, when given, goes into [Content_Types].xml). */
  write(name: string, xml: string, contentType?: string): void {
    const k = this.key(name);
    if (k === undefined) {
      this.added.push(name);
      this.texts.set(name, xml);
      this.changed.add(name);
      if (contentType) this.override(name, contentType);
      return;
    }
    this.texts.set(k, xml);
    this.changed.add(k);
  }

  /** The first free part name the pattern makes (n = 1, 2, …). */
  freeName(pattern: (n: number) => string): string {
    for (let n = 1; ; n++) if (!this.has(pattern(n))) return pattern(n);
  }

  /** Make sure [Content_Types].xml has an Override for the part. */
  override(part: string, contentType: string): void {
    const ct =
      this.read('[Content_Types].xml') ?? `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`;
    if (new RegExp(`PartName="/${escapeRe(part)}"`, 'i').test(ct)) return;
    this.write('[Content_Types].xml', appendChild(ct, 'Types', `<Override PartName="/${esc(part)}" ContentType="${contentType}"/>`));
  }

  /** Make sure [Content_Types].xml has a Default for the extension. */
  defaultType(ext: string, contentType: string): void {
    const ct = this.read('[Content_Types].xml')!;
    if (new RegExp(`<Default\\s[^>]*Extension="${escapeRe(ext)}"`, 'i').test(ct)) return;
    this.write('[Content_Types].xml', ct.replace(/(<Types\b[^>]*>)/, `$1<Default Extension="${ext}" ContentType="${contentType}"/>`));
  }

  /** The relationships of a part (empty when it has none). */
  rels(part: string): Map<string, Relationship> {
    return relationships(this.read(relsPath(part)) ?? '', part);
  }

  /** The part a relationship of `part` points at, by type suffix ('/comments', '/drawing'…), all of them. */
  related(part: string, typeSuffix: string): Relationship[] {
    return [...this.rels(part).values()].filter((r) => !r.external && r.type.endsWith(typeSuffix));
  }

  /**
   * Add a relationship from `part` to `target` (a package path) and return its id.
   * @example const rid = pkg.addRel('xl/worksheets/sheet1.xml', `${REL}/comments`, 'xl/comments1.xml')
   */
  addRel(part: string, type: string, target: string): string {
    const path = relsPath(part);
    const xml = this.read(path) ?? `${XML_HEAD}<Relationships xmlns="${RELS_NS}"></Relationships>`;
    const used = new Set([...xml.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.write(
      path,
      appendChild(xml, 'Relationships', `<Relationship Id="${id}" Type="${type}" Target="${esc(relativeTarget(part, target))}"/>`),
    );
    return id;
  }

  /** The workbook's sheets with their parts (xl/workbook.xml). */
  sheets(): SheetRef[] {
    const wb = this.read('xl/workbook.xml');
    if (wb === undefined) throw new WorkbookReadError('not-xlsx', '');
    return sheetRefs(wb, this.rels('xl/workbook.xml'));
  }

  /** The part of a worksheet, by name (case as Excel: insensitive); undefined when there is none. */
  sheetPart(name: string): string | undefined {
    const lower = name.toLocaleLowerCase('vi');
    const ref = this.sheets().find((s) => s.name.toLocaleLowerCase('vi') === lower && s.type.endsWith('/worksheet'));
    return ref?.target;
  }

  /**
   * The package as bytes: unchanged parts copied as they are, changed and new ones deflated.
   * @example await writeFile('copy.xlsx', pkg.toBytes())
   */
  toBytes(deflate?: RawDeflate): Uint8Array {
    const encoder = new TextEncoder();
    const parts: ZipPart[] = [];
    for (const e of this.entries) {
      const name = e.name.replace(/^\//, '');
      if (this.changed.has(name)) parts.push({ name: e.name, data: encoder.encode(this.texts.get(name)!) });
      else parts.push({ name: e.name, copy: e, source: this.bytes });
    }
    for (const name of this.added) parts.push({ name, data: encoder.encode(this.texts.get(name)!) });
    return writeZip(parts, deflate);
  }
}

/**
 * A relationship target from `source`'s folder to `target` (both package paths).
 * @example relativeTarget('xl/worksheets/sheet1.xml', 'xl/comments1.xml') // '../comments1.xml'
 */
export function relativeTarget(source: string, target: string): string {
  const from = source.split('/').slice(0, -1);
  const to = target.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/**
 * Append a child at the end of an element (the last one of that name, prefix allowed); an empty element written
 * `<name …/>` is opened. The XML is returned unchanged when there is no such element.
 * @example appendChild('<sheets><sheet/></sheets>', 'sheets', '<sheet name="B"/>') // '<sheets><sheet/><sheet name="B"/></sheets>'
 */
export function appendChild(xml: string, name: string, child: string): string {
  let last: RegExpExecArray | undefined;
  for (const m of xml.matchAll(new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${name}>`, 'g'))) last = m as RegExpExecArray;
  if (last) return `${xml.slice(0, last.index)}${child}${xml.slice(last.index)}`;
  const empty = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?${name})(\\s[^<>]*?)?/>`).exec(xml);
  if (!empty) return xml;
  return `${xml.slice(0, empty.index)}<${empty[1]}${empty[2] ?? ''}>${child}</${empty[1]}>${xml.slice(empty.index + empty[0].length)}`;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
