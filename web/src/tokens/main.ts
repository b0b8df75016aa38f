// "Quản lý mã truy cập" (/token), for administrators: create a server token (its secret shown once, never stored by the
// page), list every token with its holder, scope, state, expiry and last use, and revoke one after an inline
// confirmation. Everything from the server is put in the page as text.
import '../shell/no-eval.ts';
import { findCommune, findProvince, PROVINCES } from '../../../core/dvhc.ts';
import type { Role, TokenCreated, TokenInfo, TokenRequest } from '../../../core/api/index.ts';
import { api, ApiError, failureText } from '../api/client.ts';
import { credentials } from '../api/credentials.ts';
import { loadSession, type Session } from '../auth/session.ts';
import { signInPanel } from '../auth/sign-in-panel.ts';
import { button, h, replace, uid } from '../dom/h.ts';
import { dateTime, locale, t } from '../i18n/index.ts';
import { communeSearch } from '../shell/commune-search.ts';
import { mountShell } from '../shell/shell.ts';

const state = {
  session: null as Session | null,
  tokens: null as TokenInfo[] | null,
  error: null as ApiError | null,
  /** The token just created: its secret lives only here, until "hide" or leaving the page. */
  created: null as TokenCreated | null,
  filter: '',
  showInactive: false,
  confirming: null as string | null,
  note: '',
};

const parts = { signin: h('div'), create: h('div'), secret: h('div'), list: h('div') };

function renderMain(main: HTMLElement): void {
  const m = t().tokens;
  parts.signin = h('div');
  parts.create = h('div');
  parts.secret = h('div', { 'aria-live': 'polite' });
  parts.list = h('div');
  main.append(h('h1', null, m.title), h('p', { class: 'lead' }, m.intro), parts.signin, parts.secret, parts.create, parts.list);
  renderAll();
}

const isAdmin = () => state.session?.me?.principal.role === 'admin';

function renderAll(): void {
  if (!state.session) replace(parts.signin, h('p', null, t().common.loading));
  else
    replace(
      parts.signin,
      signInPanel(state.session, () => void start()),
    );
  renderCreate();
  renderSecret();
  renderList();
}

/** The date alone, dd/mm/yyyy in the page's locale. */
function day(iso: string | null): string {
  if (!iso) return t().tokens.noExpiry;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(locale(), { day: '2-digit', month: '2-digit', year: 'numeric' });
}

function renderCreate(): void {
  const m = t().tokens;
  if (!state.session?.me) {
    replace(parts.create, state.session ? h('p', null, m.signInFirst) : null);
    return;
  }
  if (!isAdmin()) {
    replace(parts.create, h('p', { class: 'note', role: 'status' }, m.adminsOnly));
    return;
  }
  const ids = {
    role: uid('role'),
    province: uid('province'),
    label: uid('label'),
    expires: uid('expires'),
    date: uid('date'),
  };
  const role = h(
    'select',
    { id: ids.role, name: 'role' },
    ['editor', 'consolidator', 'admin'].map((r) => h('option', { value: r }, m.roles[r]!)),
  );
  // An editor's commune is found by name (or code), each choice naming its province.
  let communeCode = '';
  const { field: communeField, input: commune } = communeSearch('', (code) => (communeCode = code));
  const province = h(
    'select',
    { id: ids.province, name: 'province' },
    PROVINCES.map((p) => h('option', { value: p.code }, `${p.name} (${p.code})`)),
  );
  const label = h('input', {
    id: ids.label,
    name: 'label',
    type: 'text',
    maxlength: '200',
    required: true,
    autocomplete: 'off',
    'aria-describedby': `${ids.label}-hint`,
  });
  const expires = h(
    'select',
    { id: ids.expires, name: 'expires' },
    ['default', '30d', '90d', '1y', 'date'].map((k) => h('option', { value: k }, m.expiresChoices[k]!)),
  );
  const date = h('input', { id: ids.date, name: 'expiresDate', type: 'date' });
  const provinceField = h('div', { class: 'field' }, h('label', { for: ids.province }, m.province), province);
  const dateField = h('div', { class: 'field' }, h('label', { for: ids.date }, m.expiresDate), date);
  const sync = () => {
    communeField.hidden = role.value !== 'editor';
    provinceField.hidden = role.value !== 'consolidator';
    dateField.hidden = expires.value !== 'date';
  };
  role.addEventListener('change', sync);
  expires.addEventListener('change', sync);
  sync();
  const error = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, m.create);
  const form = h(
    'form',
    { class: 'token-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: ids.role }, m.role), role),
    communeField,
    provinceField,
    h('div', { class: 'field wide' }, h('label', { for: ids.label }, m.label), label, h('small', { id: `${ids.label}-hint` }, m.labelHint)),
    h('div', { class: 'field' }, h('label', { for: ids.expires }, m.expires), expires),
    dateField,
    h('div', { class: 'actions' }, submit),
    error,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const holder = label.value.trim();
    if (!holder) {
      error.textContent = m.labelMissing;
      label.focus();
      return;
    }
    if (role.value === 'editor' && !findCommune(communeCode)) {
      error.textContent = m.communeUnknown;
      commune.focus();
      return;
    }
    const body: TokenRequest = { role: role.value as Role, label: holder };
    if (role.value === 'editor') body.commune = communeCode;
    if (role.value === 'consolidator') body.province = province.value;
    if (expires.value === 'date') body.expires = date.value;
    else if (expires.value !== 'default') body.expires = expires.value;
    error.textContent = '';
    submit.disabled = true;
    submit.textContent = m.creating;
    api()
      .createToken(body)
      .then(async (created) => {
        state.created = created;
        label.value = '';
        renderSecret();
        await loadTokens();
        parts.secret.querySelector<HTMLElement>('h2')?.focus();
      })
      .catch((err: unknown) => {
        error.textContent = failureText(err);
      })
      .finally(() => {
        submit.disabled = false;
        submit.textContent = m.create;
      });
  });
  replace(
    parts.create,
    h('section', { class: 'panel', 'aria-labelledby': 'create-h' }, h('h2', { id: 'create-h' }, m.createHeading), form),
  );
}

