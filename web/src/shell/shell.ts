// The frame every page shares: skip link, header with navigation and the language switch, main, footer.
import { button, h, replace } from '../dom/h.ts';
import { lang, onLangChange, setLang, t } from '../i18n/index.ts';

export type PageId = 'dashboard' | 'check' | 'tokens';

/**
 * Mount the frame into #app and render the page's main content; both are rebuilt when the language changes.
 * @example mountShell('check', (main) => renderCheck(main))
 */
export function mountShell(page: PageId, renderMain: (main: HTMLElement) => void): void {
  const root = document.getElementById('app');
  if (!root) throw new Error('#app missing');
  document.documentElement.lang = lang();
  const main = h('main', { id: 'main', tabindex: '-1' });
  const header = h('header', { class: 'site-header' });
  const footer = h('footer', { class: 'site-footer' });
  const draw = () => {
    const m = t().common;
    document.title = `${page === 'check' ? t().check.title : page === 'tokens' ? t().tokens.title : t().dash.title} — ${m.appName}`;
    const link = (id: PageId, href: string, label: string) => h('a', { href, ...(id === page ? { 'aria-current': 'page' } : {}) }, label);
    const other = lang() === 'vi' ? 'en' : 'vi';
    const sw = button(
      m.switchLang,
      () => {
        setLang(other);
        // The whole page was rebuilt in the new language: keep the keyboard where it was.
        document.querySelector<HTMLButtonElement>('.lang-switch')?.focus();
      },
      { class: 'lang-switch', lang: other, 'aria-label': m.switchLangLabel },
    );
    replace(
      header,
      h('a', { class: 'skip-link', href: '#main' }, m.skip),
      h('div', { class: 'brand' }, h('span', { class: 'brand-name' }, m.appName), h('span', { class: 'brand-tagline' }, m.appTagline)),
      h(
        'nav',
        { 'aria-label': m.nav },
        h(
          'ul',
          null,
          h('li', null, link('dashboard', '/', m.navDashboard)),
          h('li', null, link('check', '/kiem-tra', m.navCheck)),
          h('li', null, link('tokens', '/token', m.navTokens)),
          h('li', null, h('a', { href: '/api/docs' }, m.navApi)),
        ),
      ),
      sw,
    );
    replace(footer, h('p', null, m.footer));
    main.replaceChildren();
    renderMain(main);
  };
  root.replaceChildren(header, main, footer);
  draw();
  onLangChange(draw);
}
