// Dates and times as an official writes them: "05/12/2026 17:49" in Vietnam's time (UTC+7, no daylight saving).
const VN_OFFSET_MS = 7 * 3600 * 1000;
const two = (n: number) => String(n).padStart(2, '0');

/**
 * A moment as "dd/mm/yyyy hh:mm" in Vietnam's time; the input as given when it is not a date.
 * @example formatDateTime('2026-12-05T10:49:00Z') // '05/12/2026 17:49'
 */
export function formatDateTime(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return String(iso);
  const v = new Date(d.getTime() + VN_OFFSET_MS);
  return `${two(v.getUTCDate())}/${two(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${two(v.getUTCHours())}:${two(v.getUTCMinutes())}`;
}

/**
 * A day as "dd/mm/yyyy": an ISO day ("2026-12-31") is taken as written, a moment in Vietnam's time.
 * @example formatDay('2026-12-31') // '31/12/2026'
 */
export function formatDay(iso: string | Date): string {
  if (typeof iso === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  return formatDateTime(iso).slice(0, 10);
}
