// The check's issues, table by table: cell (a button that shows it in the preview), severity, code, message, fix.
import type { Issue, Severity } from '../../../core/validate/index.ts';
import { issueCell } from '../../../core/validate/index.ts';
import type { Report } from '../../../core/validate/index.ts';
import { button, h, uid } from '../dom/h.ts';
import { num, pick, t } from '../i18n/index.ts';
import { SEVERITIES, severityBadge } from './severity.ts';

export interface IssuesViewOptions {
  shown: ReadonlySet<Severity>;
  onFilter(severity: Severity, on: boolean): void;
  onJump(sheet: string, ref: string): void;
}

/**
 * The stats line, the severity filter and one table of issues per checked table.
 * @example main.append(issuesView(report, { shown, onFilter, onJump }))
 */
export function issuesView(report: Report, opts: IssuesViewOptions): HTMLElement {
  const m = t().check;
  const s = report.stats;
  const stat = (n: number, label: string, cls = '') => h('li', { class: cls }, h('strong', null, num(n)), ` ${label}`);
  const wrap = h(
    'div',
    { class: 'issues-view' },
    h(
      'p',
      { class: `verdict ${report.valid ? 'ok' : 'bad'}` },
      h('span', { 'aria-hidden': 'true' }, report.valid ? '✔ ' : '✖ '),
      report.valid ? m.valid : m.invalid,
    ),
    h(
      'ul',
      { class: 'stats' },
      stat(s.tables, m.stats.tables),
      stat(s.tasks, m.stats.tasks),
      stat(s.indicators, m.stats.indicators),
      stat(s.errors, m.stats.errors, 'stat-error'),
      stat(s.warnings, m.stats.warnings, 'stat-warning'),
      stat(s.infos, m.stats.infos, 'stat-info'),
      stat(s.fixable, m.stats.fixable),
    ),
  );
  const all = report.tables.flatMap((tb) => tb.issues);
  if (all.length === 0) {
    wrap.append(h('p', { class: 'all-clear' }, m.noIssues));
    return wrap;
  }
  const counts: Record<Severity, number> = { error: s.errors, warning: s.warnings, info: s.infos };
  const filter = h('fieldset', { class: 'filter' }, h('legend', null, m.show));
  for (const sev of SEVERITIES) {
    // One filter per page: a stable id keeps the focus on the box just toggled after a re-render.
    const id = `show-filter-${sev}`;
    const box = h('input', { type: 'checkbox', id, checked: opts.shown.has(sev) });
    box.addEventListener('change', () => opts.onFilter(sev, box.checked));
    filter.append(h('span', { class: 'check' }, box, h('label', { for: id }, severityBadge(sev), ` (${num(counts[sev])})`)));
  }
  wrap.append(filter);
  let shownAny = false;
  // Long lists scroll inside their own region, so the preview and the submit form stay within reach.
  const list = h('div', { class: 'issues-scroll', role: 'region', 'aria-label': m.step2, tabindex: '0' });
  for (const table of report.tables) {
    const issues = table.issues.filter((i) => opts.shown.has(i.severity));
    if (issues.length === 0) continue;
    shownAny = true;
    const hid = uid('tbl');
    list.append(
      h(
        'section',
        { class: 'issue-table', 'aria-labelledby': hid },
        h('h3', { id: hid }, m.table(table.sheet, table.range)),
        h(
          'div',
          { class: 'table-scroll' },
          h(
            'table',
            { class: 'issues' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', { scope: 'col' }, m.colCell),
                h('th', { scope: 'col' }, m.colSeverity),
                h('th', { scope: 'col' }, m.colCode),
                h('th', { scope: 'col' }, m.colMessage),
                h('th', { scope: 'col' }, m.colFix),
              ),
            ),
            h(
              'tbody',
              null,
              issues.map((i) => issueRow(i, opts)),
            ),
          ),
        ),
      ),
    );
  }
  wrap.append(shownAny ? list : h('p', null, m.noneShown));
  return wrap;
}

function issueRow(i: Issue, opts: IssuesViewOptions): HTMLElement {
  const m = t().check;
  const where = i.cell ?? (i.row !== undefined ? `${i.row}:${i.row}` : null);
  const ref = issueCell(i) ?? null;
  const loc =
    where && ref ? button(where, () => opts.onJump(i.sheet, ref), { class: 'link cell-ref', 'aria-label': m.jumpTo(where) }) : '—';
  return h(
    'tr',
    {
      class: `sev-row-${i.severity}`,
      'data-sheet': i.sheet,
      'data-cell': i.cell ?? '',
      'data-row': i.row ?? '',
      'data-code': i.code,
      'data-severity': i.severity,
    },
    h('td', null, loc),
    h('td', null, severityBadge(i.severity)),
    h('td', null, h('code', null, i.code)),
    h('td', { class: 'message' }, pick(i)),
    h('td', { class: 'fix', 'data-label': m.colFix }, i.fix?.safe ? m.fixYes : ''),
  );
}
