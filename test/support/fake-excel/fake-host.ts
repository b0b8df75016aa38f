// A strict in-memory Excel for tests, pure (no Node imports: it bundles for the browser): createFakeExcel(snapshot).
/// <reference types="office-js" />
import { Comment, CommentCollection, Note, NoteCollection } from './classes/annotations.ts';
import { RangeFill, RangeFont, RangeFormat } from './classes/format.ts';
import { Range, RangeAreas } from './classes/range.ts';
import { DataValidation } from './classes/validation.ts';
import { Workbook, Worksheet, WorksheetCollection } from './classes/workbook.ts';
import { createExcel } from './excel-namespace.ts';
import { createInspector, type FakeWorkbookInspector } from './inspect.ts';
import { createOffice } from './office.ts';
import { Runtime, type ClassSpec, type Stats } from './runtime.ts';
import type { WorkbookSnapshotData } from './types.ts';
import { WorkbookModel } from './workbook-model.ts';

export { FakeOfficeError } from './errors.ts';
export type { Stats } from './runtime.ts';
export type { FakeWorkbookInspector, CellView } from './inspect.ts';
export type * from './types.ts';

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set the host supports (default '1.18'); members above it fail with ApiNotFound. */
  excelApi?: string;
  /** Request + response size a sync may carry (default 5 MB, Excel on the web's limit). */
  payloadLimit?: number;
  /** How typed dates are read: 'dmy' (Vietnamese Excel, default) or 'mdy'. */
  dateOrder?: 'dmy' | 'mdy';
  /** Whether isSetSupported('NestedAppAuth', '1.1') answers true (default false). */
  nestedAppAuth?: boolean;
}

export interface FakeExcel {
  Excel: typeof Excel;
  Office: typeof Office;
  stats: Stats;
  workbook: FakeWorkbookInspector;
}

const SPECS: Record<string, ClassSpec> = {
  Workbook,
  WorksheetCollection,
  Worksheet,
  Range,
  RangeAreas,
  RangeFormat,
  RangeFill,
  RangeFont,
  DataValidation,
  NoteCollection,
  Note,
  CommentCollection,
  Comment,
};

export const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/**
 * An Excel host over the snapshot's data.
 * @example const fake = createFakeExcel(await snapshotFromXlsx(bytes), { excelApi: '1.9' }); createExcelPort(fake, {})
 */
export function createFakeExcel(snapshot: WorkbookSnapshotData, opts: FakeExcelOptions = {}): FakeExcel {
  const model = new WorkbookModel(snapshot);
  if (opts.dateOrder) model.dateOrder = opts.dateOrder;
  const rt = new Runtime(model, SPECS, {
    excelApi: opts.excelApi ?? '1.18',
    payloadLimit: opts.payloadLimit ?? DEFAULT_PAYLOAD_LIMIT,
    nestedAppAuth: opts.nestedAppAuth === true,
  });
  return {
    Excel: createExcel(rt) as unknown as typeof Excel,
    Office: createOffice(rt) as unknown as typeof Office,
    stats: rt.stats,
    workbook: createInspector(rt),
  };
}
