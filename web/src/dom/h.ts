// Building DOM without HTML strings: every text goes in as a text node, so untrusted task text can never become markup.

export type Child = Node | string | number | null | undefined | false | readonly Child[];
export type AttrValue = string | number | boolean | null | undefined;

/**
 * Create an element. Attributes are set with setAttribute (boolean true → present, false/null/undefined → absent);
 * `class` and `data-*` work as in HTML. Inline `style` and `on…` attributes are refused: the pages' CSP forbids them
 * and listeners belong in addEventListener.
 * @example h('td', { class: 'num', title: note }, String(count))
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Record<string, AttrValue> | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (name === 'style' || /^on/i.test(name)) throw new Error(`h(): attribute ${name} is not allowed`);
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/**
 * Append children (text as text nodes, arrays flattened, empty values skipped).
 * @example append(cell, [name, ' ', h('small', null, code)])
 */
export function append(parent: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c as readonly Child[]);
    else parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : (c as Node));
  }
}

/**
 * Replace an element's children.
 * @example replace(status, t().common.loading)
 */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/**
 * A real <button type="button"> with a click handler.
 * @example button('Tải về', () => download(), { class: 'primary' })
 */
export function button(label: Child, onClick: (ev: MouseEvent) => void, attrs: Record<string, AttrValue> = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

let ids = 0;
/**
 * A page-unique id for label/for and aria-describedby pairs.
 * @example const id = uid('token'); h('label', { for: id }, 'Token')
 */
export function uid(prefix: string): string {
  return `${prefix}-${++ids}`;
}
