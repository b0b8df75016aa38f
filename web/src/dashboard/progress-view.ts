// The dashboard's "Tiến độ thực hiện" section: the period chosen, tasks per category (chart and table), overdue tasks
// per lead agency, the communes that have not reported, and each commune's report with its counts.
import type { ApiError, ProgressPeriod, ProvinceProgress } from '../../../core/api/index.ts';
import type { ProgressCategory } from '../../../core/progress/index.ts';
import { failureText } from '../api/client.ts';
import { button, h, uid } from '../dom/h.ts';
import { dateTime, lang, num, t } from '../i18n/index.ts';
import { baseOptions, chartFigure, hatch } from './charts.ts';
import { categoryBars, communeProgressRows, hasProgress, overdueLeadRows, periodWords } from './progress-data.ts';

export interface ProgressState {
  /** The periods the province collects; null until loaded (or when loading failed). */
  periods: ProgressPeriod[] | null;
  period: string | null;
  data: ProvinceProgress | null;
  loading: boolean;
  error: ApiError | null;
}

export interface ProgressActions {
  onPeriod: (period: string) => void;
  onDownload: (btn: HTMLButtonElement) => void;
}

/** Okabe–Ito colours by meaning: done green, late orange, under way blue, overdue red and hatched, stopped purple/grey. */
const COLOURS: Record<ProgressCategory, string> = {
  'done-on-time': '#009E73',
  'done-late': '#E69F00',
  'in-progress-on-time': '#0072B2',
  overdue: '#B3261E',
  'not-due': '#56B4E9',
  'no-deadline': '#F0E442',
  paused: '#CC79A7',
  dropped: '#7f7f7f',
};

/**
 * The section; `draw()` renders its chart once the element is in the document.
 * @example const v = progressView(state.progress, actions); main.append(v.element); v.draw()
 */
export function progressView(s: ProgressState, on: ProgressActions): { element: HTMLElement; draw: () => void } {
  const m = t().dash.progress;
  const section = h('section', { class: 'progress', id: 'progress', 'aria-labelledby': 'progress-h', 'aria-busy': String(s.loading) });
  section.append(h('h2', { id: 'progress-h' }, m.heading));
  if (s.periods === null && s.error) {
    section.append(h('p', { class: 'note', role: 'alert' }, failureText(s.error)));
    return { element: section, draw: () => undefined };
  }
  if (s.periods === null) {
    section.append(h('p', { class: 'loading' }, m.loading));
    return { element: section, draw: () => undefined };
  }
  if (s.periods.length === 0) {
    section.append(h('p', { class: 'hint' }, m.noPeriods));
    return { element: section, draw: () => undefined };
  }
  section.append(periodForm(s.periods, s.period, s.data !== null && !s.loading, on));
  if (s.loading) {
    section.append(h('p', { class: 'loading' }, m.loading));
    return { element: section, draw: () => undefined };
  }
  if (s.error) section.append(h('p', { class: 'note', role: 'alert' }, failureText(s.error)));
  if (!s.data) return { element: section, draw: () => undefined };
  const data = s.data;
  section.append(h('p', { class: 'hint' }, m.asOf(periodWords(s.periods, data.period, data.periodLabel, lang()), day(data.asOf))));
  if (!hasProgress(data)) section.append(h('p', { class: 'note' }, m.noReports));
  const figure = categoryChart(data);
  section.append(
    h('p', { class: 'progress-reported', 'data-metric': 'reported' }, m.reportedOf(num(data.total.reported), num(data.total.tasks))),
    figure.element,
    leadsTable(data),
    notReported(data),
    communesTable(data),
  );
  return { element: section, draw: figure.draw };
}

function day(iso: string): string {
  return iso.split('-').reverse().join('/');
}

function periodForm(periods: ProgressPeriod[], chosen: string | null, canDownload: boolean, on: ProgressActions): HTMLElement {
  const m = t().dash.progress;
  const id = uid('period');
  const select = h(
    'select',
    { id, name: 'period', class: 'period-select' },
    periods.map((p) => {
      const notes = [p.current ? m.current : null, m.cutoff(day(p.cutoff))].filter(Boolean).join(', ');
      return h('option', { value: p.period, selected: p.period === chosen }, `${lang() === 'en' ? p.labelEn : p.label} (${notes})`);
    }),
  );
  select.addEventListener('change', () => on.onPeriod(select.value));
  return h(
    'div',
    { class: 'controls progress-controls no-print' },
    h('div', { class: 'field' }, h('label', { for: id }, m.period), select),
    h(
      'div',
      { class: 'actions' },
      button(m.download, (ev) => on.onDownload(ev.currentTarget as HTMLButtonElement), { class: 'secondary', disabled: !canDownload }),
    ),
  );
}