function renderSecret(): void {
  const m = t().tokens;
  const c = state.created;
  if (!c || !isAdmin()) {
    parts.secret.replaceChildren();
    return;
  }
  const id = uid('secret');
  const field = h('input', {
    id,
    type: 'text',
    class: 'secret',
    readonly: true,
    value: c.secret,
    spellcheck: 'false',
    autocomplete: 'off',
  });
  field.addEventListener('focus', () => field.select());
  const status = h('p', { class: 'status', role: 'status' });
  replace(
    parts.secret,
    h(
      'section',
      { class: 'panel secret-box', 'aria-labelledby': 'secret-h', 'data-token': c.id },
      h('h2', { id: 'secret-h', tabindex: '-1' }, m.secretHeading),
      h('p', null, m.secretIntro(c.label, day(c.expiresAt))),
      h('label', { for: id }, m.secretLabel),
      field,
      h(
        'div',
        { class: 'actions' },
        button(
          m.copy,
          () => {
            navigator.clipboard.writeText(c.secret).then(
              () => (status.textContent = m.copied),
              () => {
                field.select();
                status.textContent = m.copyFailed;
              },
            );
          },
          { class: 'primary' },
        ),
        button(
          m.hideSecret,
          () => {
            state.created = null;
            renderSecret();
            parts.list.querySelector<HTMLElement>('h2')?.focus();
          },
          { class: 'secondary' },
        ),
      ),
      status,
    ),
  );
}

function scopeText(tk: TokenInfo): string {
  if (tk.communeCode) {
    const c = findCommune(tk.communeCode);
    return c ? `${c.name}, ${c.provinceName} (${tk.communeCode})` : tk.communeCode;
  }
  if (tk.provinceCode) return `${findProvince(tk.provinceCode)?.name ?? tk.provinceCode} (${tk.provinceCode})`;
  return t().tokens.all;
}

function matches(tk: TokenInfo, q: string): boolean {
  if (!q) return true;
  const hay = `${tk.label} ${tk.id} ${tk.role} ${scopeText(tk)}`.toLocaleLowerCase('vi');
  return q
    .toLocaleLowerCase('vi')
    .split(/\s+/)
    .every((w) => hay.includes(w));
}

