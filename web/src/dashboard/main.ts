// Dashboard (/): for a province and a plan key, which communes submitted, their counts and NQ57 groups, charts, the
// consolidated workbook, the progress of a reporting period, and a drill-down into one commune — shaped by the
// caller's role (/api/me).
import '../shell/no-eval.ts';
import { findCommune, findProvince, PROVINCES } from '../../../core/dvhc.ts';
import type { Principal, ProvinceConsolidated, ProvinceStatus } from '../../../core/api/index.ts';
import { api, ApiError, failureText } from '../api/client.ts';
import { signInPanel } from '../auth/sign-in-panel.ts';
import { loadSession, type Session } from '../auth/session.ts';
import { saveBlob } from '../dom/download.ts';
import { button, h, replace, uid } from '../dom/h.ts';
import { lang, t } from '../i18n/index.ts';
import { choosePlan, knownPlans, loadPlans, planPicker, rememberPlan } from '../shell/plan-picker.ts';
import { mountShell } from '../shell/shell.ts';
import { destroyCharts } from './charts.ts';
import { drillView, loadDiff, loadDrill, type DrillState } from './drilldown.ts';
import { overviewView } from './overview.ts';
import { defaultPeriod, periodWords } from './progress-data.ts';
import { progressView, type ProgressState } from './progress-view.ts';

const params = new URLSearchParams(location.search);
const state = {
  session: null as Session | null,
  province: params.get('tinh') ?? '',
  /** The chosen plan, '' until the plans are loaded (a key in the address is matched to a registered one). */
  planKey: '',
  commune: params.get('xa') ?? '',
  loading: false,
  error: null as ApiError | null,
  status: null as ProvinceStatus | null,
  data: null as ProvinceConsolidated | null,
  drill: null as DrillState | null,
  note: '',
  /** The period asked for in the address (?ky=2026-H1), until the periods are known. */
  wantedPeriod: params.get('ky'),
  progress: emptyProgress(),
};

function emptyProgress(): ProgressState {
  return { periods: null, period: null, data: null, loading: false, error: null };
}

const parts = { signin: h('div'), controls: h('div'), body: h('div'), drill: h('div') };

function renderMain(main: HTMLElement): void {
  const m = t().dash;
  parts.signin = h('div', { class: 'no-print' });
  parts.controls = h('div', { class: 'no-print' });
  parts.body = h('div', { 'aria-busy': 'false' });
  parts.drill = h('div');
  main.append(h('h1', null, m.title), h('p', { class: 'lead' }, m.intro), parts.signin, parts.controls, parts.body, parts.drill);
  renderAll();
}

function principal(): Principal | null {
  return state.session?.me?.principal ?? null;
}

function renderAll(): void {
  renderSignin();
  renderControls();
  renderBody();
  renderDrill();
}

function renderSignin(): void {
  if (!state.session) {
    replace(parts.signin, h('p', null, t().common.loading));
    return;
  }
  replace(
    parts.signin,
    signInPanel(state.session, () => void start()),
  );
}

