import { describe, expect, it } from 'vitest';
import type { EnterpriseDetail, Partner } from '../src/api/types';
import { overlappingPairs } from '../src/charts/layered';
import { amountText, expandWith, layoutSupply, PER_SIDE, relationText, showMore, supplyGraphFrom, supplyLabelBoxes, supplyOption, visibleSupply } from '../src/charts/supplyLayout';

const PRODUCTS: Record<string, string> = { P1: '三元正极材料', P2: '磷酸铁锂电芯', P3: '电池管理系统', P4: '湿法隔膜', P5: '六氟磷酸锂电解液' };
const productName = (id: string | null) => (id ? PRODUCTS[id] ?? id : '产品未知');
const regionName = (code: string) => (code.startsWith('34') ? '安徽省 合肥市' : '广东省 深圳市');

let seq = 0;
const firm = (label: string, regionCode: string) => ({
  uscc: `${label}-${seq++}`, name: `${label}新能源科技有限公司`, shortName: null, regionCode, zone: null, revenue: 52000, employees: 300, founded: null, tags: [], patents: 3, sample: true,
});
const partners = (prefix: string, n: number, withAmount = true): Partner[] =>
  Array.from({ length: n }, (_, i) => ({
    uscc: `${prefix}${i}`,
    name: `${prefix}${['华东', '江淮', '星源', '中创', '宁德', '国轩'][i % 6]}动力电池材料有限公司`,
    regionCode: i % 2 ? '340104' : '440300',
    productId: `P${(i % 5) + 1}`,
    amount: withAmount && i % 4 !== 3 ? 100 + ((i * 3_719) % 9_000) : null,
  }));
const detail = (uscc: string, suppliers: Partner[], customers: Partner[]): EnterpriseDetail => ({
  enterprise: { ...firm('中心', '340104'), uscc }, regionName: '安徽省 合肥市 蜀山区', segments: [], products: [], suppliers, customers,
});

/** A chain leader with many partners, then one supplier and one customer expanded (the "two expansions" case). */
function twoExpansions() {
  const center = detail('C', partners('S', 22), partners('K', 15));
  const g = supplyGraphFrom(center, '340100');
  const supplier = visibleSupply(g).nodes.find((n) => n.layer === -1)!;
  expandWith(g, detail(supplier.id, partners('SS', 14), [...partners('K', 2), { uscc: 'C', name: 'c', regionCode: '340104', productId: 'P2', amount: 800 }]));
  const customer = visibleSupply(g).nodes.find((n) => n.layer === 1)!;
  expandWith(g, detail(customer.id, [{ uscc: 'C', name: 'c', regionCode: '340104', productId: 'P3', amount: null }], partners('KK', 11)));
  return { g, supplier, customer };
}

