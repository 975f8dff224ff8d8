import { describe, expect, it } from 'vitest';
import type { InstitutionPartner } from '../src/api/types';
import { innovationLabelBoxes, innovationOption, layoutInnovation } from '../src/charts/innovationGraph';
import { overlappingPairs } from '../src/charts/layered';
import { demoChain, demoInstitutions } from './demoChains';

const HEFEI = '340100';
const text = { stage: { UPSTREAM: '上游', MIDSTREAM: '中游', DOWNSTREAM: '下游' }, types: { UNIVERSITY: '高校' }, levels: { NATIONAL: '国家级' }, regionName: (c: string) => c };

/** Deterministic cooperations: institution k cooperates with k % 6 enterprises, every other one local. */
function cooperations(ids: string[]): Map<string, InstitutionPartner[]> {
  return new Map(ids.map((id, k) => [id, Array.from({ length: k % 6 }, (_, j) => ({ uscc: `E${(k * 7 + j) % 40}`, name: `合肥恒创${(k * 7 + j) % 40}号电池科技有限公司`, regionCode: j % 2 ? '340104' : '320500', kind: j % 2 ? '联合研发' : '技术转让', since: 2018 + j }))]));
}

describe('innovation graph of the demo chain NEV', () => {
  const { segments, technologies } = demoChain('NEV');
  const institutions = demoInstitutions();
  const coop = cooperations(institutions.map((i) => i.id));
  const layout = layoutInnovation({ segments, technologies, institutions, cooperations: coop, localRegion: HEFEI, width: 1380 });
  const kinds = (k: string) => layout.nodes.filter((n) => n.kind === k);

  it('has segments, technologies, institutions and enterprises in four columns, left to right', () => {
    expect(kinds('technology')).toHaveLength(technologies.length);
    const x = (k: string) => new Set(kinds(k).map((n) => n.x));
    for (const k of ['segment', 'technology', 'institution', 'enterprise']) expect(x(k).size).toBe(1);
    const [s, t, i, e] = ['segment', 'technology', 'institution', 'enterprise'].map((k) => [...x(k)][0]!);
    expect(s).toBeLessThan(t!);
    expect(t).toBeLessThan(i!);
    expect(i).toBeLessThan(e!);
    // only institutions working on this chain
    for (const n of kinds('institution')) expect(n.institution!.technologyIds.some((id) => id.startsWith('T-NEV')) || n.institution!.segmentIds.some((id) => id.startsWith('NEV'))).toBe(true);
  });

  it('links every technology to its segments and every institution to what it researches', () => {
    for (const t of technologies) for (const s of t.segmentIds) expect(layout.edges).toContainEqual({ source: `t:${t.id}`, target: `s:${s}`, kind: 'applies' });
    const ustc = institutions.find((i) => i.id === 'I-USTC')!;
    for (const t of ustc.technologyIds.filter((id) => id.startsWith('T-NEV'))) expect(layout.edges.some((e) => e.source === 'i:I-USTC' && e.target === `t:${t}`)).toBe(true);
  });

  it('marks local institutions and enterprises in words', () => {
    const local = kinds('institution').filter((n) => n.local);
    expect(local.length).toBeGreaterThan(0);
    for (const n of local) expect(n.institution!.regionCode.startsWith('3401')).toBe(true);
    for (const n of local) expect(n.lines.join('')).toContain('（本地）');
    expect(kinds('enterprise').some((n) => n.local && n.lines.join('').includes('（本地）'))).toBe(true);
  });

  it('draws at most three cooperating enterprises per institution and counts the rest', () => {
    for (const n of kinds('institution')) {
      const drawn = layout.edges.filter((e) => e.source === n.id && e.kind === 'cooperates').length;
      const all = coop.get(n.institution!.id)!.length;
      expect(drawn).toBe(Math.min(3, all));
      const more = kinds('more').find((m) => m.owner === n.id);
      if (all > 3) expect(more!.hidden).toBe(all - 3);
      else expect(more).toBeUndefined();
    }
  });

  it('keeps every label readable at 1440×900', () => {
    expect(layout.width).toBeLessThanOrEqual(1380);
    expect(overlappingPairs(innovationLabelBoxes(layout), 1)).toEqual([]);
    const option = innovationOption(layout, text) as { series: { data: { id: string; tooltip: { show?: boolean; formatter?: () => string } }[] }[] };
    const ustc = option.series[0]!.data.find((d) => d.id === 'i:I-USTC')!.tooltip.formatter!();
    expect(ustc).toContain('研发实力：5 / 5');
    expect(ustc).toContain('本地机构');
  });

  it('narrows to one segment', () => {
    const one = layoutInnovation({ segments, technologies, institutions, cooperations: coop, localRegion: HEFEI, width: 1380, segmentId: 'NEV-CELL' });
    expect(one.nodes.filter((n) => n.kind === 'segment').map((n) => n.segment!.id)).toEqual(['NEV-CELL']);
    for (const n of one.nodes.filter((x) => x.kind === 'technology')) expect(n.technology!.segmentIds).toContain('NEV-CELL');
  });
});

describe('innovation graph, partners of some institutions only', () => {
  it('draws the cooperating enterprises of the chosen institutions and counts the others in their tooltips', () => {
    const { segments, technologies } = demoChain('NEV');
    const institutions = demoInstitutions();
    const coop = cooperations(institutions.map((i) => i.id));
    const layout = layoutInnovation({ segments, technologies, institutions, cooperations: coop, localRegion: HEFEI, width: 1380, showPartnersOf: (i) => i.regionCode.startsWith('3401') });
    const from = new Set(layout.edges.filter((e) => e.kind === 'cooperates').map((e) => e.source));
    expect(from.size).toBeGreaterThan(0);
    for (const id of from) expect(layout.nodes.find((n) => n.id === id)!.local).toBe(true);
    const option = innovationOption(layout, text) as { series: { data: { id: string; tooltip: { formatter?: () => string } }[] }[] };
    const outside = layout.nodes.find((n) => n.kind === 'institution' && !n.local && (n.cooperations ?? 0) > 0)!;
    expect(option.series[0]!.data.find((d) => d.id === outside.id)!.tooltip.formatter!()).toContain(`产学研合作企业 ${outside.cooperations} 家`);
  });
});
