// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { TargetRow, TargetWeights } from '../src/api/types';
import FlagBadges from '../src/components/FlagBadges.vue';
import StateBox from '../src/components/StateBox.vue';
import VerdictBadge from '../src/components/VerdictBadge.vue';
import { ApiError } from '../src/api/http';
import TargetTable from '../src/views/targets/TargetTable.vue';

const weights: TargetWeights = { scale: 25, quality: 15, innovation: 15, ties: 15, predicted: 10, proximity: 10, priority: 0 };

function row(over: Partial<TargetRow>): TargetRow {
  return {
    rank: 1, uscc: '91340100MA2N0000X1', name: '甲公司', regionCode: '320100', regionName: '江苏省 南京市',
    segmentId: 'NEV-CELL', segmentName: '电芯', purpose: 'FILL', purposeZh: '补链', score: 61.5,
    parts: { scale: 20, quality: 6, innovation: 7.5, ties: 10, predicted: 8, proximity: 10, priority: 0, total: 61.5 },
    reasons: ['补链: 电芯 本地空白'], reasonText: '补链: 电芯 本地空白。', localPartners: [], predictedPartners: [],
    revenue: 120000, employees: null, tags: ['上市'], patents: 3, cooperations: 0, ...over,
  };
}

describe('TargetTable', () => {
  it('shows one bar per weighted part, the score and the reasons', async () => {
    const w = mount(TargetTable, { props: { items: [row({})], weights } });
    await new Promise((r) => setTimeout(r, 0));
    const html = w.html();
    expect(w.findAll('tbody tr')).toHaveLength(1);
    // priority has weight 0: no bar for it
    expect(w.findAll('.bar-row')).toHaveLength(6);
    expect(w.find('td.score').text()).toBe('61.5');
    expect(w.find('td.reasons').text()).toContain('补链');
    expect(html).toContain('满分 90');
    // a full bar is the part's whole weight: 20 of 25 → 80%
    expect(w.find('.bar.part-scale').attributes('style')).toContain('width: 80.0%');
    expect(w.find('td.ent').text()).toContain('营收 12 亿元');
  });

  it('says 未知 for an unknown revenue instead of 0', async () => {
    const w = mount(TargetTable, { props: { items: [row({ revenue: null })], weights } });
    await new Promise((r) => setTimeout(r, 0));
    expect(w.find('td.ent').text()).toContain('营收未知');
    expect(w.find('td.ent').text()).not.toMatch(/营收 ?0/);
  });
});

describe('badges and states', () => {
  it('writes the verdict as icon and text, not only colour', () => {
    const w = mount(VerdictBadge, { props: { verdict: 'WEAK' } });
    expect(w.attributes('data-verdict')).toBe('WEAK');
    expect(w.text()).toBe('◐ 薄弱');
  });

  it('calls the concentration flag 供给集中, with its meaning as a tooltip', () => {
    const w = mount(FlagBadges, { props: { flags: ['CRITICAL', 'DEPENDENCY'] } });
    const spans = w.findAll('span');
    expect(spans.map((s) => s.text())).toEqual(['⚠ 供给集中', '⊗ 卡脖子']);
    expect(spans[0]!.attributes('title')).toContain('关键环节');
  });

  it('shows the server message of an error and offers a retry', async () => {
    const w = mount(StateBox, { props: { error: new ApiError(400, '地区代码无效', 'bad region') } });
    expect(w.find('.state-error').text()).toContain('地区代码无效');
    await w.find('button').trigger('click');
    expect(w.emitted('retry')).toHaveLength(1);
  });
});
