// Pick a commune by name: a combobox over the 2025 list (searchCommunes: folded names, whole names first, ", province"
// narrows), each option naming its province — "Xã Cẩm Giàng — Thành phố Hải Phòng" — since names repeat across provinces.
import { findCommune, searchCommunes, type Commune } from '../../../core/dvhc.ts';
import { h, uid } from '../dom/h.ts';
import { t } from '../i18n/index.ts';

const LIMIT = 12;

/**
 * A commune as the search shows it.
 * @example communeText(findCommune('10903')!) // 'Xã Cẩm Giàng — Thành phố Hải Phòng'
 */
export function communeText(c: Commune): string {
  return t().communeSearch.option(c.name, c.provinceName);
}

/**
 * The search field; `onChange` gets the chosen commune's code, or '' when the text no longer names the choice.
 * @example form.append(communeSearch(state.commune, (code) => (state.commune = code)).field)
 */
export function communeSearch(selected: string, onChange: (code: string) => void): { field: HTMLElement; input: HTMLInputElement } {
  const m = t().communeSearch;
  const id = uid('commune');
  const listId = `${id}-list`;
  const chosen = findCommune(selected);
  const input = h('input', {
    id,
    name: 'commune-search',
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-describedby': `${id}-hint`,
    placeholder: m.placeholder,
    value: chosen ? communeText(chosen) : '',
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'combo-list', 'aria-label': m.label, hidden: true });
  const status = h('p', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  let results: Commune[] = [];
  let active = -1;
  let current = chosen?.code ?? '';

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i: number) => {
    active = i;
    for (const [n, li] of [...list.children].entries()) li.setAttribute('aria-selected', String(n === i));
    const li = list.children[i] as HTMLElement | undefined;
    if (li) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const choose = (c: Commune) => {
    current = c.code;
    input.value = communeText(c);
    status.textContent = m.chosen(input.value);
    close();
    onChange(c.code);
  };
  const show = () => {
    results = searchCommunes(input.value, { limit: LIMIT });
    list.replaceChildren(
      ...results.map((c, i) => {
        const li = h(
          'li',
          { id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', 'data-commune': c.code },
          h('span', { class: 'combo-name' }, c.name),
          h('span', { class: 'combo-province' }, ` — ${c.provinceName}`),
        );
        // mousedown, not click: the input keeps the focus (its blur would close the list first).
        li.addEventListener('mousedown', (ev) => {
          ev.preventDefault();
          choose(c);
        });
        return li;
      }),
    );
    const open = input.value.trim() !== '';
    list.hidden = !open || results.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
    status.textContent = open ? m.results(results.length) : '';
    active = -1;
    input.removeAttribute('aria-activedescendant');
  };

  input.addEventListener('input', () => {
    if (current) {
      current = '';
      onChange('');
    }
    show();
  });
  input.addEventListener('focus', () => {
    if (!current && input.value.trim()) show();
  });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (list.hidden) show();
      if (results.length === 0) return;
      const step = ev.key === 'ArrowDown' ? 1 : -1;
      highlight((active + step + results.length) % results.length);
    } else if (ev.key === 'Enter' && !list.hidden) {
      // Enter picks the highlighted commune (or the only one) instead of sending the form.
      const c = results[active] ?? (results.length === 1 ? results[0] : undefined);
      if (c) {
        ev.preventDefault();
        choose(c);
      }
    } else if (ev.key === 'Escape' && !list.hidden) {
      ev.preventDefault();
      close();
    }
  });
  const field = h(
    'div',
    { class: 'field commune-field' },
    h('label', { for: id }, m.label),
    h('div', { class: 'combo' }, input, list),
    h('small', { id: `${id}-hint` }, m.hint),
    status,
  );
  return { field, input };
}
