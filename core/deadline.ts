// Vietnamese deadline grammar ("Thời gian hoàn thành"): parse, canonical form, due date. Implementation under core/deadline/.
import type { ParseDeadlineOptions } from './deadline/parse.ts';
import { formatDeadline } from './deadline/format.ts';
import { parseDeadline } from './deadline/parse.ts';

export { parseDeadline, type ParseDeadlineOptions } from './deadline/parse.ts';
export { formatDeadline, formatPeriod } from './deadline/format.ts';
export { dueDate, relativeDue } from './deadline/due.ts';
// Calendar arithmetic, for other core folders that reason in the same ISO days (progress: reporting periods).
export {
  daysInMonth,
  halfPeriod,
  iso,
  monthPeriod,
  nextDay,
  quarterOfMonth,
  quarterPeriod,
  yearPeriod,
  ymd,
  type Ymd,
} from './deadline/calendar.ts';

/**
 * Whether a deadline is already written in its canonical form (so no fix is suggested).
 * Conditional and unparsed text is canonical by definition: there is nothing better to suggest.
 * @example isCanonical('Quý III/2025') // true
 * @example isCanonical('Quý 3/2025') // false — "Quý III/2025" is suggested
 */
export function isCanonical(text: string, opts?: ParseDeadlineOptions): boolean {
  const t = text.trim();
  // A column repeats a handful of deadline phrases; parse and format each phrase once.
  const key = `${opts?.planYear ?? ''}|${t}`;
  const hit = CANONICAL.get(key);
  if (hit !== undefined) return hit;
  const yes = t === formatDeadline(parseDeadline(t, opts));
  if (CANONICAL.size >= CANONICAL_LIMIT) CANONICAL.clear();
  CANONICAL.set(key, yes);
  return yes;
}

const CANONICAL = new Map<string, boolean>();
const CANONICAL_LIMIT = 20_000;
