// What a submission came to, in words and colour with a symbol: stored clean (green ✔), stored with errors (amber ▲, never
// a green tick), nothing changed, refused (the server's words, the conflicting cells of a 409); and the two questions
// asked before storing: a file with errors (send anyway, as a draft, fix first) and a file naming another commune.
import type { CommuneMismatchDetails, UploadAnswer } from '../../../core/api/index.ts';
import { findCommune } from '../../../core/dvhc.ts';
import { ROLE_NAMES } from '../../../core/validate/index.ts';
import { ApiError, failureText } from '../api/client.ts';
import { button, h } from '../dom/h.ts';
import { lang, num, pick, t } from '../i18n/index.ts';
import { numbered } from '../shell/format.ts';
import { planName } from '../shell/plan-picker.ts';

export type Outcome =
  | { kind: 'ok'; body: UploadAnswer; replayed: boolean; commune: string; planKey: string; draft: boolean }
  | { kind: 'failed'; failure: ApiError }
  /** Not sent, by the official's own choice (fix first, wrong commune): a plain sentence. */
  | { kind: 'held'; text: string };

/**
 * The box for an outcome.
 * @example result.replaceChildren(outcomeView(outcome))
 */
export function outcomeView(o: Outcome): HTMLElement {
  const m = t().check.result;
  if (o.kind === 'held') return h('div', { class: 'outcome held', role: 'status' }, h('p', null, o.text));
  if (o.kind === 'failed') return failedView(o.failure);
  const name = findCommune(o.commune)?.name ?? o.commune;
  const plan = planName(o.planKey);
  const seq = o.body.revision.seq;
  const s = o.body.report.stats;
  const href = `/?xa=${encodeURIComponent(o.commune)}&ke-hoach=${encodeURIComponent(o.planKey)}`;
  const unchanged = o.body.status === 'unchanged';
  const tone = unchanged ? 'unchanged' : s.errors > 0 ? 'amber' : 'ok';
  const symbol = { unchanged: '○', amber: '▲', ok: '✔' }[tone];
  const what = o.replayed
    ? m.replayed(seq)
    : unchanged
      ? m.unchanged(seq)
      : o.body.status === 'merged'
        ? m.merged(seq, name, plan)
        : m.created(seq, name, plan);
  const check =
    s.errors > 0
      ? (unchanged ? m.unchangedErrors : m.withErrors)(s.errors, s.warnings, s.infos)
      : s.warnings + s.infos > 0
        ? m.withWarnings(s.warnings, s.infos)
        : m.clean;
  return h(
    'div',
    { class: `outcome ${tone}`, role: 'status', 'data-status': o.body.status, 'data-seq': seq, 'data-errors': s.errors },
    h('p', { class: 'outcome-head' }, h('span', { 'aria-hidden': 'true' }, `${symbol} `), what),
    o.draft && !unchanged ? h('p', null, m.draft) : null,
    h('p', null, check),
    (o.body.warnings ?? []).map((w) => h('p', { class: 'server-warning', 'data-warning': w.code }, pick(w))),
    h('p', null, h('a', { href }, m.view)),
  );
}

function failedView(f: ApiError): HTMLElement {
  const m = t().check.result;
  const box = h(
    'div',
    { class: 'outcome failed', role: 'alert', 'data-code': f.code, 'data-status': f.status },
    h(
      'p',
      null,
      h('strong', null, h('span', { 'aria-hidden': 'true' }, '✖ '), `${m.failed}: `),
      f.knownPlans ? m.planUnknown : failureText(f),
    ),
  );
  const details = f.conflict;
  if (!details) return box;
  box.append(
    h('h3', null, `${m.conflicts} (${num(details.conflicts.length)})`),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'conflicts' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            [m.conflictTask, m.conflictField, m.conflictBase, m.conflictTheirs, m.conflictMine].map((x) => h('th', { scope: 'col' }, x)),
          ),
        ),
        h(
          'tbody',
          null,
          details.conflicts.map((c) =>
            h(
              'tr',
              null,
              h('td', null, numbered(c.tt, c.content)),
              h('td', null, c.field === 'row' ? m.wholeRow : (ROLE_NAMES[c.field]?.[lang()] ?? c.field)),
              h('td', null, c.base ?? '—'),
              h('td', null, c.theirs ?? '—'),
              h('td', null, c.mine ?? '—'),
            ),
          ),
        ),
      ),
    ),
  );
  return box;
}

export interface ErrorsChoice {
  anyway(): void;
  draft(): void;
  fixFirst(): void;
}

/**
 * Asked before sending a file with errors, as the task pane asks.
 * @example result.replaceChildren(confirmErrorsView(3, { anyway, draft, fixFirst }))
 */
export function confirmErrorsView(errors: number, on: ErrorsChoice): HTMLElement {
  const m = t().check.confirm;
  return h(
    'div',
    { class: 'outcome amber ask', role: 'alertdialog', 'aria-labelledby': 'confirm-errors-h', 'aria-describedby': 'confirm-errors-p' },
    h('h3', { id: 'confirm-errors-h' }, h('span', { 'aria-hidden': 'true' }, '▲ '), m.heading(errors)),
    h('p', { id: 'confirm-errors-p' }, m.body),
    h(
      'div',
      { class: 'actions' },
      button(m.fixFirst, on.fixFirst, { class: 'primary', 'data-choice': 'fix-first' }),
      button(m.draft, on.draft, { class: 'secondary', 'data-choice': 'draft' }),
      button(m.anyway, on.anyway, { class: 'secondary', 'data-choice': 'anyway' }),
    ),
  );
}

/**
 * Asked when the server found another commune in the file's title block (409 commune-mismatch): both communes named.
 * @example result.replaceChildren(mismatchView(err.communeMismatch, { confirm, cancel }))
 */
export function mismatchView(d: CommuneMismatchDetails, on: { confirm(): void; cancel(): void }): HTMLElement {
  const m = t().check.mismatch;
  const fileCommune = d.fileCommuneCode ? findCommune(d.fileCommuneCode) : undefined;
  const file = fileCommune ? `${fileCommune.name} — ${fileCommune.provinceName}` : d.fileCommune;
  const target = `${d.targetCommune.name} — ${d.targetCommune.provinceName}`;
  return h(
    'div',
    { class: 'outcome amber ask mismatch', role: 'alertdialog', 'aria-labelledby': 'mismatch-h', 'aria-describedby': 'mismatch-p' },
    h('h3', { id: 'mismatch-h' }, h('span', { 'aria-hidden': 'true' }, '▲ '), m.heading),
    h('p', { id: 'mismatch-p' }, m.body(file, target)),
    h('p', null, m.question),
    h(
      'div',
      { class: 'actions' },
      button(m.cancel, on.cancel, { class: 'primary', 'data-choice': 'cancel' }),
      button(m.confirm(d.targetCommune.name), on.confirm, { class: 'secondary', 'data-choice': 'confirm' }),
    ),
  );
}
