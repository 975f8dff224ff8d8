import { describe, expect, it } from 'vitest';
import type { EnterpriseDetail, RegionFigure } from '../src/api/types';
import { LARGE_LIMIT, inRegion, mergeDetail, networkFromDetail, networkOption, radialPositions, syntheticNetwork } from '../src/charts/network';
import { PROVINCE_TILES, regionBarOption, tileMapOption, tilesFor } from '../src/charts/tileGrid';

const labels = { center: '当前企业', local: '本地企业', outside: '外地企业' };
const ent = (uscc: string, regionCode: string) => ({
  uscc, name: `企业${uscc}`, shortName: null, regionCode, zone: null, revenue: 100, employees: 10, founded: null, tags: [], patents: 0, sample: true,
});
const detail: EnterpriseDetail = {
  enterprise: ent('C', '340104'),
  regionName: '安徽省 合肥市 蜀山区',
  segments: [],
  products: [],
  suppliers: [
    { uscc: 'S1', name: '本地供应商', regionCode: '340122', productId: null, amount: 10 },
    { uscc: 'S2', name: '外地供应商', regionCode: '440300', productId: null, amount: null },
  ],
  customers: [{ uscc: 'K1', name: '客户', regionCode: '340100', productId: null, amount: 5 }],
};

describe('inRegion', () => {
  it('matches by the prefix of the region level', () => {
    expect(inRegion('340104', '340000')).toBe(true);
    expect(inRegion('340104', '340100')).toBe(true);
    expect(inRegion('340104', '340104')).toBe(true);
    expect(inRegion('340204', '340100')).toBe(false);
    expect(inRegion('340104', null)).toBe(false);
  });
});

describe('supply network', () => {
  it('builds a star with local and outside partners told apart', () => {
    const net = networkFromDetail(detail, '340100');
    expect(net.nodes.map((n) => [n.id, n.role, n.local])).toEqual([
      ['C', 'center', true], ['S1', 'supplier', true], ['S2', 'supplier', false], ['K1', 'customer', true],
    ]);
    expect(net.links).toEqual([
      { source: 'S1', target: 'C', amount: 10 }, { source: 'S2', target: 'C', amount: null }, { source: 'C', target: 'K1', amount: 5 },
    ]);
  });

  it('merging a neighbour adds new nodes and links once', () => {
    const net = networkFromDetail(detail, '340100');
    mergeDetail(net, { ...detail, enterprise: ent('S1', '340122'), suppliers: [{ uscc: 'S2', name: 'x', regionCode: '440300', productId: null, amount: null }, { uscc: 'S9', name: 'y', regionCode: '110101', productId: null, amount: null }], customers: [{ uscc: 'C', name: 'c', regionCode: '340104', productId: null, amount: 10 }] }, '340100', 2);
    expect(net.nodes.map((n) => n.id)).toEqual(['C', 'S1', 'S2', 'K1', 'S9']);
    expect(net.links).toHaveLength(5); // 3 + S2→S1 + S9→S1; S1→C was already there
  });

  it('lays networks out radially; large ones without labels or animation', () => {
    const small = networkOption(networkFromDetail(detail, '340100'), labels) as { animation: boolean; series: { layout: string; data: { category: number; x?: number; label: { show: boolean } }[] }[] };
    expect(small.series[0]!.layout).toBe('none');
    expect(small.animation).toBe(true);
    expect(small.series[0]!.data.every((d) => d.label.show)).toBe(true);
    expect(small.series[0]!.data.map((d) => d.category)).toEqual([0, 1, 2, 1]);
    const bigNet = syntheticNetwork(5000);
    expect(bigNet.nodes).toHaveLength(5001);
    const big = networkOption(bigNet, labels) as { animation: boolean; series: { layout: string; data: { x?: number; y?: number }[] }[] };
    expect(bigNet.nodes.length).toBeGreaterThan(LARGE_LIMIT);
    expect(big.animation).toBe(false);
    expect(big.series[0]!.layout).toBe('none');
    expect(big.series[0]!.data.every((d) => Number.isFinite(d.x) && Number.isFinite(d.y))).toBe(true);
  });

  it('places suppliers left of the centre and customers right', () => {
    const pos = radialPositions(networkFromDetail(detail, '340100'));
    expect(pos.get('C')).toEqual([0, 0]);
    expect(pos.get('S1')![0]).toBeLessThan(0);
    expect(pos.get('K1')![0]).toBeGreaterThan(0);
  });
});

describe('province tile map', () => {
  const figs: RegionFigure[] = [
    { code: '340000', name: '安徽省', level: 'PROVINCE', enterprises: 120, revenue: 5e6 },
    { code: '440000', name: '广东省', level: 'PROVINCE', enterprises: 300, revenue: 1e7 },
  ];
  it('has one distinct tile per province', () => {
    const cells = Object.values(PROVINCE_TILES).map(([x, y]) => `${x},${y}`);
    expect(new Set(cells).size).toBe(cells.length);
    expect(cells).toHaveLength(34);
  });
  it('maps figures onto tiles with zeros for the rest', () => {
    const tiles = tilesFor(figs, 'count');
    expect(tiles.find((t) => t.name === '安徽')!.value).toBe(120);
    expect(tiles.find((t) => t.name === '广东')!.code).toBe('440000');
    expect(tiles.find((t) => t.name === '西藏')!.value).toBe(0);
    expect(tilesFor(figs, 'revenue').find((t) => t.name === '广东')!.value).toBe(1e7);
  });
  it('builds a heatmap option scaled to the largest value', () => {
    const opt = tileMapOption(tilesFor(figs, 'count'), 'count', String, '340000') as { visualMap: { max: number }; series: { type: string; data: { code: string; itemStyle?: unknown }[] }[] };
    expect(opt.visualMap.max).toBe(300);
    expect(opt.series[0]!.type).toBe('heatmap');
    expect(opt.series[0]!.data.find((d) => d.code === '340000')!.itemStyle).toBeDefined();
  });
  it('sorts city bars largest on top', () => {
    const opt = regionBarOption([
      { code: '340100', name: '合肥市', level: 'CITY', enterprises: 5, revenue: 1 },
      { code: '340200', name: '芜湖市', level: 'CITY', enterprises: 9, revenue: 1 },
    ], 'count', String) as { yAxis: { data: string[] } };
    expect(opt.yAxis.data).toEqual(['合肥市', '芜湖市']); // drawn bottom-up: 芜湖 on top
  });
});
