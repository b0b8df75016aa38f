// The Sync tab's slice of the pane state: binding, who is signed in, the push queue, and the conflict or history being
// looked at. It lives with the pane state (state/ never imports sync/); sync/ reads and updates it.
import type { FieldConflict, TaskChange } from '../../../core/merge/index.ts';
import type { Plan } from '../../../core/model/index.ts';
import type { CommuneMismatchDetails, PlanEntry, RevisionMeta, Role } from '../../../core/api/index.ts';

/** The workbook's link to a plan on the server (saved in the document settings by sync/binding.ts). */
export interface SyncBinding {
  server: string;
  /** Commune code (5 digits). */
  commune: string;
  planKey: string;
  /** appendixKey of the one table to sync, or null for every table of the workbook. */
  table: string | null;
  /** The revision the sheet was last brought in line with (0 before the first push or pull). */
  baseSeq: number;
}

/** A push waiting in the queue (sync/queue.ts sends it). */
export type QueueState = 'waiting' | 'sending' | 'error';

export interface QueuedPush {
  /** Also the Idempotency-Key. */
  key: string;
  server: string;
  commune: string;
  planKey: string;
  baseSeq: number;
  plan: Plan;
  /** What the sheet held when this was queued, when it differs from `plan` (a resolved conflict): the write-back
   * compares the sheet with it to keep edits made while the push was on its way. */
  sheet?: Plan;
  partial: boolean;
  message: string | null;
  /** The user confirmed sending it although the plan's title names another commune (body `confirmCommune: true`). */
  confirmCommune?: boolean;
  createdAt: number;
  attempts: number;
  /** When to try again (ms since epoch); 0 = now. */
  nextAt: number;
  state: QueueState;
  /** Last failure, in both languages; `retry` false when it needs the user (signed out, refused). */
  error?: { message: string; messageEn: string; retry: boolean };
}

export interface SignedIn {
  kind: 'token' | 'microsoft';
  /** Who the server says we are (GET /api/me), when known. */
  name: string | null;
  role: Role | null;
  /** An editor's commune (5 digits): it fixes the binding's commune. */
  commune: string | null;
  /** A consolidator's province (2 digits): it narrows the commune search. */
  province: string | null;
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
  /** The server signed in to before the workbook is bound (the binding's own server afterwards). */
  server: string;
  /** The plans the server lists (GET /api/plans), once signed in; null before it answered. */
  plans: PlanEntry[] | null;
  /** A push the server refused because the plan's title names another commune: confirm (sent again) or drop it. */
  mismatch: { key: string; details: CommuneMismatchDetails } | null;
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
  return {
    binding: null,
    server: '',
    plans: null,
    mismatch: null,
    auth: null,
    microsoft: null,
    queue: [],
    confirm: null,
    conflict: null,
    history: null,
    last: null,
  };
}
