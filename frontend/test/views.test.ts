import { describe, expect, it } from 'vitest';
import type { Product, ProductMakers, Segment, Technology } from '../src/api/types';
import { isMissingEndpoint, buildUrl } from '../src/api/http';
import { localInputRate, productColumns, productGraphOption, productRows } from '../src/views/productLogic';
import { technologiesBySegment } from '../src/views/innovationMap';
import { diagnosisRows } from '../src/views/diagnosis';
import { componentBars } from '../src/views/targets';
import { jobFinished, jobProgress } from '../src/views/importView';
import { RegionIndex } from '../src/regionIndex';

const seg = (id: string, parentId: string | null = null, stage: Segment['stage'] = 'UPSTREAM'): Segment => ({
  id, chainId: 'T', name: id, stage, key: false, valueAdded: 1, parentId, description: null,
});
const products: Product[] = [
  { id: 'LI', chainId: 'T', name: '碳酸锂', segmentId: 'A', inputIds: [] },
  { id: 'CATH', chainId: 'T', name: '正极', segmentId: 'A', inputIds: ['LI'] },
  { id: 'CELL', chainId: 'T', name: '电芯', segmentId: 'B', inputIds: ['CATH', 'SEP'] },
  { id: 'SEP', chainId: 'T', name: '隔膜', segmentId: 'A', inputIds: [] },
];
const makers: ProductMakers[] = [
  { productId: 'LI', makers: 10, localMakers: 0, localUsccs: [] },
  { productId: 'CATH', makers: 8, localMakers: 2, localUsccs: ['x', 'y'] },
  { productId: 'CELL', makers: 5, localMakers: 1, localUsccs: ['z'] },
];

describe('product rows', () => {
  it('marks what is made locally and which inputs are', () => {
    const rows = productRows(products, makers, [seg('A'), seg('B')]);
    const cell = rows.find((r) => r.product.id === 'CELL')!;
    expect(cell.madeLocally).toBe(true);
    expect(cell.inputs).toEqual([{ id: 'CATH', name: '正极', madeLocally: true }, { id: 'SEP', name: '隔膜', madeLocally: false }]);
    expect(rows.find((r) => r.product.id === 'SEP')!.makers).toBe(0);
    // inputs: LI (not local), CATH (local), SEP (not local)
    expect(localInputRate(rows)).toEqual({ rate: 1 / 3, local: 1, inputs: 3 });
  });
  it('places inputs left of the products they feed', () => {
    const cols = productColumns(productRows(products, makers, []));
    expect(Object.fromEntries(cols)).toEqual({ LI: 0, SEP: 0, CATH: 1, CELL: 2 });
    const cyclic = productRows([{ id: 'A', chainId: 'T', name: 'A', segmentId: 'x', inputIds: ['B'] }, { id: 'B', chainId: 'T', name: 'B', segmentId: 'x', inputIds: ['A'] }], null, []);
    expect(productColumns(cyclic).size).toBe(2);
  });
  it('is unknown without makers data', () => {
    const rows = productRows(products, null, []);
    expect(rows.every((r) => r.madeLocally === null)).toBe(true);
    expect(localInputRate(rows).rate).toBeNull();
    const opt = productGraphOption(rows, { made: 'm', notMade: 'n', unknown: 'u' }) as { series: { data: { category: number }[]; links: unknown[] }[] };
    expect(opt.series[0]!.data.every((d) => d.category === 2)).toBe(true);
    expect(opt.series[0]!.links).toHaveLength(3);
  });
});

describe('technologies by segment', () => {
  it('groups under top-level segments, upstream first', () => {
    const segs = [seg('MAT', null, 'UPSTREAM'), seg('CATH', 'MAT'), seg('BAT', null, 'MIDSTREAM')];
    const techs: Technology[] = [
      { id: 't1', chainId: 'T', name: '高镍', description: '', segmentIds: ['CATH', 'BAT'] },
      { id: 't2', chainId: 'T', name: 'CTP', description: '', segmentIds: ['BAT'] },
    ];
    const g = technologiesBySegment(techs, segs);
    expect(g.map((x) => [x.segment.id, x.technologies.map((t) => t.id)])).toEqual([['MAT', ['t1']], ['BAT', ['t1', 't2']]]);
  });
});

