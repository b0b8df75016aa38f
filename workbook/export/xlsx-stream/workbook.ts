// A write-only .xlsx streamed sheet by sheet: rows rendered straight to XML (inline strings, no shared-string table),
// deflated natively as they go, so 180,000 rows cost a few seconds and a few megabytes whatever the sheet's size.
import { DeflatedBody } from './deflated-body.ts';
import { packageParts } from './parts.ts';
import { rowXml, sheetEnd, sheetNames, sheetStart, type OutCell, type SheetLayout } from './sheet-xml.ts';
import { StyleSheet } from './styles.ts';
import { ZipStream, type ZipEntry } from './zip.ts';

export type { OutCell, PrintSetup } from './sheet-xml.ts';

export interface SheetOptions extends SheetLayout {
  name: string;
}

/** Bytes of sheet XML gathered before they go to the deflater. */
const CHUNK = 256 * 1024;

/** One sheet being written: rows in order, then merges and the filter, then end(). */
export class SheetWriter {
  // Each row is encoded into this buffer as it is rendered: a 256 KB string built of thousands of rows and encoded
  // at once cost as much again as rendering them (V8 flattens the long concatenation first).
  private out = Buffer.allocUnsafe(CHUNK);
  private pos = 0;
  private row = 0;
  private readonly merges: string[] = [];
  private filter: string | null = null;

  /** `firstRow`: the rows before it and the sheet's start are written apart (SheetAhead), not by this writer. */
  constructor(
    private readonly entry: ZipEntry,
    private readonly opts: SheetOptions,
    private readonly check: () => void,
    firstRow = 1,
  ) {
    if (firstRow === 1) this.pos = this.out.write(sheetStart(opts), 0);
    else this.row = firstRow - 1;
  }

  /** The next row number (1-based) a call to add() writes. */
  get nextRow(): number {
    return this.row + 1;
  }

  /**
   * Append a row; `height` in points. Awaits only when the output pushes back.
   * @example await sheet.add([{ s: title, v: 'TỔNG HỢP' }], { height: 40 })
   */
  async add(cells: readonly (OutCell | null)[], opts: { height?: number } = {}): Promise<void> {
    await this.append(rowXml(++this.row, cells, opts.height));
  }

  /** Encode `xml` after what is gathered; what would not surely fit (3 bytes a UTF-16 unit at most) goes out first. */
  private async append(xml: string): Promise<void> {
    if (this.pos + xml.length * 3 > CHUNK) {
      await this.flush();
      if (xml.length * 3 > CHUNK) {
        await this.entry.write(Buffer.from(xml, 'utf8'));
        return;
      }
    }
    this.pos += this.out.write(xml, this.pos);
  }

  /** Leave a row empty. */
  blankRow(): void {
    this.row++;
  }

  /** @example sheet.merge('A1:N1') */
  merge(ref: string): void {
    this.merges.push(ref);
  }

  /** Merges of rows written apart before the others (SheetAhead's first rows), in their order. */
  mergeFirst(refs: readonly string[]): void {
    this.merges.unshift(...refs);
  }

  /** An autofilter over `ref` (header row included). */
  autoFilter(ref: string): void {
    this.filter = ref;
  }

  /** The defined names this sheet needs in workbook.xml (filter range, print titles, print area). */
  definedNames(sheetIndex: number): string[] {
    return sheetNames(this.opts.name, sheetIndex, this.opts, { lastRow: this.row, filter: this.filter });
  }

  private async flush(): Promise<void> {
    this.check();
    if (this.pos === 0) return;
    // The deflater holds the bytes until it has read them: the next rows go to a new buffer.
    const bytes = this.out.subarray(0, this.pos);
    this.out = Buffer.allocUnsafe(CHUNK);
    this.pos = 0;
    await this.entry.write(bytes);
  }

