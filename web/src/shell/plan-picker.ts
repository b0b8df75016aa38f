// The plan picker both pages share: a select filled from GET /api/plans (name and key), the last choice remembered on
// this computer. Never a typed key and never a default that changes with the year: a key nobody registered would be a
// plan the province never sees.
import type { PlanEntry } from '../../../core/api/index.ts';
import { formatDay } from '../../../core/i18n/index.ts';
import { api, ApiError, failureText } from '../api/client.ts';
import { h, uid } from '../dom/h.ts';
import { t } from '../i18n/index.ts';

const KEY = 'phuluc.planKey';

/** The registered plans once loaded (null: not yet, or the load failed: see `error`). */
const plans = { list: null as PlanEntry[] | null, error: null as ApiError | null };

/**
 * Load the registered plans (the caller must be signed in); never throws.
 * @example await loadPlans(); renderForm()
 */
export async function loadPlans(): Promise<void> {
  try {
    plans.list = (await api().listPlans()).plans;
    plans.error = null;
  } catch (err) {
    plans.list = null;
    plans.error = ApiError.of(err);
  }
}

/**
 * The plans as loaded, or null.
 * @example knownPlans()?.length
 */
export function knownPlans(): readonly PlanEntry[] | null {
  return plans.list;
}

/**
 * Take the plans a 404 plan-unknown carried (the list may have changed since the page loaded).
 * @example if (err.knownPlans) setPlans(err.knownPlans)
 */
export function setPlans(list: PlanEntry[]): void {
  plans.list = list;
  plans.error = null;
}

/**
 * The registered key a wanted one means (keys are case-insensitive), else the remembered choice, else the only plan;
 * '' when the user must choose.
 * @example choosePlan(new URLSearchParams(location.search).get('ke-hoach')) // 'NQ57-2026'
 */
export function choosePlan(wanted?: string | null): string {
  const list = plans.list ?? [];
  const find = (k: string | null | undefined) => (k ? list.find((p) => p.key.toUpperCase() === k.trim().toUpperCase())?.key : undefined);
  return find(wanted) ?? find(remembered()) ?? (list.length === 1 ? list[0]!.key : '');
}

/**
 * Remember the plan last chosen.
 * @example rememberPlan('NQ57-2026')
 */
export function rememberPlan(key: string): void {
  try {
    localStorage.setItem(KEY, key);
  } catch {
    // No storage: nothing to remember.
  }
}

function remembered(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/**
 * The name of a plan by its key (the key itself when it is not in the list).
 * @example planName('NQ57-2026') // 'Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2026'
 */
export function planName(key: string): string {
  return plans.list?.find((p) => p.key === key)?.name ?? key;
}

export interface PlanPicker {
  field: HTMLElement;
  /** The chosen key, '' when none. */
  value(): string;
  select: HTMLSelectElement | null;
}

/**
 * A labelled select of the registered plans, with the chosen plan's due date under it; while loading, after a failure
 * or with no plan registered, a sentence saying so instead.
 * @example const picker = planPicker(state.planKey, (k) => (state.planKey = k))
 */
export function planPicker(selected: string, onChange: (key: string) => void): PlanPicker {
  const m = t().common;
  const id = uid('plan');
  const label = h('label', { for: id }, m.plan);
  if (!plans.list) {
    const text = plans.error ? `${m.plansFailed} ${failureText(plans.error)}` : m.plansLoading;
    return {
      field: h(
        'div',
        { class: 'field' },
        h('span', { class: 'label' }, m.plan),
        h('p', { class: plans.error ? 'form-error' : 'hint' }, text),
      ),
      value: () => '',
      select: null,
    };
  }
  if (plans.list.length === 0)
    return {
      field: h('div', { class: 'field' }, h('span', { class: 'label' }, m.plan), h('p', { class: 'note' }, m.plansNone)),
      value: () => '',
      select: null,
    };
  const hint = h('small', { id: `${id}-hint` });
  const select = h(
    'select',
    { id, name: 'plan', required: true, 'aria-describedby': `${id}-hint` },
    selected ? null : h('option', { value: '', selected: true, disabled: true }, m.planChoose),
    plans.list.map((p) => h('option', { value: p.key, selected: p.key === selected }, m.planOption(p.name, p.key))),
  );
  const due = () => {
    const p = plans.list?.find((x) => x.key === select.value);
    hint.textContent = p?.dueDate ? m.planDue(formatDay(p.dueDate)) : '';
  };
  due();
  select.addEventListener('change', () => {
    due();
    rememberPlan(select.value);
    onChange(select.value);
  });
  return { field: h('div', { class: 'field plan-field' }, label, select, hint), value: () => select.value, select };
}
