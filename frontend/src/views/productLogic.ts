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

/** The product–input graph as an ECharts option: local products blue, not local grey, unknown white. */
export function productGraphOption(rows: ProductRow[], labels: { made: string; notMade: string; unknown: string }): Record<string, unknown> {
  const categories = [
    { name: labels.made, itemStyle: { color: '#1c7ed6' } },
    { name: labels.notMade, itemStyle: { color: '#e8684a' } },
    { name: labels.unknown, itemStyle: { color: '#ced4da' } },
  ];
  const ids = new Set(rows.map((r) => r.product.id));
  return {
    animation: false,
    tooltip: { confine: true },
    legend: [{ data: categories.map((c) => c.name), top: 4 }],
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        categories,
        data: rows.map((r) => ({
          id: r.product.id,
          name: r.product.name,
          category: r.madeLocally === null ? 2 : r.madeLocally ? 0 : 1,
          symbol: r.madeLocally === false ? 'diamond' : 'circle',
          symbolSize: 8 + Math.min(16, r.usedBy * 3 + r.inputs.length * 2),
          label: { show: r.usedBy > 1 || r.inputs.length > 2 },
        })),
        links: rows.flatMap((r) => r.inputs.filter((i) => ids.has(i.id)).map((i) => ({ source: i.id, target: r.product.id }))),
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 6,
        label: { position: 'right', fontSize: 10, color: '#333' },
        labelLayout: { hideOverlap: true },
        lineStyle: { opacity: 0.5, curveness: 0.1 },
        emphasis: { focus: 'adjacency' },
        top: 36,
        force: { repulsion: 150, edgeLength: [40, 90], gravity: 0.1 },
      },
    ],
  };
}