function categoryChart(data: ProvinceProgress): { element: HTMLElement; draw: () => void } {
  const m = t().dash.progress;
  const bars = categoryBars(data.total.byCategory, lang());
  return chartFigure({
    id: 'chart-progress',
    title: m.chart,
    height: 70 + bars.length * 30,
    config: () => ({
      type: 'bar',
      data: {
        labels: bars.map((b) => b.label),
        datasets: [
          {
            label: t().dash.colCount,
            data: bars.map((b) => b.count),
            // The overdue bar differs by pattern as well as colour, as on the overview's quarter chart.
            backgroundColor: bars.map((b) => (b.category === 'overdue' ? hatch(COLOURS.overdue) : COLOURS[b.category])),
            borderColor: bars.map((b) => (b.category === 'overdue' ? '#7A1712' : 'rgba(0,0,0,0.35)')),
            borderWidth: 1,
          },
        ],
      },
      options: { ...baseOptions(true), plugins: { legend: { display: false } } },
    }),
    table: { head: [m.colCategory, t().dash.colCount], rows: bars.map((b) => [b.label, b.count]) },
  });
}

function leadsTable(data: ProvinceProgress): HTMLElement {
  const m = t().dash.progress;
  const rows = overdueLeadRows(data.total, m.noLead);
  return h(
    'div',
    { class: 'progress-leads' },
    h('h3', { id: 'progress-leads-h' }, m.overdueHeading),
    rows.length === 0
      ? h('p', null, m.noOverdue)
      : h(
          'div',
          { class: 'table-scroll' },
          h(
            'table',
            { class: 'overdue-leads', 'aria-labelledby': 'progress-leads-h' },
            h(
              'thead',
              null,
              h('tr', null, h('th', { scope: 'col' }, t().dash.colAgency), h('th', { scope: 'col', class: 'num' }, m.colOverdue)),
            ),
            h(
              'tbody',
              null,
              rows.map(([lead, n]) => h('tr', null, h('th', { scope: 'row' }, lead), h('td', { class: 'num' }, num(n)))),
            ),
          ),
        ),
  );
}

function notReported(data: ProvinceProgress): HTMLElement {
  const m = t().dash.progress;
  const list = data.notReported;
  return h(
    'div',
    { class: 'progress-missing' },
    h('h3', null, m.notReportedHeading(list.length)),
    list.length === 0
      ? h('p', null, m.allReported)
      : h(
          'ul',
          { class: 'commune-list not-reported' },
          list.map((c) => h('li', { 'data-commune': c.code }, `${c.name} (${c.code})`)),
        ),
  );
}

function communesTable(data: ProvinceProgress): HTMLElement {
  const m = t().dash.progress;
  const d = t().dash;
  const rows = communeProgressRows(data);
  const col = (label: string, num = true) => h('th', { scope: 'col', class: num ? 'num' : null }, label);
  return h(
    'div',
    { class: 'progress-communes' },
    h('h3', { id: 'progress-communes-h' }, m.communesHeading),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'progress-communes', 'aria-labelledby': 'progress-communes-h' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            col(d.colCommune, false),
            col(d.colCode, false),
            col(m.colState, false),
            col(d.colTasks),
            col(m.colReported),
            col(m.colDone),
            col(m.colOverdue),
            col(m.colSent, false),
          ),
        ),
        h(
          'tbody',
          null,
          rows.map((r) =>
            h(
              'tr',
              { 'data-commune': r.code, 'data-state': r.state },
              h('th', { scope: 'row' }, r.name),
              h('td', null, r.code),
              h(
                'td',
                { 'data-col': 'state', class: `report-state state-${r.state}` },
                m.states[r.state] ?? '',
                r.nothingToReport ? ` (${m.nothingToReport})` : '',
                // The province's own words: shown as written, set apart from the state.
                r.returnReason ? h('span', { class: 'return-reason' }, `: ${r.returnReason}`) : null,
              ),
              h('td', { class: 'num', 'data-col': 'tasks' }, num(r.tasks)),
              h('td', { class: 'num', 'data-col': 'reported' }, num(r.reported)),
              h('td', { class: 'num', 'data-col': 'done' }, num(r.done)),
              h('td', { class: `num${r.overdue > 0 ? ' has-errors' : ''}`, 'data-col': 'overdue' }, num(r.overdue)),
              h('td', { 'data-col': 'sent' }, r.lastSent ? dateTime(r.lastSent) : '—'),
            ),
          ),
        ),
      ),
    ),
  );
}
