// The pane's Excel actions over the port and core's engine, fetched on first use (state/actions.ts); no React, no Office.
// Each action runs alone (a second click while Excel is busy is ignored) and turns failures into a notice.
import { fixAll, fixSummary } from '../../../core/fix/index.ts';
import type { Patch, PatchValue } from '../../../core/fix/index.ts';
import { vietnamDay } from '../../../core/progress/index.ts';
import type { Issue } from '../../../core/validate/index.ts';
import { allIssues } from '../../../core/validate/index.ts';
import { validateGrids } from '../../../core/validate/index.ts';
import type { ApplyResult, ExcelPort, WorkbookSnapshot } from '../excel/port.ts';
import type { Lang } from '../i18n/index.ts';
import { describeRounds } from '../logic/describe-patch.ts';
import { dropdownSpec, planYears } from '../logic/dropdowns.ts';
import { issueTarget } from '../logic/group-issues.ts';
import type { ListRows } from '../logic/list-rows.ts';
import { suggestionPatch } from '../logic/suggestions.ts';
import { tableTargets } from '../logic/tables.ts';
import type { AppendixSheet } from '../logic/appendix-sheets.ts';
import { templateValues, type TemplateKind } from '../logic/template-values.ts';
import { errorNotice } from './error-notice.ts';
import type { Busy, Notice, PaneState, Preview } from './pane-state.ts';
import type { Store } from './store.ts';

/** Codes whose fixes renumber TT cells (the "Đánh lại số thứ tự" button applies only these). */
export const NUMBERING_CODES = [
  'group-number-gap',
  'group-number-style',
  'task-number-gap',
  'task-number-duplicate',
  'numbering-scheme-mixed',
];
const UNDO_DEPTH = 20;

export interface PaneDeps {
  port: ExcelPort;
  /** The .xlsx template as base64, or null when it cannot be fetched (the values fallback is used). */
  loadTemplate(kind: TemplateKind): Promise<string | null>;
  today?: () => Date;
}

export type CheckActions = ReturnType<typeof createCheckActions>;

/**
 * Bind the pane's actions to a store and a port.
 * @example const actions = createCheckActions(store, { port, loadTemplate }); await actions.check()
 */
