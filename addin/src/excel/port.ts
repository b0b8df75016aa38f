// The Excel layer's surface: what the task pane may ask of the workbook, as plain data in and out.
// Every Office.js call lives behind this interface (addin/src/excel/); React never touches Office.
import type { Patch } from '../../../core/fix/index.ts';
import type { CellValue, Grid } from '../../../core/model/index.ts';
import type { Issue } from '../../../core/validate/index.ts';

export interface WorkbookSnapshot {
  /** The sheets read (the active one, or all), as core Grids: values, number formats, font names, merges. */
  grids: Grid[];
  /** Name of the active sheet. */
  active: string;
  /** Approximate payload size of the read, in bytes (what Excel on the web limits to 5 MB per request). */
  bytes: number;
}

export interface ApplyResult {
  applied: number;
  /** Cells whose value changed since the patch was computed: left alone, never overwritten. */
  stale: { sheet: string; cell: string }[];
}

export interface DropdownSpec {
  sheet: string;
  firstRow: number;
  lastRow: number;
  /** Column letters of the lead, partners and deadline columns, when the table has them. */
  columns: { lead?: string; partners?: string; deadline?: string };
  lists: { agencies: string[]; deadlines: string[] };
}

export interface Capabilities {
  /** ExcelApi 1.10: threaded comments. */
  comments: boolean;
  /** ExcelApi 1.18: notes. */
  notes: boolean;
  /** ExcelApi 1.13: insertWorksheetsFromBase64. */
  insertFromBase64: boolean;
  /** NestedAppAuth 1.1: Microsoft 365 sign-in through MSAL's nestable client. */
  nestedAppAuth: boolean;
  /** DialogApi 1.1: the Office dialog (sign-in fallback). */
  dialog: boolean;
}

/**
 * One step of the sync write-back, applied in list order; addresses are those of the sheet when the step runs.
 * `insert` adds whole rows at `at` (rows below move down) and writes `values` from `firstColumn` rightwards.
 */
export type RowOp =
  | { op: 'set'; sheet: string; cell: string; value: CellValue }
  | { op: 'delete'; sheet: string; top: number; bottom: number }
  | { op: 'insert'; sheet: string; at: number; firstColumn: string; values: CellValue[][] }
  | { op: 'hide-column'; sheet: string; column: string };

/** One cell of a task's progress (status, completion date, result…), by address: the pane maps roles to columns. */
export interface ProgressCell {
  sheet: string;
  /** A1 address of the cell. */
  cell: string;
  /** A Date gets the date format; text is written as text. */
  value: CellValue;
}

/** The progress columns to add at a table's right end (`addProgressColumns`). */
export interface ProgressColumnsSpec {
  sheet: string;
  /** The table's header rows: each label goes in the first and is merged down over the others. */
  headerRows: number[];
  /** Column letter of the first new column. */
  firstColumn: string;
  /** The table's first and last data rows (dropdown and date format). */
  firstRow: number;
  lastRow: number;
  columns: { label: string; kind: 'status' | 'date' | 'text' }[];
  /** The status dropdown's items, in order. */
  statuses: string[];
  /** What the dropdown says when something else is typed, and its prompt. */
  statusError: string;
  statusPrompt: string;
}

/** A new sheet of plain values (an appendix read from a Word plan): values from A1, merged ranges, widths in points. */
export interface AppendixSheetInput {
  name: string;
  values: CellValue[][];
  /** A1 ranges to merge (title lines), centred and bold. */
  merges: string[];
  /** Column widths in points, from column A. */
  widths: number[];
  /** 1-based header row, bold and centred; the table (bordered) runs from it to the last row. */
  headerRow?: number;
  /** Title lines in italics rather than bold (the "(Kèm theo …)" line, as the template writes it). */
  italicRows?: number[];
  /** Body rows in bold (group rows). */
  boldRows?: number[];
  /** 1-based columns hidden (the phuluc-id column). */
  hiddenColumns?: number[];
  /** The template's rules on the body rows and the spare rows under them. */
  rules?: AppendixSheetRules;
}