describe('supply network layers', () => {
  it('puts suppliers left and customers right, a supplier of a supplier further left', () => {
    const { g, supplier, customer } = twoExpansions();
    const v = visibleSupply(g);
    const layer = new Map(v.nodes.map((n) => [n.id, n.layer]));
    expect(layer.get('C')).toBe(0);
    expect(layer.get(supplier.id)).toBe(-1);
    expect(layer.get(customer.id)).toBe(1);
    for (const n of v.nodes.filter((x) => x.id.startsWith('SS'))) expect(n.layer).toBe(-2);
    for (const n of v.nodes.filter((x) => x.id.startsWith('KK'))) expect(n.layer).toBe(2);
    const layout = layoutSupply(v, productName, 1380);
    const x = new Map(layout.nodes.map((n) => [n.id, n.x]));
    for (const l of v.links) expect(x.get(l.source)!).toBeLessThan(x.get(l.target)!);
  });

  it('shows at most N partners per side and collapses the rest into 更多…(k)', () => {
    const { g } = twoExpansions();
    const v = visibleSupply(g);
    const centreSuppliers = v.links.filter((l) => l.target === 'C').length;
    // the expanded supplier sells the centre a second product: still one edge, with both relations
    expect(v.links.find((l) => l.target === 'C' && l.relations.length === 2)).toBeTruthy();
    expect(centreSuppliers).toBe(PER_SIDE);
    const more = v.more.find((m) => m.owner === 'C' && m.side === 'suppliers')!;
    expect(more.hidden).toBe(22 - PER_SIDE);
    expect(more.layer).toBe(-1);
    // clicking it shows N more
    showMore(g, 'C', 'suppliers');
    const after = visibleSupply(g);
    expect(after.links.filter((l) => l.target === 'C').length).toBe(2 * PER_SIDE);
    expect(after.more.find((m) => m.owner === 'C' && m.side === 'suppliers')!.hidden).toBe(22 - 2 * PER_SIDE);
  });

  it('ranks partners by amount, unknown amounts last', () => {
    const g = supplyGraphFrom(detail('C', partners('S', 12), []), null);
    const order = g.partners.get('C')!.suppliers;
    const amount = (id: string) => g.links.find((l) => l.source === id)!.amount;
    const known = order.filter((id) => amount(id) !== null);
    expect(order.slice(0, known.length)).toEqual(known);
    for (let i = 1; i < known.length; i++) expect(amount(known[i - 1]!)!).toBeGreaterThanOrEqual(amount(known[i]!)!);
  });

  it('keeps every label readable after two expansions at 1440×900', () => {
    const { g } = twoExpansions();
    const layout = layoutSupply(visibleSupply(g), productName, 1380);
    expect(layout.width).toBeLessThanOrEqual(1400);
    const boxes = supplyLabelBoxes(layout);
    expect(overlappingPairs(boxes, 1)).toEqual([]);
    // no label covers a node symbol
    const symbols = layout.nodes.map((n) => ({ x: n.x - n.size / 2, y: n.y - n.size / 2, w: n.size, h: n.size }));
    const clashes = overlappingPairs([...boxes, ...symbols]).filter(([a, b]) => a < boxes.length !== b < boxes.length);
    expect(clashes).toEqual([]);
    // every forward edge carries its product and amount on the picture
    expect(layout.hiddenEdgeLabels).toBe(0);
    expect(layout.edges.filter((e) => e.link).every((e) => e.label && e.label.lines.length === 2)).toBe(true);
  });

  it('labels edges with the product and 万元, 未知 when no amount is known', () => {
    const rel = (amount: number | null) => ({ source: 'A', target: 'B', productId: 'P1', amount });
    expect(amountText({ source: 'A', target: 'B', relations: [rel(1234)] })).toBe('1,234 万元');
    expect(amountText({ source: 'A', target: 'B', relations: [rel(null)] })).toBe('金额 未知');
    expect(amountText({ source: 'A', target: 'B', relations: [rel(1000), rel(null), rel(234)] })).toBe('1,234 万元 + 未知');
    const layout = layoutSupply(visibleSupply(supplyGraphFrom(detail('C', partners('S', 4), partners('K', 2)), '340100')), productName, 1380);
    const unknown = layout.edges.find((e) => e.link && e.link.relations.length === 1 && e.link.relations[0]!.amount === null && e.label)!;
    expect(unknown.label!.lines[1]).toBe('金额 未知');
    expect(Object.values(PRODUCTS)).toContain(unknown.label!.lines[0]);
  });

  it('says in every tooltip what a node or edge means, with units', () => {
    const { g } = twoExpansions();
    const layout = layoutSupply(visibleSupply(g), productName, 1380);
    const option = supplyOption(layout, 'C', productName, regionName) as {
      series: { data: { id: string; tooltip: { show?: boolean; formatter?: () => string } }[]; links: { tooltip: { show?: boolean; formatter?: () => string } }[] }[];
    };
    const s = option.series[0]!;
    const centre = s.data.find((d) => d.id === 'C')!.tooltip.formatter!();
    expect(centre).toContain('营收：5.2 亿元');
    expect(centre).toMatch(/供应 .+，年供货金额/);
    const more = s.data.find((d) => d.id.startsWith('more:'))!.tooltip.formatter!();
    expect(more).toMatch(/还有 \d+ 家/);
    const unexpanded = s.data.find((d) => d.id.startsWith('SS'))!.tooltip.formatter!();
    expect(unexpanded).toContain('双击展开');
    for (const l of s.links) {
      if (l.tooltip.show === false) continue;
      const text = l.tooltip.formatter!();
      expect(text).toMatch(/ 向 .+ 供应/);
      expect(text).toMatch(/万元|金额未知/);
    }
    expect(relationText({ source: 'A', target: 'B', relations: [{ source: 'A', target: 'B', productId: null, amount: null }] }, (x) => x, productName)).toBe('A 向 B 供应（产品未知），年供货金额未知');
  });
});
