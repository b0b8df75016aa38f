// Plain data a fake workbook is built from (and shown as): sheets, cells with values/formulas/formats, merges, notes.

/** A stored cell value as Excel holds it: dates are serial numbers, errors are their text ("#N/A"). */
export type FakeValue = string | number | boolean | null;

export interface BorderStyle {
  style?: string;
  color?: string;
  weight?: string;
}

/** The formatting the fake models per cell: the subset of Excel.CellPropertiesFormat the add-in reads or writes. */
export interface CellStyle {
  font?: { name?: string; bold?: boolean; italic?: boolean; size?: number; color?: string };
  fill?: { color?: string; pattern?: string; patternColor?: string };
  borders?: { top?: BorderStyle; bottom?: BorderStyle; left?: BorderStyle; right?: BorderStyle };
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
}

export interface SnapshotCell {
  /** 1-based row and column. */
  r: number;
  c: number;
  /** Constant, or the cached result of `f`. */
  v?: FakeValue;
  /** Formula with its leading "=". */
  f?: string;
  fmt?: string;
  style?: CellStyle;
  note?: string;
}

export interface SnapshotValidation {
  /** A1 range inside the sheet, e.g. "C6:C500". */
  range: string;
  rule: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
}

export interface SnapshotSheet {
  name: string;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: SnapshotCell[];
  /** A1 ranges, e.g. "A1:E1". */
  merges?: string[];
  validations?: SnapshotValidation[];
  /** Column widths and row heights in points, by 1-based index. */
  columnWidths?: Record<number, number>;
  /** 1-based columns that are hidden. */
  hiddenColumns?: number[];
  rowHeights?: Record<number, number>;
}

export interface WorkbookSnapshotData {
  sheets: SnapshotSheet[];
  /** Name of the active sheet (the first visible one when absent). */
  active?: string;
  /** Font of cells that have none of their own (the workbook's Normal style). */
  defaultFont?: string;
  /** Office.context.document.settings as saved in the file. */
  settings?: Record<string, unknown>;
}