function renderControls(): void {
  const p = principal();
  if (!p) {
    parts.controls.replaceChildren();
    return;
  }
  const m = t().dash;
  const form = h('form', { class: 'controls', novalidate: true });
  if (p.role === 'admin') {
    const id = uid('province');
    const select = h(
      'select',
      { id, name: 'province' },
      PROVINCES.map((pr) => h('option', { value: pr.code, selected: pr.code === state.province }, `${pr.name} (${pr.code})`)),
    );
    select.addEventListener('change', () => (state.province = select.value));
    form.append(h('div', { class: 'field' }, h('label', { for: id }, t().common.province), select));
  } else if (p.role === 'consolidator') {
    form.append(
      h(
        'div',
        { class: 'field' },
        h('span', { class: 'label' }, t().common.province),
        h('p', { class: 'fixed-value' }, findProvince(state.province)?.name ?? state.province),
      ),
    );
  } else if (p.role === 'editor') {
    const c = findCommune(state.commune);
    form.append(h('p', { class: 'note' }, m.editorIntro(c ? `${c.name}, ${c.provinceName}` : state.commune)));
  }
  const picker = planPicker(state.planKey, () => undefined);
  const error = h('p', { class: 'form-error', role: 'alert' });
  form.append(
    picker.field,
    picker.select ? h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, m.show)) : '',
    error,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const key = picker.value();
    if (!key) {
      error.textContent = t().common.planRequired;
      picker.select?.focus();
      return;
    }
    state.planKey = key;
    rememberPlan(key);
    if (p.role !== 'editor') state.commune = '';
    void load();
  });
  const actions =
    p.role === 'editor'
      ? null
      : h(
          'div',
          { class: 'actions' },
          button(m.downloadXlsx, (ev) => void downloadXlsx(ev.currentTarget as HTMLButtonElement), {
            class: 'secondary',
            disabled: !state.data,
          }),
          button(m.print, () => window.print(), { class: 'secondary', disabled: !state.data }),
        );
  replace(parts.controls, form, actions, h('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, state.note));
}

function renderBody(): void {
  destroyCharts();
  const p = principal();
  parts.body.setAttribute('aria-busy', String(state.loading));
  if (!p) {
    replace(parts.body, state.session ? h('p', null, t().dash.signInFirst) : null);
    return;
  }
  if (state.loading) {
    replace(parts.body, h('p', { class: 'loading' }, t().common.loading));
    return;
  }
  if (state.error) {
    replace(parts.body, h('p', { class: 'note', role: 'alert' }, failureText(state.error)));
    return;
  }
  if (!state.status || !state.data) {
    // Several plans and none remembered: the official chooses; nothing is guessed.
    replace(parts.body, !state.planKey && knownPlans()?.length ? h('p', { class: 'hint' }, t().dash.choosePlan) : null);
    return;
  }
  const section = progressView(state.progress, {
    onPeriod: (period) => void changePeriod(period),
    onDownload: (btn) => void downloadProgressXlsx(btn),
  });
  const view = overviewView(state.status, state.data, (code) => void openDrill(code), {
    data: state.progress.data,
    period: state.progress.data
      ? periodWords(state.progress.periods, state.progress.data.period, state.progress.data.periodLabel, lang())
      : '',
    section,
  });
  replace(parts.body, view.element);
  view.draw();
}

function renderDrill(): void {
  if (!state.drill) {
    parts.drill.replaceChildren();
    return;
  }
  const editor = principal()?.role === 'editor';
  replace(
    parts.drill,
    drillView(state.drill, {
      ...(editor ? {} : { onClose: closeDrill }),
      onCompare: (from, to) => {
        const d = state.drill;
        if (!d) return;
        void loadDiff(d, from, to).then(() => {
          renderDrill();
          parts.drill.querySelector<HTMLElement>('.compare-form button')?.focus();
        });
      },
    }),
  );
}

function syncUrl(): void {
  const q = new URLSearchParams();
  if (state.province && principal()?.role === 'admin') q.set('tinh', state.province);
  if (state.planKey) q.set('ke-hoach', state.planKey);
  if (state.commune) q.set('xa', state.commune);
  if (state.progress.period) q.set('ky', state.progress.period);
  history.replaceState(null, '', `${location.pathname}?${q.toString()}`);
}

async function start(): Promise<void> {
  state.session = await loadSession();
  const p = principal();
  state.status = null;
  state.data = null;
  state.drill = null;
  state.error = null;
  if (p?.role === 'consolidator') state.province = p.provinceCode ?? '';
  if (p?.role === 'admin' && !findProvince(state.province)) state.province = findCommune(state.commune)?.provinceCode ?? '01';
  if (p?.role === 'editor') state.commune = p.communeCode ?? '';
  renderAll();
  if (!p) return;
  await loadPlans();
  state.planKey = choosePlan(params.get('ke-hoach'));
  renderControls();
  if (state.planKey) await load();
  else renderBody();
}

async function load(): Promise<void> {
  const p = principal();
  if (!p || !state.planKey || !knownPlans()) return;
  syncUrl();
  if (p.role === 'editor') {
    await openDrill(state.commune, false);
    return;
  }
  state.loading = true;
  state.error = null;
  renderBody();
  try {
    const client = api();
    const [status, data] = await Promise.all([
      client.provinceStatus(state.province, state.planKey),
      client.provinceConsolidated(state.province, state.planKey),
      loadProgress(),
    ]);
    state.status = status;
    state.data = data;
  } catch (err) {
    state.status = null;
    state.data = null;
    state.error = ApiError.of(err);
  }
  state.loading = false;
  renderControls();
  renderBody();
  if (state.commune) await openDrill(state.commune, false);
  else {
    state.drill = null;
    renderDrill();
  }
}

/** The periods the province collects and the chosen one's progress; a failure is shown in the section, not the page. */
async function loadProgress(): Promise<void> {
  const client = api();
  const p = (state.progress = emptyProgress());
  try {
    p.periods = (await client.progressPeriods(state.province, state.planKey)).periods;
    p.period = defaultPeriod(p.periods, state.wantedPeriod);
    if (p.period) p.data = await client.provinceProgress(state.province, state.planKey, p.period);
  } catch (err) {
    p.error = ApiError.of(err);
  }
  syncUrl();
}

async function changePeriod(period: string): Promise<void> {
  const p = state.progress;
  p.period = period;
  state.wantedPeriod = period;
  p.loading = true;
  p.error = null;
  syncUrl();
  renderBody();
  try {
    p.data = await api().provinceProgress(state.province, state.planKey, period);
  } catch (err) {
    p.data = null;
    p.error = ApiError.of(err);
  }
  p.loading = false;
  renderBody();
  // The section was drawn anew: the official's place is the period list they just used.
  parts.body.querySelector<HTMLSelectElement>('.period-select')?.focus();
}

async function downloadProgressXlsx(btn: HTMLButtonElement): Promise<void> {
  const period = state.progress.period;
  if (!period) return;
  btn.disabled = true;
  state.note = t().dash.progress.downloading;
  renderStatusNote();
  try {
    const { response, filename } = await api().provinceProgressXlsx(state.province, state.planKey, period, { lang: lang() });
    saveBlob(await response.blob(), filename ?? `tien-do-${state.province}-${state.planKey}-${period}.xlsx`);
    state.note = '';
  } catch (err) {
    state.note = failureText(err);
  }
  btn.disabled = false;
  renderStatusNote();
}

async function openDrill(code: string, focus = true): Promise<void> {
  state.commune = code;
  syncUrl();
  state.drill = await loadDrill(code, state.planKey);
  renderDrill();
  if (focus) {
    const heading = document.getElementById('drill-heading');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }
}

function closeDrill(): void {
  const code = state.commune;
  state.commune = '';
  state.drill = null;
  syncUrl();
  renderDrill();
  document.querySelector<HTMLButtonElement>(`tr[data-commune="${code}"] .commune-link`)?.focus();
}

async function downloadXlsx(btn: HTMLButtonElement): Promise<void> {
  btn.disabled = true;
  state.note = t().dash.downloading;
  renderStatusNote();
  try {
    const { response, filename } = await api().provinceConsolidatedXlsx(state.province, state.planKey, { lang: lang() });
    saveBlob(await response.blob(), filename ?? `tong-hop-${state.province}-${state.planKey}.xlsx`);
    state.note = '';
  } catch (err) {
    state.note = failureText(err);
  }
  btn.disabled = false;
  renderStatusNote();
}

function renderStatusNote(): void {
  const s = parts.controls.querySelector('.status');
  if (s) s.textContent = state.note;
}

mountShell('dashboard', renderMain);
void start();
