import { describe, expect, it } from 'vitest';
import { targetParams } from '../src/api';
import type { EnterpriseEvents, TargetWeights } from '../src/api/types';
import { eventLines, signalSummary } from '../src/views/enterpriseEvents';
import { maxScore, partBars } from '../src/views/targetLogic';

const BALANCED: TargetWeights = { scale: 20, quality: 15, innovation: 15, ties: 15, predicted: 10, proximity: 5, priority: 10, signals: 10 };

const events: EnterpriseEvents = {
  uscc: 'U1',
  today: '2026-06-15',
  halfLifeDays: 180,
  rating: 0.76193,
  reasonText: '2026-06 在成都市新设分支机构；2025-12 完成融资 3 亿元',
  events: [
    { id: 'a', kind: 'BRANCH', kindZh: '新设分支机构', date: '2026-06-15', amount: null, place: '510100', placeName: '成都市', title: '成都分公司', source: null, words: '2026-06 在成都市新设分支机构', weight: 0.7 },
    { id: 'b', kind: 'FUNDING', kindZh: '融资', date: '2025-12-17', amount: 30000, place: null, placeName: null, title: null, source: '企业公告', words: '2025-12 完成融资 3 亿元', weight: 0.724 },
    { id: 'c', kind: 'PATENT', kindZh: '专利授权', date: '2023-01-02', amount: 0, place: null, placeName: null, title: '发明专利', source: null, words: '2023-01 获专利授权', weight: 0.003 },
  ],
};

describe('扩张信号 in the target list', () => {
  it('draws the signal part as its own bar and counts it in the maximum', () => {
    const bars = partBars({ scale: 10, quality: 0, innovation: 0, ties: 0, predicted: 0, proximity: 5, priority: 10, signals: 7.62, total: 32.62 }, BALANCED);
    expect(bars.find((b) => b.key === 'signals')).toEqual({ key: 'signals', value: 7.62, weight: 10, widthPct: 76.2 });
    expect(maxScore(BALANCED)).toBe(100);
  });
  it('reads lists saved before the part existed: no bar, not counted, no NaN', () => {
    const old: TargetWeights = { scale: 25, quality: 15, innovation: 15, ties: 15, predicted: 10, proximity: 10, priority: 10 };
    expect(maxScore(old)).toBe(100);
    expect(partBars({ scale: 1, quality: 1, innovation: 1, ties: 1, predicted: 1, proximity: 1, priority: 1, total: 7 }, old).map((b) => b.key)).not.toContain('signals');
  });
  it('sends eight weights when the signal weight is set, seven otherwise', () => {
    expect(targetParams({ chain: 'NEV', region: '340100', weights: BALANCED }).weights).toBe('20,15,15,15,10,5,10,10');
    const { signals: _s, ...seven } = BALANCED;
    expect(targetParams({ chain: 'NEV', region: '340100', weights: seven }).weights).toBe('20,15,15,15,10,5,10');
  });
});

describe('扩张动态 panel', () => {
  it('lists the events with unknown amounts said as unknown, not 0, and fades the old ones', () => {
    const lines = eventLines(events);
    expect(lines.map((l) => l.amount)).toEqual(['金额未知', '3 亿元', '0 万元']);
    expect(lines[0]).toMatchObject({ kind: '新设分支机构', place: '成都市', source: '—', title: '成都分公司', faded: false });
    expect(lines[1]!.title).toBe('2025-12 完成融资 3 亿元'); // no title: the event in words
    expect(lines[2]!.faded).toBe(true);
  });
  it('sums the signal up in points of 100, and says that no events cost nothing', () => {
    expect(signalSummary(events)).toBe('扩张信号 76 / 100（按新近程度加权，半衰期 180 天）：2026-06 在成都市新设分支机构；2025-12 完成融资 3 亿元');
    expect(signalSummary({ ...events, events: [], rating: 0, reasonText: null })).toBe('暂无扩张动态（招商评分中此项为 0，不扣分）');
  });
});
