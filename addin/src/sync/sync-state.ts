// The Sync tab's state: binding, who is signed in, the push queue, and the conflict or history being looked at.
import type { FieldConflict, TaskChange } from '../../../core/merge/index.ts';
import type { Plan } from '../../../core/model/appendix.ts';
import type { RevisionMeta } from './api.ts';
import type { SyncBinding } from './binding.ts';
import type { QueuedPush } from './queue.ts';

export interface SignedIn {
  kind: 'token' | 'microsoft';
  /** Who the server says we are (GET /api/me), when known. */
  name: string | null;
  role: string | null;
  via?: 'naa' | 'dialog';
}

export interface ConflictSession {
  /** A push refused with 409, or a pull whose three-way merge found the same cells changed both ways. */
  origin: 'push' | 'pull';
  baseSeq: number;
  headSeq: number;
  conflicts: FieldConflict[];
  base: Plan;
  theirs: Plan;
  mine: Plan;
  message: string | null;
}

export interface HistoryView {
  revisions: RevisionMeta[];
  selected: number | null;
  changes: TaskChange[] | null;
}

export interface SyncState {
  binding: SyncBinding | null;
  auth: SignedIn | null;
  /** Whether the server offers Microsoft sign-in (GET /api/config), null before asked. */
  microsoft: boolean | null;
  queue: QueuedPush[];
  /** Errors found by the check before a push: the user chooses to push anyway, as a draft, or to fix. */
  confirm: { errors: number; warnings: number } | null;
  conflict: ConflictSession | null;
  history: HistoryView | null;
  /** The last push or pull that went through. */
  last: { action: 'push' | 'pull' | 'restore'; seq: number; status: string; at: number } | null;
}

/** @example initialState(lang).sync // initialSyncState() */
export function initialSyncState(): SyncState {
  return { binding: null, auth: null, microsoft: null, queue: [], confirm: null, conflict: null, history: null, last: null };
}
