// How a severity is shown: a symbol and a word, never colour alone.
import type { Severity } from '../../../core/validate/index.ts';
import { SEVERITIES, worstSeverity } from '../../../core/validate/index.ts';
import { h } from '../dom/h.ts';
import { t } from '../i18n/index.ts';

export { SEVERITIES, worstSeverity as worst };
export const SYMBOL: Record<Severity, string> = { error: '✖', warning: '▲', info: '●' };

/**
 * A severity badge: symbol (hidden from screen readers) and label.
 * @example severityBadge('error') // <span class="sev sev-error"><span aria-hidden="true">✖</span> Lỗi</span>
 */
export function severityBadge(s: Severity): HTMLElement {
  return h('span', { class: `sev sev-${s}` }, h('span', { 'aria-hidden': 'true' }, SYMBOL[s]), ` ${t().common.severity[s]}`);
}
