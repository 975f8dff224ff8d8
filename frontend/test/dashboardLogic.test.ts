import { describe, expect, it } from 'vitest';
import type { GapSegment, LedgerRate, StageFigure } from '../src/api/types';
import { investmentText, rateBasis, rateText, splitGaps, stageBars, stageCountsText, trendSeries } from '../src/views/dashboard/dashboardLogic';

const rate = (value: number | null, numerator: number, denominator: number, notYetDue: number): LedgerRate => ({
  key: 'startRate', nameZh: '签约项目开工率（履约率）', value, numerator, denominator, notYetDue, ruleZh: '…',
});

describe('驾驶舱 wording', () => {
  it('shows an unknown rate as 未知, never 0%', () => {
    expect(rateText(null)).toBe('未知');
    expect(rateText(0)).toBe('0.0%');
    expect(rateText(2 / 3)).toBe('66.7%');
    expect(rateBasis(rate(null, 0, 0, 2))).toBe('暂无到期项目（另有 2 个未到期，不计入）');
    expect(rateBasis(rate(0.5, 4, 8, 0))).toBe('4 / 8 个到期项目');
  });

  it('sums only known investment and says how many were known', () => {
    expect(investmentText(16, 2, 5)).toBe('16 亿元（已知 2/5 个）');
    expect(investmentText(7.5, 2, 2)).toBe('7.5 亿元');
    expect(investmentText(null, 0, 3)).toBe('未知');
    expect(investmentText(null, 0, 0)).toBe('—');
  });

  it('keeps unknown trend months as gaps in the line', () => {
    const t = trendSeries([{ month: '2026-01', startRate: 0.5, productionRate: null, capacityRate: 1, signed: 1, started: 0, inProduction: 0 }]);
    expect(t.start).toEqual([50]);
    expect(t.production).toEqual([null]);
  });

  it('lists open gaps most urgent first: 卡脖子, then 关键环节, then 空白 before 薄弱', () => {
    const g = (id: string, verdict: string, key: boolean, chokepoint: boolean) =>
      ({ segmentId: id, verdict, key, chokepoint, leads: 0, projects: 0 }) as unknown as GapSegment;
    const s = splitGaps([g('weak', 'WEAK', false, false), g('missing', 'MISSING', false, false), g('keyWeak', 'WEAK', true, false),
      g('choke', 'WEAK', false, true), g('weak2', 'WEAK', false, false)]);
    expect(s.open.map((x) => x.segmentId)).toEqual(['choke', 'keyWeak', 'missing', 'weak', 'weak2']);
  });

  it('splits gaps into being filled and open, and reads stage counts furthest first', () => {
    const g = (id: string, leads: number, projects: number) => ({ segmentId: id, leads, projects }) as GapSegment;
    const s = splitGaps([g('a', 0, 0), g('b', 1, 0), g('c', 0, 2)]);
    expect(s.filling.map((x) => x.segmentId)).toEqual(['b', 'c']);
    expect(s.open.map((x) => x.segmentId)).toEqual(['a']);
    expect(stageCountsText({ NEGOTIATING: 2, SIGNED: 1 })).toBe('签约 1 · 洽谈 2');
    expect(stageCountsText({})).toBe('—');
    const bars = stageBars([{ stage: 'SIGNED', stageZh: '签约', count: 3, investmentYi: null, investmentKnownCount: 0, suspended: 1 } as StageFigure]);
    expect(bars[0]!.tip).toContain('暂缓 1');
    expect(bars[0]!.tip).toContain('未知');
  });
});
