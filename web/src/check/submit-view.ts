// Step 4: submit the checked file for a commune (multipart POST …/upload) and show what the server did:
// a revision created or merged, the cells in conflict (409), or the server's own error.
import { COMMUNES, findCommune, PROVINCES } from '../../../core/dvhc.ts';
import type { Answer, UploadAnswer } from '../../../core/api/index.ts';
import { api, ApiError, failureText } from '../api/client.ts';
import { signInPanel } from '../auth/sign-in-panel.ts';
import type { Session } from '../auth/session.ts';
import { h, uid } from '../dom/h.ts';
import { ROLE_NAMES } from '../../../core/validate/index.ts';
import { lang, num, t } from '../i18n/index.ts';
import { numbered } from '../shell/format.ts';
import { defaultPlanKey, PLAN_KEY, planKeyField, rememberPlanKey } from '../shell/plan-key.ts';

export interface SubmitContext {
  session: Session;
  file: File | null;
  /** The file was read and checked. */
  ready: boolean;
  onSession(): void;
}

type Outcome =
  { kind: 'ok'; body: UploadAnswer; replayed: boolean; commune: string; planKey: string } | { kind: 'failed'; failure: ApiError };

/** What survives re-renders (language switch, a new session): the choices and the last outcome. */
const state = {
  province: '',
  commune: '',
  planKey: defaultPlanKey(),
  base: '',
  busy: false,
  outcome: null as Outcome | null,
  /** One key per attempt at a file: a retried click is answered with the first result, never stored twice. */
  idempotency: { file: null as File | null, sig: '', key: '' },
};

/**
 * The sign-in box and, once signed in as an editor or admin, the submit form.
 * @example section.append(submitView({ session, file, ready: true, onSession: reload }))
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
  // Editors submit for their own commune only; admins choose a province, then a commune.
  if (p.role === 'editor' && p.communeCode) {
    state.commune = p.communeCode;
    const c = findCommune(p.communeCode);
    const id = uid('commune');
    form.append(
      h(
        'div',
        { class: 'field' },
        h('label', { for: id }, t().common.commune),
        h(
          'select',
          { id, name: 'commune' },
          h('option', { value: p.communeCode, selected: true }, c ? `${c.name} — ${c.provinceName} (${c.code})` : p.communeCode),
        ),
      ),
    );
  } else {
    form.append(...adminPickers());
  }
  const { field: keyField, input: keyInput } = planKeyField(state.planKey);
  keyInput.addEventListener('input', () => (state.planKey = keyInput.value.trim()));
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
  const error = h('p', { class: 'form-error', role: 'alert' });
  const submit = h(
    'button',
    { type: 'submit', class: 'primary', disabled: !ctx.ready || state.busy },
    state.busy ? m.submitting : m.submit,
  );
  const result = h('div', { class: 'submit-result', 'aria-live': 'polite' }, state.outcome ? outcomeView(state.outcome) : null);
  form.append(
    ...[
      keyField,
      h(
        'details',
        { class: 'advanced', ...(state.base ? { open: true } : {}) },
        h('summary', null, m.advanced),
        h('div', { class: 'field' }, h('label', { for: baseId }, m.baseLabel), baseInput, h('small', { id: `${baseId}-hint` }, m.baseHint)),
      ),
      h('div', { class: 'actions' }, submit),
      ctx.ready ? null : h('p', { class: 'note' }, m.needFile),
      error,
    ].filter((x) => x !== null),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!ctx.file || !ctx.ready || state.busy) return;
    const planKey = keyInput.value.trim();
    if (!PLAN_KEY.test(planKey)) {
      error.textContent = t().common.planKeyInvalid;
      keyInput.focus();
      return;
    }
    if (!/^\d{5}$/.test(state.commune)) return;
    error.textContent = '';
    rememberPlanKey(planKey);
    state.busy = true;
    submit.disabled = true;
    submit.textContent = m.submitting;
    const commune = state.commune;
    upload(ctx.file, commune, planKey, state.base)
      .then((answer): Outcome => ({ kind: 'ok', body: answer.body, replayed: answer.replayed, commune, planKey }))
      .catch((err: unknown): Outcome => ({ kind: 'failed', failure: ApiError.of(err) }))
      .then((outcome) => {
        state.busy = false;
        state.outcome = outcome;
        submit.disabled = false;
        submit.textContent = m.submit;
        result.replaceChildren(outcomeView(outcome));
      });
  });
  wrap.append(form, result);
  return wrap;
}

function adminPickers(): HTMLElement[] {
  const m = t().common;
  if (!state.province) state.province = findCommune(state.commune)?.provinceCode ?? '31';
  const pid = uid('province');
  const cid = uid('commune');
  const province = h(
    'select',
    { id: pid, name: 'province' },
    PROVINCES.map((p) => h('option', { value: p.code, selected: p.code === state.province }, `${p.name} (${p.code})`)),
  );
  const commune = h('select', { id: cid, name: 'commune' });
  const fill = () => {
    const list = COMMUNES.filter((c) => c.provinceCode === state.province);
    if (!list.some((c) => c.code === state.commune)) state.commune = list[0]?.code ?? '';
    commune.replaceChildren(
      ...list.map((c) => h('option', { value: c.code, selected: c.code === state.commune }, `${c.name} (${c.code})`)),
    );
  };
  fill();
  province.addEventListener('change', () => {
    state.province = province.value;
    fill();
  });
  commune.addEventListener('change', () => (state.commune = commune.value));
  return [
    h('div', { class: 'field' }, h('label', { for: pid }, m.province), province),
    h('div', { class: 'field' }, h('label', { for: cid }, m.commune), commune),
  ];
}

async function upload(file: File, commune: string, planKey: string, base: string): Promise<Answer<UploadAnswer>> {
  const sig = `${commune}/${planKey}/${base}`;
  if (state.idempotency.file !== file || state.idempotency.sig !== sig) state.idempotency = { file, sig, key: crypto.randomUUID() };
  const form = new FormData();
  form.append('file', file, file.name);
  return api().upload(commune, planKey, form, { key: state.idempotency.key, ...(/^\d+$/.test(base) ? { baseSeq: Number(base) } : {}) });
}

function outcomeView(o: Outcome): HTMLElement {
  const m = t().check.result;
  if (o.kind === 'ok') {
    const name = findCommune(o.commune)?.name ?? o.commune;
    const seq = o.body.revision.seq;
    const text = o.replayed
      ? m.replayed(seq)
      : o.body.status === 'merged'
        ? m.merged(seq, name, o.planKey)
        : m.created(seq, name, o.planKey);
    const s = o.body.report.stats;
    const href = `/?xa=${encodeURIComponent(o.commune)}&ke-hoach=${encodeURIComponent(o.planKey)}`;
    return h(
      'div',
      { class: 'outcome ok', role: 'status', 'data-status': o.body.status, 'data-seq': seq },
      h('p', null, h('span', { 'aria-hidden': 'true' }, '✔ '), text),
      h('p', null, m.serverCheck(s.errors, s.warnings, s.infos)),
      h('p', null, h('a', { href }, m.view)),
    );
  }
  const f = o.failure;
  const box = h(
    'div',
    { class: 'outcome failed', role: 'alert', 'data-code': f.code, 'data-status': f.status },
    h('p', null, h('strong', null, h('span', { 'aria-hidden': 'true' }, '✖ '), `${m.failed}: `), failureText(f)),
    h('p', { class: 'code' }, m.code(f.code)),
  );
  const details = f.conflict;
  if (details) {
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
  }
  return box;
}
