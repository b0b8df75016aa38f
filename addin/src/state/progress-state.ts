// The Tiến độ tab's slice of the pane state: the periods and the one chosen, unsaved edits, the check before sending,
// the reports waiting to be sent, a conflict being resolved. It lives with the pane state (state/ never imports
// progress/); progress/ reads and updates it.
import type { ProgressConflict, ProgressPeriodSetting, ReportStatus } from '../../../core/api/index.ts';
import type { ProgressIssue, ProgressReport } from '../../../core/progress/index.ts';

/** A period the view offers: from the server (with where the commune's report stands) or, offline, this year's. */
export interface PeriodChoice {
  period: string;
  label: string;
  labelEn: string;
  current: boolean;
  /** Null when the list was made without the server. */
  status: ReportStatus | null;
}

/** A report waiting in the queue (progress/deliver.ts sends it); the key is its Idempotency-Key. */
export interface QueuedReport {
  key: string;
  server: string;
  commune: string;
  planKey: string;
  period: string;
  /** The head version the report was edited from; null for a first report. */
  baseSeq: number | null;
  report: ProgressReport;
  message: string | null;
  createdAt: number;
  attempts: number;
  nextAt: number;
  state: 'waiting' | 'sending' | 'error';
  error?: { message: string; messageEn: string; retry: boolean };
}

export interface ProgressConflictSession {
  period: string;
  /** The version the refused report was edited from (null: a first report). */
  baseSeq: number | null;
  headSeq: number;
  conflicts: ProgressConflict[];
  /** The report that met the conflict (mine). */
  report: ProgressReport;
  message: string | null;
}

export interface ProgressState {
  periods: PeriodChoice[] | null;
  /** Where the list came from: the server, or this year's periods (not signed in, no binding, no answer). */
  source: 'server' | 'offline' | null;
  period: string | null;
  /** Unsaved edits per task ("sheet!row" → fields). */
  drafts: Record<string, Partial<Record<string, string>>>;
  /** Findings of the last check before sending; errors stop the sending. */
  issues: ProgressIssue[] | null;
  /** "Không phát sinh" asked, waiting for the official's yes. */
  confirmNothing: boolean;
  queue: QueuedReport[];
  conflict: ProgressConflictSession | null;
  /** 404 period-unknown: the periods the province collects. */
  unknownPeriod: { period: string; periods: ProgressPeriodSetting[] } | null;
  /** 409 progress-locked: why the period takes no report now. */
  locked: { period: string; reason: 'cutoff-passed' | 'accepted'; cutoff: string | null } | null;
  /** The last report that went through. */
  last: { period: string; seq: number; status: 'created' | 'merged' | 'unchanged' } | null;
}

/** @example initialState(lang).progress // initialProgressState() */
export function initialProgressState(): ProgressState {
  return {
    periods: null,
    source: null,
    period: null,
    drafts: {},
    issues: null,
    confirmNothing: false,
    queue: [],
    conflict: null,
    unknownPeriod: null,
    locked: null,
    last: null,
  };
}
