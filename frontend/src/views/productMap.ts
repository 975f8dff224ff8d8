import { api, NotAvailableError } from '../api';
import type { ProductMakers } from '../api/types';
import { availableWidth, mountFixedGraph, type FixedGraph } from '../charts/fixedGraph';
import { layoutProducts, PRODUCT_COLOURS, productMapOption, segmentAndBelow, type ProductFilter, type ProductLayout } from '../charts/productLayout';
import type { MountedView, ViewContext } from '../context';
import { formatNumber, formatPercent } from '../format';
import { S } from '../strings';
import { add, emptyBox, fill, h, load, pager, section } from '../ui/dom';
import { localInputRate, productRows, type ProductRow } from './productLogic';

const PAGE_SIZE = 20;

export const PRODUCT_EMPTY: Record<NonNullable<ProductLayout['empty']>, string> = {
  'no-products': '没有符合条件的产品',
  'makers-unknown': '请先在顶部选择地区：外购投入品按本地是否有企业生产来判断。',
  'nothing-bought-outside': '这些产品的投入品本地都有企业生产，没有需要外购的投入品。',
};

/** The product map's filter from the URL: `pf=outside` (only inputs bought from outside; `notmade` is the old name). */
export function productFilter(pf: string | undefined): ProductFilter {
  return pf === 'outside' || pf === 'notmade' ? 'outside' : 'all';
}

