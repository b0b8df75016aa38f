// Vietnamese deadline grammar ("Thời gian hoàn thành"): parse, canonical form, due date. Implementation under core/deadline/.
import type { ParseDeadlineOptions } from './deadline/parse.ts';
import { formatDeadline } from './deadline/format.ts';
import { parseDeadline } from './deadline/parse.ts';

export { parseDeadline, type ParseDeadlineOptions } from './deadline/parse.ts';
export { formatDeadline, formatPeriod } from './deadline/format.ts';
export { dueDate } from './deadline/due.ts';

/**
 * Whether a deadline is already written in its canonical form (so no fix is suggested).
 * Conditional and unparsed text is canonical by definition: there is nothing better to suggest.
 * @example isCanonical('Quý III/2025') // true
 * @example isCanonical('Quý 3/2025') // false — "Quý III/2025" is suggested
 */
export function isCanonical(text: string, opts?: ParseDeadlineOptions): boolean {
  const t = text.trim();
  return t === formatDeadline(parseDeadline(t, opts));
}
