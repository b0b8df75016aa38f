// The check's issues in the order that matters: errors, then warnings, in one list; the notes collapsed behind a summary
// line ("45 lưu ý — Xem"). Each row: where ("Dòng 5", a button that shows it in the preview), severity, the rule's title
// (its code only in a tooltip), the message, whether it is fixed automatically.
import type { Issue, Report } from '../../../core/validate/index.ts';
import { issueCell, issueTitle, issueWhere, orderIssues } from '../../../core/validate/index.ts';
import { button, h } from '../dom/h.ts';
import { lang, num, pick, t } from '../i18n/index.ts';
import { severityBadge } from './severity.ts';

export interface IssuesViewOptions {
  /** The notes are shown (the summary line was opened); kept across re-renders. */
  notesOpen: boolean;
  onNotes(open: boolean): void;
  onJump(sheet: string, ref: string): void;
  /** Some table could not be read (a Word table nested in a cell): not valid, whatever the rest says. */
  unread?: boolean;
}

/**
 * The verdict, the stats line, the errors and warnings, and the notes behind their summary line.
 * @example main.append(issuesView(report, { notesOpen: false, onNotes, onJump }))
 */
export function issuesView(report: Report, opts: IssuesViewOptions): HTMLElement {
  const m = t().check;
  const s = report.stats;
  const valid = report.valid && opts.unread !== true;
  const stat = (n: number, label: string, cls = '') => h('li', { class: cls }, h('strong', null, num(n)), ` ${label}`);
  const wrap = h(
    'div',
    { class: 'issues-view' },
    h(
      'p',
      { class: `verdict ${valid ? 'ok' : 'bad'}` },
      h('span', { 'aria-hidden': 'true' }, valid ? '✔ ' : '✖ '),
      valid ? m.valid : report.valid ? m.unreadInvalid : m.invalid,
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
  const all = orderIssues(report.tables.flatMap((tb) => tb.issues));
  if (all.length === 0) {
    wrap.append(h('p', { class: 'all-clear' }, m.noIssues));
    return wrap;
  }
  // The sheet is named only when the workbook has issues on several sheets.
  const withSheet = new Set(all.map((i) => i.sheet)).size > 1;
  const problems = all.filter((i) => i.severity !== 'info');
  const notes = all.filter((i) => i.severity === 'info');
  wrap.append(
    h('h3', { class: 'problems-heading' }, m.problemsHeading(s.errors, s.warnings)),
    problems.length > 0
      ? h(
          'div',
          { class: 'issues-scroll', role: 'region', 'aria-label': m.problemsHeading(s.errors, s.warnings), tabindex: '0' },
          table(problems, withSheet, opts),
        )
      : h('p', { class: 'all-clear' }, m.noProblems),
  );
  if (notes.length > 0) {
    const details = h(
      'details',
      { class: 'notes', ...(opts.notesOpen ? { open: true } : {}) },
      h(
        'summary',
        null,
        h('span', { class: 'notes-count' }, m.notesSummary(notes.length)),
        ' — ',
        h('span', { class: 'notes-action' }, opts.notesOpen ? m.notesHide : m.notesShow),
      ),
      h('p', { class: 'hint' }, m.notesHint),
      h('div', { class: 'issues-scroll' }, table(notes, withSheet, opts)),
    );
    details.addEventListener('toggle', () => {
      const action = details.querySelector('.notes-action');
      if (action) action.textContent = details.open ? t().check.notesHide : t().check.notesShow;
      opts.onNotes(details.open);
    });
    wrap.append(details);
  }
  return wrap;
}

function table(issues: Issue[], withSheet: boolean, opts: IssuesViewOptions): HTMLElement {
  const m = t().check;
  return h(
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
          [m.colWhere, m.colSeverity, m.colTitle, m.colMessage, m.colFix].map((x) => h('th', { scope: 'col' }, x)),
        ),
      ),
      h(
        'tbody',
        null,
        issues.map((i) => issueRow(i, withSheet, opts)),
      ),
    ),
  );
}

function issueRow(i: Issue, withSheet: boolean, opts: IssuesViewOptions): HTMLElement {
  const m = t().check;
  const where = issueWhere(i, lang(), withSheet);
  const ref = issueCell(i) ?? null;
  const loc = ref ? button(where, () => opts.onJump(i.sheet, ref), { class: 'link cell-ref', 'aria-label': m.jumpTo(where) }) : where;
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
    h('td', { class: 'where' }, loc),
    h('td', null, severityBadge(i.severity)),
    // The rule's code is for whoever supports the official: a tooltip, never the visible text.
    h('td', { class: 'issue-title' }, h('span', { class: 'rule', title: m.ruleCode(i.code) }, issueTitle(i.code, lang()))),
    h('td', { class: 'message' }, pick(i)),
    h('td', { class: 'fix', 'data-label': m.colFix }, i.fix?.safe ? m.fixYes : ''),
  );
}
