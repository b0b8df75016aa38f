// The periods the view offers without the server (this year's quarters, halves, nine months and year), and where a
// report stands in words. Pure.
import type { ReportStatus } from '../../../core/api/index.ts';
import { formatDay } from '../../../core/i18n/index.ts';
import { periodId, periodLabel, periodSpan, type ReportingPeriod } from '../../../core/progress/index.ts';
import type { Strings } from '../i18n/index.ts';
import type { PeriodChoice } from '../state/progress-state.ts';

/**
 * This year's periods, the quarter holding today marked current.
 * @example offlinePeriods('2026-05-04').find((p) => p.current)?.period // '2026-Q2'
 */
export function offlinePeriods(today: string): PeriodChoice[] {
  const year = Number(today.slice(0, 4));
  const kinds: ReportingPeriod[] = [
    { kind: 'quarter', year, quarter: 1 },
    { kind: 'quarter', year, quarter: 2 },
    { kind: 'half', year, half: 1 },
    { kind: 'quarter', year, quarter: 3 },
    { kind: 'nine-months', year },
    { kind: 'quarter', year, quarter: 4 },
    { kind: 'half', year, half: 2 },
    { kind: 'year', year },
  ];
  return kinds.map((p) => {
    const span = periodSpan(p)!;
    return {
      period: periodId(p),
      label: periodLabel(p, 'vi'),
      labelEn: periodLabel(p, 'en'),
      current: p.kind === 'quarter' && span.start <= today && today <= span.end,
      status: null,
    };
  });
}

/**
 * Where the report of a period stands, in words ("Bị trả lại: thiếu kết quả", "Đã khóa sau hạn 15/07/2026").
 * @example reportStateText(status, vi) // 'Đã gửi (lần gửi số 2)'
 */
export function reportStateText(st: ReportStatus, s: Strings): string {
  const p = s.progress;
  const parts: string[] = [];
  if (st.state === 'not-reported') parts.push(p.stateNotReported);
  else if (st.state === 'submitted') parts.push(st.nothingToReport ? p.stateNothing : p.stateSubmitted(st.seq ?? 0));
  else if (st.state === 'accepted') parts.push(p.stateAccepted);
  else parts.push(p.stateReturned(st.returnReason ?? ''));
  if (st.locked && st.state !== 'accepted') parts.push(p.stateLocked(st.cutoff ? formatDay(st.cutoff) : ''));
  else if (st.reopenedUntil) parts.push(p.stateReopened(formatDay(st.reopenedUntil)));
  else if (st.cutoff && !st.locked) parts.push(p.stateCutoff(formatDay(st.cutoff)));
  return parts.join(' · ');
}