  /** Close sheetData, write the filter, merges and page setup, and end the entry. */
  async end(): Promise<void> {
    await this.append(sheetEnd(this.opts, { lastRow: this.row, filter: this.filter, merges: this.merges }));
    await this.flush();
    await this.entry.end();
  }
}

/** A row of a sheet: its cells and height in points. */
export interface SheetRow {
  cells: readonly (OutCell | null)[];
  height?: number;
}

/**
 * A sheet written before its workbook's output is open, and before its first rows are known: rows from `firstRow` on
 * are deflated into memory as they come (`writer`); WorkbookWriter.sheetAhead() then writes the sheet's start and its
 * first rows ahead of them.
 * @example const s = new SheetAhead({ name: 'Tổng hợp', widths }, 10, 2); await s.writer.add(cells); … await wb.sheetAhead(s, title)
 */
export class SheetAhead {
  readonly body: DeflatedBody;
  readonly writer: SheetWriter;

  constructor(
    readonly opts: SheetOptions,
    readonly firstRow: number,
    level: number,
  ) {
    this.body = new DeflatedBody(level);
    this.writer = new SheetWriter(this.body, opts, () => {}, firstRow);
  }
}

/**
 * @example
 * const wb = new WorkbookWriter(res); const s = wb.styles.add({ font: { name: 'Times New Roman', size: 12 } });
 * const sheet = wb.sheet({ name: 'Tổng hợp', widths: [9, 60] }); await sheet.add([{ s, v: 'x' }]); await sheet.end(); await wb.finish()
 */
export class WorkbookWriter {
  readonly styles: StyleSheet;
  private readonly zip: ZipStream;
  private readonly sheets: { name: string; names: string[] }[] = [];
  private readonly creator: string;

  /** `styles`: the looks registered before the output was open (sheets written ahead use their indices). */
  constructor(out: NodeJS.WritableStream, opts: { level?: number; creator?: string; styles?: StyleSheet } = {}) {
    this.zip = new ZipStream(out, opts.level ?? 6);
    this.creator = opts.creator ?? 'phuluc';
    this.styles = opts.styles ?? new StyleSheet();
  }

  /** Throws once the output has failed (a closed download). */
  check(): void {
    this.zip.check();
  }

  /** Start the next sheet; end it before starting another. */
  sheet(opts: SheetOptions): SheetWriter & { finish(): Promise<void> } {
    const index = this.sheets.length + 1;
    const w = new SheetWriter(this.zip.entry(`xl/worksheets/sheet${index}.xml`), opts, () => this.check());
    const rec = { name: opts.name, names: [] as string[] };
    this.sheets.push(rec);
    return Object.assign(w, {
      finish: async () => {
        await w.end();
        rec.names = w.definedNames(index - 1);
      },
    });
  }

  /**
   * Add the next sheet from one written ahead: its start and `first` rows (rows 1 to firstRow − 1), then its body.
   * Its merges, filter and last rows must be given to `s.writer` before; this ends it.
   */
  async sheetAhead(s: SheetAhead, first: readonly SheetRow[]): Promise<void> {
    if (first.length !== s.firstRow - 1) throw new Error(`sheet ${s.opts.name}: ${first.length} first rows, expected ${s.firstRow - 1}`);
    const index = this.sheets.length + 1;
    await s.writer.end();
    let xml = sheetStart(s.opts);
    first.forEach((r, i) => (xml += rowXml(i + 1, r.cells, r.height)));
    await this.zip.joined(`xl/worksheets/sheet${index}.xml`, Buffer.from(xml, 'utf8'), s.body);
    this.sheets.push({ name: s.opts.name, names: s.writer.definedNames(index - 1) });
  }

  /** Styles, workbook, relationships and content types; then the zip's directory. */
  async finish(): Promise<void> {
    await this.zip.file('xl/styles.xml', this.styles.xml());
    for (const [name, xml] of packageParts(this.sheets, this.creator)) await this.zip.file(name, xml);
    await this.zip.finish();
  }
}
