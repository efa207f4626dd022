import type { FirstPaintIntent } from './handoff';
import type { FirstPaintRow, FirstPaintView } from './firstPaintView';

type Attrs = Record<string, string>;

/** Every text goes in as text: a title is never parsed as markup. */
function el(tag: string, className: string, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function icon(name: string): HTMLElement {
  return el('span', name, { 'aria-hidden': 'true' });
}

function row(r: FirstPaintRow, view: FirstPaintView): HTMLElement {
  if (r.kind === 'group') return el('li', 'conversation-group', { role: 'presentation', 'data-index': String(r.index) }, r.label);
  const t = view.text;
  const markers: HTMLElement[] = [];
  if (r.pinned) markers.push(el('span', 'icon-pin conversation-item__pin', { role: 'img', 'aria-label': t.pinned, title: t.pinned }));
  if (r.origin === 'quick') markers.push(el('span', 'icon-bolt conversation-item__quick', { role: 'img', 'aria-label': t.quickAsk, title: t.quickAsk }));
  if (r.origin === 'api') markers.push(el('span', 'conversation-item__api', { title: t.apiOrigin }, t.apiBadge));
  const select = el(
    'button',
    'conversation-item__select',
    { type: 'button', 'data-first-paint-open': r.id },
    ...markers,
    el('span', 'conversation-item__title', { 'data-testid': 'first-paint-title' }, r.title),
  );
  return el('li', 'conversation-item', { 'data-index': String(r.index), 'data-testid': 'first-paint-item' }, select);
}

/**
 * The app's shell as its first render with this copy draws it (App, Sidebar, ConversationList),
 * with the same classes, so the stylesheet lays it out the same way. Rows flow one under another
 * (the app's virtual list places them absolutely at the heights it measures, which are these).
 */
function shell(view: FirstPaintView): HTMLElement {
  const t = view.text;
  const sidebar = el('aside', 'sidebar', { 'data-testid': 'first-paint-sidebar' });
  sidebar.hidden = view.collapsed;
  const top = el(
    'div',
    'sidebar__top',
    {},
    el(
      'div',
      'sidebar__brand-row',
      {},
      el('span', 'brand', {}, icon('brand__mark'), 'Brook'),
      el('button', 'icon-button sidebar-toggle sidebar-toggle--sidebar', { type: 'button', 'aria-label': t.hideSidebar, title: t.hideSidebar }, icon('icon-sidebar')),
    ),
    el('button', 'button button--primary sidebar__new', { type: 'button', 'data-first-paint-new': '' }, icon('icon-plus'), t.newChat),
  );
  sidebar.append(top);
  if (view.filters) {
    const names = ['all', 'quick', 'archived'] as const;
    sidebar.append(
      el('div', 'sidebar__filter', { role: 'group', 'aria-label': t.filter }, ...names.map((f) =>
        el('button', f === 'all' ? 'sidebar__filter-button is-active' : 'sidebar__filter-button', { type: 'button', 'aria-pressed': String(f === 'all') }, t.filters[f]),
      )),
    );
  }
  const list = el('ul', 'conversation-list conversation-list--first-paint', {}, ...view.rows.map((r) => row(r, view)));
  sidebar.append(
    el('nav', 'sidebar__list', { 'aria-label': t.conversations }, list),
    el('div', 'sidebar__bottom', {}, el('button', 'button button--ghost sidebar__settings', { type: 'button' }, icon('icon-gear'), t.settings)),
  );
  const app = el('div', view.collapsed ? 'app app--sidebar-collapsed' : 'app', { 'data-first-paint': '' }, sidebar);
  if (!view.collapsed) app.append(el('div', 'sidebar-backdrop', { 'aria-hidden': 'true' }));
  app.append(el('main', 'main', {}, el('div', 'pane__loading', { 'aria-busy': 'true' }, el('span', 'spinner'))));
  return app;
}

/**
 * Draws the first screen into `root` (the app's own root, which React empties on its first
 * render) and hands a click on a row or on New chat to `onIntent`, since nothing here can act on
 * it yet. Theme and language go on the document as the app would set them.
 */
export function paintFirstScreen(root: HTMLElement, view: FirstPaintView, onIntent: (intent: FirstPaintIntent) => void): void {
  document.documentElement.dataset.theme = view.theme;
  document.documentElement.lang = view.language;
  const app = shell(view);
  app.addEventListener('click', (e) => {
    const target = e.target instanceof Element ? e.target : null;
    const open = target?.closest('[data-first-paint-open]')?.getAttribute('data-first-paint-open');
    if (open) onIntent({ kind: 'open', id: open });
    else if (target?.closest('[data-first-paint-new]')) onIntent({ kind: 'new' });
  });
  root.replaceChildren(app);
}
