// ISO days (yyyy-mm-dd) as progress stores them: a completion date, an as-of date, a period's bounds.
import { z } from 'zod';
import { ymd } from '../deadline.ts';

/**
 * Whether a string is a real calendar day written yyyy-mm-dd ("2026-02-30" is not).
 * @example isIsoDay('2026-06-30') // true
 */
export function isIsoDay(s: string): boolean {
  return ymd(s) !== null;
}

/** A real calendar day, yyyy-mm-dd: string order is date order, so days compare as strings. */
export const IsoDaySchema = z.string().refine(isIsoDay, { message: 'phải là một ngày có thật, ghi dạng năm-tháng-ngày (2026-06-30)' });
export type IsoDay = z.infer<typeof IsoDaySchema>;

/** A moment with its offset ("2026-06-30T09:15:00Z", "2026-06-30T16:15:00+07:00"). */
export const MomentSchema = z.iso.datetime({ offset: true });

/**
 * The day (yyyy-mm-dd) of a moment in Vietnam's time (UTC+7, no daylight saving): a report sent at 23:30 UTC on
 * 30 June was sent on 1 July for the commune.
 * @example vietnamDay('2026-06-30T20:00:00Z') // '2026-07-01'
 */
export function vietnamDay(moment: string): string | null {
  const t = Date.parse(moment);
  if (Number.isNaN(t)) return null;
  return new Date(t + 7 * 3600 * 1000).toISOString().slice(0, 10);
}
