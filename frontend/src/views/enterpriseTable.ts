import type { Enterprise } from '../api/types';
import type { ViewContext } from '../context';
import { formatNumber, formatWanYuan } from '../format';
import { S } from '../strings';
import { h } from '../ui/dom';
import { inRegion } from '../charts/network';

export const SORTABLE = ['revenue', 'employees', 'patents', 'name'] as const;
export type SortKey = (typeof SORTABLE)[number];

export function parseSort(s: string | undefined): SortKey {
  return (SORTABLE as readonly string[]).includes(s ?? '') ? (s as SortKey) : 'revenue';
}

/** Compact rows (name, revenue, tags) for side panels. */
export function enterpriseRows(items: Enterprise[], ctx: ViewContext, compact: boolean): HTMLElement[] {
  return items.map((e) =>
    h(
      'tr',
      { class: ctx.state.zone && e.zone === ctx.state.zone ? 'in-zone' : '' },
      h(
        'td',
        {},
        h('a', { href: `#/enterprise?chain=${encodeURIComponent(ctx.state.chain ?? '')}${ctx.state.region ? `&region=${ctx.state.region}` : ''}&uscc=${e.uscc}` }, e.shortName ?? e.name),
        e.tags.includes('链主') ? h('span', { class: 'tag tag-leader' }, '链主') : null,
      ),
      h('td', { class: 'num' }, formatWanYuan(e.revenue)),
      compact ? h('td', { class: 'tags' }, e.tags.filter((t) => t !== '链主').slice(0, 2).join('、')) : null,
    ),
  );
}

/** The full enterprise table with sortable headers; `onPick` opens the supply network. */
export function enterpriseTable(
  items: Enterprise[],
  ctx: ViewContext,
  sort: SortKey,
  onSort: (s: SortKey) => void,
  onPick: (e: Enterprise) => void,
  regionName: (code: string) => string,
): HTMLElement {
  const th = (label: string, key: SortKey | null, cls = '') =>
    h(
      'th',
      { class: cls, 'aria-sort': key && key === sort ? (key === 'name' ? 'ascending' : 'descending') : null, scope: 'col' },
      key ? h('button', { type: 'button', class: 'th-sort', 'data-sort': key, onclick: () => onSort(key) }, label, key === sort ? (key === 'name' ? ' ▲' : ' ▼') : '') : label,
    );
  const c = S.enterprise.cols;
  return h(
    'table',
    { class: 'data-table', 'data-testid': 'enterprise-table' },
    h('thead', {}, h('tr', {}, th(c.name, 'name'), th(c.region, null), th(c.zone, null), th(c.revenue, 'revenue', 'num'), th(c.employees, 'employees', 'num'), th(c.patents, 'patents', 'num'), th(c.tags, null))),
    h(
      'tbody',
      {},
      items.map((e) =>
        h(
          'tr',
          { class: `${ctx.state.params.uscc === e.uscc ? 'selected' : ''}${ctx.state.zone && e.zone === ctx.state.zone ? ' in-zone' : ''}` },
          h(
            'td',
            {},
            h('button', { type: 'button', class: 'link', 'data-uscc': e.uscc, title: e.uscc, onclick: () => onPick(e) }, e.name),
            inRegion(e.regionCode, ctx.state.region) ? h('span', { class: 'tag tag-local' }, S.enterprise.local) : null,
          ),
          h('td', {}, regionName(e.regionCode)),
          h('td', {}, e.zone ?? '—'),
          h('td', { class: 'num' }, formatWanYuan(e.revenue)),
          h('td', { class: 'num' }, formatNumber(e.employees)),
          h('td', { class: 'num' }, formatNumber(e.patents)),
          h('td', { class: 'tags' }, e.tags.map((t) => h('span', { class: t === '链主' ? 'tag tag-leader' : 'tag' }, t))),
        ),
      ),
    ),
  );
}
