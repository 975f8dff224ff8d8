import { api } from '../api';
import type { Enterprise, RegionFigure } from '../api/types';
import { mountChart, type ECharts } from '../charts/echarts';
import { availableWidth, mountFixedGraph, type FixedGraph } from '../charts/fixedGraph';
import { expandWith, layoutSupply, showMore, supplyGraphFrom, supplyOption, visibleSupply, PER_SIDE, type Side, type SupplyGraph } from '../charts/supplyLayout';
import { regionBarOption, tileMapOption, tilesFor, type Metric } from '../charts/tileGrid';
import type { MountedView, ViewContext } from '../context';
import { formatCount, formatNumber, formatWanYuan } from '../format';
import { S } from '../strings';
import { add, emptyBox, fill, h, load, pager, section } from '../ui/dom';
import { enterpriseTable, parseSort } from './enterpriseTable';

const PAGE_SIZE = 15;

/** 企业图谱: where the chain's enterprises are (tile map → cities → counties), the table, and one enterprise's supply network. */
export function mountEnterpriseMap(root: HTMLElement, ctx0: ViewContext): MountedView {
  let ctx = ctx0;
  const charts: ECharts[] = [];
  const mapBox = h('div', { class: 'map-box' });
  const mapControls = h('div', { class: 'controls' });
  const tableBox = h('div', { class: 'table-box' });
  const tableControls = h('div', { class: 'controls' });
  const netBox = h('div', { class: 'net-box' });
  const netInfo = h('div', { class: 'net-info' });
  add(root, 
    h(
      'div',
      { class: 'grid-2' },
      section(S.enterprise.mapTitle, mapControls, mapBox),
      section(S.enterprise.table, tableControls, tableBox),
    ),
    section(S.enterprise.network, netInfo, netBox),
  );

  const p = () => ctx.state.params;
  const metric = (): Metric => (p().metric === 'revenue' ? 'revenue' : 'count');
  const fmt = (v: number) => (metric() === 'count' ? formatCount(v) : formatWanYuan(v));
  const regionName = (code: string) => ctx.regionIndex?.fullName(code) || code;
  /**
   * The region the map shows: the drilled one, else the header's region (the map follows the chosen region), else
   * the whole country; `drill=all` asks for the country while a region is chosen.
   */
  const drillOf = (): string | null => (p().drill === 'all' ? null : p().drill ?? ctx.state.region ?? null);
  /** The region the table lists: the drilled one, else the header's region, else the whole country. */
  const tableRegion = () => drillOf() ?? ctx.state.region;

  function renderMapControls(): void {
    const segs = ctx.chain?.segments ?? [];
    const roots = segs.filter((s) => !s.parentId);
    const drill = drillOf();
    const path = drill ? ctx.regionIndex?.path(drill) ?? [] : [];
    fill(mapControls, 
      h(
        'label',
        {},
        `${S.enterprise.segment} `,
        h(
          'select',
          { id: 'ent-segment', onchange: (e: Event) => ctx.navigate({ segment: (e.target as HTMLSelectElement).value || null, params: { page: null } }) },
          h('option', { value: '' }, S.enterprise.allSegments),
          roots.map((r) => [
            h('option', { value: r.id, selected: r.id === ctx.state.segment }, r.name),
            ...segs.filter((s) => s.parentId === r.id).map((s) => h('option', { value: s.id, selected: s.id === ctx.state.segment }, `　${s.name}`)),
          ]),
        ),
      ),
      h(
        'div',
        { class: 'toggle', role: 'group', 'aria-label': S.enterprise.metric },
        (['count', 'revenue'] as const).map((m) =>
          h('button', { type: 'button', class: `btn${metric() === m ? ' active' : ''}`, 'aria-pressed': metric() === m ? 'true' : 'false', onclick: () => ctx.navigate({ params: { metric: m } }) }, m === 'count' ? S.enterprise.byCount : S.enterprise.byRevenue),
        ),
      ),
      h(
        'nav',
        { class: 'crumbs', 'aria-label': 'drill' },
        h('button', { type: 'button', class: 'link', 'data-region': 'all', onclick: () => ctx.navigate({ params: { drill: ctx.state.region ? 'all' : null, page: null } }) }, S.enterprise.national),
        path.map((r) => [' › ', h('button', { type: 'button', class: 'link', onclick: () => ctx.navigate({ params: { drill: r.code, page: null } }) }, r.name)]),
      ),
    );
  }

  function renderMap(): void {
    renderMapControls();
    const drill = drillOf();
    const level = drill ? ctx.regionIndex?.get(drill)?.level : undefined;
    const parent = level === 'COUNTY' ? ctx.regionIndex?.get(drill)?.parentCode ?? null : drill;
    void load(
      mapBox,
      (sig) => api.distribution({ chain: ctx.state.chain, segment: ctx.state.segment, parent }, sig),
      (figs) => {
        charts.splice(0).forEach((c) => c.dispose());
        const chartEl = h('div', { class: 'chart chart-map', role: 'img', 'aria-label': S.enterprise.mapTitle });
        const list = topList(figs);
        add(mapBox, chartEl, h('p', { class: 'hint' }, S.enterprise.drillHint), list);
        const chart = mountChart(chartEl);
        charts.push(chart);
        if (!parent) {
          chart.setOption(tileMapOption(tilesFor(figs, metric()), metric(), fmt, ctx.state.region ? ctx.state.region.slice(0, 2) + '0000' : null));
        } else {
          chartEl.style.height = `${Math.max(260, Math.min(520, figs.length * 22 + 40))}px`;
          chart.resize();
          chart.setOption(regionBarOption(figs, metric(), fmt));
        }
        chart.on('click', (e: { data?: unknown }) => {
          const code = (e.data as { code?: string } | undefined)?.code;
          if (code) drillTo(code);
        });
      },
    );
  }

  function drillTo(code: string): void {
    ctx.navigate({ params: { drill: code, page: null } });
  }

  /** The top regions as buttons (keyboard-reachable alternative to clicking the chart). */
  function topList(figs: RegionFigure[]): HTMLElement {
    const top = [...figs].sort((a, b) => (metric() === 'count' ? b.enterprises - a.enterprises : b.revenue - a.revenue)).filter((f) => f.enterprises > 0).slice(0, 8);
    return h(
      'ol',
      { class: 'top-list' },
      top.map((f) =>
        h(
          'li',
          {},
          h('button', { type: 'button', class: 'link', 'data-region': f.code, onclick: () => drillTo(f.code) }, f.name),
          ` ${formatNumber(f.enterprises)}${S.units.count} · ${formatWanYuan(f.revenue)}`,
        ),
      ),
    );
  }

  function renderTableControls(): void {
    const q = h('input', { type: 'search', id: 'ent-q', placeholder: S.enterprise.search, value: p().q ?? '', 'aria-label': S.enterprise.search });
    q.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') ctx.navigate({ params: { q: q.value.trim() || null, page: null } });
    });
    const tags = ['链主', '上市', '专精特新', '专精特新小巨人', '高新技术企业', '500强'];
    fill(tableControls, 
      h('span', { class: 'scope' }, tableRegion() ? regionName(tableRegion()!) : S.enterprise.national),
      ctx.state.zone ? h('span', { class: 'chip', 'data-testid': 'zone-note' }, `${S.pickers.zone}：${ctx.state.zone}（${S.enterprise.zoneNote}）`) : null,
      q,
      h(
        'select',
        { 'aria-label': S.enterprise.tag, onchange: (e: Event) => ctx.navigate({ params: { tag: (e.target as HTMLSelectElement).value || null, page: null } }) },
        h('option', { value: '' }, S.enterprise.allTags),
        tags.map((t) => h('option', { value: t, selected: p().tag === t }, t)),
      ),
    );
  }

  function renderTable(): void {
    renderTableControls();
    const page = Math.max(0, Number(p().page ?? 0) || 0);
    const sort = parseSort(p().sort);
    void load(
      tableBox,
      (sig) => api.enterprises({ chain: ctx.state.chain, segment: ctx.state.segment, region: tableRegion(), tag: p().tag, q: p().q, sort, page, size: PAGE_SIZE }, sig),
      (res) => {
        if (res.total === 0) {
          add(tableBox, emptyBox());
          return;
        }
        add(tableBox, 
          h(
            'div',
            { class: 'table-scroll' },
            enterpriseTable(res.items, ctx, sort, (s) => ctx.navigate({ params: { sort: s, page: null } }), (e: Enterprise) => ctx.navigate({ params: { uscc: e.uscc } }), regionName),
          ),
          pager(res.page, res.size, res.total, (n) => ctx.navigate({ params: { page: String(n) } })),
        );
      },
    );
  }

  let net: FixedGraph | null = null;
  let graph: SupplyGraph | null = null;
  let productNames: Map<string, string> | null = null;
  const productName = (id: string | null) => (id ? productNames?.get(id) ?? id : '产品未知');

  function renderNetwork(): void {
    const uscc = p().uscc;
    net?.dispose();
    net = null;
    graph = null;
    if (!uscc) {
      fill(netInfo);
      fill(netBox, emptyBox(S.enterprise.networkHint));
      return;
    }
    void load(
      netBox,
      async (sig) => {
        const [d, products] = await Promise.all([api.enterprise(uscc, sig), productNames ? Promise.resolve(null) : api.products(ctx.state.chain!, null, sig).catch(() => [])]);
        if (products) productNames = new Map(products.map((x) => [x.id, x.name]));
        return d;
      },
      (d) => {
        graph = supplyGraphFrom(d, ctx.state.region);
        const partners = [...new Set([...d.suppliers, ...d.customers].map((x) => x.uscc))];
        const local = [...d.suppliers, ...d.customers].filter((x, i, all) => all.findIndex((y) => y.uscc === x.uscc) === i && graph!.nodes.get(x.uscc)?.local).length;
        fill(
          netInfo,
          h('strong', {}, d.enterprise.name),
          ` · ${d.regionName} · 营收 ${formatWanYuan(d.enterprise.revenue)} · ${S.enterprise.suppliers} ${new Set(d.suppliers.map((x) => x.uscc)).size} 家 · ${S.enterprise.customers} ${new Set(d.customers.map((x) => x.uscc)).size} 家 · ${S.enterprise.local} ${local} / ${S.enterprise.outside} ${partners.length - local}`,
          d.segments.length ? h('div', { class: 'chips' }, d.segments.map((s) => h('span', { class: 'chip' }, s.name))) : null,
        );
        const host = h('div', { class: 'network-host' });
        add(
          netBox,
          h(
            'p',
            { class: 'hint' },
            `左侧为供应商（越靠左越上游），右侧为客户；连线上标注供货产品和年供货金额（万元，未知注明“未知”）。圆点为本地企业，灰色菱形为外地企业，黑边为已展开的企业。每家企业每侧最多显示 ${PER_SIDE} 家，其余收在“更多…”里，单击显示更多；双击企业展开它的上下游。`,
          ),
          host,
        );
        net = mountFixedGraph(host, 'network-chart', S.enterprise.network);
        drawNetwork();
        net.chart.on('click', (e: { data?: unknown }) => {
          const id = (e.data as { id?: string } | undefined)?.id ?? '';
          const m = /^more:(.+):(suppliers|customers)$/.exec(id);
          if (m && graph) {
            showMore(graph, m[1]!, m[2] as Side);
            drawNetwork();
          }
        });
        net.chart.on('dblclick', (e: { data?: unknown }) => {
          const id = (e.data as { id?: string } | undefined)?.id;
          if (id && graph && graph.nodes.has(id) && !graph.nodes.get(id)!.expanded) void expand(id);
        });
      },
    );
  }

  function drawNetwork(): void {
    if (!net || !graph) return;
    const host = net.el.parentElement as HTMLElement;
    const layout = layoutSupply(visibleSupply(graph), productName, availableWidth(host));
    net.draw(supplyOption(layout, graph.centerId, productName, regionName), layout.width, layout.height);
    net.el.dataset.hiddenEdgeLabels = String(layout.hiddenEdgeLabels);
    net.el.dataset.nodes = String(layout.nodes.length);
  }

  async function expand(id: string): Promise<void> {
    if (!graph) return;
    const g = graph;
    try {
      const d = await api.enterprise(id);
      if (graph !== g) return; // another enterprise was opened meanwhile
      expandWith(g, d);
      drawNetwork();
    } catch {
      /* expanding is optional; the network drawn so far stays */
    }
  }

  renderMap();
  renderTable();
  renderNetwork();

  return {
    update(next) {
      const prev = ctx.state;
      ctx = next;
      const n = next.state;
      const changed = (k: string) => prev.params[k] !== n.params[k];
      const segChanged = prev.segment !== n.segment;
      if (segChanged || changed('metric') || changed('drill')) renderMap();
      if (segChanged || changed('drill') || changed('page') || changed('sort') || changed('q') || changed('tag') || changed('uscc')) renderTable();
      if (changed('uscc')) renderNetwork();
    },
    destroy() {
      charts.forEach((c) => c.dispose());
      net?.dispose();
    },
  };
}

