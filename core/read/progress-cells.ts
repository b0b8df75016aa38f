// Reading progress cells as officials fill them: the status words and a completion day.
import { parseDeadline } from '../deadline.ts';
import { fold } from '../text/fold.ts';
import { PROGRESS_STATUS_LABEL, PROGRESS_STATUSES, type ProgressStatus } from '../model/progress-status.ts';

/**
 * Folded words → status: the five labels of the dropdown and the variants officials type. Only whole-cell matches
 * count: "Hoàn thành 80%" or "Chưa hoàn thành" say something else than done, and are left for a person to reword.
 * "Dừng" alone reads as paused (the word of "Tạm dừng"); a task dropped for good is "Không thực hiện".
 */
const VARIANTS: readonly (readonly [string, ProgressStatus])[] = [
  ['chua trien khai', 'not-started'],
  ['chua bat dau', 'not-started'],
  ['chua trien khai thuc hien', 'not-started'],
  ['dang trien khai', 'in-progress'],
  ['dang tien hanh', 'in-progress'],
  ['dang lam', 'in-progress'],
  ['dang trien khai thuc hien', 'in-progress'],
  ['hoan thanh', 'done'],
  ['da xong', 'done'],
  ['xong', 'done'],
  ['da thuc hien xong', 'done'],
  ['da thuc hien', 'done'],
  ['da trien khai xong', 'done'],
  ['hoan thanh dung han', 'done'],
  ['hoan thanh truoc han', 'done'],
  ['hoan thanh cham', 'done'],
  ['hoan thanh qua han', 'done'],
  ['tam ngung', 'paused'],
  ['dung', 'paused'],
  ['dang tam dung', 'paused'],
  ['khong trien khai', 'dropped'],
  ['huy', 'dropped'],
  ['da huy', 'dropped'],
  ['huy bo', 'dropped'],
  ['khong thuc hien nua', 'dropped'],
];

const STATUS_WORDS: ReadonlyMap<string, ProgressStatus> = new Map<string, ProgressStatus>([
  ...PROGRESS_STATUSES.map((s) => [fold(PROGRESS_STATUS_LABEL[s].vi), s] as const),
  ...VARIANTS,
]);

/**
 * The status a cell names, or null when it names none (empty, or words we do not read — never guessed).
 * A remark in brackets is set aside: "Đang thực hiện (đạt 60%)" is in progress.
 * @example parseStatus('Đã xong') // 'done'
 * @example parseStatus('Hoàn thành 80%') // null
 */
export function parseStatus(text: string): ProgressStatus | null {
  const f = fold(text.replace(/\([^)]*\)/g, ' '));
  if (f === '') return null;
  return STATUS_WORDS.get(f) ?? null;
}

/** The five labels an official picks from, as a message lists them ("Chưa thực hiện", "Đang thực hiện", …). */
export function statusWordList(lang: 'vi' | 'en'): string {
  return PROGRESS_STATUSES.map((s) => `"${PROGRESS_STATUS_LABEL[s][lang]}"`).join(', ');
}

/**
 * A single calendar day written in a cell ("15/6/2026", "15-06-2026", "ngày 15 tháng 6 năm 2026", a date cell the
 * reader shows as "15/06/2026", a bare Excel serial), as an ISO day; null for anything else (a month, a quarter,
 * "31/2/2026", words).
 * @example parseDay('15/6/2026') // '2026-06-15'
 */
export function parseDay(text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  // A date cell that lost its format shows its serial number (46188 is 15/6/2026).
  const d = /^\d{5}$/.test(t) ? parseDeadline(Number(t)) : parseDeadline(t);
  return d.kind === 'period' && d.period.precision === 'day' ? d.period.start : null;
}
