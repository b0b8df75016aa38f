// The ExcelPort the pane starts with: capabilities and document settings at once, every workbook operation through the
// real port (port-impl.ts, with the core code it uses), fetched on the first one so the pane's first load stays small.
import { capabilitiesOf, detectFeatures } from './capabilities.ts';
import { openDialog } from './dialog.ts';
import { readSetting, writeSetting } from './doc-settings.ts';
import type { ExcelHost, ExcelPortOptions } from './host.ts';
import type { ExcelPort } from './port.ts';

type Later = Exclude<keyof ExcelPort, 'capabilities' | 'readSetting' | 'writeSetting' | 'openDialog'>;

/**
 * Same answers as createExcelPort (one real port, created once, keeps the undo stack and read hints).
 * @example const port = createLazyExcelPort({ Excel, Office }, { lang: 'vi' }); await port.readWorkbook()
 */
export function createLazyExcelPort(host: ExcelHost, options: ExcelPortOptions = {}): ExcelPort {
  const caps = capabilitiesOf(detectFeatures(host.Office));
  let real: Promise<ExcelPort> | null = null;
  const load = () =>
    (real ??= import('./port-impl.ts').then((m) => m.createExcelPort(host, options))).catch((err: unknown) => {
      real = null; // a failed fetch is tried again on the next operation
      throw err;
    });
  const later = <K extends Later>(key: K): ExcelPort[K] =>
    (async (...args: unknown[]) => ((await load())[key] as (...a: unknown[]) => Promise<unknown>)(...args)) as ExcelPort[K];
  return {
    capabilities: () => ({ ...caps }),
    readSetting: (name) => readSetting(host.Office, name),
    writeSetting: (name, value) => writeSetting(host.Office, name, value),
    openDialog: (url) => openDialog(host.Office, url),
    readWorkbook: later('readWorkbook'),
    applyPatches: later('applyPatches'),
    markIssues: later('markIssues'),
    clearMarks: later('clearMarks'),
    selectCell: later('selectCell'),
    insertTemplate: later('insertTemplate'),
    addDropdowns: later('addDropdowns'),
    writeValues: later('writeValues'),
    undoLast: later('undoLast'),
    applyRowOps: later('applyRowOps'),
    addSheets: later('addSheets'),
    addAppendixSheets: later('addAppendixSheets'),
    writeProgressCells: later('writeProgressCells'),
    addProgressColumns: later('addProgressColumns'),
  };
}
