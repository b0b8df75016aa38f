// A commune's iCalendar feed (issue 17): the deadlines of its plan's tasks still owed and the province's report cut-offs, written by ical-generator.
import ical from 'ical-generator';
import { parseDeadline } from '../../core/deadline.ts';
import { formatDay, Term } from '../../core/i18n/index.ts';
import type { AppendixRow, Plan } from '../../core/model/index.ts';
import { judgePlan, parsePeriodId, periodLabel, spanOfId, taskRows, type TaskProgress } from '../../core/progress/index.ts';
import { collapseSpaces } from '../../core/text/index.ts';

/** What the feed is made from: one commune's head plan, the entries of its head reports, the province's periods. */
export interface FeedInput {
  communeCode: string;
  communeName: string;
  planKey: string;
  /** Null when the commune has not sent the plan yet (the feed then holds the report cut-offs only). */
  plan: Plan | null;
  /** Every entry of every period's head report: judgePlan picks the one that speaks for each task today. */
  entries: readonly TaskProgress[];
  periods: readonly { period: string; cutoff: string }[];
  /** Today in Vietnam (yyyy-mm-dd): what is done or dropped is judged as of it. */
  today: string;
  /** DTSTAMP of every event (when the feed was made). */
  now?: Date;
}

/** One all-day event, as the feed lists it (also what the tests compare with a parser's reading). */
export interface FeedEvent {
  uid: string;
  /** yyyy-mm-dd. */
  day: string;
  summary: string;
  description: string;
}

/** Characters of a task's content kept in an event's title: a phone's month view shows about this many. */
const SUMMARY_CHARS = 80;

/**
 * The events of the feed, by day then UID: every task with a due date that is neither done nor dropped as of today
 * (a "Thường xuyên" duty has no day of its own and is left out), then one event per reporting period's cut-off.
 * UIDs are stable across requests (task id or period, commune, plan), so a calendar updates an event rather than
 * adding it twice; the commune and plan are in them because one person may subscribe to several communes' feeds.
 * @example feedEvents({ communeCode: '10903', communeName: 'Xã Cẩm Giàng', planKey: 'NQ57-2026', plan, entries: [], periods: [], today: '2026-06-30' })
 */
export function feedEvents(input: FeedInput): FeedEvent[] {
  const scope = `${input.communeCode}.${input.planKey}@phuluc`;
  const out: FeedEvent[] = [];
  if (input.plan) {
    const rows = taskRows(input.plan);
    const judged = judgePlan(input.plan, input.entries, input.today);
    judged.forEach((t, i) => {
      const row = rows[i]!;
      if (t.taskId === undefined || t.due === null || isContinuous(row)) return;
      if (t.category === 'done-on-time' || t.category === 'done-late' || t.category === 'dropped') return;
      out.push({
        uid: `${t.taskId}.${scope}`,
        day: t.due,
        summary: `Hạn: ${shorten(t.content)}`,
        description: lines([
          [Term('task', 'vi'), collapseSpaces(t.content)],
          ['TT', t.tt],
          [Term('lead', 'vi'), row.fields.lead],
          ['Kết quả/sản phẩm', row.fields.result],
          [Term('deadline', 'vi'), row.fields.deadline],
        ]),
      });
    });
  }
  for (const p of input.periods) {
    const period = parsePeriodId(p.period);
    if (!period) continue;
    const label = periodLabel(period);
    const span = spanOfId(p.period);
    out.push({
      uid: `report-${p.period}.${scope}`,
      day: p.cutoff,
      summary: `Hạn gửi báo cáo tiến độ ${label}`,
      description: lines([
        [Term('reportingPeriod', 'vi'), `${label} (${formatDay(span.start)} – ${formatDay(span.end)})`],
        [Term('plan', 'vi'), input.planKey],
      ]),
    });
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}

/**
 * The feed as iCalendar text: all-day events, named "phuluc — <commune> — <plan>" (X-WR-CALNAME), refreshed by
 * calendar apps every few hours.
 * @example calendarFeed(input) // 'BEGIN:VCALENDAR\r\n…'
 */
export function calendarFeed(input: FeedInput): string {
  const stamp = input.now ?? new Date();
  const cal = ical({
    name: `phuluc — ${input.communeName} — ${input.planKey}`,
    prodId: { company: 'phuluc', product: 'phuluc', language: 'VI' },
    ttl: 6 * 3600,
  });
  for (const e of feedEvents(input)) {
    cal.createEvent({
      id: e.uid,
      allDay: true,
      // All-day dates are written from the UTC parts of a Date: midnight UTC is the day itself.
      start: new Date(`${e.day}T00:00:00Z`),
      end: new Date(Date.parse(`${e.day}T00:00:00Z`) + 86_400_000),
      summary: e.summary,
      description: e.description,
      stamp,
    });
  }
  return cal.toString();
}

/** "Thường xuyên": due every day of the period, which a calendar cannot show as one day. */
function isContinuous(row: AppendixRow): boolean {
  const d = row.deadline ?? (row.fields.deadline?.trim() ? parseDeadline(row.fields.deadline) : undefined);
  return d?.kind === 'recurring' && d.every === 'continuous';
}

/** A task's content cut at a word to fit a title, with "…" when cut. */
function shorten(content: string): string {
  const s = collapseSpaces(content);
  if (s.length <= SUMMARY_CHARS) return s;
  const cut = s.slice(0, SUMMARY_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > SUMMARY_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** "Label: value" lines, empty values left out. */
function lines(pairs: [string, string | undefined][]): string {
  return pairs
    .filter(([, v]) => v !== undefined && v.trim() !== '')
    .map(([k, v]) => `${k}: ${collapseSpaces(v!)}`)
    .join('\n');
}