/** The template's dropdowns: agencies and deadlines (lists), the status (its words in the rule), the date format. */
export interface AppendixSheetRules extends Pick<DropdownSpec, 'firstRow' | 'lastRow' | 'columns' | 'lists'> {
  status?: { column: string; items: string[]; error: string; prompt: string };
  /** The completion day's column: a day format. */
  dateColumn?: string;
}

/** Which sheets a read takes: the active one, or every visible one. */
export type SheetsMode = 'active' | 'all';

export interface ExcelPort {
  capabilities(): Capabilities;
  /** One Excel.run, one read sync (chunked only past the 5 MB web payload). */
  readWorkbook(opts?: { sheets?: SheetsMode }): Promise<WorkbookSnapshot>;
  /** Apply core patches (cell edits, row merges and deletions, renumbering) in one batch; undoable. */
  applyPatches(patches: Patch[]): Promise<ApplyResult>;
  /** Highlight issue cells and attach each message (note or comment where supported); remembers the user's fills. */
  markIssues(issues: Issue[]): Promise<void>;
  /** Remove the marks, restoring the fills (and notes) the user had. */
  clearMarks(): Promise<void>;
  /** Select and scroll to a cell. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Insert the standard template as a new sheet; returns the sheet's name. */
  insertTemplate(kind: 'tasks' | 'indicators', template: { base64?: string; values?: CellValue[][] }): Promise<{ sheet: string }>;
  /** Data-validation dropdowns for the lead, partners and deadline columns. */
  addDropdowns(spec: DropdownSpec): Promise<void>;
  /** Write a block of values (pasted list form converted to rows, confirmed suggestions); undoable. */
  writeValues(sheet: string, topLeft: string, values: CellValue[][]): Promise<void>;
  /** Undo the add-in's last change (Excel's own undo does not cover add-in edits); false when nothing to undo. */
  undoLast(): Promise<boolean>;
  /** Sync write-back: cell values, rows inserted and deleted, the id column hidden — one batch, formats kept. */
  applyRowOps(ops: RowOp[]): Promise<void>;
  /** New sheets with values (consolidated table); a name in use gets a suffix. Returns the names given. */
  addSheets(sheets: { name: string; values: CellValue[][] }[]): Promise<string[]>;
  /**
   * New sheets laid out like the template (Word import): one Excel.run, one sync for the names in use, then one sync
   * per block of rows under the payload limit. A name in use gets a suffix; returns the names given.
   */
  addAppendixSheets(sheets: AppendixSheetInput[]): Promise<string[]>;
  /** Progress cells of many tasks in one batch (one Excel.run, one sync); not on the pane's undo stack. */
  writeProgressCells(cells: ProgressCell[]): Promise<void>;
  /** The progress columns at a table's right end, with the status dropdown and the date format; one batch. */
  addProgressColumns(spec: ProgressColumnsSpec): Promise<void>;
  /** A document setting (saved in the file; loaded with it, no Excel request); null when absent. */
  readSetting(name: string): unknown;
  /** Set (null removes) a document setting and save the settings into the file. */
  writeSetting(name: string, value: unknown): Promise<void>;
  /** Open a page in the Office dialog and resolve with the message it sends back (sign-in fallback). */
  openDialog(url: string): Promise<string>;
}

export type ExcelErrorCode = 'cell-edit-mode' | 'timeout' | 'payload-too-large' | 'unsupported' | 'sheet-not-found' | 'office-error';

/** An Excel failure the pane can explain: Vietnamese `message`, English `messageEn`. */
export class ExcelLayerError extends Error {
  constructor(
    readonly code: ExcelErrorCode,
    message: string,
    readonly messageEn: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'ExcelLayerError';
  }
}
