// The tests' window on a fake workbook: read any cell, merge, note or setting directly, and act as the user would.
import { columnNumber } from '../../../core/model/a1.ts';
import { formatRef, parseAddress } from './addr.ts';
import type { SheetModel, Visibility } from './model.ts';
import type { Runtime } from './runtime.ts';
import { mergeStyle, styleLeaf } from './style.ts';
import type { CellStyle, FakeValue, SnapshotCell, WorkbookSnapshotData } from './types.ts';

export interface CellView {
  value: FakeValue;
  formula?: string;
  numberFormat: string;
  font: string;
  bold: boolean;
  fill: { pattern: string; color: string };
  note?: string;
  comment?: string;
  quotePrefix: boolean;
}

/**
 * Inspection API bound to one fake.
 * @example fake.workbook.values('Phụ lục I')[4] // the fifth row, empty cells as null
 */
export function createInspector(rt: Runtime) {
  const m = rt.model;
  const sheet = (name: string): SheetModel => {
    const s = m.byName(name);
    if (!s)
      throw new Error(
        `fake workbook: no sheet "${name}" (have ${m
          .live()
          .map((x) => x.name)
          .join(', ')})`,
      );
    return s;
  };
  const leaf = (style: CellStyle | undefined, path: string[]) => styleLeaf(style, path, rt.defaults as never);
  return {
    sheetNames: (): string[] => m.live().map((s) => s.name),
    visibility: (name: string): Visibility => sheet(name).visibility,
    activeSheet: (): string => m.active().name,
    selection: () => m.selection,
    /** Values from A1 to the last used cell, empty cells as null (dates as serial numbers, like Excel). */
    values(name: string): FakeValue[][] {
      const s = sheet(name);
      const used = s.usedRect(true);
      if (!used) return [];
      return Array.from({ length: used.bottom }, (_, i) => Array.from({ length: used.right }, (_, j) => s.cell(i + 1, j + 1)?.v ?? null));
    },
    cell(name: string, a1: string): CellView {
      const { rect } = parseAddress(a1);
      const c = sheet(name).cell(rect.top, rect.left);
      return {
        value: c?.v ?? null,
        ...(c?.f ? { formula: c.f } : {}),
        numberFormat: c?.fmt ?? 'General',
        font: leaf(c?.style, ['font', 'name']) as string,
        bold: leaf(c?.style, ['font', 'bold']) as boolean,
        fill: { pattern: leaf(c?.style, ['fill', 'pattern']) as string, color: leaf(c?.style, ['fill', 'color']) as string },
        ...(c?.note !== undefined ? { note: c.note } : {}),
        ...(c?.comment !== undefined ? { comment: c.comment } : {}),
        quotePrefix: c?.quote === true,
      };
    },
    /** Every cell's style, for before/after comparisons of formatting. */
    styles(name: string): Record<string, CellStyle> {
      const s = sheet(name);
      const out: Record<string, CellStyle> = {};
      for (const [r, c, cell] of s.stored({ top: 1, left: 1, bottom: s.rows.length, right: 16_384 }))
        if (cell.style) out[formatRef({ top: r, left: c, bottom: r, right: c })] = cell.style;
      return out;
    },
    notes(name: string): Record<string, string> {
      const s = sheet(name);
      const out: Record<string, string> = {};
      for (const [r, c, cell] of s.stored({ top: 1, left: 1, bottom: s.rows.length, right: 16_384 }))
        if (cell.note !== undefined) out[formatRef({ top: r, left: c, bottom: r, right: c })] = cell.note;
      return out;
    },
    merges: (name: string): string[] => sheet(name).merges.map((r) => formatRef(r)),
    validations: (name: string) =>
      sheet(name).validations.map((v) => ({ range: formatRef(v.rect), rule: v.rule, errorAlert: v.errorAlert, prompt: v.prompt })),
    columnHidden: (name: string, col: string): boolean => sheet(name).hiddenColumns.has(columnNumber(col)),
    columnWidth: (name: string, col: string): number | undefined => sheet(name).columnWidths.get(columnNumber(col)),
    rowHeight: (name: string, row: number): number | undefined => sheet(name).rows[row - 1]?.height,
    /** Settings as saved in the document. */
    settings: (): Record<string, unknown> => structuredClone(m.savedSettings),

    /** The user types into a cell (or clears it with null), bypassing the add-in. */
    userSetValue(name: string, a1: string, value: FakeValue): void {
      const { rect } = parseAddress(a1);
      const s = sheet(name);
      s.ensure(rect.top, rect.left).v = value;
      s.tidy(rect.top, rect.left);
    },
    /** The user formats a cell (fill, font…), bypassing the add-in. */
    userFormat(name: string, a1: string, format: CellStyle): void {
      const { rect } = parseAddress(a1);
      const cell = sheet(name).ensure(rect.top, rect.left);
      cell.style = mergeStyle(cell.style, format as never, rt.defaults as never);
    },
    userNote(name: string, a1: string, note: string): void {
      const { rect } = parseAddress(a1);
      sheet(name).ensure(rect.top, rect.left).note = note;
    },
    /** The user inserts `n` blank rows at row `at` (Home › Insert › Sheet rows). */
    userInsertRows(name: string, at: number, n = 1): void {
      sheet(name).insertRows(at, n);
    },
    /** The user deletes rows top..bottom. */
    userDeleteRows(name: string, top: number, bottom = top): void {
      sheet(name).deleteRows(top, bottom);
    },
    /** The user sorts rows top..bottom of columns left..right (letters) by column `by` (Data › Sort, selection expanded). */
    userSort(name: string, top: number, bottom: number, left: string, right: string, by: string, descending = false): void {
      sheet(name).sortRows(top, bottom, columnNumber(left), columnNumber(right), columnNumber(by), descending);
    },
    userActivate(name: string): void {
      m.activeId = sheet(name).id;
    },
    /** Excel stays in cell-edit mode: every sync fails with InvalidOperationInCellEditMode. */
    setCellEditMode(on: boolean): void {
      rt.cellEditMode = on;
    },
    /** Every sync from now on never settles (a hung host). */
    setHang(on: boolean): void {
      rt.hang = on;
    },
    /** The task pane reloads: settings set but never saved are lost, Office loads the saved ones. */
    reloadPane(): void {
      m.settings = structuredClone(m.savedSettings);
    },
    /** Let insertWorksheetsFromBase64 accept this base64 .xlsx, as the given parsed snapshot. */
    registerBase64(base64: string, snapshot: WorkbookSnapshotData): void {
      m.templates.set(base64, snapshot);
    },
    /** The whole workbook as snapshot data (values, formulas, formats, merges, notes, validations). */
    snapshot(): WorkbookSnapshotData {
      return {
        sheets: m.live().map((s) => {
          const cells: SnapshotCell[] = [];
          for (const [r, c, cell] of s.stored({ top: 1, left: 1, bottom: s.rows.length, right: 16_384 })) {
            cells.push({
              r,
              c,
              v: cell.v,
              ...(cell.f ? { f: cell.f } : {}),
              ...(cell.fmt ? { fmt: cell.fmt } : {}),
              ...(cell.style ? { style: structuredClone(cell.style) } : {}),
              ...(cell.note !== undefined ? { note: cell.note } : {}),
            });
          }
          return {
            name: s.name,
            visibility: s.visibility,
            cells,
            merges: s.merges.map((r) => formatRef(r)),
            ...(s.hiddenColumns.size > 0 ? { hiddenColumns: [...s.hiddenColumns] } : {}),
          };
        }),
        active: m.active().name,
        defaultFont: m.defaultFont,
        // What Office keeps in the file: the settings as last saved (so a reopened copy sees the binding).
        settings: structuredClone(m.savedSettings),
      };
    },
  };
}

export type FakeWorkbookInspector = ReturnType<typeof createInspector>;
