// Send a period's progress report: stored on the head, merged per task and field onto a newer head, or refused with every conflict — idempotency keys replayed as for plan pushes, the (commune, plan, period, seq) uniqueness deciding races.
import type { Kysely } from 'kysely';
import { INDICATOR_ACTUAL_FIELDS, mergeProgress, TASK_PROGRESS_FIELDS, type ProgressConflict } from '../../core/merge/index.ts';
import type { IndicatorActual, ProgressReport, TaskProgress } from '../../core/progress/index.ts';
import type { DB } from '../db/schema.ts';
import { uniqueViolation } from '../store/errors.ts';
import { getVersion, headVersion, insertVersion, versionByKey, type ReportKey, type StoredVersion } from '../store/progress-versions.ts';
import { serialized } from './per-key.ts';
import { canonicalJson } from './canonical.ts';
import { hashJson } from './summary.ts';

export interface ProgressPushInput extends ReportKey {
  report: ProgressReport;
  /** The version the report was edited from; null for a first report. */
  baseSeq: number | null;
  idempotencyKey: string | null;
  /** SHA-256 (hex) of the raw request body. */
  fingerprint: string;
  author: string;
  authorName: string | null;
  message: string | null;
  /** The moment new or changed entries are stamped with (ISO). */
  now: string;
}

export type ProgressPushOutcome =
  | { status: 'created' | 'merged' | 'unchanged'; version: StoredVersion }
  /** The key's first answer again. */
  | { status: 'replayed'; version: StoredVersion; first: 'created' | 'merged' }
  | { status: 'key-reused' }
  | { status: 'conflict'; headSeq: number; conflicts: ProgressConflict[] }
  | { status: 'bad-base'; headSeq: number | null }
  | { status: 'busy' };

const ATTEMPTS = 20;

/**
 * Store a report. Never updates a row: a lost race on seq n+1 re-reads the head and merges again.
 * @example await pushProgress(db, { communeCode: '10903', planKey: 'NQ57-2026', period: '2026-H1', report, baseSeq: 2, … })
 */
export function pushProgress(db: Kysely<DB>, input: ProgressPushInput): Promise<ProgressPushOutcome> {
  // One attempt at a time per report in this process; other processes race on the unique seq.
  return serialized(`progress/${input.communeCode}/${input.planKey}/${input.period}`, () => pushOnce(db, input));
}

async function pushOnce(db: Kysely<DB>, input: ProgressPushInput): Promise<ProgressPushOutcome> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (input.idempotencyKey !== null) {
      const seen = await versionByKey(db, input, input.author, input.idempotencyKey);
      if (seen) {
        if (seen.fingerprint !== input.fingerprint) return { status: 'key-reused' };
        return { status: 'replayed', version: seen, first: seen.kind === 'merge' ? 'merged' : 'created' };
      }
    }
    const head = await headVersion(db, input);
    const headSeq = head?.seq ?? null;
    const base = input.baseSeq;
    if (base !== null && (headSeq === null || base > headSeq || base < 1)) return { status: 'bad-base', headSeq };
    let candidate = input.report;
    let merged = false;
    if (head && base !== headSeq) {
      // Sent on an older head, or as a first report while another was stored: merged per task and field.
      const baseVersion = base === null ? undefined : await getVersion(db, input, base);
      if (base !== null && !baseVersion) return { status: 'bad-base', headSeq };
      const r = mergeProgress(baseVersion?.report ?? null, head.report!, input.report);
      if (!r.ok) return { status: 'conflict', headSeq: head.seq, conflicts: r.conflicts };
      candidate = r.report;
      merged = true;
    }
    candidate = stamped(candidate, head?.report, input.authorName ?? input.author, input.now);
    const contentHash = progressHash(candidate);
    if (head && contentHash === head.contentHash) return { status: 'unchanged', version: head };
    try {
      const version = await insertVersion(db, {
        communeCode: input.communeCode,
        planKey: input.planKey,
        period: input.period,
        seq: (headSeq ?? 0) + 1,
        baseSeq: base,
        kind: merged ? 'merge' : 'submit',
        author: input.author,
        authorName: input.authorName,
        idempotencyKey: input.idempotencyKey,
        fingerprint: input.fingerprint,
        contentHash,
        report: candidate,
        message: input.message,
      });
      return { status: merged ? 'merged' : 'created', version };
    } catch (err) {
      if (uniqueViolation(err) === null) throw err;
      // Another process stored seq n+1 (or this very key) first: read again, merge onto the new head or replay.
      await new Promise((r) => setTimeout(r, Math.min(50, 2 ** attempt) * Math.random()));
    }
  }
  return { status: 'busy' };
}

/**
 * SHA-256 of what a report says: who reported an entry and when is not its content, so a report sent again with
 * nothing changed is 'unchanged' whoever sends it.
 */
export function progressHash(report: ProgressReport): string {
  const bare = {
    ...report,
    nothingToReport: report.nothingToReport === true,
    entries: report.entries.map(({ reportedBy: _b, reportedAt: _a, ...e }) => e),
    indicators: report.indicators.map(({ reportedBy: _b, reportedAt: _a, ...a }) => a),
  };
  return hashJson(canonicalJson(bare));
}

/**
 * The report with every entry and actual that is new or changed since the head stamped with the sender and the
 * moment; the others keep what the head says of them (what the client sent in those two fields is not trusted).
 */
function stamped(report: ProgressReport, head: ProgressReport | undefined, who: string, now: string): ProgressReport {
  const stamp = <T extends TaskProgress | IndicatorActual>(
    items: T[],
    before: Map<string, T>,
    idOf: (x: T) => string,
    fields: readonly string[],
  ) =>
    items.map((x) => {
      const { reportedBy: _b, reportedAt: _a, ...rest } = x;
      const old = before.get(idOf(x));
      const same = old && fields.every((f) => text(old, f) === text(x, f)) && old.period === x.period;
      if (!same) return { ...rest, reportedBy: who, reportedAt: now } as T;
      return {
        ...rest,
        ...(old.reportedBy ? { reportedBy: old.reportedBy } : {}),
        ...(old.reportedAt ? { reportedAt: old.reportedAt } : {}),
      } as T;
    });
  return {
    ...report,
    entries: stamp(report.entries, new Map((head?.entries ?? []).map((e) => [e.taskId, e])), (e) => e.taskId, TASK_PROGRESS_FIELDS),
    indicators: stamp(
      report.indicators,
      new Map((head?.indicators ?? []).map((a) => [a.indicatorId, a])),
      (a) => a.indicatorId,
      INDICATOR_ACTUAL_FIELDS,
    ),
  };
}

function text(x: object, f: string): string | null {
  const v = (x as Record<string, unknown>)[f];
  return v === undefined || v === '' ? null : String(v);
}
