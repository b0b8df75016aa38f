// The pane's logic without a browser: issue grouping, change descriptions, list form → rows, dropdown lists,
// suggestions, template values, and the actions (undo per action, stale cells, one action at a time) over a port.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixAll } from '../../../core/fix/index.ts';
import { gridFromValues, type Grid } from '../../../core/model/index.ts';
import { readPlan } from '../../../core/read/index.ts';
import { ISSUE_CODES } from '../../../core/validate/index.ts';
import type { Issue } from '../../../core/validate/index.ts';
import { allIssues } from '../../../core/validate/index.ts';
import { validateGrids } from '../../../core/validate/index.ts';
import { ExcelLayerError, type ExcelPort } from '../../../addin/src/excel/port.ts';
import { stringsFor } from '../../../addin/src/i18n/index.ts';
import { en } from '../../../addin/src/i18n/en.ts';
import { vi } from '../../../addin/src/i18n/vi.ts';
import { describeRounds, shortValue } from '../../../addin/src/logic/describe-patch.ts';
import { agencyList, deadlineList, dropdownSpec, planYears } from '../../../addin/src/logic/dropdowns.ts';
import { groupIssues, issueTarget } from '../../../addin/src/logic/group-issues.ts';
import { firstFilledRow, listFormRows } from '../../../addin/src/logic/list-rows.ts';
import { rowsToComplete, suggestFor } from '../../../addin/src/logic/suggestions.ts';
import { tableTargets } from '../../../addin/src/logic/tables.ts';
import { TASK_HEADERS, templateValues } from '../../../addin/src/logic/template-values.ts';
import { createActions } from '../../../addin/src/state/actions.ts';
import { initialState, type PaneState } from '../../../addin/src/state/pane-state.ts';
import { createStore } from '../../../addin/src/state/store.ts';
import { fixtureGrids } from './support/fixtures.ts';
import { memoryHost } from './support/memory-host.ts';

let quangSon: Grid[];
let camGiang: Grid[];
beforeAll(async () => {
  [quangSon, camGiang] = await Promise.all([fixtureGrids('quang-son-phu-luc.xlsx'), fixtureGrids('cam-giang-phu-luc.xlsx')]);
});

const TASKS = gridFromValues('KH', [
  ['PHỤ LỤC II'],
  ['(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/01/2026 của UBND xã Tân Phú)'],
  ['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Kết quả/sản phẩm', 'Thời gian hoàn thành'],
  ['I', 'Nâng cao nhận thức'],
  [
    1,
    'Tổ chức hội nghị quán triệt Nghị quyết 57 cho cán bộ, công chức xã',
    'Văn phòng HĐND và UBND',
    'Các phòng ban chuyên môn',
    'Hội nghị',
    'Quý I/2026',
  ],
  [2, 'Tổ chức hội nghị quán triệt Nghị quyết 57 cho đảng viên các chi bộ', '', '', '', ''],
  [3, 'Công an xã rà soát, cập nhật dữ liệu dân cư trên ứng dụng VNeID', '', 'Trạm Y tế xã', 'Dữ liệu', 'Quý 3/2026'],
]);

describe('issues', () => {
  it('groups by severity (errors first) then rule in catalog order, with counts and fixable counts', () => {
    const issues = allIssues(validateGrids(camGiang).report);
    const groups = groupIssues(issues);
    expect(groups.map((g) => g.severity)).toEqual(['error', 'warning', 'info']);
    for (const g of groups) {
      const order = g.codes.map((c) => ISSUE_CODES.indexOf(c.code));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(g.codes.every((c) => c.issues.every((i) => i.severity === g.severity))).toBe(true);
    }
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(issues.length);
    for (const g of groups) expect(g.codes.reduce((n, c) => n + c.issues.length, 0)).toBe(g.count);
  });

  it('targets the issue cell, else the first cell of its row in the table, else nothing', () => {
    const base: Issue = { code: 'blank-row', severity: 'info', sheet: 'S', message: '', messageEn: '', tags: [], params: {} };
    expect(issueTarget({ ...base, cell: 'C7' })).toEqual({ sheet: 'S', cell: 'C7' });
    expect(issueTarget({ ...base, row: 9, table: 'B5:F40' })).toEqual({ sheet: 'S', cell: 'B9' });
    expect(issueTarget({ ...base })).toBeNull();
  });

  it('describes fix rounds as edits, merges and deletions', () => {
    const { rounds } = fixAll(quangSon);
    const changes = describeRounds(rounds);
    expect(changes.some((c) => c.kind === 'delete-row' && c.code === 'repeated-header-row')).toBe(true);
    expect(changes.some((c) => c.kind === 'merge-rows')).toBe(true);
    expect(changes.some((c) => c.kind === 'edit' && c.code === 'deadline-format')).toBe(true);
    expect(new Set(changes.map((c) => c.round))).toEqual(new Set(rounds.map((_, i) => i + 1)));
    expect(shortValue(null)).toBe('∅');
    expect(shortValue('a\nb')).toBe('“a ⏎ b”');
  });
});