function renderList(): void {
  const m = t().tokens;
  if (!isAdmin()) {
    parts.list.replaceChildren();
    return;
  }
  if (state.error) {
    replace(parts.list, h('p', { class: 'note', role: 'alert' }, failureText(state.error)));
    return;
  }
  if (!state.tokens) {
    replace(parts.list, h('p', { class: 'loading' }, t().common.loading));
    return;
  }
  const filterId = uid('filter');
  const inactiveId = uid('inactive');
  const filter = h('input', { id: filterId, type: 'search', value: state.filter, autocomplete: 'off' });
  const inactive = h('input', { id: inactiveId, type: 'checkbox', checked: state.showInactive });
  const shown = state.tokens.filter((tk) => (state.showInactive || tk.state === 'active') && matches(tk, state.filter.trim()));
  const body = h('tbody');
  const count = h('p', { class: 'hint', role: 'status' }, m.count(shown.length, state.tokens.length));
  const fill = (list: TokenInfo[]) => {
    replace(body, list.length === 0 ? h('tr', null, h('td', { colspan: '8' }, m.none)) : list.map(row));
    count.textContent = m.count(list.length, state.tokens!.length);
  };
  filter.addEventListener('input', () => {
    state.filter = filter.value;
    fill(state.tokens!.filter((tk) => (state.showInactive || tk.state === 'active') && matches(tk, state.filter.trim())));
  });
  inactive.addEventListener('change', () => {
    state.showInactive = inactive.checked;
    renderList();
    parts.list.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
  });
  const head = h(
    'tr',
    null,
    [m.colHolder, m.colRole, m.colScope, m.colState, m.colExpires, m.colLastUsed, m.colId, m.colActions].map((c) =>
      h('th', { scope: 'col' }, c),
    ),
  );
  const table = h('table', { class: 'tokens' }, h('thead', null, head), body);
  fill(shown);
  replace(
    parts.list,
    h(
      'section',
      { 'aria-labelledby': 'list-h' },
      h('h2', { id: 'list-h', tabindex: '-1' }, m.listHeading),
      h(
        'div',
        { class: 'list-tools' },
        h('div', { class: 'field' }, h('label', { for: filterId }, m.filter), filter),
        h('div', { class: 'field' }, h('label', { class: 'check', for: inactiveId }, inactive, m.showInactive)),
      ),
      count,
      state.note ? h('p', { class: 'note', role: 'status' }, state.note) : null,
      h('div', { class: 'table-scroll' }, table),
    ),
  );
}

function row(tk: TokenInfo): HTMLTableRowElement {
  const m = t().tokens;
  const own = state.session?.me?.principal.subject === `token:${tk.id}`;
  const cell = (label: string, cls: string, ...content: (Node | string)[]) => h('td', { class: cls, 'data-label': label }, ...content);
  let action: HTMLElement | string = '';
  if (tk.state === 'active') {
    if (state.confirming === tk.id) {
      action = h(
        'div',
        { class: 'confirm' },
        h('p', null, m.confirmRevoke(tk.label)),
        button(m.confirm, () => void revoke(tk), { class: 'danger primary', 'data-action': 'confirm-revoke' }),
        button(
          m.cancel,
          () => {
            state.confirming = null;
            renderList();
            focusRevoke(tk.id);
          },
          { class: 'secondary' },
        ),
      );
    } else {
      action = button(
        m.revoke,
        () => {
          state.confirming = tk.id;
          state.note = '';
          renderList();
          parts.list.querySelector<HTMLButtonElement>(`tr[data-token="${tk.id}"] [data-action="confirm-revoke"]`)?.focus();
        },
        { class: 'danger', 'data-action': 'revoke', 'aria-label': m.revokeLabel(tk.label) },
      );
    }
  }
  return h(
    'tr',
    { 'data-token': tk.id, 'data-state': tk.state, class: tk.state },
    h(
      'td',
      { class: 'holder', 'data-label': m.colHolder, title: `${m.colCreated}: ${dateTime(tk.createdAt)}` },
      tk.label,
      own ? ` ${m.yourOwn}` : '',
    ),
    cell(m.colRole, 'role', t().common.roles[tk.role]),
    cell(m.colScope, 'scope', scopeText(tk)),
    cell(m.colState, 'st', h('span', { class: `state state-${tk.state}` }, m.states[tk.state]!)),
    cell(m.colExpires, 'expires', day(tk.expiresAt)),
    cell(m.colLastUsed, 'last-used', tk.lastUsedAt ? dateTime(tk.lastUsedAt) : m.never),
    cell(m.colId, 'id', tk.id),
    cell(m.colActions, 'act', action),
  );
}

function focusRevoke(id: string): void {
  parts.list.querySelector<HTMLButtonElement>(`tr[data-token="${id}"] [data-action="revoke"]`)?.focus();
}

async function revoke(tk: TokenInfo): Promise<void> {
  try {
    await api().revokeToken(tk.id);
    state.confirming = null;
    state.note = t().tokens.revoked(tk.label);
    // Revoking the token this page signs in with ends the session here too.
    if (state.session?.me?.principal.subject === `token:${tk.id}` && credentials()?.kind === 'token') {
      await start();
      return;
    }
    await loadTokens();
    parts.list.querySelector<HTMLElement>('h2')?.focus();
  } catch (err) {
    state.confirming = null;
    state.note = failureText(err);
    renderList();
  }
}

async function loadTokens(): Promise<void> {
  try {
    state.tokens = (await api().tokens()).tokens;
    state.error = null;
  } catch (err) {
    state.tokens = null;
    state.error = ApiError.of(err);
  }
  renderList();
}

async function start(): Promise<void> {
  state.session = await loadSession();
  state.tokens = null;
  state.error = null;
  state.created = null;
  renderAll();
  if (isAdmin()) await loadTokens();
}

mountShell('tokens', renderMain);
void start();
