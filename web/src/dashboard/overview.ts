// A province's overview: counts, the communes that submitted (with tasks per NQ57 group), those that did not,
// tasks per group, and the three charts; the progress section after the counts when there is one.
import { NQ57_GROUPS } from '../../../core/consolidate/index.ts';
import type { ProvinceConsolidated, ProvinceProgress, ProvinceStatus, StatusCommune } from '../../../core/api/index.ts';
import { button, h, type Child } from '../dom/h.ts';
import { dateTime, lang, num, t } from '../i18n/index.ts';
import { dueByQuarter, groupStacks, leadLoad } from './chart-data.ts';
import { baseOptions, chartFigure, hatch, PALETTE } from './charts.ts';
import { overdueFigure } from './progress-data.ts';

type Submitted = Extract<StatusCommune, { submitted: true }>;

/** The period's progress, when the province collects progress for the plan, and its section of the page. */
export interface OverviewProgress {
  data: ProvinceProgress | null;
  /** The period as a sentence names it ("6 tháng đầu năm 2026"). */
  period: string;
  section: { element: HTMLElement; draw: () => void };
}

/**
 * The overview; `draw()` renders the charts once the element is in the document. With progress reported for the
 * period, "Quá hạn" counts only the tasks not done (a task done, even late, is no longer overdue); without, it counts
 * every task whose deadline passed, as consolidation judges it from the plan alone.
 * @example const o = overviewView(status, consolidated, open, progress); main.append(o.element); o.draw()
 */
export function overviewView(
  status: ProvinceStatus,
  data: ProvinceConsolidated,
  onOpen: (code: string) => void,
  progress: OverviewProgress | null = null,
): { element: HTMLElement; draw: () => void } {
  const m = t().dash;
  const submitted = status.communesList.filter((c): c is Submitted => c.submitted);
  const missing = status.communesList.filter((c) => !c.submitted);
  const errors = submitted.reduce((n, c) => n + c.errors, 0);
  const warnings = submitted.reduce((n, c) => n + c.warnings, 0);
  const overdue = overdueFigure(data.stats.totals.overdue, progress?.data ?? null);
  const card = (metric: string, value: string, label: string, cls = '', title: string | null = null) =>
    h('div', { class: `card ${cls}`, 'data-metric': metric, title }, h('dt', null, label), h('dd', null, value));
  const cards = h(
    'dl',
    { class: 'cards' },
    card('submitted', m.of(num(status.submitted), num(status.communes)), m.cards.submitted),
    card('not-submitted', num(status.communes - status.submitted), m.cards.notSubmitted),
    card('tasks', num(data.stats.totals.tasks), m.cards.tasks),
    card(
      'overdue',
      num(overdue.count),
      overdue.unfinishedOnly ? m.overdueUnfinished : m.cards.overdue,
      overdue.count > 0 ? 'alert' : '',
      overdue.unfinishedOnly && progress?.data ? m.overdueUnfinishedHint(progress.period) : null,
    ),
    card('errors', num(errors), m.cards.errors, errors > 0 ? 'alert' : ''),
    card('warnings', num(warnings), m.cards.warnings),
  );
  const figures = charts(data);
  const element = h(
    'div',
    { class: 'overview' },
    cards,
    h('p', { class: 'hint' }, m.asOf(data.asOf.split('-').reverse().join('/'))),
    progress?.section.element,
    h(
      'section',
      { 'aria-labelledby': 'communes-h' },
      h('h2', { id: 'communes-h' }, m.communesHeading),
      submitted.length === 0
        ? h('p', null, m.noneSubmitted)
        : communesTable(submitted, data, onOpen, overdue.unfinishedOnly ? progress?.data : null),
      missing.length > 0
        ? h(
            'details',
            { class: 'not-submitted no-print' },
            h('summary', null, m.notSubmittedHeading(missing.length)),
            h(
              'ul',
              { class: 'commune-list' },
              missing.map((c) => h('li', { 'data-commune': c.code }, `${c.name} (${c.code})`)),
            ),
          )
        : null,
      // On paper the list is written out: a closed <details> would print as its summary line only.
      missing.length > 0
        ? h(
            'div',
            { class: 'print-only not-submitted-print' },
            h('h3', null, m.notSubmittedHeading(missing.length)),
            h(
              'ul',
              { class: 'commune-list' },
              missing.map((c) => h('li', null, `${c.name} (${c.code})`)),
            ),
          )
        : null,
    ),
    h('section', { 'aria-labelledby': 'groups-h' }, h('h2', { id: 'groups-h' }, m.groupsHeading), groupsTable(data)),
    h(
      'section',
      { class: 'charts', 'aria-labelledby': 'charts-h' },
      h('h2', { id: 'charts-h' }, m.chartsHeading),
      figures.map((f) => f.element),
    ),
  );
  return {
    element,
    draw: () => {
      progress?.section.draw();
      figures.forEach((f) => f.draw());
    },
  };
}

