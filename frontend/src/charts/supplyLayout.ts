import type { EnterpriseDetail } from '../api/types';
import { formatNumber, formatWanYuan } from '../format';
import { orderByBarycentre, pixelGraphSeries, overlappingPairs, textWidth, wrapText, type Box, type Edge } from './layered';
import { inRegion } from './network';

/**
 * The supply network around one enterprise as a layered map: suppliers left of what they supply, customers right,
 * a supplier's supplier one column further left. Each expanded enterprise shows at most `perSide` partners per side;
 * the rest wait behind a "更多…(k)" node that shows more when clicked. Edge labels (product · 万元) are placed where
 * they touch no other label; one that finds no free place is left to the tooltip and counted.
 */

export interface SupplyNode {
  id: string;
  name: string;
  regionCode: string;
  local: boolean;
  /** Column: 0 the centre, −1 its suppliers, +1 its customers, … */
  layer: number;
  expanded: boolean;
  /** 万元; undefined until the enterprise is expanded (only then is it loaded), null when unknown. */
  revenue?: number | null;
}

export interface SupplyLink {
  source: string;
  target: string;
  productId: string | null;
  /** 年供货金额 in 万元; null when unknown. */
  amount: number | null;
}

export type Side = 'suppliers' | 'customers';

export interface SupplyGraph {
  centerId: string;
  localRegion: string | null;
  nodes: Map<string, SupplyNode>;
  links: SupplyLink[];
  /** Partners of each expanded enterprise per side, best first (amount, then local, then name). */
  partners: Map<string, Record<Side, string[]>>;
  /** How many partners per side are shown, for enterprises whose "更多" was clicked. */
  limits: Map<string, number>;
}

export const PER_SIDE = 6;

export function supplyGraphFrom(d: EnterpriseDetail, localRegion: string | null): SupplyGraph {
  const e = d.enterprise;
  const g: SupplyGraph = { centerId: e.uscc, localRegion, nodes: new Map(), links: [], partners: new Map(), limits: new Map() };
  g.nodes.set(e.uscc, { id: e.uscc, name: e.shortName ?? e.name, regionCode: e.regionCode, local: inRegion(e.regionCode, localRegion), layer: 0, expanded: false });
  return expandWith(g, d);
}

/** Adds an enterprise's suppliers and customers (its detail) to the graph and marks it expanded. */
export function expandWith(g: SupplyGraph, d: EnterpriseDetail): SupplyGraph {
  const me = d.enterprise.uscc;
  let node = g.nodes.get(me);
  if (!node) {
    node = { id: me, name: d.enterprise.shortName ?? d.enterprise.name, regionCode: d.enterprise.regionCode, local: inRegion(d.enterprise.regionCode, g.localRegion), layer: 0, expanded: false };
    g.nodes.set(me, node);
  }
  node.expanded = true;
  node.revenue = d.enterprise.revenue;
  const keys = new Set(g.links.map((l) => `${l.source}>${l.target}>${l.productId ?? ''}`));
  const side = (list: EnterpriseDetail['suppliers'], s: Side): string[] => {
    for (const p of list) {
      if (!g.nodes.has(p.uscc)) {
        g.nodes.set(p.uscc, { id: p.uscc, name: p.name, regionCode: p.regionCode, local: inRegion(p.regionCode, g.localRegion), layer: node!.layer + (s === 'suppliers' ? -1 : 1), expanded: false });
      }
      const link: SupplyLink = s === 'suppliers' ? { source: p.uscc, target: me, productId: p.productId, amount: p.amount } : { source: me, target: p.uscc, productId: p.productId, amount: p.amount };
      const key = `${link.source}>${link.target}>${link.productId ?? ''}`;
      if (!keys.has(key)) {
        keys.add(key);
        g.links.push(link);
      }
    }
    // best first: the largest known amount, then local partners, then by name; one entry per partner
    const best = new Map<string, (typeof list)[number]>();
    for (const p of list) {
      const b = best.get(p.uscc);
      if (!b || (p.amount ?? -1) > (b.amount ?? -1)) best.set(p.uscc, p);
    }
    return [...best.values()]
      .sort((a, b) => (b.amount ?? -1) - (a.amount ?? -1) || Number(inRegion(b.regionCode, g.localRegion)) - Number(inRegion(a.regionCode, g.localRegion)) || a.name.localeCompare(b.name, 'zh-CN') || a.uscc.localeCompare(b.uscc))
      .map((p) => p.uscc)
      .filter((id) => id !== me);
  };
  g.partners.set(me, { suppliers: side(d.suppliers, 'suppliers'), customers: side(d.customers, 'customers') });
  return g;
}