describe('Điền logic', () => {
  it('turns list-form text into rows laid out in the table columns, under the table', () => {
    const [target] = tableTargets(readPlan([TASKS]).plan);
    const rows = listFormRows(
      'I. NHÓM MỚI\n1. Xây dựng kho dữ liệu số\n- Cơ quan chủ trì: Công an xã\n- Cơ quan phối hợp: Bưu điện xã\n- Thời gian hoàn thành: Quý IV/2026\n2. =HYPERLINK("x")\n- Cơ quan chủ trì: Trạm Y tế xã',
      target!,
    )!;
    expect(rows.topLeft).toBe('A8');
    expect(rows.range).toBe('A8:F10');
    expect(rows.values).toEqual([
      ['I', 'NHÓM MỚI', null, null, null, null],
      [1, 'Xây dựng kho dữ liệu số', 'Công an xã', 'Bưu điện xã', null, 'Quý IV/2026'],
      // Values as the user wrote them: the port keeps text starting with "=" as text when it writes.
      [2, '=HYPERLINK("x")', 'Trạm Y tế xã', null, null, null],
    ]);
    expect([rows.groups, rows.tasks]).toEqual([1, 2]);
    expect(listFormRows('chỉ là một đoạn văn', target!)).toBeNull();
    expect(firstFilledRow(TASKS, target!, 3)).toBeNull();
    const signed = gridFromValues('KH', [...TASKS.rows.map((r) => r.map((c) => c?.v ?? null)), [], [null, 'CHỦ TỊCH']]);
    expect(firstFilledRow(signed, target!, 3)).toBe(9);
  });

  it('builds dropdown lists from the catalog, the plan’s own agencies and the plan years', () => {
    const { plan } = readPlan([TASKS]);
    const [target] = tableTargets(plan);
    const spec = dropdownSpec(target!, plan)!;
    expect(spec).toMatchObject({ sheet: 'KH', firstRow: 4, columns: { lead: 'C', partners: 'D', deadline: 'F' } });
    expect(spec.lastRow).toBe(7 + 100);
    expect(spec.lists.agencies).toContain('Công an xã');
    expect(spec.lists.agencies).toContain('Các phòng ban chuyên môn');
    expect(new Set(spec.lists.agencies.map((a) => a.toLowerCase())).size).toBe(spec.lists.agencies.length);
    expect(planYears(plan)).toEqual([2026, 2027]);
    expect(planYears({ appendices: [], reference: { period: { from: 2026, to: 2030 } } })).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(deadlineList([2026])).toEqual(expect.arrayContaining(['Thường xuyên', 'Quý III/2026', 'Năm 2026']));
    expect(agencyList(null)).toContain('Công an xã');
  });

  it('suggests a lead from the task text and similar tasks, and the canonical deadline', () => {
    const { plan } = readPlan([TASKS]);
    const [target] = tableTargets(plan);
    const rows = rowsToComplete(target!);
    expect(rows.map((r) => r.source.row)).toEqual([6, 7]);
    const six = suggestFor(target!, rows[0]!, deadlineList([2026]));
    const lead = six.find((f) => f.role === 'lead')!;
    expect(lead.cell).toBe('C6');
    expect(lead.options[0]).toMatchObject({ value: 'Văn phòng HĐND và UBND', reason: { kind: 'similar', row: 5 } });
    expect(six.find((f) => f.role === 'deadline')!.options[0]!.value).toBe('Quý I/2026');
    const seven = suggestFor(target!, rows[1]!);
    expect(seven.find((f) => f.role === 'lead')!.options[0]).toEqual({ value: 'Công an xã', reason: { kind: 'catalog' } });
    expect(seven.find((f) => f.role === 'deadline')).toMatchObject({
      cell: 'F7',
      current: 'Quý 3/2026',
      options: [{ value: 'Quý III/2026', reason: { kind: 'canonical' } }],
    });
  });

  it('has a values template with the standard header and the seven NQ57 groups', () => {
    const v = templateValues('tasks', 2026);
    expect(v[4]).toEqual(TASK_HEADERS);
    expect(v.filter((r) => typeof r[0] === 'string' && /^[IVX]+$/.test(r[0])).map((r) => r[0])).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'VI',
      'VII',
    ]);
    expect(readPlan([gridFromValues('T', v)]).plan.appendices[0]?.kind).toBe('tasks');
    expect(templateValues('indicators', 2026)[4]![1]).toBe('Chỉ tiêu');
  });
});

describe('strings', () => {
  it('has every Vietnamese key in English, and picks by language', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    expect(stringsFor('en').tabCheck).toBe('Check');
    expect(stringsFor('vi').tabCheck).toBe('Kiểm tra');
  });
});

function setup(grids: Grid[], wrap: (p: ExcelPort) => ExcelPort = (p) => p) {
  const host = memoryHost(grids);
  const store = createStore<PaneState>(initialState('vi'));
  const port = wrap(host.Excel.port);
  const actions = createActions(store, { port, loadTemplate: async () => null });
  const notice = () => store.get().notice?.text(vi, 'vi') ?? '';
  return { state: host.Excel.state, store, actions, notice };
}

