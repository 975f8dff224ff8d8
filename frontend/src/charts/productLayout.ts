import type { Segment, Stage } from '../api/types';
import type { ProductRow } from '../views/productLogic';
import { backEdges, crossings, edgeKey, layersOf, longestPathLayers, orderByBarycentre, pixelGraphSeries, textWidth, wrapText, type Box, type Edge } from './layered';

/**
 * 产品图谱 as columns: products layered by the INPUT_TO graph (an input one column left of what it goes into,
 * cycles broken), ordered within a column by barycentre sweeps to cut crossings, every label wrapped to fit its
 * column so none overlaps another at the chart's real size (positions are pixels, the chart is not zoomed).
 */

export type ProductFilter = 'all' | 'outside';

export interface ProductLayoutOptions {
  /** Drawing width in px (the chart box); columns share it, but never get narrower than `minColumn`. */
  width: number;
  filter?: ProductFilter;
  /** Only this segment (and its sub-segments): its products and their inputs. */
  segmentId?: string | null;
  segments?: Segment[];
  fontSize?: number;
  minColumn?: number;
}

export interface PlacedProduct {
  id: string;
  row: ProductRow;
  layer: number;
  x: number;
  y: number;
  lines: string[];
  label: Box;
  /** Shown only as a neighbour of what the filter asks for (drawn faded). */
  context: boolean;
  stage: Stage | null;
}

export interface PlacedColumn {
  x: number;
  title: string;
  label: Box;
}

export interface ProductLayout {
  nodes: PlacedProduct[];
  links: { source: string; target: string; back: boolean }[];
  columns: PlacedColumn[];
  width: number;
  height: number;
  crossings: number;
  /** Why nothing is drawn, when nothing is. */
  empty: 'no-products' | 'makers-unknown' | 'nothing-bought-outside' | null;
}

export const PRODUCT_GEOMETRY = { symbol: 10, labelGap: 5, lineHeight: 15, rowGap: 6, header: 28, pad: 8 } as const;

const STAGE_ZH: Record<Stage, string> = { UPSTREAM: '上游', MIDSTREAM: '中游', DOWNSTREAM: '下游' };
const STAGE_ORDER: Record<Stage, number> = { UPSTREAM: 0, MIDSTREAM: 1, DOWNSTREAM: 2 };

/** Which products the filters keep (focus) and which are shown beside them for context. */
export function filterProducts(rows: ProductRow[], filter: ProductFilter, segmentIds: Set<string> | null): { focus: Set<string>; context: Set<string>; empty: ProductLayout['empty'] } {
  const base = segmentIds ? rows.filter((r) => segmentIds.has(r.product.segmentId)) : rows;
  const baseIds = new Set(base.map((r) => r.product.id));
  const byId = new Map(rows.map((r) => [r.product.id, r]));
  if (filter === 'outside') {
    if (rows.some((r) => r.madeLocally === null)) return { focus: new Set(), context: new Set(), empty: 'makers-unknown' };
    const focus = new Set<string>();
    for (const r of base) for (const i of r.inputs) if (byId.get(i.id)?.madeLocally === false) focus.add(i.id);
    const context = new Set(base.filter((r) => !focus.has(r.product.id) && r.inputs.some((i) => focus.has(i.id))).map((r) => r.product.id));
    return { focus, context, empty: focus.size === 0 ? 'nothing-bought-outside' : null };
  }
  if (!segmentIds) return { focus: baseIds, context: new Set(), empty: rows.length ? null : 'no-products' };
  const context = new Set<string>();
  for (const r of base) for (const i of r.inputs) if (byId.has(i.id) && !baseIds.has(i.id)) context.add(i.id);
  return { focus: baseIds, context, empty: baseIds.size ? null : 'no-products' };
}

/** The segment and all its descendants. */
export function segmentAndBelow(segmentId: string, segments: Segment[]): Set<string> {
  const out = new Set([segmentId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of segments) if (s.parentId && out.has(s.parentId) && !out.has(s.id)) {
      out.add(s.id);
      grew = true;
    }
  }
  return out;
}