/** "更多…" was clicked: show `perSide` more partners on that side. */
export function showMore(g: SupplyGraph, id: string, side: Side, perSide = PER_SIDE): void {
  const key = `${id}:${side}`;
  g.limits.set(key, (g.limits.get(key) ?? perSide) + perSide);
}

export interface MoreNode {
  id: string;
  owner: string;
  side: Side;
  hidden: number;
  layer: number;
}

export interface SupplyEdge {
  source: string;
  target: string;
  relations: SupplyLink[];
}

export interface VisibleSupply {
  nodes: SupplyNode[];
  links: SupplyEdge[];
  more: MoreNode[];
}

/** What is drawn: the centre, and from every drawn expanded enterprise its first partners per side. */
export function visibleSupply(g: SupplyGraph, perSide = PER_SIDE): VisibleSupply {
  const visible = new Set([g.centerId]);
  const queue = [g.centerId];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    const parts = g.partners.get(id);
    if (!parts || !g.nodes.get(id)?.expanded) continue;
    for (const side of ['suppliers', 'customers'] as const) {
      for (const p of parts[side].slice(0, g.limits.get(`${id}:${side}`) ?? perSide)) {
        if (!visible.has(p)) {
          visible.add(p);
          queue.push(p);
        }
      }
    }
  }
  const more: MoreNode[] = [];
  for (const id of queue) {
    const parts = g.partners.get(id);
    if (!parts) continue;
    const node = g.nodes.get(id)!;
    for (const side of ['suppliers', 'customers'] as const) {
      const hidden = parts[side].filter((p) => !visible.has(p)).length;
      if (hidden > 0) more.push({ id: `more:${id}:${side}`, owner: id, side, hidden, layer: node.layer + (side === 'suppliers' ? -1 : 1) });
    }
  }
  // one edge per pair of enterprises, carrying every relation between them (several products are common)
  const edges = new Map<string, SupplyEdge>();
  for (const l of g.links) {
    if (!visible.has(l.source) || !visible.has(l.target)) continue;
    const key = `${l.source}>${l.target}`;
    const e = edges.get(key) ?? { source: l.source, target: l.target, relations: [] };
    e.relations.push(l);
    edges.set(key, e);
  }
  return { nodes: queue.map((id) => g.nodes.get(id)!), links: [...edges.values()], more };
}

/** Known total of an edge's amounts; null when none is known. */
export function edgeAmount(e: SupplyEdge): { known: number | null; unknown: number } {
  const known = e.relations.filter((r) => r.amount !== null);
  return { known: known.length ? known.reduce((s, r) => s + r.amount!, 0) : null, unknown: e.relations.length - known.length };
}

// ---- geometry -----------------------------------------------------------------------------------------------------

export const SUPPLY_GEOMETRY = { node: 14, center: 26, more: 12, font: 12, lineHeight: 14, edgeFont: 11, edgeLine: 13, labelGap: 4, rowGap: 30, pad: 12 } as const;

export interface PlacedLabel extends Box {
  lines: string[];
}

export interface PlacedSupplyNode {
  id: string;
  kind: 'enterprise' | 'more';
  node?: SupplyNode;
  more?: MoreNode;
  x: number;
  y: number;
  size: number;
  label: PlacedLabel;
}

export interface PlacedEdge {
  link?: SupplyEdge;
  /** A "更多" node's link to its owner. */
  moreOf?: MoreNode;
  source: string;
  target: string;
  /** Where its label is drawn; null when it found no free place (the tooltip still has it). */
  label: (PlacedLabel & { cx: number; cy: number }) | null;
  /** Drawn as an arc: it runs against the columns (e.g. a supplier that also buys). */
  backward: boolean;
}