function groupName(g: { number: number; short: string; shortEn: string }): string {
  return lang() === 'en' ? g.shortEn : g.short;
}

function communesTable(
  list: Submitted[],
  data: ProvinceConsolidated,
  onOpen: (code: string) => void,
  progress: ProvinceProgress | null | undefined,
): HTMLElement {
  const m = t().dash;
  const stats = new Map(data.stats.communes.map((c) => [c.code, c]));
  // With progress reported, a commune's overdue tasks are its unfinished ones (its counts for the period).
  const unfinished = progress ? new Map(progress.communes.map((c) => [c.code, c.counts?.byCategory.overdue ?? 0])) : null;
  const groups = data.stats.groups;
  const head = h(
    'tr',
    null,
    h('th', { scope: 'col' }, m.colCommune),
    h('th', { scope: 'col' }, m.colCode),
    h('th', { scope: 'col', class: 'num' }, m.colRevision),
    h('th', { scope: 'col' }, m.colLast),
    h('th', { scope: 'col', class: 'num' }, m.colTasks),
    h('th', { scope: 'col', class: 'num' }, m.colErrors),
    h('th', { scope: 'col', class: 'num' }, m.colWarnings),
    h('th', { scope: 'col', class: 'num' }, unfinished ? m.overdueUnfinished : m.colOverdue),
    groups.map((g) =>
      h('th', { scope: 'col', class: 'num group-col' }, h('abbr', { title: m.groupTitle(g.number, groupName(g)) }, m.groupAbbr(g.number))),
    ),
  );
  const rows = list.map((c) => {
    const s = stats.get(c.code);
    return h(
      'tr',
      { 'data-commune': c.code },
      h(
        'th',
        { scope: 'row' },
        button(c.name, () => onOpen(c.code), { class: 'link commune-link', 'aria-label': m.open(c.name) }),
      ),
      h('td', null, c.code),
      h('td', { class: 'num' }, String(c.revision)),
      h('td', null, dateTime(c.lastPush)),
      h('td', { class: 'num', 'data-col': 'tasks' }, num(s?.tasks ?? c.tasks)),
      h('td', { class: `num${c.errors > 0 ? ' has-errors' : ''}`, 'data-col': 'errors' }, num(c.errors)),
      h('td', { class: 'num', 'data-col': 'warnings' }, num(c.warnings)),
      h('td', { class: 'num', 'data-col': 'overdue' }, num(unfinished ? (unfinished.get(c.code) ?? 0) : (s?.overdue ?? 0))),
      groups.map((g) => h('td', { class: 'num' }, num(s?.byGroup[g.id] ?? 0))),
    );
  });
  return h('div', { class: 'table-scroll' }, h('table', { class: 'communes' }, h('thead', null, head), h('tbody', null, rows)));
}