describe('actions', () => {
  it('checks and marks; fix all applies every round and one "Hoàn tác" undoes them all', async () => {
    const { state, store, actions, notice } = setup(quangSon);
    await actions.check();
    expect(state.marks.length).toBe(allIssues(store.get().report!).length);
    // 13 warnings: rows 28-29 of sheet 2 are no longer paired as duplicate tasks (a short task inside a longer one).
    expect(notice()).toBe('Đã kiểm tra: 0 lỗi, 13 cảnh báo, 40 lưu ý.');
    // The label counts every round, as the preview does (the first read's 47 safe-fix issues made it say 47, not 55).
    expect(store.get().fixes).toEqual({ changes: 55, errors: 0, warnings: 9, infos: 39, rounds: 2 });
    expect(vi.fixAll(store.get().fixes!)).toBe('Sửa 55 chỗ an toàn (9 cảnh báo, 39 lưu ý)');
    await actions.previewFixAll();
    const preview = store.get().preview!;
    expect(preview.rounds.length).toBe(2);
    expect([preview.changes.length, preview.summary]).toEqual([55, store.get().fixes]);
    expect(vi.previewIntro(preview.summary)).toBe(
      '55 thay đổi sẽ được ghi vào bảng tính, giải quyết 9 cảnh báo, 39 lưu ý. Có thể hoàn tác.',
    );
    await actions.applyPreview();
    expect(notice()).toBe(vi.applied(preview.changes.length));
    expect(store.get().report!.stats.fixable).toBe(0);
    expect(store.get().fixes).toEqual({ changes: 0, errors: 0, warnings: 0, infos: 0, rounds: 0 });
    expect(store.get().undo).toEqual([2]);
    expect(state.marks.length).toBe(allIssues(store.get().report!).length);
    await actions.undo();
    expect(state.grids).toEqual(quangSon);
    expect(store.get().undo).toEqual([]);
    await actions.undo();
    expect(notice()).toBe(vi.nothingToUndo);
  });

  it('renumbers with the numbering fixes only', async () => {
    const { store, actions } = setup(quangSon);
    await actions.previewRenumber();
    const codes = new Set(
      store
        .get()
        .preview!.rounds.flat()
        .map((p) => p.code),
    );
    expect([...codes].every((c) => c.startsWith('group-') || c.startsWith('task-') || c === 'numbering-scheme-mixed')).toBe(true);
  });

  it('stops after a round with stale cells and says so', async () => {
    const { state, store, actions, notice } = setup(camGiang);
    await actions.previewFixAll();
    const first = store.get().preview!.rounds[0]!;
    const edit = first.flatMap((p) => p.ops).find((o) => o.op === 'set-cells')!;
    const cell = edit.op === 'set-cells' ? edit.edits[0]!.cell : '';
    // The user types into a cell the preview is about to change.
    const g = state.grids.find((x) => x.sheet === edit.sheet)!;
    const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
    g.rows[Number(m[2]) - g.origin.row]![m[1]!.charCodeAt(0) - 65] = { v: 'sửa tay' };
    await actions.applyPreview();
    expect(notice()).toContain('1 ô đã bị sửa trong lúc chờ');
    expect(store.get().notice!.intent).toBe('warning');
  });

  it('turns an Excel failure into a notice in the showing language, and runs one action at a time', async () => {
    const failing = (p: ExcelPort): ExcelPort => ({
      ...p,
      markIssues: async () => {
        throw new ExcelLayerError('cell-edit-mode', 'Excel đang sửa một ô.', 'Excel is editing a cell.');
      },
    });
    const { store, actions } = setup(camGiang, failing);
    const a = actions.check();
    const b = actions.check();
    await Promise.all([a, b]);
    expect(store.get().notice!.text(vi, 'vi')).toBe('Không làm được: Excel đang sửa một ô.');
    expect(store.get().notice!.text(en, 'en')).toBe('Could not finish: Excel is editing a cell.');
    expect(store.get().busy).toBeNull();
  });

  it('writes confirmed suggestions as one undoable patch, leaving a changed cell alone', async () => {
    const { state, store, actions, notice } = setup([TASKS]);
    await actions.readTables();
    await actions.applySuggestions('KH', [
      { cell: 'C6', from: null, to: 'Văn phòng HĐND và UBND' },
      { cell: 'F6', from: null, to: 'Quý I/2026' },
    ]);
    expect(notice()).toBe(vi.suggestApplied(2));
    expect(state.grids[0]!.rows[5]![2]!.v).toBe('Văn phòng HĐND và UBND');
    await actions.applySuggestions('KH', [{ cell: 'C7', from: 'không phải thế', to: 'Công an xã' }]);
    expect(store.get().notice!.intent).toBe('warning');
    expect(state.grids[0]!.rows[6]![2] ?? null).toBeNull();
  });
});