export interface SupplyLayout {
  nodes: PlacedSupplyNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
  layers: number;
  hiddenEdgeLabels: number;
}

/** Company names without the legal-form tail, which every one of them shares. */
export function shortCompanyName(name: string): string {
  return name.replace(/(股份有限公司|有限责任公司|有限公司|集团公司)$/u, '') || name;
}

const wan = (a: number) => `${formatNumber(a, a < 100 ? 1 : 0)} 万元`;

/** An edge's amount for its label: the sum when every amount is known, "未知" when none is, else the known part + 未知. */
export function amountText(e: SupplyEdge): string {
  const { known, unknown } = edgeAmount(e);
  if (known === null) return '金额 未知';
  return unknown ? `${wan(known)} + 未知` : wan(known);
}

/** Product names of an edge's relations, "产品未知" for a relation without one. */
export function edgeProducts(e: SupplyEdge, productName: (id: string | null) => string): string {
  return [...new Set(e.relations.map((r) => (r.productId ? productName(r.productId) : '产品未知')))].join('、');
}

/** Lays the visible network out in `width` px (columns never narrower than 230 px, so the box may scroll sideways). */
export function layoutSupply(v: VisibleSupply, productName: (id: string | null) => string, width: number): SupplyLayout {
  const G = SUPPLY_GEOMETRY;
  const all = [...v.nodes.map((n) => ({ id: n.id, layer: n.layer })), ...v.more.map((m) => ({ id: m.id, layer: m.layer }))];
  const min = Math.min(...all.map((n) => n.layer));
  const max = Math.max(...all.map((n) => n.layer));
  const count = max - min + 1;
  const rank = new Map(all.map((n, i) => [n.id, i]));
  const layers: string[][] = Array.from({ length: count }, () => []);
  for (const n of all) layers[n.layer - min]!.push(n.id);
  const edges: Edge[] = [...v.links, ...v.more.map((m) => (m.side === 'suppliers' ? { source: m.id, target: m.owner } : { source: m.owner, target: m.id }))];
  for (const col of layers) col.sort((a, b) => rank.get(a)! - rank.get(b)!);
  const ordered = orderByBarycentre(layers, edges);
  // a "更多" node stays just below its owner's partners, so move each to the end of its column
  for (const col of ordered) col.sort((a, b) => Number(a.startsWith('more:')) - Number(b.startsWith('more:')));

  const colWidth = Math.max(230, Math.floor((width - G.pad * 2) / count));
  const labelWidth = Math.min(150, colWidth * 0.55);
  const byId = new Map(v.nodes.map((n) => [n.id, n]));
  const moreById = new Map(v.more.map((m) => [m.id, m]));
  const placed = new Map<string, PlacedSupplyNode>();
  const colHeights: number[] = [];
  const rows = ordered.map((col) =>
    col.map((id) => {
      const n = byId.get(id);
      const m = moreById.get(id);
      const text = n ? shortCompanyName(n.name) : `更多…(${m!.hidden})`;
      const lines = wrapText(text, labelWidth, G.font, 2);
      const size = n ? (n.id === v.nodes[0]?.id ? G.center : G.node) : G.more;
      return { id, n, m, lines, size, h: size + G.labelGap + lines.length * G.lineHeight + G.rowGap };
    }),
  );
  rows.forEach((col) => colHeights.push(col.reduce((s, r) => s + r.h, 0)));
  const body = Math.max(...colHeights);
  rows.forEach((col, l) => {
    const x = G.pad + colWidth * l + colWidth / 2;
    let y = G.pad + (body - colHeights[l]!) / 2;
    for (const r of col) {
      const cy = y + r.size / 2;
      const w = Math.max(...r.lines.map((t) => textWidth(t, G.font)));
      placed.set(r.id, {
        id: r.id,
        kind: r.n ? 'enterprise' : 'more',
        ...(r.n ? { node: r.n } : { more: r.m! }),
        x,
        y: cy,
        size: r.size,
        label: { x: x - w / 2, y: cy + r.size / 2 + G.labelGap, w, h: r.lines.length * G.lineHeight, lines: r.lines },
      });
      y += r.h;
    }
  });

  // edge labels: the heaviest edges first, each at the first point along it where it touches nothing already placed
  const obstacles: Box[] = [...placed.values()].flatMap((p) => [p.label, { x: p.x - p.size / 2, y: p.y - p.size / 2, w: p.size, h: p.size }]);
  const out: PlacedEdge[] = [];
  const links = [...v.links].sort((a, b) => (edgeAmount(b).known ?? -1) - (edgeAmount(a).known ?? -1) || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
  let hidden = 0;
  for (const link of links) {
    const s = placed.get(link.source)!;
    const t = placed.get(link.target)!;
    const backward = s.x >= t.x;
    const lines = [edgeProducts(link, productName), amountText(link)].map((x) => wrapText(x, colWidth * 0.42, G.edgeFont, 1)[0]!);
    const w = Math.max(...lines.map((x) => textWidth(x, G.edgeFont))) + 4;
    const h = lines.length * G.edgeLine + 2;
    let label: PlacedEdge['label'] = null;
    if (!backward) {
      // from the middle outwards; an edge across several columns may carry its label nearer an end
      const reach = Math.abs(t.x - s.x) > colWidth * 1.5 ? 0.42 : 0.3;
      const fractions = [0.5];
      for (let d = 0.05; d <= reach + 1e-9; d += 0.05) fractions.push(0.5 - d, 0.5 + d);
      for (const f of fractions) {
        const cx = s.x + (t.x - s.x) * f;
        const cy = s.y + (t.y - s.y) * f;
        const box = { x: cx - w / 2, y: cy - h / 2, w, h };
        if (!obstacles.some((o) => overlappingPairs([o, box], 2).length)) {
          label = { ...box, cx, cy, lines };
          obstacles.push(box);
          break;
        }
      }
    }
    if (!label) hidden++;
    out.push({ link, source: link.source, target: link.target, label, backward });
  }
  for (const m of v.more) out.push({ moreOf: m, source: m.side === 'suppliers' ? m.id : m.owner, target: m.side === 'suppliers' ? m.owner : m.id, label: null, backward: false });
  return {
    nodes: [...placed.values()],
    edges: out,
    width: G.pad * 2 + colWidth * count,
    height: G.pad * 2 + body,
    layers: count,
    hiddenEdgeLabels: hidden,
  };
}

/** Every label the drawing shows (enterprise names, "更多" and edge labels), for overlap checks. */
export function supplyLabelBoxes(layout: SupplyLayout): Box[] {
  return [...layout.nodes.map((n) => n.label), ...layout.edges.flatMap((e) => (e.label ? [e.label] : []))];
}

export const SUPPLY_COLOURS = { center: '#d9480f', local: '#1c7ed6', outside: '#868e96', more: '#f8f9fa' };

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** An edge in words: who supplies whom with what, for how much (each relation in its own sentence). */
export function relationText(e: SupplyEdge, name: (id: string) => string, productName: (id: string | null) => string): string {
  return e.relations
    .map((r) => {
      const amount = r.amount === null ? '年供货金额未知' : `年供货金额 ${wan(r.amount)}`;
      return `${name(e.source)} 向 ${name(e.target)} 供应${r.productId ? ` ${productName(r.productId)}` : '（产品未知）'}，${amount}`;
    })
    .join('<br/>');
}

/** The ECharts option at 1:1 (corner anchors pin the data box to the series box); the chart box must be width × height. */
export function supplyOption(layout: SupplyLayout, centerId: string, productName: (id: string | null) => string, regionName: (code: string) => string): Record<string, unknown> {
  const G = SUPPLY_GEOMETRY;
  const nodes = new Map(layout.nodes.map((n) => [n.id, n]));
  const fullName = (id: string) => nodes.get(id)?.node?.name ?? id;
  const linksOf = (id: string) => layout.edges.filter((e) => e.link && (e.source === id || e.target === id));
  const anchor = (id: string, x: number, y: number) => ({ id, name: '', x, y, symbolSize: 0, silent: true, label: { show: false }, tooltip: { show: false } });
  const nodeTooltip = (p: PlacedSupplyNode): string => {
    if (p.more) return `还有 ${p.more.hidden} 家${p.more.side === 'suppliers' ? '供应商' : '客户'}未显示（${esc(shortCompanyName(fullName(p.more.owner)))}）<br/>单击显示更多`;
    const n = p.node!;
    const role = n.id === centerId ? '当前企业' : n.layer < 0 ? '供应商（位于左侧，向右供货）' : n.layer > 0 ? '客户（位于右侧，从左侧采购）' : '与当前企业同列的上下游企业';
    const revenue = n.revenue === undefined ? '营收：双击展开后显示' : `营收：${n.revenue === null ? '未知' : formatWanYuan(n.revenue)}`;
    const rel = linksOf(n.id).slice(0, 6).map((e) => relationText(e.link!, (id) => esc(shortCompanyName(fullName(id))), (id) => esc(productName(id))));
    return [`<strong>${esc(n.name)}</strong>`, `${role} · ${n.local ? '本地企业' : '外地企业'} · ${esc(regionName(n.regionCode))}`, revenue, ...rel, n.expanded ? '' : '双击展开其供应商和客户'].filter(Boolean).join('<br/>');
  };
  const data = [
    anchor('__tl', 0, 0),
    anchor('__br', layout.width, layout.height),
    ...layout.nodes.map((p) => {
      const n = p.node;
      const colour = p.more ? SUPPLY_COLOURS.more : n!.id === centerId ? SUPPLY_COLOURS.center : n!.local ? SUPPLY_COLOURS.local : SUPPLY_COLOURS.outside;
      return {
        id: p.id,
        name: p.label.lines.join(''),
        x: p.x,
        y: p.y,
        symbol: p.more ? 'roundRect' : n!.local || n!.id === centerId ? 'circle' : 'diamond',
        symbolSize: p.size,
        itemStyle: p.more ? { color: colour, borderColor: '#495057', borderWidth: 1, borderType: 'dashed' } : { color: colour, borderColor: n!.expanded ? '#212529' : '#fff', borderWidth: n!.expanded ? 2 : 1 },
        label: { show: true, position: 'bottom', distance: G.labelGap, fontSize: G.font, lineHeight: G.lineHeight, color: p.more ? '#1c63c7' : '#212529', fontWeight: n?.id === centerId ? 'bold' : 'normal', formatter: p.label.lines.join('\n') },
        tooltip: { formatter: () => nodeTooltip(p) },
      };
    }),
    ...layout.edges.flatMap((e, i) =>
      e.label
        ? [
            {
              // the label itself answers hover with the relation in words (a thin line is hard to point at)
              id: `edge:${i}`,
              name: '',
              x: e.label.cx,
              y: e.label.cy,
              symbolSize: 0,
              tooltip: { formatter: () => relationText(e.link!, (id) => esc(shortCompanyName(fullName(id))), (id) => esc(productName(id))) },
              label: { show: true, position: 'inside', fontSize: G.edgeFont, lineHeight: G.edgeLine, color: '#495057', backgroundColor: 'rgba(255,255,255,0.92)', padding: [1, 2], formatter: e.label.lines.join('\n') },
            },
          ]
        : [],
    ),
  ];
  return {
    animation: false,
    tooltip: { confine: true },
    series: [
      {
        ...pixelGraphSeries(layout.width, layout.height),
        data,
        links: layout.edges.map((e) => ({
          source: e.source,
          target: e.target,
          lineStyle: e.moreOf ? { type: 'dashed', opacity: 0.5 } : e.backward ? { curveness: 0.35, type: 'dashed' } : undefined,
          tooltip: e.link ? { formatter: () => relationText(e.link!, (id) => esc(shortCompanyName(fullName(id))), (id) => esc(productName(id))) + (e.label ? '' : '<br/>（图上未标注：位置不足）') } : { show: false },
        })),
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 6,
        lineStyle: { color: '#8fa3bf', opacity: 0.7, width: 1.2, curveness: 0 },
        emphasis: { focus: 'adjacency', lineStyle: { width: 2 } },
      },
    ],
  };
}