export function createCheckActions(store: Store<PaneState>, deps: PaneDeps) {
  const { port } = deps;
  const today = deps.today ?? (() => new Date());

  async function run(busy: Exclude<Busy, null>, work: () => Promise<void>): Promise<void> {
    if (store.get().busy) return;
    store.set({ busy, notice: null });
    try {
      await work();
    } catch (err) {
      console.error('phuluc:', err);
      store.set({ notice: errorNotice(err) });
    } finally {
      store.set({ busy: null });
    }
  }

  async function read(): Promise<WorkbookSnapshot> {
    const snapshot = await port.readWorkbook({ sheets: store.get().scope });
    // Today in Vietnam: a completion date typed in the future is reported here as `phuluc check` reports it.
    const { report, plan } = validateGrids(snapshot.grids, { today: vietnamDay(new Date().toISOString()) ?? undefined });
    // Every round of "fix all", counted now: the button's label says what its preview will then apply.
    const fixes = fixSummary(fixAll(snapshot.grids));
    store.set({ snapshot, report, plan, fixes });
    return snapshot;
  }

  /** Read and validate again after an edit; re-mark when the user had marks on. */
  async function recheck(): Promise<void> {
    await read();
    const { marked, report } = store.get();
    if (marked && report) await port.markIssues(allIssues(report));
  }

  /**
   * Take the marks off before the workbook changes (recheck puts them back): rows a fix deletes or an undo restores
   * then never carry a mark the layer no longer remembers, and undo brings back exactly what the user had.
   */
  async function unmark(): Promise<void> {
    if (store.get().marked) await port.clearMarks();
  }

  function pushUndo(batches: number): void {
    if (batches > 0) store.set((s) => ({ undo: [...s.undo, batches].slice(-UNDO_DEPTH) }));
  }

  /** Apply rounds in order, one port batch each; stop after a round with stale cells (later rounds assumed it whole). */
  async function applyRounds(rounds: Patch[][]): Promise<ApplyResult> {
    const total: ApplyResult = { applied: 0, stale: [] };
    let batches = 0;
    try {
      for (const round of rounds) {
        const r = await port.applyPatches(round);
        batches++;
        total.applied += r.applied;
        total.stale.push(...r.stale);
        if (r.stale.length > 0) break;
      }
    } finally {
      pushUndo(batches);
    }
    return total;
  }

  /** The result in the units the preview showed (cell edits and row deletions), not in patches. */
  function appliedNotice(r: ApplyResult, changes: number): Notice {
    if (r.stale.length > 0) return { intent: 'warning', text: (s) => `${s.appliedExcept} ${s.stale(r.stale.length)}` };
    return { intent: 'success', text: (s) => s.applied(changes) };
  }

  async function preview(purpose: Preview['purpose'], only?: string[]): Promise<void> {
    const snapshot = await read();
    const result = fixAll(snapshot.grids, only ? { only } : {});
    const { rounds } = result;
    if (rounds.length === 0) {
      store.set({ notice: { intent: 'info', text: (s) => (purpose === 'renumber' ? s.renumberNothing : s.nothingToFix) } });
      return;
    }
    store.set({ preview: { purpose, rounds, changes: describeRounds(rounds), summary: fixSummary(result) } });
  }

  return {
    setLang(lang: Lang): void {
      store.set({ lang });
    },
    setScope(scope: PaneState['scope']): void {
      store.set({ scope });
    },
    dismissNotice(): void {
      store.set({ notice: null });
    },

    /** Read, validate, mark the issue cells. */
    check: () =>
      run('check', async () => {
        await read();
        const report = store.get().report!;
        await port.markIssues(allIssues(report));
        const { errors, warnings, infos } = report.stats;
        store.set({
          marked: true,
          notice: { intent: errors > 0 ? 'warning' : 'success', text: (s) => s.checked(errors, warnings, infos) },
        });
      }),

    /** Read the tables without marking (the Fill tab needs to know them). */
    readTables: () => run('read', async () => void (await read())),

    /** Go to an issue's cell; not a "busy" action, so the list stays usable while Excel scrolls. */
    async selectIssue(issue: Issue): Promise<void> {
      const target = issueTarget(issue);
      if (!target) return;
      try {
        await port.selectCell(target.sheet, target.cell);
      } catch (err) {
        store.set({ notice: errorNotice(err) });
      }
    },

    fixIssue: (issue: Issue) =>
      run('fix', async () => {
        if (!issue.fix) return;
        await unmark();
        const result = await applyRounds([[issue.fix]]);
        await recheck();
        store.set({ notice: appliedNotice(result, describeRounds([[issue.fix]]).length) });
      }),

    /** Compute every safe fix on a fresh read and open the preview. */
    previewFixAll: () => run('preview', () => preview('fix-all')),
    previewRenumber: () => run('preview', () => preview('renumber', NUMBERING_CODES)),
    cancelPreview(): void {
      store.set({ preview: null });
    },
    applyPreview: () =>
      run('apply', async () => {
        const p = store.get().preview;
        if (!p) return;
        store.set({ preview: null });
        await unmark();
        const result = await applyRounds(p.rounds);
        await recheck();
        store.set({ notice: appliedNotice(result, p.changes.length) });
      }),

    clearMarks: () =>
      run('marks', async () => {
        await port.clearMarks();
        store.set({ marked: false, notice: { intent: 'success', text: (s) => s.marksCleared } });
      }),

    /** Undo the pane's last action (all the batches it made). */
    undo: () =>
      run('undo', async () => {
        const stack = store.get().undo;
        const batches = stack[stack.length - 1] ?? 1;
        store.set({ undo: stack.slice(0, -1) });
        await unmark();
        let undone = 0;
        for (let i = 0; i < batches; i++) {
          if (!(await port.undoLast())) break;
          undone++;
        }
        if (store.get().report) await recheck();
        store.set({ notice: { intent: undone > 0 ? 'success' : 'info', text: (s) => (undone > 0 ? s.undone : s.nothingToUndo) } });
      }),

    insertTemplate: (kind: TemplateKind) =>
      run('template', async () => {
        const plan = store.get().plan;
        const year = plan ? planYears(plan)[0]! : today().getFullYear() + 1;
        const base64 = port.capabilities().insertFromBase64 ? await deps.loadTemplate(kind).catch(() => null) : null;
        const values = templateValues(kind, year);
        const { sheet } = await port.insertTemplate(kind, base64 ? { base64, values } : { values });
        await read();
        store.set({ notice: { intent: 'success', text: (s) => s.templateInserted(sheet) } });
      }),

    /** Appendices read from a Word plan, each into a new sheet; the workbook is read again so Check sees them. */
    writeAppendixSheets: (sheets: AppendixSheet[]) =>
      run('write', async () => {
        const names = await port.addAppendixSheets(sheets);
        await read();
        store.set({ notice: { intent: 'success', text: (s) => s.wordWritten(names) } });
      }),

    addDropdowns: (tableIndex: number) =>
      run('dropdowns', async () => {
        const { plan } = store.get();
        const target = tableTargets(plan).find((t) => t.index === tableIndex);
        const spec = target ? dropdownSpec(target, plan) : null;
        if (!spec) {
          store.set({ notice: { intent: 'warning', text: (s) => s.dropdownNoColumns } });
          return;
        }
        await port.addDropdowns(spec);
        store.set({ notice: { intent: 'success', text: (s) => s.dropdownsAdded(spec.firstRow, spec.lastRow) } });
      }),

    /** Write converted list-form rows under their table. */
    writeRows: (rows: ListRows) =>
      run('write', async () => {
        await unmark();
        await port.writeValues(rows.sheet, rows.topLeft, rows.values);
        pushUndo(1);
        await recheck();
        store.set({ notice: { intent: 'success', text: (s) => s.listWritten(rows.values.length, `${rows.sheet}!${rows.range}`) } });
      }),

    /** Write the suggestions the user ticked, as one stale-checked, undoable patch. */
    applySuggestions: (sheet: string, edits: { cell: string; from: PatchValue; to: string }[]) =>
      run('write', async () => {
        if (edits.length === 0) return;
        await unmark();
        const result = await applyRounds([[suggestionPatch(sheet, edits)]]);
        await recheck();
        store.set({
          notice:
            result.stale.length > 0
              ? appliedNotice(result, edits.length)
              : { intent: 'success', text: (s) => s.suggestApplied(edits.length) },
        });
      }),
  };
}
