// The plan key field (default NQ57-<this year>, remembered), shared by both pages.
import { h, uid } from '../dom/h.ts';
import { t } from '../i18n/index.ts';

const KEY = 'phuluc.planKey';
export const PLAN_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * The remembered plan key, or NQ57-<current year>.
 * @example defaultPlanKey() // 'NQ57-2026'
 */
export function defaultPlanKey(): string {
  try {
    const k = localStorage.getItem(KEY);
    if (k && PLAN_KEY.test(k)) return k;
  } catch {
    // No storage: use the default.
  }
  return `NQ57-${new Date().getFullYear()}`;
}

/**
 * Remember the plan key last used.
 * @example rememberPlanKey('NQ57-2026')
 */
export function rememberPlanKey(k: string): void {
  try {
    localStorage.setItem(KEY, k);
  } catch {
    // No storage: nothing to remember.
  }
}

/**
 * A labelled input for the plan key, with its hint.
 * @example const { field, input } = planKeyField('NQ57-2026')
 */
export function planKeyField(value: string): { field: HTMLElement; input: HTMLInputElement } {
  const m = t().common;
  const id = uid('plan-key');
  const input = h('input', {
    id,
    name: 'planKey',
    type: 'text',
    value,
    required: true,
    pattern: PLAN_KEY.source.slice(1, -1),
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': `${id}-hint`,
    maxlength: '64',
  });
  return {
    field: h('div', { class: 'field' }, h('label', { for: id }, m.planKey), input, h('small', { id: `${id}-hint` }, m.planKeyHint)),
    input,
  };
}
