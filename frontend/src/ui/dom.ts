import { ApiError, NotAvailableError } from '../api/http';
import { S } from '../strings';

type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;
export type Child = Node | string | number | null | undefined | false | Child[];

/** Creates an element: `h('button', { class: 'x', onclick: fn }, '文字')`. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2), v as EventListener);
    } else if (v === true) {
      el.setAttribute(k, '');
    } else {
      el.setAttribute(k, String(v));
    }
  }
  append(el, children);
  return el;
}

/** Appends children, skipping null/false and flattening arrays. */
export function add(el: Element, ...children: Child[]): void {
  append(el, children);
}

/** Replaces an element's children (null/false skipped, arrays flattened). */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

function append(el: Element, children: (Child | Child[])[]): void {
  for (const c of children) {
    if (Array.isArray(c)) append(el, c);
    else if (c === null || c === undefined || c === false) continue;
    else el.append(c instanceof Node ? c : String(c));
  }
}

export function clear(el: Element): void {
  el.replaceChildren();
}

export function loadingBox(): HTMLElement {
  return h('div', { class: 'state state-loading', role: 'status', 'aria-live': 'polite' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), S.loading);
}

export function emptyBox(text: string = S.empty): HTMLElement {
  return h('div', { class: 'state state-empty' }, text);
}

export function comingSoonBox(what: string): HTMLElement {
  return h(
    'div',
    { class: 'state state-soon', 'data-state': 'coming-soon' },
    h('strong', {}, S.comingSoon),
    h('p', {}, S.comingSoonDetail(what)),
  );
}

export function errorBox(err: unknown, retry?: () => void): HTMLElement {
  const message = err instanceof ApiError ? err.message : err instanceof Error ? err.message : String(err);
  return h(
    'div',
    { class: 'state state-error', role: 'alert' },
    h('strong', {}, S.errorTitle),
    h('p', {}, message),
    retry ? h('button', { type: 'button', class: 'btn', onclick: () => retry() }, S.retry) : null,
  );
}

/**
 * Runs `fetcher` with loading, error, coming-soon and stale-request handling, rendering into `box`.
 * A later call on the same box cancels the earlier one.
 */
const controllers = new WeakMap<Element, AbortController>();
export async function load<T>(
  box: HTMLElement,
  fetcher: (signal: AbortSignal) => Promise<T>,
  render: (data: T) => void,
  opts: { what?: string; quiet?: boolean } = {},
): Promise<void> {
  controllers.get(box)?.abort();
  const ctl = new AbortController();
  controllers.set(box, ctl);
  if (!opts.quiet) box.replaceChildren(loadingBox());
  box.setAttribute('aria-busy', 'true');
  try {
    const data = await fetcher(ctl.signal);
    if (ctl.signal.aborted || !box.isConnected) return; // superseded, or the view was left meanwhile
    box.replaceChildren();
    render(data);
  } catch (e) {
    if (ctl.signal.aborted || (e instanceof DOMException && e.name === 'AbortError')) return;
    if (e instanceof NotAvailableError) box.replaceChildren(comingSoonBox(opts.what ?? e.path));
    else box.replaceChildren(errorBox(e, () => void load(box, fetcher, render, opts)));
  } finally {
    if (controllers.get(box) === ctl) box.removeAttribute('aria-busy');
  }
}

/** Previous/next pager. `page` is zero-based. */
export function pager(page: number, size: number, total: number, go: (page: number) => void): HTMLElement {
  const pages = Math.max(1, Math.ceil(total / size));
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'pagination' },
    h('button', { type: 'button', class: 'btn', disabled: page <= 0, onclick: () => go(page - 1) }, S.pager.prev),
    h('span', { class: 'pager-info' }, S.pager.info(Math.min(page + 1, pages), pages, total)),
    h('button', { type: 'button', class: 'btn', disabled: page + 1 >= pages, onclick: () => go(page + 1) }, S.pager.next),
  );
}

export function section(title: string, ...children: (Child | Child[])[]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', { class: 'card-title' }, title), ...children);
}
