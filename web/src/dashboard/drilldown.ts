// Drill-down into one commune's plan: the head revision as a table, its revision history, and what changed between
// two revisions (task by task, field by field). Task text is untrusted: it only ever goes in as text nodes.
import type { Appendix, AppendixRow, ColumnRole } from '../../../core/model/index.ts';
import { ROLE_NAMES } from '../../../core/validate/index.ts';
import { findCommune } from '../../../core/dvhc.ts';
import type { DiffAnswer, PlanRevision, RevisionMeta } from '../../../core/api/index.ts';
import { api, ApiError, failureText } from '../api/client.ts';
import { button, h, uid } from '../dom/h.ts';
import { dateTime, lang, num, t } from '../i18n/index.ts';
import { numbered } from '../shell/format.ts';

export interface DrillState {
  commune: string;
  planKey: string;
  head: PlanRevision | null;
  revisions: RevisionMeta[];
  error: ApiError | null;
  from: number;
  to: number;
  diff: DiffAnswer | null;
  diffError: ApiError | null;
}

const TASK_ROLES: ColumnRole[] = ['tt', 'content', 'lead', 'partners', 'result', 'deadline', 'status'];
const INDICATOR_ROLES: ColumnRole[] = ['tt', 'content', 'unit', 'target', 'monitor'];

/**
 * Load a commune's head and history; when there are two revisions or more, the last change too.
 * @example const d = await loadDrill('10903', 'NQ57-2026')
 */
export async function loadDrill(commune: string, planKey: string): Promise<DrillState> {
  const d: DrillState = { commune, planKey, head: null, revisions: [], error: null, from: 0, to: 0, diff: null, diffError: null };
  try {
    const client = api();
    const [head, revs] = await Promise.all([client.head(commune, planKey), client.revisions(commune, planKey)]);
    d.head = head.body;
    d.revisions = revs.revisions;
  } catch (err) {
    d.error = ApiError.of(err);
    return d;
  }
  const seqs = d.revisions.map((r) => r.seq);
  if (seqs.length >= 2) await loadDiff(d, seqs[1]!, seqs[0]!);
  else if (seqs.length === 1) {
    d.from = 0;
    d.to = seqs[0]!;
  }
  return d;
}

/**
 * Fetch the changes from → to into the state (an error goes to `diffError`).
 * @example await loadDiff(d, 0, 2)
 */
export async function loadDiff(d: DrillState, from: number, to: number): Promise<void> {
  d.from = from;
  d.to = to;
  d.diffError = null;
  try {
    d.diff = await api().diff(d.commune, d.planKey, from, to);
  } catch (err) {
    d.diff = null;
    d.diffError = ApiError.of(err);
  }
}

export interface DrillViewOptions {
  /** Absent for an editor: their commune is the whole page. */
  onClose?: () => void;
  onCompare(from: number, to: number): void;
}

/**
 * The drill-down section.
 * @example section.append(drillView(d, { onCompare }))
 */
export function drillView(d: DrillState, opts: DrillViewOptions): HTMLElement {
  const m = t().dash.drill;
  const c = findCommune(d.commune);
  const headingId = 'drill-heading';
  const wrap = h(
    'section',
    { class: 'drill', id: 'drill', 'aria-labelledby': headingId, 'data-commune': d.commune },
    h(
      'div',
      { class: 'drill-head' },
      h('h2', { id: headingId, tabindex: '-1' }, m.heading(c ? `${c.name} (${c.code})` : d.commune)),
      opts.onClose ? button(m.close, opts.onClose, { class: 'secondary no-print' }) : null,
    ),
  );
  if (d.error) {
    wrap.append(h('p', { class: 'note', role: 'alert' }, d.error.status === 404 ? m.notFound : failureText(d.error)));
    return wrap;
  }
  if (!d.head) return wrap;
  wrap.append(h('h3', null, m.current(d.head.revision.seq)));
  for (const a of d.head.plan.appendices) wrap.append(appendixTable(a));
  wrap.append(h('h3', null, m.history), historyTable(d.revisions), compareView(d, opts));
  return wrap;
}

function appendixTable(a: Appendix): HTMLElement {
  const roles = (a.kind === 'indicators' ? INDICATOR_ROLES : TASK_ROLES).filter((r) => r === 'tt' || r === 'content' || a.columns[r]);
  const title = a.title.name ?? a.title.appendix ?? '';
  const rows: HTMLElement[] = [];
  for (const r of a.rows) {
    if (r.kind === 'group' || r.kind === 'subgroup') {
      rows.push(
        h(
          'tr',
          { class: `group-row ${r.kind}` },
          h('th', { scope: 'colgroup', colspan: roles.length }, numbered(r.tt, r.fields.content ?? '')),
        ),
      );
    } else if (r.kind === 'task' || r.kind === 'indicator') {
      rows.push(
        h(
          'tr',
          { 'data-task': r.id ?? '' },
          roles.map((role) => h('td', { class: `col-${role}`, 'data-label': ROLE_NAMES[role][lang()] }, cellOf(r, role))),
        ),
      );
    }
  }
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'plan' },
      h('caption', null, t().dash.drill.appendix(title, a.sheet)),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          roles.map((role) => h('th', { scope: 'col' }, ROLE_NAMES[role][lang()])),
        ),
      ),
      h('tbody', null, rows),
    ),
  );
}

