// Where a commune's period report stands (issue 17), from its head, the province's decisions and the cut-off: pure, so the commune's and the province's routes answer alike.
import type { ProgressPeriod, ProgressPeriodSetting, ReportState, ReportStatus } from '../../core/api/index.ts';
import { parsePeriodId, periodLabel, spanOfId } from '../../core/progress/index.ts';
import type { StoredReview } from '../store/progress-reviews.ts';
import type { StoredVersion } from '../store/progress-versions.ts';

/**
 * The periods a province collects as the wire lists them: by end day, then cut-off; `current` is the one with the
 * earliest cut-off not yet past (today in Vietnam), else the last one.
 * @example periodList([{ period: '2026-H1', cutoff: '2026-07-10' }], '2026-06-30')[0].current // true
 */
export function periodList(settings: readonly ProgressPeriodSetting[], today: string): ProgressPeriod[] {
  const list = settings
    .map((s) => ({ ...s, ...spanOfId(s.period) }))
    .sort((a, b) => cmp(a.end, b.end) || cmp(a.cutoff, b.cutoff) || cmp(a.period, b.period));
  const open = list.filter((p) => p.cutoff >= today).sort((a, b) => cmp(a.cutoff, b.cutoff))[0];
  const current = open ?? list[list.length - 1];
  return list.map((p) => {
    const id = parsePeriodId(p.period)!;
    return {
      period: p.period,
      cutoff: p.cutoff,
      label: periodLabel(id, 'vi'),
      labelEn: periodLabel(id, 'en'),
      start: p.start,
      end: p.end,
      current: p === current,
    };
  });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What sets a report's state. `reviews`: the period's decisions, newest first. */
export interface StatusInput {
  period: string;
  /** The province's setting for the period; null when it no longer collects it. */
  setting: ProgressPeriodSetting | null;
  head: StoredVersion | undefined;
  reviews: readonly StoredReview[];
  /** Today in Vietnam (yyyy-mm-dd). */
  today: string;
}

/**
 * The state: 'not-reported' without a version; else the latest decision on the head version — accepted (unless a
 * reopening came after it), returned — and 'submitted' when the province has not decided on it. Locked: accepted, or past the
 * cut-off without a reopening still running (a reopening's day is the last one the commune may send).
 * @example reportStatus({ period: '2026-H1', setting, head, reviews: [], today: '2026-06-30' }).state // 'submitted'
 */
export function reportStatus(s: StatusInput): ReportStatus {
  const head = s.head;
  const onHead = head ? s.reviews.filter((r) => r.seq === head.seq) : [];
  const decided = onHead.findIndex((r) => r.decision !== 'reopen');
  const decision = onHead[decided];
  // A reopening lifts an acceptance (the commune may send again); a return stays a return until the commune sends.
  const lifted = decision?.decision === 'accept' && onHead.slice(0, decided).some((r) => r.decision === 'reopen');
  const state: ReportState = !head
    ? 'not-reported'
    : decision?.decision === 'return'
      ? 'returned'
      : decision?.decision === 'accept' && !lifted
        ? 'accepted'
        : 'submitted';
  const reopen = s.reviews.find((r) => r.decision === 'reopen');
  const reopenedUntil = reopen?.until && reopen.until >= s.today ? reopen.until : null;
  const cutoff = s.setting?.cutoff ?? null;
  const pastCutoff = cutoff !== null && s.today > cutoff && reopenedUntil === null;
  return {
    period: s.period,
    state,
    seq: head?.seq ?? null,
    nothingToReport: head?.report?.nothingToReport === true,
    locked: state === 'accepted' || pastCutoff,
    cutoff,
    reopenedUntil,
    returnReason: state === 'returned' ? (decision?.reason ?? null) : null,
    lastSent: head?.createdAt ?? null,
  };
}

/** Why sending is refused now, or null when it is not. */
export function lockReason(status: ReportStatus): 'accepted' | 'cutoff-passed' | null {
  if (!status.locked) return null;
  return status.state === 'accepted' ? 'accepted' : 'cutoff-passed';
}
