import type { Product, ProductMakers, Segment } from '../api/types';

export interface ProductRow {
  product: Product;
  segmentName: string;
  /** null when unknown (no makers data). */
  madeLocally: boolean | null;
  makers: number | null;
  localMakers: number | null;
  inputs: { id: string; name: string; madeLocally: boolean | null }[];
  /** Used as an input by other products of the chain. */
  usedBy: number;
}

/** Joins products with their makers: which are made in the region, and which of each product's inputs are. */
export function productRows(products: Product[], makers: ProductMakers[] | null, segments: Segment[]): ProductRow[] {
  const byId = new Map(products.map((p) => [p.id, p]));
  const m = makers ? new Map(makers.map((x) => [x.productId, x])) : null;
  const segName = new Map(segments.map((s) => [s.id, s.name]));
  const usedBy = new Map<string, number>();
  for (const p of products) for (const i of p.inputIds) usedBy.set(i, (usedBy.get(i) ?? 0) + 1);
  const local = (id: string): boolean | null => (m ? (m.get(id)?.localMakers ?? 0) > 0 : null);
  return products.map((p) => ({
    product: p,
    segmentName: segName.get(p.segmentId) ?? p.segmentId,
    madeLocally: local(p.id),
    makers: m ? m.get(p.id)?.makers ?? 0 : null,
    localMakers: m ? m.get(p.id)?.localMakers ?? 0 : null,
    inputs: p.inputIds.map((id) => ({ id, name: byId.get(id)?.name ?? id, madeLocally: local(id) })),
    usedBy: usedBy.get(p.id) ?? 0,
  }));
}

/**
 * Share of the chain's inputs (products that feed another product) that some local enterprise makes.
 * null when makers are unknown or there are no inputs.
 */
export function localInputRate(rows: ProductRow[]): { rate: number | null; local: number; inputs: number } {
  const inputs = rows.filter((r) => r.usedBy > 0);
  if (inputs.length === 0 || inputs.some((r) => r.madeLocally === null)) return { rate: null, local: 0, inputs: inputs.length };
  const local = inputs.filter((r) => r.madeLocally).length;
  return { rate: local / inputs.length, local, inputs: inputs.length };
}

/**
 * Columns for the product graph: a product sits one column right of its deepest input (inputs with no
 * inputs of their own in column 0), so the supply reads left to right. Cycles are cut where met.
 */
export function productColumns(rows: ProductRow[]): Map<string, number> {
  const byId = new Map(rows.map((r) => [r.product.id, r]));
  const col = new Map<string, number>();
  const visiting = new Set<string>();
  const depth = (id: string): number => {
    const known = col.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const r = byId.get(id);
    const d = r && r.inputs.length ? 1 + Math.max(...r.inputs.filter((i) => byId.has(i.id)).map((i) => depth(i.id)), -1) : 0;
    visiting.delete(id);
    col.set(id, d);
    return d;
  };
  rows.forEach((r) => depth(r.product.id));
  return col;
}

/** The product–input graph as an ECharts option: columns from inputs to end products; local blue, bought-in red, unknown grey. */
export function productGraphOption(rows: ProductRow[], labels: { made: string; notMade: string; unknown: string }): Record<string, unknown> {
  const categories = [
    { name: labels.made, itemStyle: { color: '#1c7ed6' } },
    { name: labels.notMade, itemStyle: { color: '#e8684a' } },
    { name: labels.unknown, itemStyle: { color: '#ced4da' } },
  ];
  const ids = new Set(rows.map((r) => r.product.id));
  const cols = productColumns(rows);
  const perCol = new Map<number, ProductRow[]>();
  for (const r of rows) {
    const c = cols.get(r.product.id) ?? 0;
    perCol.set(c, [...(perCol.get(c) ?? []), r]);
  }
  // a long column wraps into several sub-columns of at most ROWS nodes, so the picture stays wider than tall
  const ROWS = 16;
  const pos = new Map<string, [number, number]>();
  let x = 0;
  for (const c of [...perCol.keys()].sort((a, b) => a - b)) {
    const list = perCol.get(c)!;
    list.sort((a, b) => a.segmentName.localeCompare(b.segmentName, 'zh-CN') || a.product.name.localeCompare(b.product.name, 'zh-CN'));
    list.forEach((r, i) => pos.set(r.product.id, [x + Math.floor(i / ROWS) * 150, (i % ROWS) * 30 + (Math.floor(i / ROWS) % 2) * 15]));
    x += Math.ceil(list.length / ROWS) * 150 + 60;
  }
  return {
    animation: false,
    tooltip: { confine: true },
    legend: [{ data: categories.map((c) => c.name), top: 4 }],
    series: [
      {
        type: 'graph',
        layout: 'none',
        top: 40,
        bottom: 10,
        left: 20,
        right: 120,
        roam: true,
        categories,
        data: rows.map((r) => {
          const [x, y] = pos.get(r.product.id)!;
          return {
            id: r.product.id,
            name: r.product.name,
            x,
            y,
            category: r.madeLocally === null ? 2 : r.madeLocally ? 0 : 1,
            symbol: r.madeLocally === false ? 'diamond' : 'circle',
            symbolSize: 7 + Math.min(10, r.usedBy * 2),
            label: { show: r.usedBy >= 2 || r.madeLocally === false },
          };
        }),
        links: rows.flatMap((r) => r.inputs.filter((i) => ids.has(i.id)).map((i) => ({ source: i.id, target: r.product.id }))),
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 5,
        label: { show: true, position: 'right', fontSize: 10, color: '#333' },
        labelLayout: { hideOverlap: true },
        lineStyle: { opacity: 0.35, curveness: 0.15 },
        emphasis: { focus: 'adjacency', label: { show: true } },
      },
    ],
  };
}
