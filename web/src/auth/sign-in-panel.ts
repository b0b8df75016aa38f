// The sign-in box: paste a server token (checked with /api/me before it is remembered), or Microsoft sign-in when the
// server advertises it; once signed in, who you are and a "Đăng xuất" button.
import type { MeAnswer, Principal } from '../../../core/api/index.ts';
import { api, failureText } from '../api/client.ts';
import { button, h, uid } from '../dom/h.ts';
import { t } from '../i18n/index.ts';
import { findCommune, findProvince } from '../../../core/dvhc.ts';
import { credentials, forget, rememberToken } from '../api/credentials.ts';
import type { Session } from './session.ts';

/**
 * Who the principal is, in words: role and scope.
 * @example principalText(me.principal) // 'Cán bộ xã — Xã Cẩm Giàng (mã 10903)'
 */
export function principalText(p: Principal): string {
  const m = t();
  const role = m.common.roles[p.role];
  if (p.role === 'editor' && p.communeCode) {
    const c = findCommune(p.communeCode);
    return `${role} — ${m.signIn.scopeCommune(c ? `${c.name}, ${c.provinceName}` : p.communeCode, p.communeCode)}`;
  }
  if (p.role === 'consolidator' && p.provinceCode) {
    const pr = findProvince(p.provinceCode);
    return `${role} — ${m.signIn.scopeProvince(pr?.name ?? p.provinceCode, p.provinceCode)}`;
  }
  return `${role} — ${m.signIn.scopeAll}`;
}

/**
 * Render the panel; `onChange` runs after signing in or out (the page reloads its session).
 * @example main.append(signInPanel(session, reload))
 */
export function signInPanel(session: Session, onChange: () => void): HTMLElement {
  const m = t().signIn;
  if (session.me) return signedIn(session.me, onChange);
  const inputId = uid('token');
  const errId = uid('token-error');
  const input = h('input', {
    id: inputId,
    name: 'token',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    'aria-describedby': errId,
    placeholder: 'phl_…',
  });
  const error = h('p', { id: errId, class: 'form-error', role: 'alert' }, session.error ? failureText(session.error) : '');
  const submit = h('button', { type: 'submit', class: 'primary' }, m.submit);
  const form = h(
    'form',
    { class: 'signin-form', novalidate: true },
    h('label', { for: inputId }, m.tokenLabel),
    h('div', { class: 'inline-field' }, input, submit),
    error,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const token = input.value.trim();
    if (!token.startsWith('phl_')) {
      error.textContent = m.badFormat;
      input.focus();
      return;
    }
    error.textContent = m.checking;
    submit.disabled = true;
    api(token)
      .me()
      .then(() => {
        rememberToken(token);
        onChange();
      })
      .catch((err: unknown) => {
        error.textContent = failureText(err);
        submit.disabled = false;
        input.focus();
      });
  });
  const box = h(
    'section',
    { class: 'panel signin', 'aria-labelledby': `${inputId}-h` },
    h('h2', { id: `${inputId}-h` }, m.heading),
    h('p', null, m.intro),
    form,
  );
  const entra = session.config.entra;
  if (entra) {
    const msError = h('p', { class: 'form-error', role: 'alert' });
    const ms = button(
      m.microsoft,
      () => {
        ms.disabled = true;
        import('./entra.ts')
          .then(({ signInWithMicrosoft }) => signInWithMicrosoft(entra))
          .then(onChange)
          .catch((err: unknown) => {
            msError.textContent = m.microsoftFailed(err instanceof Error ? err.message : String(err));
            ms.disabled = false;
          });
      },
      { class: 'microsoft' },
    );
    box.append(h('div', { class: 'signin-microsoft' }, h('p', null, m.microsoftIntro), ms, msError));
  }
  return box;
}

function signedIn(me: MeAnswer, onChange: () => void): HTMLElement {
  const m = t().signIn;
  const via = credentials()?.kind ?? me.principal.via;
  return h(
    'section',
    { class: 'panel signin signed-in', 'aria-label': m.signedIn },
    h('p', null, h('strong', null, `${m.signedIn}: `), principalText(me.principal), ` (${m.via[via]})`),
    button(
      m.signOut,
      () => {
        forget();
        onChange();
      },
      { class: 'secondary' },
    ),
  );
}