describe('diagnosis, targets and import logic', () => {
  it('orders verdict rows most urgent first', () => {
    const rows = diagnosisRows(
      { segments: [
        { segmentId: 'a', verdict: 'STRONG' }, { segmentId: 'b', verdict: 'MISSING' },
        { segmentId: 'c', verdict: 'WEAK' }, { segmentId: 'd', verdict: 'MISSING', flags: ['CRITICAL'] },
      ] },
      new Map([['a', '甲']]),
    );
    expect(rows.map((r) => r.segmentId)).toEqual(['d', 'b', 'c', 'a']);
    expect(rows[3]!.name).toBe('甲');
  });
  it('scales score bars to the largest component', () => {
    expect(componentBars([{ name: 'scale', value: 2 }, { name: 'ties', label: '以商招商', value: 4 }], 4)).toEqual([
      { label: 'scale', value: 2, widthPct: 50 }, { label: '以商招商', value: 4, widthPct: 100 },
    ]);
    expect(componentBars([{ name: 'x', value: 1 }], 0)[0]!.widthPct).toBe(100);
  });
  it('reads job progress and completion', () => {
    expect(jobProgress({ id: '1', rowsDone: 50, rowsTotal: 200 })).toBe(0.25);
    expect(jobProgress({ id: '1' })).toBeNull();
    expect(jobFinished({ id: '1', state: 'done' })).toBe(true);
    expect(jobFinished({ id: '1', phase: 'VALIDATING' })).toBe(false);
  });
});

describe('API client helpers', () => {
  it('tells a missing endpoint from a missing thing', () => {
    expect(isMissingEndpoint(404, null)).toBe(true);
    expect(isMissingEndpoint(404, { detail: 'No static resource api/diagnosis.' })).toBe(true);
    expect(isMissingEndpoint(404, { detail: '未找到环节: X', detailEn: 'Segment not found: X' })).toBe(false);
    expect(isMissingEndpoint(404, { detail: '请求无效: No static resource api/diagnosis.', detailEn: 'No static resource api/diagnosis.' })).toBe(true);
    expect(isMissingEndpoint(501, null)).toBe(true);
    expect(isMissingEndpoint(500, null)).toBe(false);
  });
  it('builds query strings without empty values', () => {
    expect(buildUrl('/api/enterprises', { chain: 'NEV', region: null, q: '', page: 0 })).toBe('/api/enterprises?chain=NEV&page=0');
  });
});

describe('RegionIndex', () => {
  const idx = new RegionIndex([
    { code: '340000', name: '安徽省', level: 'PROVINCE', children: [
      { code: '340100', name: '合肥市', level: 'CITY', children: [{ code: '340104', name: '蜀山区', level: 'COUNTY', children: [] }] },
    ] },
    { code: '110000', name: '北京市', level: 'PROVINCE', children: [
      { code: '110100', name: '北京市', level: 'CITY', children: [{ code: '110101', name: '东城区', level: 'COUNTY', children: [] }] },
    ] },
  ]);
  it('gives paths and full names without repeats', () => {
    expect(idx.path('340104').map((r) => r.code)).toEqual(['340000', '340100', '340104']);
    expect(idx.fullName('110101')).toBe('北京市 东城区');
    expect(idx.children('340000').map((r) => r.name)).toEqual(['合肥市']);
  });
  it('searches prefix matches first', () => {
    expect(idx.search('合肥').map((r) => r.code)).toEqual(['340100']);
    expect(idx.search('市').map((r) => r.code)).toEqual(['110000', '110100', '340100']);
    expect(idx.search('  ')).toEqual([]);
  });
});