/** 产品图谱: products in supply columns (inputs left of what they go into), what is made locally, what is bought in. */
export function mountProductMap(root: HTMLElement, ctx0: ViewContext): MountedView {
  let ctx = ctx0;
  let graph: FixedGraph | null = null;
  const box = h('div', {});
  add(root, box);
  let rows: ProductRow[] = [];
  let makersNote: string | null = null;
  const controls = h('div', { class: 'controls product-controls' });
  const graphHost = h('div', { class: 'product-graph' });
  const graphNote = h('div', {});
  const tableBox = h('div', {});
  let resizeTimer = 0;
  const onResize = () => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(renderGraph, 150);
  };
  window.addEventListener('resize', onResize);

  void load(
    box,
    async (sig) => {
      const products = await api.products(ctx.state.chain!, null, sig);
      let makers: ProductMakers[] | null = null;
      try {
        makers = ctx.state.region ? await api.productMakers(ctx.state.chain!, ctx.state.region, sig) : null;
        if (!ctx.state.region) makersNote = '请选择地区以查看本地生产情况。';
      } catch (e) {
        if (!(e instanceof NotAvailableError)) throw e;
        makersNote = S.product.noMakersApi;
      }
      return { products, makers };
    },
    ({ products, makers }) => {
      if (products.length === 0) {
        add(box, emptyBox());
        return;
      }
      rows = productRows(products, makers, ctx.chain?.segments ?? []);
      const rate = localInputRate(rows);
      add(
        box,
        h(
          'div',
          { class: 'kpis' },
          kpi('产品数', formatNumber(rows.length)),
          kpi(S.product.made, rows.some((r) => r.madeLocally === null) ? '—' : formatNumber(rows.filter((r) => r.madeLocally).length)),
          kpi(S.product.localRate, formatPercent(rate.rate), `${rate.local} / ${rate.inputs}`),
        ),
        h('p', { class: 'hint' }, S.product.localRateNote),
        makersNote ? h('p', { class: 'note', 'data-state': 'coming-soon' }, makersNote) : null,
        section(
          S.product.graph,
          controls,
          h(
            'p',
            { class: 'hint' },
            '从左到右按投入关系分列：每种投入品在它所投入的产品左侧，列标题注明所含产品的上游、中游、下游。',
            legendDot(PRODUCT_COLOURS.made, '●', S.product.made),
            legendDot(PRODUCT_COLOURS.notMade, '◆', `${S.product.notMade}（需外购）`),
            legendDot(PRODUCT_COLOURS.unknown, '●', `${S.product.unknown}（未选地区）`),
            ' 淡色为筛选结果的上下游；悬停查看说明。',
          ),
          graphNote,
          graphHost,
        ),
        section(S.product.title, tableBox),
      );
      renderControls();
      renderGraph();
      renderTable();
    },
  );

  const filter = () => productFilter(ctx.state.params.pf);

  function renderControls(): void {
    const segs = ctx.chain?.segments ?? [];
    const roots = segs.filter((s) => !s.parentId);
    fill(
      controls,
      h(
        'div',
        { class: 'toggle', role: 'group', 'aria-label': '筛选' },
        (['all', 'outside'] as const).map((f) =>
          h(
            'button',
            { type: 'button', class: `btn${filter() === f ? ' active' : ''}`, 'data-filter': f, 'aria-pressed': String(filter() === f), onclick: () => ctx.navigate({ params: { pf: f === 'all' ? null : 'outside', page: null } }) },
            f === 'all' ? '全部产品' : '只看外购投入品',
          ),
        ),
      ),
      h(
        'label',
        {},
        '环节 ',
        h(
          'select',
          { id: 'product-segment', onchange: (e: Event) => ctx.navigate({ segment: (e.target as HTMLSelectElement).value || null, params: { page: null } }) },
          h('option', { value: '' }, '全部环节'),
          roots.map((r) => [
            h('option', { value: r.id, selected: r.id === ctx.state.segment }, r.name),
            ...segs.filter((s) => s.parentId === r.id).map((s) => h('option', { value: s.id, selected: s.id === ctx.state.segment }, `　${s.name}`)),
          ]),
        ),
      ),
    );
  }

  function currentLayout(width: number): ProductLayout {
    return layoutProducts(rows, { width, filter: filter(), segmentId: ctx.state.segment, segments: ctx.chain?.segments ?? [] });
  }

  function renderGraph(): void {
    if (!rows.length || !graphHost.isConnected) return;
    const layout = currentLayout(availableWidth(graphHost));
    if (layout.empty) {
      graph?.dispose();
      graph = null;
      fill(graphHost, emptyBox(PRODUCT_EMPTY[layout.empty]));
      fill(graphNote);
      return;
    }
    const focus = layout.nodes.filter((n) => !n.context).length;
    fill(graphNote, h('p', { class: 'small muted', 'data-testid': 'product-graph-note' }, `显示 ${focus} 种产品${layout.nodes.length > focus ? `，及其上下游 ${layout.nodes.length - focus} 种（淡色）` : ''}，${layout.columns.length} 列。`));
    if (!graph || !graphHost.contains(graph.el)) graph = mountFixedGraph(graphHost, 'product-graph', S.product.graph);
    graph.draw(productMapOption(layout), layout.width, layout.height);
  }

  function renderTable(): void {
    const segIds = ctx.state.segment ? segmentAndBelow(ctx.state.segment, ctx.chain?.segments ?? []) : null;
    const byId = new Map(rows.map((r) => [r.product.id, r]));
    const base = segIds ? rows.filter((r) => segIds.has(r.product.segmentId)) : rows;
    const shown =
      filter() === 'outside'
        ? [...new Set(base.flatMap((r) => r.inputs.filter((i) => i.madeLocally === false).map((i) => i.id)))].map((id) => byId.get(id)).filter((r): r is ProductRow => !!r)
        : base;
    const page = Math.max(0, Number(ctx.state.params.page ?? 0) || 0);
    const slice = shown.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    const mark = (v: boolean | null) => (v === null ? h('span', { class: 'badge unknown' }, '？') : v ? h('span', { class: 'badge made' }, '✔ 本地') : h('span', { class: 'badge notmade' }, '✘ 外购'));
    fill(
      tableBox,
      shown.length === 0
        ? emptyBox()
        : h(
            'div',
            { class: 'table-scroll' },
            h(
              'table',
              { class: 'data-table', 'data-testid': 'product-table' },
              h('thead', {}, h('tr', {}, h('th', {}, '产品'), h('th', {}, S.product.segment), h('th', {}, S.product.made), h('th', { class: 'num' }, S.product.localMakers), h('th', {}, S.product.inputs))),
              h(
                'tbody',
                {},
                slice.map((r) =>
                  h(
                    'tr',
                    {},
                    h('td', {}, r.product.name),
                    h('td', {}, r.segmentName),
                    h('td', {}, mark(r.madeLocally)),
                    h('td', { class: 'num' }, r.localMakers === null ? '—' : `${r.localMakers} / ${r.makers}`),
                    h('td', { class: 'inputs' }, r.inputs.map((i) => h('span', { class: `chip ${i.madeLocally === false ? 'chip-out' : i.madeLocally ? 'chip-local' : ''}` }, i.name))),
                  ),
                ),
              ),
            ),
          ),
      shown.length > PAGE_SIZE ? pager(page, PAGE_SIZE, shown.length, (n) => ctx.navigate({ params: { page: String(n) } })) : null,
    );
  }

  return {
    update(next) {
      const prev = ctx.state;
      ctx = next;
      if (!rows.length) return;
      if (prev.segment !== next.state.segment || prev.params.pf !== next.state.params.pf) {
        renderControls();
        renderGraph();
      }
      renderTable();
    },
    destroy() {
      window.removeEventListener('resize', onResize);
      window.clearTimeout(resizeTimer);
      graph?.dispose();
    },
  };
}

function legendDot(colour: string, glyph: string, text: string): HTMLElement {
  return h('span', { class: 'legend-item', style: 'margin-left:10px;white-space:nowrap' }, h('span', { style: `color:${colour}` }, glyph), ` ${text}`);
}

export function kpi(label: string, value: string, sub?: string): HTMLElement {
  return h('div', { class: 'kpi' }, h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-value' }, value), sub ? h('div', { class: 'kpi-sub' }, sub) : null);
}
