// Step 4: submit the checked file (multipart POST …/upload) for a plan chosen from the server's list and a commune (an
// editor's own, an admin's found by name). A file with errors is sent only once the official chooses (anyway, as a
// draft, fix first); a file whose title names another commune only once they confirm (409 commune-mismatch).
import type { Answer, UploadAnswer } from '../../../core/api/index.ts';
import { findCommune } from '../../../core/dvhc.ts';
import { api, ApiError } from '../api/client.ts';
import { signInPanel } from '../auth/sign-in-panel.ts';
import type { Session } from '../auth/session.ts';
import { h, uid } from '../dom/h.ts';
import { t } from '../i18n/index.ts';
import { communeSearch, communeText } from '../shell/commune-search.ts';
import { choosePlan, planPicker, rememberPlan, setPlans } from '../shell/plan-picker.ts';
import { confirmErrorsView, mismatchView, outcomeView, type Outcome } from './outcome-view.ts';

export interface SubmitContext {
  session: Session;
  /** The file to send: checked here (.xlsx), or to be converted by the server (.xls, .ods); null: none yet. */
  file: File | null;
  /** Errors the check here found; null when the file was not checked here (the server converts and checks it). */
  errors: number | null;
  onSession(): void;
  /** "Fix first": take the official back to the issues. */
  onFixFirst(): void;
}

interface Attempt {
  file: File;
  commune: string;
  planKey: string;
  base: string;
  /** Errors left, when sent as a draft: the revision's note says so. */
  draftErrors: number | null;
  confirmCommune: boolean;
}

/** What survives re-renders (language switch, a new session, a new file): the choices and the last outcome. */
const state = {
  commune: '',
  planKey: '',
  base: '',
  busy: false,
  outcome: null as Outcome | null,
  /** A question waiting for the official's answer, shown in place of the outcome. */
  asking: null as null | { kind: 'errors'; attempt: Attempt; errors: number } | { kind: 'mismatch'; attempt: Attempt; failure: ApiError },
  /** One key per attempt at a file: a retried click is answered with the first result, never stored twice. */
  idempotency: { file: null as File | null, sig: '', key: '' },
};

/**
 * The sign-in box and, once signed in as an editor or admin, the submit form.
 * @example section.append(submitView({ session, file, errors: 0, onSession: reload, onFixFirst }))
 */
