// The progress routes' refusals (issue 17), each with its stable code and words in Vietnamese and English.
import type { ProgressConflict, ProgressPeriodSetting } from '../../core/api/index.ts';
import { formatDay } from '../../core/i18n/index.ts';
import { parsePeriodId, periodLabel, type ProgressIssue } from '../../core/progress/index.ts';
import { ApiError } from './errors.ts';

/** A period as officials name it ("6 tháng đầu năm 2026"); the id itself when it names none. */
export const label = (period: string, lang: 'vi' | 'en') => {
  const p = parsePeriodId(period);
  return p ? periodLabel(p, lang) : period;
};

/** 404 period-unknown: the province does not collect this period; details list the ones it does. */
export function periodUnknown(period: string, periods: ProgressPeriodSetting[]): ApiError {
  const names = periods.map((p) => label(p.period, 'vi')).join(', ');
  const namesEn = periods.map((p) => label(p.period, 'en')).join(', ');
  return new ApiError(
    404,
    'period-unknown',
    periods.length > 0
      ? `Tỉnh không thu báo cáo kỳ “${label(period, 'vi')}”. Các kỳ báo cáo của tỉnh: ${names}.`
      : `Tỉnh không thu báo cáo kỳ “${label(period, 'vi')}”: tỉnh chưa đặt kỳ báo cáo nào cho kế hoạch này.`,
    periods.length > 0
      ? `The province does not collect reports for "${label(period, 'en')}". Its periods: ${namesEn}.`
      : `The province does not collect reports for "${label(period, 'en')}": it has set no reporting period for this plan.`,
    { periods },
  );
}

/** 409 progress-locked: accepted by the province, or past the cut-off and not reopened. */
export function progressLocked(reason: 'accepted' | 'cutoff-passed', cutoff: string | null, period: string): ApiError {
  if (reason === 'accepted')
    return new ApiError(
      409,
      'progress-locked',
      `Báo cáo kỳ “${label(period, 'vi')}” đã được tỉnh chấp nhận nên không gửi lại được; nếu cần sửa, hãy đề nghị tỉnh trả lại hoặc mở lại kỳ báo cáo.`,
      `The report for "${label(period, 'en')}" was accepted by the province and cannot be sent again; ask the province to return it or reopen the period.`,
      { reason, cutoff },
    );
  const day = cutoff ? formatDay(cutoff) : '';
  const dayEn = cutoff ? formatDay(cutoff) : '';
  return new ApiError(
    409,
    'progress-locked',
    `Đã quá hạn chót gửi báo cáo kỳ “${label(period, 'vi')}” (${day}); chưa lưu gì. Hãy đề nghị tỉnh mở lại kỳ báo cáo.`,
    `The cut-off for "${label(period, 'en')}" has passed (${dayEn}); nothing stored. Ask the province to reopen the period.`,
    { reason, cutoff },
  );
}

/** 409 progress-conflict: fields both sides changed differently; nothing stored. */
export function progressConflict(headSeq: number, conflicts: ProgressConflict[]): ApiError {
  return new ApiError(
    409,
    'progress-conflict',
    `Có ${conflicts.length} mục bị sửa khác nhau ở hai nơi; chưa lưu gì. Hãy chọn giá trị đúng rồi gửi lại trên phiên bản ${headSeq}.`,
    `${conflicts.length} field(s) were changed both ways; nothing stored. Resolve them and send again on version ${headSeq}.`,
    { headSeq, conflicts },
  );
}

/** 412 bad-base: the version the report says it was edited from does not exist. */
export function progressBadBase(headSeq: number | null): ApiError {
  return headSeq === null
    ? new ApiError(
        412,
        'bad-base',
        'Kỳ này chưa có báo cáo nào trên máy chủ; hãy gửi như báo cáo đầu tiên của kỳ.',
        'No report was sent for this period yet: a first report has no base version.',
      )
    : new ApiError(
        412,
        'bad-base',
        `Báo cáo được sửa từ một phiên bản không có trên máy chủ (phiên bản mới nhất là ${headSeq}); hãy tải lại báo cáo mới nhất.`,
        `Unknown base version (the head is ${headSeq}).`,
        { headSeq },
      );
}

/** 412 review-stale: the version decided on is no longer the newest. */
export function reviewStale(headSeq: number): ApiError {
  return new ApiError(
    412,
    'review-stale',
    `Xã đã gửi phiên bản mới hơn (phiên bản ${headSeq}); hãy xem lại báo cáo mới nhất trước khi quyết định.`,
    `The commune sent a newer version (${headSeq}); review the newest report before deciding.`,
    { headSeq },
  );
}

/** 404 progress-none: nothing was sent for the period. */
export function progressNone(period: string): ApiError {
  return new ApiError(
    404,
    'progress-none',
    `Xã chưa gửi báo cáo kỳ “${label(period, 'vi')}”.`,
    `The commune has not sent a report for "${label(period, 'en')}".`,
  );
}

/** 400 reason-required: a report returned without saying why. */
export function reasonRequired(): ApiError {
  return new ApiError(
    400,
    'reason-required',
    'Trả lại báo cáo phải ghi rõ lý do để xã biết cần sửa gì.',
    'Returning a report needs a reason, so the commune knows what to change.',
  );
}

/** 400 bad-until: a reopening must run until a real day, today or later. */
export function badUntil(until: string, today: string): ApiError {
  return new ApiError(
    400,
    'bad-until',
    `Ngày mở lại đến “${until}” phải là một ngày có thật, từ hôm nay (${formatDay(today)}) trở đi.`,
    `The reopening's last day "${until}" must be a real day, today (${formatDay(today)}) or later.`,
  );
}

/**
 * 422 progress-invalid: the report's errors against the commune's plan (tasks it does not hold, missing reasons…);
 * details name where each is.
 */
export function progressInvalid(issues: ProgressIssue[]): ApiError {
  const unknown = issues.filter((i) => i.code === 'unknown-task' || i.code === 'unknown-indicator').map((i) => i.taskId ?? i.indicatorId);
  const first = issues
    .slice(0, 3)
    .map((i) => i.message.vi)
    .join(' ');
  return new ApiError(
    422,
    'progress-invalid',
    unknown.length > 0
      ? `Báo cáo có nhiệm vụ hoặc chỉ tiêu không còn trong kế hoạch của xã (mã ${unknown.join(', ')}); chưa lưu gì. Hãy tải lại kế hoạch mới nhất rồi báo cáo lại các mục đó.`
      : `Báo cáo còn ${issues.length} lỗi; chưa lưu gì. ${first}`,
    unknown.length > 0
      ? `The report names tasks or indicators the commune's plan no longer holds (ids ${unknown.join(', ')}); nothing stored. Load the newest plan and report them again.`
      : `The report has ${issues.length} error(s); nothing stored. ${issues
          .slice(0, 3)
          .map((i) => i.message.en)
          .join(' ')}`,
    issues.slice(0, 20).map((i) => ({
      path: [i.taskId !== undefined ? `entries.${i.taskId}` : i.indicatorId !== undefined ? `indicators.${i.indicatorId}` : '', i.field]
        .filter(Boolean)
        .join('.'),
      message: i.message.vi,
    })),
  );
}
