// createExcelPort: the ExcelPort over an injected host (the browser's Office.js, or a test's fake).
import { applyPatches } from './apply-patches.ts';
import { capabilitiesOf, detectFeatures } from './capabilities.ts';
import { addAppendixSheets } from './add-appendix-sheets.ts';
import { addSheets } from './add-sheets.ts';
import { openDialog } from './dialog.ts';
import { readSetting, writeSetting } from './doc-settings.ts';
import { addDropdowns } from './dropdowns.ts';
import { DEFAULT_OPTIONS, type ExcelHost, type ExcelPortOptions } from './host.ts';
import { clearMarks, markIssues } from './marks.ts';
import type { ExcelPort } from './port.ts';
import { readSheets } from './read-workbook.ts';
import { applyRowOps } from './row-ops.ts';
import { runExcel } from './run.ts';
import type { PortState } from './state.ts';
import { insertTemplate } from './template.ts';
import { queueUndo } from './undo.ts';
import { writeValues } from './write-values.ts';
import { addProgressColumns, writeProgressCells } from './write-progress.ts';

/**
 * Capabilities are asked once, here; every method is one guarded Excel.run.
 * @example const port = createExcelPort({ Excel, Office }, { syncTimeoutMs: 30_000 })
 */
export function createExcelPort(host: ExcelHost, options: ExcelPortOptions = {}): ExcelPort {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  const state: PortState = {
    env: { host, timeoutMs: opts.syncTimeoutMs },
    opts,
    features: detectFeatures(host.Office),
    hints: new Map(),
    sheetNames: null,
    lastReadBytes: 0,
    undo: [],
  };
  const caps = capabilitiesOf(state.features);
  return {
    capabilities: () => ({ ...caps }),
    readWorkbook: (o) => readSheets(state, o?.sheets ?? 'active'),
    applyPatches: (patches) => applyPatches(state, patches),
    markIssues: (issues) => markIssues(state, issues),
    clearMarks: () => clearMarks(state),
    selectCell: (sheet, cell) =>
      runExcel(
        state.env,
        async (b) => {
          const ws = b.context.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(cell).select();
          await b.sync();
        },
        { sheet },
      ),
    insertTemplate: async (kind, template) => {
      const out = await insertTemplate(state, kind, template);
      state.sheetNames = null;
      return out;
    },
    addDropdowns: (spec) => addDropdowns(state, spec),
    writeValues: (sheet, topLeft, values) => writeValues(state, sheet, topLeft, values),
    undoLast: async () => {
      const entry = state.undo.pop();
      if (!entry) return false;
      try {
        await runExcel(state.env, async (b) => {
          queueUndo(b, host, entry);
          await b.sync();
        });
      } catch (err) {
        // Not undone: keep the entry so the user can try again.
        state.undo.push(entry);
        throw err;
      }
      state.hints.clear();
      return true;
    },
    applyRowOps: (ops) => applyRowOps(state, ops),
    addSheets: (sheets) => addSheets(state, sheets),
    addAppendixSheets: (sheets) => addAppendixSheets(state, sheets),
    writeProgressCells: (cells) => writeProgressCells(state, cells),
    addProgressColumns: async (spec) => {
      await addProgressColumns(state, spec);
      state.sheetNames = null;
    },
    readSetting: (name) => readSetting(host.Office, name),
    writeSetting: (name, value) => writeSetting(host.Office, name, value),
    openDialog: (url) => openDialog(host.Office, url),
  };
}
