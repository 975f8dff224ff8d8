import type { Enterprise } from '../api/types';
import type { ViewContext } from '../context';
import { formatWanYuan } from '../format';
import { h } from '../ui/dom';
import { isProvisional, PROVISIONAL_LABEL, PROVISIONAL_TITLE } from '../components/provisional';

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
        isProvisional(e.uscc) ? h('span', { class: 'tag tag-provisional', 'data-testid': 'provisional-tag', title: PROVISIONAL_TITLE }, PROVISIONAL_LABEL) : null,
      ),
      h('td', { class: 'num' }, formatWanYuan(e.revenue)),
      compact ? h('td', { class: 'tags' }, e.tags.filter((t) => t !== '链主').slice(0, 2).join('、')) : null,
    ),
  );
}