export function layoutProducts(rows: ProductRow[], opts: ProductLayoutOptions): ProductLayout {
  const fontSize = opts.fontSize ?? 12;
  const g = PRODUCT_GEOMETRY;
  const segments = opts.segments ?? [];
  const stageOf = new Map(segments.map((s) => [s.id, s.stage]));
  const segIds = opts.segmentId ? segmentAndBelow(opts.segmentId, segments) : null;
  const { focus, context, empty } = filterProducts(rows, opts.filter ?? 'all', segIds);
  const shown = rows.filter((r) => focus.has(r.product.id) || context.has(r.product.id));
  if (empty || shown.length === 0) return { nodes: [], links: [], columns: [], width: opts.width, height: 0, crossings: 0, empty: empty ?? 'no-products' };

  const ids = shown.map((r) => r.product.id);
  const idSet = new Set(ids);
  const edges: Edge[] = shown.flatMap((r) => r.inputs.filter((i) => idSet.has(i.id) && i.id !== r.product.id).map((i) => ({ source: i.id, target: r.product.id })));
  const back = backEdges(ids, edges);
  const layerOf = longestPathLayers(ids, edges, back);
  const byId = new Map(shown.map((r) => [r.product.id, r]));
  const stageRank = (id: string) => STAGE_ORDER[stageOf.get(byId.get(id)!.product.segmentId) ?? 'MIDSTREAM'];
  // a product with no input or use in view has no place in the flow: its stage decides (first, middle or last column)
  const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
  const last = Math.max(0, ...[...layerOf.values()]);
  for (const id of ids) if (!linked.has(id)) layerOf.set(id, [0, Math.round(last / 2), last][stageRank(id)]!);
  // start from chain order (stage, segment, name) so the sweeps begin from a sensible picture and stay deterministic
  const initial = (a: string, b: string) =>
    stageRank(a) - stageRank(b) ||
    byId.get(a)!.segmentName.localeCompare(byId.get(b)!.segmentName, 'zh-CN') ||
    byId.get(a)!.product.name.localeCompare(byId.get(b)!.product.name, 'zh-CN') ||
    a.localeCompare(b);
  const dagEdges = edges.filter((e) => !back.has(edgeKey(e)));
  const layers = orderByBarycentre(layersOf(layerOf, initial), dagEdges);

  const columnWidth = Math.max(opts.minColumn ?? 118, Math.floor((opts.width - g.pad * 2) / layers.length));
  const labelWidth = columnWidth - g.symbol - g.labelGap - 12;
  const placed: PlacedProduct[] = [];
  const heights: number[] = [];
  const columnNodes: { row: ProductRow; lines: string[]; h: number }[][] = layers.map((col) =>
    col.map((id) => {
      const row = byId.get(id)!;
      const lines = wrapText(row.product.name, labelWidth, fontSize);
      return { row, lines, h: Math.max(lines.length * g.lineHeight, g.symbol) + g.rowGap };
    }),
  );
  columnNodes.forEach((col) => heights.push(col.reduce((s, n) => s + n.h, 0)));
  const bodyHeight = Math.max(...heights);
  const columns: PlacedColumn[] = [];
  columnNodes.forEach((col, l) => {
    const x = g.pad + l * columnWidth + g.symbol / 2;
    let y = g.header + (bodyHeight - heights[l]!) / 2;
    for (const n of col) {
      const cy = y + n.h / 2;
      const w = Math.max(...n.lines.map((t) => textWidth(t, fontSize)));
      const hh = n.lines.length * g.lineHeight;
      placed.push({
        id: n.row.product.id,
        row: n.row,
        layer: l,
        x,
        y: cy,
        lines: n.lines,
        label: { x: x + g.symbol / 2 + g.labelGap, y: cy - hh / 2, w, h: hh },
        context: !focus.has(n.row.product.id),
        stage: stageOf.get(n.row.product.segmentId) ?? null,
      });
      y += n.h;
    }
    const stages = [...new Set(col.map((n) => stageOf.get(n.row.product.segmentId)).filter((s): s is Stage => !!s))].sort((a, b) => STAGE_ORDER[a] - STAGE_ORDER[b]);
    const title = `${l + 1}. ${stages.map((s) => STAGE_ZH[s]).join('·') || '—'}`;
    columns.push({ x: x - g.symbol / 2, title, label: { x: x - g.symbol / 2, y: 4, w: textWidth(title, fontSize), h: g.lineHeight } });
  });
  return {
    nodes: placed,
    links: edges.map((e) => ({ ...e, back: back.has(edgeKey(e)) })),
    columns,
    width: g.pad * 2 + layers.length * columnWidth,
    height: g.header + bodyHeight + g.pad,
    crossings: crossings(layers, dagEdges),
    empty: null,
  };
}

