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
