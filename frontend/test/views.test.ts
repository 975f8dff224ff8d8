import { describe, expect, it } from 'vitest';
import type { Product, ProductMakers, Segment, Technology } from '../src/api/types';
import { isMissingEndpoint, buildUrl } from '../src/api/http';
import { localInputRate, productRows } from '../src/views/productLogic';
import { layoutProducts } from '../src/charts/productLayout';
import { pairingSegments, technologiesBySegment } from '../src/views/innovationMap';
import { chainFigureCards, diagnosisRows, lqText, peerMatrix, reasonText, thresholdOverrides, THRESHOLDS, verdictCounts } from '../src/views/diagnosisLogic';
import { defaultListName, filterParams, maxScore, partBars, queryFromState, queryText } from '../src/views/targetLogic';
import { jobFinished, jobProgress, phaseProgress, pollDelay } from '../src/views/importLogic';
import { targetParams, targetExportUrl } from '../src/api';
import type { ChainDiagnosis, ImportJob, PeerComparison, Reason, SegmentDiagnosis, TargetWeights } from '../src/api/types';
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
    const layer = (rows: ReturnType<typeof productRows>) => Object.fromEntries(layoutProducts(rows, { width: 1000 }).nodes.map((n) => [n.id, n.layer]));
    // SEP feeds only CELL, so it stands just left of it
    expect(layer(productRows(products, makers, []))).toEqual({ LI: 0, SEP: 1, CATH: 1, CELL: 2 });
    const cyclic = productRows([{ id: 'A', chainId: 'T', name: 'A', segmentId: 'x', inputIds: ['B'] }, { id: 'B', chainId: 'T', name: 'B', segmentId: 'x', inputIds: ['A'] }], null, []);
    expect(Object.keys(layer(cyclic))).toHaveLength(2);
  });
  it('is unknown without makers data', () => {
    const rows = productRows(products, null, []);
    expect(rows.every((r) => r.madeLocally === null)).toBe(true);
    expect(localInputRate(rows).rate).toBeNull();
    const layout = layoutProducts(rows, { width: 1000 });
    expect(layout.nodes.every((n) => n.row.madeLocally === null)).toBe(true);
    expect(layout.links).toHaveLength(3);
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

const reason = (zh: string, rule = 'LOW_LOCATION_QUOTIENT'): Reason => ({ about: 'WEAK', rule, zh, en: '', value: null, threshold: null });
const sd = (segmentId: string, verdict: SegmentDiagnosis['verdict'], extra: Partial<SegmentDiagnosis> = {}): SegmentDiagnosis => ({
  segmentId, name: segmentId, stage: 'UPSTREAM', key: false, valueAdded: 1, parentId: null, leaf: true,
  figures: { localEnterprises: 0, localRevenue: 0, nationalEnterprises: 10, nationalRevenue: 100, shareByCount: 0, shareByRevenue: 0, lqByCount: null, lqByRevenue: null, topLocalShare: null, inbound: null },
  concentration: null, verdict, verdictZh: '', actionZh: '', flags: [], reasons: [], localLeaders: [], ...extra,
});
const sourcing = { relations: 40, localRelations: 10, outsideRelations: 30, localShare: 0.25, outsideShare: 0.75, relationsWithAmount: 20, amount: 1000, localAmount: 300, localShareByAmount: 0.3 };
const figures = { leafSegments: 10, coveredLeafSegments: 7, completeness: 0.7, completenessKeyWeighted: 0.65, completenessValueWeighted: 0.6, localEnterprises: 50, localRevenue: 1e5, nationalEnterprises: 1000, nationalRevenue: 1e7, sourcing, verdictCounts: { MISSING: 3, STRONG: 2 }, flowCycleSegments: [] };

describe('diagnosis logic', () => {
  it('orders verdict rows most urgent first, 卡脖子 before critical before 延链 inside a verdict', () => {
    const rows = diagnosisRows([
      sd('a', 'STRONG'), sd('b', 'MISSING'), sd('c', 'WEAK'), sd('d', 'MISSING', { flags: ['CRITICAL'] }),
      sd('e', 'MISSING', { flags: ['CRITICAL', 'DEPENDENCY'] }), sd('f', 'MISSING', { flags: ['EXTEND'] }),
    ]);
    expect(rows.map((r) => r.segmentId)).toEqual(['e', 'd', 'f', 'b', 'c', 'a']);
  });
  it('filters by verdict, by flags and to leaf segments', () => {
    const segs = [sd('a', 'STRONG'), sd('b', 'WEAK', { flags: ['EXTEND'] }), sd('p', 'WEAK', { leaf: false })];
    expect(diagnosisRows(segs, 'WEAK').map((r) => r.segmentId)).toEqual(['b', 'p']);
    expect(diagnosisRows(segs, 'FLAGGED').map((r) => r.segmentId)).toEqual(['b']);
    expect(diagnosisRows(segs, 'ALL', true).map((r) => r.segmentId)).toEqual(['b', 'a']);
  });
  it('reads reasons aloud as one text and formats LQ pairs', () => {
    expect(reasonText([reason('区位熵 0.21，低于薄弱阈值 0.60'), reason('本地企业 1 家。'), reason(' ')])).toBe('区位熵 0.21，低于薄弱阈值 0.60。本地企业 1 家。');
    expect(lqText(1.234, null)).toBe('1.23 / —');
  });
  it('builds chain figure cards and verdict counts with zeros', () => {
    const d = { figures } as unknown as ChainDiagnosis;
    const cards = chainFigureCards(d);
    expect(cards.map((c) => c.value)).toEqual(['70.0%', '65.0%', '60.0%', '25.0%', '30.0%']);
    expect(cards[0]).toMatchObject({ covered: 7, total: 10 });
    expect(cards[3]).toMatchObject({ local: 10, relations: 40 });
    expect(verdictCounts(d)).toEqual([{ verdict: 'MISSING', count: 3 }, { verdict: 'WEAK', count: 0 }, { verdict: 'PRESENT', count: 0 }, { verdict: 'STRONG', count: 2 }]);
  });
  it('transposes the peer comparison: one row per segment, the region first', () => {
    const region = (code: string, name: string) => ({ code, name, level: 'CITY', fullName: name });
    const p: PeerComparison = {
      snapshot: {} as PeerComparison['snapshot'], chainId: 'NEV', settings: {},
      segmentIds: ['s1', 's2'], segmentNames: ['电芯', '整车'],
      regions: [
        { region: region('340100', '合肥'), figures, verdicts: ['STRONG', 'MISSING'], localEnterprises: [9, 0], lqByCount: [2.1, null], flags: [[], ['DEPENDENCY']] },
        { region: region('320500', '苏州'), figures, verdicts: ['WEAK', 'PRESENT'], localEnterprises: [1, 4], lqByCount: [0.3, 1], flags: [[], []] },
      ],
    };
    const m = peerMatrix(p, '340100');
    expect(m.regions.map((r) => [r.name, r.isSelf])).toEqual([['合肥', true], ['苏州', false]]);
    expect(m.rows[1]).toEqual({ segmentId: 's2', name: '整车', cells: [
      { verdict: 'MISSING', local: 0, lq: null, flags: ['DEPENDENCY'] }, { verdict: 'PRESENT', local: 4, lq: 1, flags: [] },
    ] });
  });
  it('takes only known numeric thresholds from the URL', () => {
    expect(thresholdOverrides({ weakLq: '0.8', minEnterprises: 'x', page: '2', strongLq: ' ' }, [...THRESHOLDS])).toEqual({ weakLq: 0.8 });
  });
});

const W: TargetWeights = { scale: 25, quality: 15, innovation: 15, ties: 15, predicted: 10, proximity: 10, priority: 0 };

describe('pairing segments', () => {
  it('takes leaf segments that are 卡脖子, missing or weak, most urgent first', () => {
    const segs = [sd('w', 'WEAK'), sd('m', 'MISSING'), sd('s', 'STRONG'), sd('d', 'PRESENT', { flags: ['CRITICAL', 'DEPENDENCY'] }), sd('p', 'MISSING', { leaf: false })];
    expect(pairingSegments(segs).map((x) => x.segmentId)).toEqual(['d', 'm', 'w']);
  });
});

describe('target logic', () => {
  it('reads the query from the URL state, dropping malformed provinces and bands', () => {
    const q = queryFromState({ chain: 'NEV', region: '340100', zone: null, params: { preset: 'leaders', include: '320000,32,310000', size: 'HUGE', tags: '上市,专精特新', min: '40', segments: 'A,B' } });
    expect(q).toEqual({ chain: 'NEV', region: '340100', zone: null, segments: ['A', 'B'], preset: 'leaders', weights: null, includeProvinces: ['320000', '310000'], excludeProvinces: [], sizeBand: null, tags: ['上市', '专精特新'], minScore: 40, asOf: null });
    expect(queryFromState({ chain: 'NEV', region: '340100', zone: null, params: { asOf: '2020-12-31' } })!.asOf).toBe('2020-12-31');
    expect(queryFromState({ chain: 'NEV', region: '340100', zone: null, params: { asOf: '2020-02-30' } })!.asOf).toBeNull();
    expect(queryFromState({ chain: 'NEV', region: null, zone: null, params: {} })).toBeNull();
    expect(queryFromState({ chain: 'NEV', region: '340100', zone: null, params: { min: 'abc' } })!.minScore).toBeNull();
  });
  it('turns the query into API parameters (comma lists, 7 weights) and filters into short URLs', () => {
    expect(targetParams({ chain: 'NEV', region: '340100', segments: ['A', 'B'], includeProvinces: [], tags: ['上市'], weights: { ...W, priority: 10 }, minScore: 0 })).toEqual({
      chain: 'NEV', region: '340100', zone: null, segments: 'A,B', preset: null, weights: '25,15,15,15,10,10,10', includeProvinces: null, excludeProvinces: null, sizeBand: null, tags: '上市', minScore: 0, asOf: null,
    });
    expect(filterParams({ preset: 'ties', include: ['320000'], tags: [], min: ' ' })).toEqual({ preset: 'ties', include: '320000', exclude: null, size: null, tags: null, min: null, page: null });
    expect(targetExportUrl('L 1', 'xlsx', '张三')).toBe('/api/target-lists/L%201/export.xlsx?user=%E5%BC%A0%E4%B8%89');
  });
  it('draws each score part against its weight and leaves out parts weighted 0', () => {
    const bars = partBars({ scale: 12.5, quality: 15, innovation: 0, ties: 20, predicted: 5, proximity: 10, priority: 3, total: 65.5 }, W);
    expect(bars.map((b) => [b.key, b.widthPct])).toEqual([['scale', 50], ['quality', 100], ['innovation', 0], ['ties', 100], ['predicted', 50], ['proximity', 100]]);
    expect(maxScore(W)).toBe(90);
    expect(defaultListName('合肥市', '新能源汽车', new Date(2026, 0, 5))).toBe('合肥市 新能源汽车 招商清单 2026-01-05');
  });
});

describe('saved list conditions', () => {
  it('says the conditions in words', () => {
    const names = { province: (c: string) => ({ '320000': '江苏省' })[c] ?? c, preset: (k: string) => ({ balanced: '均衡', leaders: '龙头优先' })[k] ?? k, sizeBand: (b: string) => (b === 'LARGE' ? '大型' : b), segment: (id: string) => id };
    expect(queryText({ sizeBand: 'LARGE', includeProvinces: ['320000'], tags: ['上市'], minScore: 40 }, names)).toBe('权重 均衡；只看 江苏省；规模 大型；标签 上市；最低 40 分');
    expect(queryText({ preset: 'leaders', segments: ['A'] }, names)).toBe('权重 龙头优先；环节 A');
  });
});

describe('import logic', () => {
  const job = (phase: ImportJob['phase'], rowsDone = 0, rowsTotal = 0) => ({ phase, rowsDone, rowsTotal });
  it('maps phases to one progress bar', () => {
    expect(jobProgress(job('QUEUED'))).toBe(0);
    expect(jobProgress(job('VALIDATING', 50, 100))).toBeCloseTo(0.275);
    expect(jobProgress(job('WRITING', 100, 100))).toBe(1);
    expect(jobProgress(job('REJECTED', 3, 100))).toBe(1);
    expect(phaseProgress(job('COUNTING'))).toBeNull();
  });
  it('knows when a job is over and slows polling down', () => {
    expect(jobFinished(job('REJECTED'))).toBe(true);
    expect(jobFinished(job('VALIDATING'))).toBe(false);
    expect(pollDelay(0)).toBe(300);
    expect(pollDelay(100)).toBe(2000);
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