/** Every label box the drawing shows (column titles and product names), for overlap checks. */
export function productLabelBoxes(layout: ProductLayout): Box[] {
  return [...layout.columns.map((c) => c.label), ...layout.nodes.map((n) => n.label)];
}

export interface ProductMapText {
  made: string;
  notMade: string;
  unknown: string;
}

export const PRODUCT_COLOURS = { made: '#1c7ed6', notMade: '#e8684a', unknown: '#adb5bd' };

function madeText(r: ProductRow): string {
  if (r.madeLocally === null) return '本地生产：未知（请选择地区）';
  if (r.madeLocally) return `本地生产：是，本地 ${r.localMakers} 家 / 全国 ${r.makers} 家企业生产`;
  return `本地生产：否，需从外地采购（全国 ${r.makers ?? 0} 家企业生产）`;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The ECharts option drawing a layout at 1:1 scale: two invisible corner anchors pin the data box to the series
 * box, so the label positions computed above are the ones on screen. The chart box must be `layout.width` ×
 * `layout.height` px.
 */
export function productMapOption(layout: ProductLayout, fontSize = 12): Record<string, unknown> {
  const g = PRODUCT_GEOMETRY;
  const colour = (r: ProductRow) => (r.madeLocally === null ? PRODUCT_COLOURS.unknown : r.madeLocally ? PRODUCT_COLOURS.made : PRODUCT_COLOURS.notMade);
  const anchor = (id: string, x: number, y: number) => ({ id, name: '', x, y, symbolSize: 0, silent: true, label: { show: false }, tooltip: { show: false } });
  const names = new Map(layout.nodes.map((n) => [n.id, n.row.product.name]));
  const rows = new Map(layout.nodes.map((n) => [n.id, n.row]));
  const data = [
    anchor('__tl', 0, 0),
    anchor('__br', layout.width, layout.height),
    ...layout.columns.map((c, i) => ({
      id: `__col${i}`,
      name: c.title,
      x: c.x,
      y: c.label.y + c.label.h / 2,
      symbolSize: 0,
      silent: true,
      tooltip: { show: false },
      label: { show: true, position: 'right', distance: 0, fontSize, lineHeight: g.lineHeight, fontWeight: 'bold', color: '#495057', formatter: c.title },
    })),
    ...layout.nodes.map((n) => ({
      id: n.id,
      name: n.row.product.name,
      x: n.x,
      y: n.y,
      symbol: n.row.madeLocally === false ? 'diamond' : 'circle',
      symbolSize: g.symbol,
      itemStyle: { color: colour(n.row), opacity: n.context ? 0.45 : 1 },
      label: {
        show: true,
        position: 'right',
        distance: g.labelGap,
        fontSize,
        lineHeight: g.lineHeight,
        color: n.context ? '#5c636a' : '#212529',
        formatter: n.lines.join('\n'),
      },
      tooltip: {
        formatter: () =>
          [
            `<strong>${esc(n.row.product.name)}</strong>`,
            `所属环节：${esc(n.row.segmentName)}${n.stage ? `（${STAGE_ZH[n.stage]}）` : ''}`,
            madeText(n.row),
            `需要投入品 ${n.row.inputs.length} 种；是 ${n.row.usedBy} 种产品的投入品`,
          ].join('<br/>'),
      },
    })),
  ];
  return {
    animation: false,
    tooltip: { confine: true },
    series: [
      {
        ...pixelGraphSeries(layout.width, layout.height),
        data,
        links: layout.links.map((l) => ({
          source: l.source,
          target: l.target,
          lineStyle: l.back ? { type: 'dashed', curveness: 0.3, color: '#f08c00', opacity: 0.6 } : undefined,
          tooltip: {
            formatter: () => {
              const from = rows.get(l.source)!;
              const where = from.madeLocally === null ? '本地是否生产未知' : from.madeLocally ? '本地有企业生产' : '本地无企业生产，需外购';
              return `${esc(names.get(l.source)!)} → ${esc(names.get(l.target)!)}<br/>${esc(names.get(l.source)!)} 是 ${esc(names.get(l.target)!)} 的投入品（${where}）${l.back ? '<br/>回流关系（图中虚线）' : ''}`;
            },
          },
        })),
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 5,
        lineStyle: { color: '#8fa3bf', opacity: 0.35, width: 1, curveness: 0 },
        emphasis: { focus: 'adjacency', lineStyle: { opacity: 0.9, width: 1.5 } },
      },
    ],
  };
}
