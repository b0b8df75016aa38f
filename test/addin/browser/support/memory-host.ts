// A tiny in-memory ExcelPort for the browser tests while the real Excel layer and fake host are not there:
// the workbook is a list of core Grids, patches go through core's applyToGrids, and every call is recorded.
import { applyToGrids } from '../../../../core/fix/index.ts';
import { parseA1 } from '../../../../core/model/index.ts';
import type { CellValue, Grid } from '../../../../core/model/index.ts';
import type { Issue } from '../../../../core/validate/index.ts';
import type { DropdownSpec, ExcelPort } from '../../../../addin/src/excel/port.ts';

export interface MemoryState {
  grids: Grid[];
  active: string;
  selection: { sheet: string; cell: string } | null;
  marks: Issue[];
  dropdowns: DropdownSpec[];
  history: Grid[][];
  calls: string[];
}

const clone = (g: Grid[]): Grid[] => structuredClone(g);

/** @example const host = memoryHost(grids); window.__PHULUC_TEST_HOST__ = host */
export function memoryHost(grids: Grid[]): {
  Excel: { port: ExcelPort; state: MemoryState };
  Office: { onReady(): Promise<{ host: string; platform: string }> };
} {
  const state: MemoryState = {
    grids: clone(grids),
    active: grids[0]?.sheet ?? 'Sheet1',
    selection: null,
    marks: [],
    dropdowns: [],
    history: [],
    calls: [],
  };
  const sheet = (name: string) => {
    const g = state.grids.find((x) => x.sheet === name);
    if (!g) throw new Error(`no sheet ${name}`);
    return g;
  };
  const port: ExcelPort = {
    capabilities: () => ({ comments: false, notes: true, insertFromBase64: true, nestedAppAuth: false, dialog: false }),
    async readWorkbook(opts) {
      state.calls.push('readWorkbook');
      const gs = opts?.sheets === 'active' ? state.grids.filter((g) => g.sheet === state.active) : state.grids;
      return { grids: clone(gs), active: state.active, bytes: JSON.stringify(gs).length };
    },
    async applyPatches(patches) {
      state.calls.push('applyPatches');
      state.history.push(clone(state.grids));
      const r = applyToGrids(state.grids, patches);
      state.grids = r.grids;
      return { applied: patches.length, stale: r.stale };
    },
    async markIssues(issues) {
      state.calls.push('markIssues');
      state.marks = issues;
    },
    async clearMarks() {
      state.calls.push('clearMarks');
      state.marks = [];
    },
    async selectCell(name, cell) {
      state.calls.push('selectCell');
      sheet(name);
      state.active = name;
      state.selection = { sheet: name, cell };
    },
    async insertTemplate(kind, template) {
      state.calls.push('insertTemplate');
      const name = kind === 'tasks' ? 'Phụ lục nhiệm vụ' : 'Phụ lục chỉ tiêu';
      const values = template.values ?? [];
      state.grids.push({
        sheet: name,
        origin: { row: 1, col: 1 },
        rows: values.map((r) => r.map((v) => (v === null ? null : { v }))),
        merges: [],
      });
      state.active = name;
      return { sheet: name };
    },
    async addDropdowns(spec) {
      state.calls.push('addDropdowns');
      state.dropdowns.push(spec);
    },
    async writeValues(name, topLeft, values: CellValue[][]) {
      state.calls.push('writeValues');
      state.history.push(clone(state.grids));
      const g = sheet(name);
      const at = parseA1(topLeft)!;
      values.forEach((row, i) => {
        const r = at.row - g.origin.row + i;
        while (g.rows.length <= r) g.rows.push([]);
        row.forEach((v, j) => {
          g.rows[r]![at.col - g.origin.col + j] = v === null ? null : { v };
        });
      });
    },
    async applyRowOps() {
      throw new Error('memory host: applyRowOps is not modelled');
    },
    async writeProgressCells() {
      throw new Error('memory host: writeProgressCells is not modelled');
    },
    async addProgressColumns() {
      throw new Error('memory host: addProgressColumns is not modelled');
    },
    async addSheets() {
      throw new Error('memory host: addSheets is not modelled');
    },
    async addAppendixSheets(sheets) {
      state.calls.push('addAppendixSheets');
      const names: string[] = [];
      for (const s of sheets) {
        let name = s.name;
        for (let n = 2; state.grids.some((g) => g.sheet.toLowerCase() === name.toLowerCase()); n++) name = `${s.name} (${n})`;
        names.push(name);
        state.grids.push({
          sheet: name,
          origin: { row: 1, col: 1 },
          rows: s.values.map((r) => r.map((v) => (v === null ? null : { v }))),
          merges: s.merges.map((m) => {
            const [a, b] = m.split(':').map((x) => parseA1(x)!);
            return { top: a!.row, left: a!.col, bottom: b!.row, right: b!.col };
          }),
        });
      }
      state.active = names[0] ?? state.active;
      return names;
    },
    readSetting: () => null,
    async writeSetting() {},
    async openDialog() {
      throw new Error('memory host: no dialog');
    },
    async undoLast() {
      state.calls.push('undoLast');
      const last = state.history.pop();
      if (!last) return false;
      state.grids = last;
      return true;
    },
  };
  return { Excel: { port, state }, Office: { onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }) } };
}