function cellOf(r: AppendixRow, role: ColumnRole): string {
  return role === 'tt' ? (r.tt ?? '') : (r.fields[role] ?? '');
}

function historyTable(revs: RevisionMeta[]): HTMLElement {
  const m = t().dash.drill;
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'history' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          [m.colSeq, m.colTime, m.colKind, m.colAuthor, m.colMessage, m.colSummary].map((x) => h('th', { scope: 'col' }, x)),
        ),
      ),
      h(
        'tbody',
        null,
        revs.map((r) =>
          h(
            'tr',
            { 'data-seq': r.seq },
            h('td', { class: 'num' }, String(r.seq)),
            h('td', null, dateTime(r.createdAt)),
            h('td', null, m.kinds[r.kind] ?? r.kind),
            // The person; a machine id (token:…) means nothing to an official.
            h('td', null, r.authorName ?? '—'),
            h('td', null, r.message ?? ''),
            h('td', { class: 'num' }, `${num(r.summary.tasks)} · ${num(r.summary.errors)} · ${num(r.summary.warnings)}`),
          ),
        ),
      ),
    ),
  );
}

function compareView(d: DrillState, opts: DrillViewOptions): HTMLElement {
  const m = t().dash.drill;
  const wrap = h('div', { class: 'compare' }, h('h3', null, m.compare));
  if (d.revisions.length < 1) return wrap;
  const fromId = uid('from');
  const toId = uid('to');
  const from = h(
    'select',
    { id: fromId },
    h('option', { value: '0', selected: d.from === 0 }, `0 ${m.empty}`),
    d.revisions.map((r) => h('option', { value: r.seq, selected: r.seq === d.from }, String(r.seq))),
  );
  const to = h(
    'select',
    { id: toId },
    d.revisions.map((r) => h('option', { value: r.seq, selected: r.seq === d.to }, String(r.seq))),
  );
  const form = h(
    'form',
    { class: 'compare-form' },
    h('div', { class: 'field' }, h('label', { for: fromId }, m.from), from),
    h('div', { class: 'field' }, h('label', { for: toId }, m.to), to),
    h('button', { type: 'submit', class: 'secondary' }, m.compareButton),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    opts.onCompare(Number(from.value), Number(to.value));
  });
  wrap.append(form);
  if (d.revisions.length === 1 && !d.diff) wrap.append(h('p', { class: 'hint' }, m.onlyOne));
  if (d.diffError) wrap.append(h('p', { class: 'form-error', role: 'alert' }, failureText(d.diffError)));
  if (d.diff) wrap.append(changesView(d.diff));
  return wrap;
}

function changesView(diff: DiffAnswer): HTMLElement {
  const m = t().dash.drill;
  if (diff.changes.length === 0) return h('p', { class: 'changes-summary' }, m.noChanges);
  return h(
    'div',
    { class: 'changes', 'aria-live': 'polite' },
    h('p', { class: 'changes-summary' }, `${diff.from} → ${diff.to}: ${m.changes(diff.changes.length)}`),
    h(
      'ol',
      null,
      diff.changes.map((c) =>
        h(
          'li',
          { class: `change change-${c.change}`, 'data-change': c.change },
          h('span', { class: 'change-kind' }, m.change[c.change] ?? c.change),
          ' ',
          h('span', { class: 'change-task' }, numbered(c.tt, c.content)),
          c.fields && c.fields.length > 0
            ? h(
                'div',
                { class: 'table-scroll' },
                h(
                  'table',
                  { class: 'fields' },
                  h(
                    'thead',
                    null,
                    h(
                      'tr',
                      null,
                      h('th', { scope: 'col' }, m.field),
                      h('th', { scope: 'col' }, m.before),
                      h('th', { scope: 'col' }, m.after),
                    ),
                  ),
                  h(
                    'tbody',
                    null,
                    c.fields.map((f) =>
                      h(
                        'tr',
                        null,
                        h('th', { scope: 'row' }, ROLE_NAMES[f.field]?.[lang()] ?? f.field),
                        h('td', null, f.before === null ? m.empty : h('del', null, f.before)),
                        h('td', null, f.after === null ? m.empty : h('ins', null, f.after)),
                      ),
                    ),
                  ),
                ),
              )
            : null,
        ),
      ),
    ),
  );
}
