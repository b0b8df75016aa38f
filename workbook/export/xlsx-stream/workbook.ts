// A write-only .xlsx streamed sheet by sheet: rows rendered straight to XML (inline strings, no shared-string table),
// deflated natively as they go, so 180,000 rows cost a few seconds and a few megabytes whatever the sheet's size.
import { packageParts } from './parts.ts';
import { StyleSheet } from './styles.ts';
import { colLetters, NS, quoteSheet, xmlText } from './xml.ts';
import { ZipStream, type ZipEntry } from './zip.ts';

/** A cell: its style index and a text or number (none: an empty styled cell). */
export interface OutCell {
  s: number;
  v?: string | number;
}

export interface SheetOptions {
  name: string;
  /** Column widths in characters, from column A. */
  widths: number[];
  /** Rows frozen at the top (title and header). */
  frozenRows?: number;
  /** Row repeated at the top of each printed page. */
  printTitleRow?: number;
  /** A4 landscape, fit to one page wide. */
  landscapeFitWidth?: boolean;
}

const FLUSH_AT = 256 * 1024;

/** One sheet being written: rows in order, then merges and the filter, then end(). */
export class SheetWriter {
  private buf = '';
  private row = 0;
  private readonly merges: string[] = [];
  private filter: string | null = null;

  constructor(
    private readonly entry: ZipEntry,
    private readonly opts: SheetOptions,
    private readonly check: () => void,
  ) {
    const frozen = opts.frozenRows ?? 0;
    const top = `A${frozen + 1}`;
    this.buf =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<worksheet ${NS}>` +
      (opts.landscapeFitWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
      '<sheetViews><sheetView workbookViewId="0">' +
      (frozen > 0
        ? `<pane ySplit="${frozen}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/>`
        : '') +
      '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
      `<cols>${opts.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
      '<sheetData>';
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
    const r = ++this.row;
    let xml = `<row r="${r}"${opts.height ? ` ht="${opts.height}" customHeight="1"` : ''}>`;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (!c) continue;
      const ref = `${colLetters(i + 1)}${r}`;
      if (c.v === undefined || c.v === '') xml += `<c r="${ref}" s="${c.s}"/>`;
      else if (typeof c.v === 'number') xml += `<c r="${ref}" s="${c.s}"><v>${c.v}</v></c>`;
      else xml += `<c r="${ref}" s="${c.s}" t="inlineStr"><is><t xml:space="preserve">${xmlText(c.v)}</t></is></c>`;
    }
    this.buf += `${xml}</row>`;
    if (this.buf.length > FLUSH_AT) await this.flush();
  }

  /** Leave a row empty. */
  blankRow(): void {
    this.row++;
  }

  /** @example sheet.merge('A1:N1') */
  merge(ref: string): void {
    this.merges.push(ref);
  }

  /** An autofilter over `ref` (header row included). */
  autoFilter(ref: string): void {
    this.filter = ref;
  }

  /** The defined names this sheet needs in workbook.xml (filter range, print titles). */
  definedNames(sheetIndex: number): string[] {
    const q = quoteSheet(this.opts.name);
    const out: string[] = [];
    if (this.filter) {
      const [a, b] = this.filter.split(':').map((x) => x.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'));
      out.push(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${sheetIndex}" hidden="1">${xmlText(`${q}!${a}:${b}`)}</definedName>`,
      );
    }
    if (this.opts.printTitleRow)
      out.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${sheetIndex}">${xmlText(`${q}!$${this.opts.printTitleRow}:$${this.opts.printTitleRow}`)}</definedName>`,
      );
    return out;
  }

  private async flush(): Promise<void> {
    this.check();
    const text = this.buf;
    this.buf = '';
    await this.entry.write(Buffer.from(text, 'utf8'));
  }

  /** Close sheetData, write the filter, merges and page setup, and end the entry. */
  async end(): Promise<void> {
    this.buf +=
      '</sheetData>' +
      (this.filter ? `<autoFilter ref="${this.filter}"/>` : '') +
      (this.merges.length
        ? `<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
        : '') +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      (this.opts.landscapeFitWidth ? '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' : '') +
      '</worksheet>';
    await this.flush();
    await this.entry.end();
  }
}

/**
 * @example
 * const wb = new WorkbookWriter(res); const s = wb.styles.add({ font: { name: 'Times New Roman', size: 12 } });
 * const sheet = wb.sheet({ name: 'Tổng hợp', widths: [9, 60] }); await sheet.add([{ s, v: 'x' }]); await sheet.end(); await wb.finish()
 */
export class WorkbookWriter {
  readonly styles = new StyleSheet();
  private readonly zip: ZipStream;
  private readonly sheets: { name: string; names: string[] }[] = [];
  private readonly creator: string;

  constructor(out: NodeJS.WritableStream, opts: { level?: number; creator?: string } = {}) {
    this.zip = new ZipStream(out, opts.level ?? 6);
    this.creator = opts.creator ?? 'phuluc';
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

  /** Styles, workbook, relationships and content types; then the zip's directory. */
  async finish(): Promise<void> {
    await this.zip.file('xl/styles.xml', this.styles.xml());
    for (const [name, xml] of packageParts(this.sheets, this.creator)) await this.zip.file(name, xml);
    await this.zip.finish();
  }
}
