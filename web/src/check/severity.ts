// How a severity is shown: a symbol and a word, never colour alone.
import type { Severity } from '../../../core/validate/issue.ts';
import { h } from '../dom/h.ts';
import { t } from '../i18n/index.ts';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const SYMBOL: Record<Severity, string> = { error: '✖', warning: '▲', info: '●' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The worst of several severities.
 * @example worst(['info', 'error']) // 'error'
 */
export function worst(list: readonly Severity[]): Severity {
  return list.reduce<Severity>((w, s) => (RANK[s] < RANK[w] ? s : w), 'info');
}

/**
 * A severity badge: symbol (hidden from screen readers) and label.
 * @example severityBadge('error') // <span class="sev sev-error"><span aria-hidden="true">✖</span> Lỗi</span>
 */
export function severityBadge(s: Severity): HTMLElement {
  return h('span', { class: `sev sev-${s}` }, h('span', { 'aria-hidden': 'true' }, SYMBOL[s]), ` ${t().common.severity[s]}`);
}
