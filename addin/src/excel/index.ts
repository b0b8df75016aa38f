// The Excel layer's public surface: the port, its factory, the host type and the error the pane shows.
export { createExcelPort } from './port-impl.ts';
export { createLazyExcelPort } from './lazy-port.ts';
export { officeHost, type ExcelHost, type ExcelPortOptions } from './host.ts';
export {
  ExcelLayerError,
  type AppendixSheetInput,
  type ApplyResult,
  type Capabilities,
  type DropdownSpec,
  type ExcelErrorCode,
  type ExcelPort,
  type ProgressCell,
  type ProgressColumnsSpec,
  type RowOp,
  type WorkbookSnapshot,
} from './port.ts';
