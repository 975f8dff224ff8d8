import { api, NotAvailableError } from '../api';
import type { ProductMakers } from '../api/types';
import { mountChart, type ECharts } from '../charts/echarts';
import type { MountedView, ViewContext } from '../context';
import { formatNumber, formatPercent } from '../format';
import { S } from '../strings';
import { add, emptyBox, fill, h, load, pager, section } from '../ui/dom';
import { localInputRate, productGraphOption, productRows, type ProductRow } from './productLogic';

const PAGE_SIZE = 20;

/** 产品图谱: the chain's products and inputs, which are made locally, and the share of inputs available locally. */
export function mountProductMap(root: HTMLElement, ctx0: ViewContext): MountedView {
  let ctx = ctx0;
  let chart: ECharts | null = null;
  const box = h('div', {});
  add(root, box);
  let rows: ProductRow[] = [];
  let makersNote: string | null = null;
  const tableBox = h('div', {});

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
      const graphEl = h('div', { class: 'chart chart-products', role: 'img', 'aria-label': S.product.graph });
      add(box, 
        h(
          'div',
          { class: 'kpis' },
          kpi('产品数', formatNumber(rows.length)),
          kpi(S.product.made, rows.some((r) => r.madeLocally === null) ? '—' : formatNumber(rows.filter((r) => r.madeLocally).length)),
          kpi(S.product.localRate, formatPercent(rate.rate), `${rate.local} / ${rate.inputs}`),
        ),
        h('p', { class: 'hint' }, S.product.localRateNote),
        makersNote ? h('p', { class: 'note', 'data-state': 'coming-soon' }, makersNote) : null,
        section(S.product.graph, h('p', { class: 'hint' }, '从左到右：投入品 → 产品；蓝色圆点为本地生产，红色菱形为本地未生产（需外购）。滚轮缩放、拖动平移，悬停查看名称。'), graphEl),
        section(S.product.title, tableBox),
      );
      chart = mountChart(graphEl);
      chart.setOption(productGraphOption(rows, { made: S.product.made, notMade: S.product.notMade, unknown: S.product.unknown }));
      renderTable();
    },
  );

  function renderTable(): void {
    const filter = ctx.state.params.pf === 'notmade' ? 'notmade' : 'all';
    const shown = rows.filter((r) => (filter === 'notmade' ? r.madeLocally === false : true)).filter((r) => !ctx.state.segment || r.product.segmentId === ctx.state.segment || ctx.chain?.segments.find((s) => s.id === r.product.segmentId)?.parentId === ctx.state.segment);
    const page = Math.max(0, Number(ctx.state.params.page ?? 0) || 0);
    const slice = shown.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    const mark = (v: boolean | null) => (v === null ? h('span', { class: 'badge unknown' }, '？') : v ? h('span', { class: 'badge made' }, '✔ 本地') : h('span', { class: 'badge notmade' }, '✘ 外购'));
    fill(tableBox, 
      h(
        'div',
        { class: 'toggle', role: 'group' },
        (['all', 'notmade'] as const).map((f) =>
          h('button', { type: 'button', class: `btn${filter === f ? ' active' : ''}`, 'aria-pressed': String(filter === f), onclick: () => ctx.navigate({ params: { pf: f === 'all' ? null : f, page: null } }) }, f === 'all' ? S.product.filterAll : S.product.filterNotMade),
        ),
      ),
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
      ctx = next;
      if (rows.length) renderTable();
    },
    destroy() {
      chart?.dispose();
    },
  };
}

export function kpi(label: string, value: string, sub?: string): HTMLElement {
  return h('div', { class: 'kpi' }, h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-value' }, value), sub ? h('div', { class: 'kpi-sub' }, sub) : null);
}
