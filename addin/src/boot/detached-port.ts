// The port used when the page is open outside Excel (a plain browser tab): every call explains where to go instead.
import { ExcelLayerError, type ExcelPort } from '../excel/port.ts';

/** @example await detachedPort().readWorkbook() // throws ExcelLayerError('unsupported') */
export function detachedPort(): ExcelPort {
  const fail = async (): Promise<never> => {
    throw new ExcelLayerError(
      'unsupported',
      'Trang này chỉ làm việc được khi mở trong Excel.',
      'This page only works when opened inside Excel.',
    );
  };
  return {
    capabilities: () => ({ comments: false, notes: false, insertFromBase64: false, nestedAppAuth: false, dialog: false }),
    readWorkbook: fail,
    applyPatches: fail,
    markIssues: fail,
    clearMarks: fail,
    selectCell: fail,
    insertTemplate: fail,
    addDropdowns: fail,
    writeValues: fail,
    undoLast: fail,
    applyRowOps: fail,
    addSheets: fail,
    addAppendixSheets: fail,
    writeProgressCells: fail,
    addProgressColumns: fail,
    readSetting: () => null,
    writeSetting: fail,
    openDialog: fail,
  };
}
