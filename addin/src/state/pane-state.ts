// The pane's state: what was last read and checked, what is being previewed, what can be undone, what to tell the user.
import type { FixSummary, Patch } from '../../../core/fix/index.ts';
import type { Plan } from '../../../core/model/index.ts';
import type { Report } from '../../../core/validate/index.ts';
import type { WorkbookSnapshot } from '../excel/port.ts';
import type { Lang, Strings } from '../i18n/index.ts';
import type { Change } from '../logic/describe-patch.ts';
import { initialProgressState, type ProgressState } from './progress-state.ts';
import { initialSyncState, type SyncState } from './sync-state.ts';

/** A message in whichever language is showing when it is rendered. */
export type Text = (s: Strings, lang: Lang) => string;

export interface Notice {
  intent: 'success' | 'info' | 'warning' | 'error';
  text: Text;
}

export interface Preview {
  purpose: 'fix-all' | 'renumber';
  rounds: Patch[][];
  changes: Change[];
  /** The counts of these rounds (changes, issues resolved by severity). */
  summary: FixSummary;
}

export type Busy = 'check' | 'read' | 'fix' | 'preview' | 'apply' | 'marks' | 'undo' | 'template' | 'dropdowns' | 'write' | 'sync' | null;

export interface PaneState {
  lang: Lang;
  /** False when the page is open outside Excel (a browser tab): it says so, and every button that needs Excel is off. */
  inExcel: boolean;
  busy: Busy;
  notice: Notice | null;
  scope: 'all' | 'active';
  snapshot: WorkbookSnapshot | null;
  report: Report | null;
  plan: Plan | null;
  /** What "fix all" would do on the last read (core's fixSummary): the button says it, the preview applies it. */
  fixes: FixSummary | null;
  /** Whether the last check marked cells (so edits re-mark, and "Xóa đánh dấu" has something to clear). */
  marked: boolean;
  preview: Preview | null;
  /** Port batches made by each of the pane's recent actions, newest last ("Hoàn tác" undoes one action). */
  undo: number[];
  /** The Sync tab. */
  sync: SyncState;
  /** The Tiến độ tab. */
  progress: ProgressState;
}

export function initialState(lang: Lang, inExcel = true): PaneState {
  return {
    lang,
    inExcel,
    busy: null,
    notice: null,
    scope: 'all',
    snapshot: null,
    report: null,
    plan: null,
    fixes: null,
    marked: false,
    preview: null,
    undo: [],
    sync: initialSyncState(),
    progress: initialProgressState(),
  };
}
