import { api, targetExportUrl } from '../api';
import type { ScoreComponent } from '../api/types';
import type { MountedView, ViewContext } from '../context';
import { formatNumber } from '../format';
import { S } from '../strings';
import { add, emptyBox, fill, h, load, pager, section } from '../ui/dom';

/** Bars for score components, scaled to the largest component value in the list (so rows compare). */
export function componentBars(components: ScoreComponent[], max: number): { label: string; value: number; widthPct: number }[] {
  const m = max > 0 ? max : 1;
  return components.map((c) => ({ label: c.label ?? c.name, value: c.value, widthPct: Math.max(0, Math.min(100, (c.value / m) * 100)) }));
}

/** 招商清单: the ranked target list with each score component visible, exportable. Waits for the targeting API. */
export function mountTargets(root: HTMLElement, ctx0: ViewContext): MountedView {
  let ctx = ctx0;
  const box = h('div', {});
  add(root, section(S.targets.title, box));
  function render(): void {
    if (!ctx.state.region || !ctx.state.chain) {
      fill(box, emptyBox('请在上方选择地区后查看招商清单。'));
      return;
    }
    const page = Math.max(0, Number(ctx.state.params.page ?? 0) || 0);
    const q = { chain: ctx.state.chain, region: ctx.state.region, segment: ctx.state.segment };
    void load(
      box,
      (sig) => api.targets({ ...q, page, size: 20 }, sig),
      (list) => {
        const max = Math.max(0, ...list.items.flatMap((i) => (i.components ?? []).map((c) => c.value)));
        add(box, 
          h(
            'div',
            { class: 'controls' },
            h('a', { class: 'btn', href: targetExportUrl('xlsx', q), download: '', 'data-testid': 'export-xlsx' }, S.targets.exportXlsx),
            h('a', { class: 'btn', href: targetExportUrl('csv', q), download: '' }, S.targets.exportCsv),
          ),
          list.items.length === 0
            ? emptyBox()
            : h(
                'table',
                { class: 'data-table', 'data-testid': 'targets-table' },
                h('thead', {}, h('tr', {}, ['#', S.targets.enterprise, S.targets.segment, S.targets.score, S.targets.components, S.targets.reasons].map((t) => h('th', {}, t)))),
                h(
                  'tbody',
                  {},
                  list.items.map((t, i) =>
                    h(
                      'tr',
                      {},
                      h('td', {}, String(page * 20 + i + 1)),
                      h('td', {}, t.name),
                      h('td', {}, t.segmentName ?? t.segmentId ?? '—'),
                      h('td', { class: 'num' }, formatNumber(t.score, 1)),
                      h('td', {}, componentBars(t.components ?? [], max).map((b) => h('div', { class: 'bar-row', title: `${b.label} ${formatNumber(b.value, 2)}` }, h('span', { class: 'bar-label' }, b.label), h('span', { class: 'bar', style: `width:${b.widthPct}%` })))),
                      h('td', { class: 'reasons' }, (t.reasons ?? []).join('；')),
                    ),
                  ),
                ),
              ),
          list.total && list.total > 20 ? pager(page, 20, list.total, (n) => ctx.navigate({ params: { page: String(n) } })) : null,
        );
      },
      { what: '招商清单' },
    );
  }
  render();
  return {
    update(next) {
      ctx = next;
      render();
    },
  };
}
