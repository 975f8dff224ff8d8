import { describe, expect, it } from 'vitest';
import { backEdges, crossings, layersOf, longestPathLayers, orderByBarycentre, overlappingPairs, textWidth, wrapText } from '../src/charts/layered';
import { filterProducts, layoutProducts, productLabelBoxes, productMapOption } from '../src/charts/productLayout';
import { productRows } from '../src/views/productLogic';
import { demoChain, demoMakers } from './demoChains';

/** The chart box at a 1440×900 window: the page keeps ~30 px of padding on each side. */
const WIDTH = 1380;

describe('layering', () => {
  it('breaks cycles and puts every input left of what it feeds', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const edges = [{ source: 'a', target: 'b' }, { source: 'b', target: 'c' }, { source: 'c', target: 'a' }, { source: 'c', target: 'd' }];
    const back = backEdges(ids, edges);
    expect([...back]).toEqual(['c>a']);
    const layer = longestPathLayers(ids, edges, back);
    expect(Object.fromEntries(layer)).toEqual({ a: 0, b: 1, c: 2, d: 3 });
  });

  it('pulls a raw input right, next to the only product that uses it', () => {
    const edges = [{ source: 'ore', target: 'metal' }, { source: 'metal', target: 'part' }, { source: 'part', target: 'car' }, { source: 'paint', target: 'car' }];
    const layer = longestPathLayers(['ore', 'metal', 'part', 'car', 'paint'], edges);
    expect(layer.get('paint')).toBe(2);
    expect(layer.get('car')).toBe(3);
  });

  it('barycentre sweeps remove the crossings of a twisted two-layer graph', () => {
    const layers = [['a', 'b', 'c'], ['z', 'y', 'x']];
    const edges = [{ source: 'a', target: 'x' }, { source: 'b', target: 'y' }, { source: 'c', target: 'z' }];
    expect(crossings(layers, edges)).toBe(3);
    expect(crossings(orderByBarycentre(layers, edges), edges)).toBe(0);
  });

  it('wraps long names to the column and measures CJK as square', () => {
    expect(textWidth('电芯', 12)).toBe(24);
    const lines = wrapText('高纯电子级多晶硅及区熔硅单晶材料', 100, 12);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(100);
    expect(lines.join('')).toBe('高纯电子级多晶硅及区熔硅单晶材料');
  });
});

for (const chainId of ['NEV', 'IC'] as const) {
  describe(`product map of the demo chain ${chainId}`, () => {
    const { products, segments } = demoChain(chainId);
    const rows = productRows(products, demoMakers(products), segments);
    const layout = layoutProducts(rows, { width: WIDTH, segments });

    it('draws every product, in columns that fit the window', () => {
      expect(products.length).toBeGreaterThan(120);
      expect(layout.nodes).toHaveLength(products.length);
      expect(layout.width).toBeLessThanOrEqual(WIDTH);
      expect(layout.columns.length).toBeGreaterThanOrEqual(5);
    });

    it('puts each input in a column left of the product it goes into', () => {
      const layer = new Map(layout.nodes.map((n) => [n.id, n.layer]));
      for (const l of layout.links.filter((x) => !x.back)) expect(layer.get(l.source)!).toBeLessThan(layer.get(l.target)!);
    });

    it('no two labels overlap and no label covers a node', () => {
      const labels = productLabelBoxes(layout);
      expect(overlappingPairs(labels, 1)).toEqual([]);
      const symbols = layout.nodes.map((n) => ({ x: n.x - 5, y: n.y - 5, w: 10, h: 10 }));
      const all = [...labels, ...symbols];
      const clashes = overlappingPairs(all).filter(([a, b]) => a < labels.length !== b < labels.length);
      expect(clashes).toEqual([]);
      // each label stays inside its column
      const colWidth = layout.nodes.length ? (layout.width - 16) / layout.columns.length : 0;
      for (const n of layout.nodes) expect(n.label.x + n.label.w).toBeLessThanOrEqual(8 + (n.layer + 1) * colWidth);
    });

    it('orders columns with fewer crossings than chain order', () => {
      const layer = new Map(layout.nodes.map((n) => [n.id, n.layer]));
      const byChainOrder = layersOf(new Map(layer), (a, b) => a.localeCompare(b));
      const links = layout.links.filter((l) => !l.back);
      expect(layout.crossings).toBeLessThan(crossings(byChainOrder, links));
    });

    it('draws at 1:1 with one visible label per product', () => {
      const option = productMapOption(layout) as { series: { width: number; height: number; data: { id: string; x: number; y: number; label: { show: boolean } }[] }[] };
      const s = option.series[0]!;
      expect([s.width, s.height]).toEqual([layout.width, layout.height]);
      const xs = s.data.map((d) => d.x);
      const ys = s.data.map((d) => d.y);
      expect([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]).toEqual([0, 0, layout.width, layout.height]);
      expect(s.data.filter((d) => d.label.show && !d.id.startsWith('__col'))).toHaveLength(products.length);
    });

    it('filters to the inputs bought from outside, with the products that use them', () => {
      const outside = layoutProducts(rows, { width: WIDTH, segments, filter: 'outside' });
      const focus = outside.nodes.filter((n) => !n.context);
      expect(focus.length).toBeGreaterThan(0);
      for (const n of focus) {
        expect(n.row.madeLocally).toBe(false);
        expect(n.row.usedBy).toBeGreaterThan(0);
      }
      const shown = new Set(outside.nodes.map((n) => n.id));
      for (const n of outside.nodes.filter((x) => x.context)) expect(n.row.inputs.some((i) => shown.has(i.id) && i.madeLocally === false)).toBe(true);
      expect(overlappingPairs(productLabelBoxes(outside), 1)).toEqual([]);
    });

    it('filters to one segment: its products and their inputs', () => {
      const top = segments.find((s) => !s.parentId && products.some((p) => segments.find((x) => x.id === p.segmentId)?.parentId === s.id))!;
      const one = layoutProducts(rows, { width: WIDTH, segments, segmentId: top.id });
      const inSeg = new Set(segments.filter((s) => s.id === top.id || s.parentId === top.id).map((s) => s.id));
      const focus = one.nodes.filter((n) => !n.context);
      expect(focus.length).toBe(products.filter((p) => inSeg.has(p.segmentId)).length);
      for (const n of one.nodes.filter((x) => x.context)) expect(inSeg.has(n.row.product.segmentId)).toBe(false);
    });
  });
}

describe('product filters without makers', () => {
  it('cannot tell what is bought from outside when no region is chosen', () => {
    const { products, segments } = demoChain('NEV');
    const rows = productRows(products, null, segments);
    expect(filterProducts(rows, 'outside', null).empty).toBe('makers-unknown');
    expect(layoutProducts(rows, { width: WIDTH, segments, filter: 'outside' }).nodes).toEqual([]);
  });
});