export function submitView(ctx: SubmitContext): HTMLElement {
  const m = t().check;
  const wrap = h('div', { class: 'submit-view' }, h('p', null, m.submitIntro), signInPanel(ctx.session, ctx.onSession));
  const p = ctx.session.me?.principal;
  if (!p) return wrap;
  if (p.role === 'consolidator') {
    wrap.append(h('p', { class: 'note' }, m.consolidatorCannot));
    return wrap;
  }
  const form = h('form', { class: 'submit-form', novalidate: true });
  const error = h('p', { class: 'form-error', role: 'alert' });
  // An editor's access fixes the commune: shown, not asked.
  let communeInput: HTMLInputElement | null = null;
  if (p.role === 'editor' && p.communeCode) {
    state.commune = p.communeCode;
    const c = findCommune(p.communeCode);
    form.append(
      h(
        'div',
        { class: 'field' },
        h('span', { class: 'label' }, t().communeSearch.fixed),
        h('p', { class: 'fixed-value', 'data-commune': p.communeCode }, c ? communeText(c) : p.communeCode),
      ),
    );
  } else {
    const search = communeSearch(state.commune, (code) => (state.commune = code));
    communeInput = search.input;
    form.append(search.field);
  }
  state.planKey = choosePlan(state.planKey);
  const picker = planPicker(state.planKey, (k) => (state.planKey = k));
  const baseId = uid('base');
  const baseInput = h('input', {
    id: baseId,
    name: 'base',
    type: 'number',
    min: '1',
    step: '1',
    inputmode: 'numeric',
    value: state.base,
    'aria-describedby': `${baseId}-hint`,
  });
  baseInput.addEventListener('input', () => (state.base = baseInput.value.trim()));
  const submit = h('button', { type: 'submit', class: 'primary', disabled: !ctx.file || state.busy }, state.busy ? m.submitting : m.submit);
  const result = h('div', { class: 'submit-result', 'aria-live': 'polite' });
  form.append(
    picker.field,
    h(
      'details',
      { class: 'advanced', ...(state.base ? { open: true } : {}) },
      h('summary', null, m.advanced),
      h('div', { class: 'field' }, h('label', { for: baseId }, m.baseLabel), baseInput, h('small', { id: `${baseId}-hint` }, m.baseHint)),
    ),
    ctx.file && ctx.errors === null ? h('p', { class: 'note convert-note' }, m.convertNote(ctx.file.name)) : '',
    h('div', { class: 'actions' }, submit),
    ctx.file ? '' : h('p', { class: 'note' }, m.needFile),
    error,
  );

  const show = () => {
    if (state.asking?.kind === 'errors') {
      const { attempt, errors } = state.asking;
      result.replaceChildren(
        confirmErrorsView(errors, {
          anyway: () => send(attempt),
          draft: () => send({ ...attempt, draftErrors: errors }),
          fixFirst: () => {
            state.asking = null;
            state.outcome = { kind: 'held', text: m.confirm.fixFirstDone };
            show();
            ctx.onFixFirst();
          },
        }),
      );
      result.querySelector<HTMLButtonElement>('[data-choice="fix-first"]')?.focus();
    } else if (state.asking?.kind === 'mismatch') {
      const { attempt, failure } = state.asking;
      result.replaceChildren(
        mismatchView(failure.communeMismatch!, {
          confirm: () => send({ ...attempt, confirmCommune: true }),
          cancel: () => {
            state.asking = null;
            state.outcome = { kind: 'held', text: m.mismatch.cancelled };
            show();
            (communeInput ?? submit).focus();
          },
        }),
      );
      result.querySelector<HTMLButtonElement>('[data-choice="cancel"]')?.focus();
    } else result.replaceChildren(...(state.outcome ? [outcomeView(state.outcome)] : []));
  };

  const send = (attempt: Attempt) => {
    state.asking = null;
    state.busy = true;
    submit.disabled = true;
    submit.textContent = m.submitting;
    result.replaceChildren();
    upload(attempt)
      .then((answer): Outcome => ({
        kind: 'ok',
        body: answer.body,
        replayed: answer.replayed,
        commune: attempt.commune,
        planKey: attempt.planKey,
        draft: attempt.draftErrors !== null,
      }))
      .catch((err: unknown): Outcome => ({ kind: 'failed', failure: ApiError.of(err) }))
      .then((outcome) => {
        state.busy = false;
        submit.disabled = false;
        submit.textContent = m.submit;
        if (outcome.kind === 'failed' && outcome.failure.communeMismatch && !attempt.confirmCommune) {
          state.asking = { kind: 'mismatch', attempt, failure: outcome.failure };
        } else {
          state.outcome = outcome;
          // A plan unknown to the server: its answer lists the plans there are; the picker offers them.
          if (outcome.kind === 'failed' && outcome.failure.knownPlans) {
            setPlans(outcome.failure.knownPlans);
            state.planKey = '';
            picker.field.replaceWith(planPicker('', (k) => (state.planKey = k)).field);
          }
        }
        show();
      });
  };

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!ctx.file || state.busy) return;
    const planKey = picker.value();
    if (!planKey) {
      error.textContent = t().common.planRequired;
      picker.select?.focus();
      return;
    }
    if (!findCommune(state.commune)) {
      error.textContent = t().communeSearch.required;
      communeInput?.focus();
      return;
    }
    error.textContent = '';
    rememberPlan(planKey);
    const attempt: Attempt = {
      file: ctx.file,
      commune: state.commune,
      planKey,
      base: state.base,
      draftErrors: null,
      confirmCommune: false,
    };
    if (ctx.errors !== null && ctx.errors > 0) {
      state.asking = { kind: 'errors', attempt, errors: ctx.errors };
      show();
      return;
    }
    send(attempt);
  });
  show();
  wrap.append(form, result);
  return wrap;
}

async function upload(a: Attempt): Promise<Answer<UploadAnswer>> {
  const sig = `${a.commune}/${a.planKey}/${a.base}/${a.draftErrors ?? ''}/${a.confirmCommune}`;
  if (state.idempotency.file !== a.file || state.idempotency.sig !== sig)
    state.idempotency = { file: a.file, sig, key: crypto.randomUUID() };
  const form = new FormData();
  // An upload's note in the history is the name it was sent under: a draft says so there, as the pane's message does.
  const name = a.draftErrors !== null ? `${t().check.confirm.draftMessage(a.draftErrors)} — ${a.file.name}` : a.file.name;
  form.append('file', a.file, name);
  if (a.confirmCommune) form.append('confirmCommune', '1');
  return api().upload(a.commune, a.planKey, form, {
    key: state.idempotency.key,
    ...(/^\d+$/.test(a.base) ? { baseSeq: Number(a.base) } : {}),
  });
}