function groupsTable(data: ProvinceConsolidated): HTMLElement {
  const m = t().dash;
  const titles = new Map(NQ57_GROUPS.map((g) => [g.id, g.title]));
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'groups' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, m.colGroup),
          h('th', { scope: 'col', class: 'num' }, m.colTasks),
          h('th', { scope: 'col', class: 'num' }, m.colGroupCommunes),
        ),
      ),
      h(
        'tbody',
        null,
        data.stats.groups.map((g) =>
          h(
            'tr',
            { 'data-group': g.id },
            h('th', { scope: 'row', title: titles.get(g.id) ?? null }, m.groupTitle(g.number, groupName(g))),
            h('td', { class: 'num' }, num(g.tasks)),
            h('td', { class: 'num' }, num(g.communes)),
          ),
        ),
      ),
    ),
  );
}

function charts(data: ProvinceConsolidated): { element: HTMLElement; draw: () => void }[] {
  const m = t().dash;
  const out = [];
  // On a phone the legend wraps to one entry a line and long agency names must be shortened to leave room for bars.
  const narrow = window.matchMedia('(max-width: 600px)').matches;
  const stacks = groupStacks(data.stats.communes);
  if (stacks.communes.length > 0) {
    const bars = 80 + stacks.communes.length * 34;
    out.push(
      chartFigure({
        id: 'chart-groups',
        title: m.chartGroups,
        height: bars + (narrow ? 22 * stacks.series.length : 50),
        print: { height: bars + 50 },
        config: () => ({
          type: 'bar',
          data: {
            labels: stacks.communes,
            datasets: stacks.series.map((s) => ({
              label: m.groupTitle(s.group.number, groupName(s.group)),
              data: s.data,
              backgroundColor: PALETTE[(s.group.number || 8) - 1],
              stack: 'g',
            })),
          },
          options: baseOptions(true, true),
        }),
        table: {
          head: [m.colCommune, ...stacks.series.map((s) => m.groupAbbr(s.group.number))],
          rows: stacks.communes.map((name, i) => [name, ...stacks.series.map((s) => s.data[i] ?? 0)]),
        },
      }),
    );
  }
  const q = dueByQuarter(data.rows);
  if (q.quarters.length > 0) {
    const labels = q.quarters.map(([y, n]) => m.quarter(n, y));
    out.push(
      chartFigure({
        id: 'chart-quarters',
        title: m.chartQuarters,
        height: 300,
        note: q.undated > 0 ? m.chartQuartersNote(q.undated) : undefined,
        config: () => ({
          type: 'bar',
          data: {
            labels,
            datasets: [
              { label: m.overdue, data: q.overdue, backgroundColor: hatch('#B3261E'), borderColor: '#7A1712', borderWidth: 1, stack: 'q' },
              { label: m.notOverdue, data: q.other, backgroundColor: '#0072B2', stack: 'q' },
            ],
          },
          options: baseOptions(false, true),
        }),
        table: { head: [m.colQuarter, m.overdue, m.notOverdue], rows: labels.map((l, i) => [l, q.overdue[i] ?? 0, q.other[i] ?? 0]) },
      }),
    );
  }
  const leads = leadLoad(data.rows, 15);
  if (leads.length > 0) {
    out.push(
      chartFigure({
        id: 'chart-leads',
        title: m.chartLeads,
        height: Math.max(200, 70 + leads.length * 28),
        config: (print) => ({
          type: 'bar',
          data: {
            labels: leads.map((l) => clip(l.name, narrow && !print ? 22 : 48)),
            datasets: [{ label: m.colCount, data: leads.map((l) => l.count), backgroundColor: '#009E73' }],
          },
          // The tooltip names the agency in full; so does the table under the chart.
          options: {
            ...baseOptions(true),
            plugins: {
              legend: { display: false },
              tooltip: { callbacks: { title: (items) => leads[items[0]?.dataIndex ?? 0]?.name ?? '' } },
            },
          },
        }),
        table: { head: [m.colAgency, m.colCount], rows: leads.map((l): Child[] => [l.name, l.count]) },
      }),
    );
  }
  if (out.length === 0) out.push({ element: h('p', null, m.noData), draw: () => undefined });
  return out;
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
