// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { TargetRow, TargetWeights } from '../src/api/types';
import ProvisionalTag from '../src/components/ProvisionalTag.vue';
import TargetTable from '../src/views/targets/TargetTable.vue';

const weights: TargetWeights = { scale: 25, quality: 15, innovation: 15, ties: 15, predicted: 10, proximity: 10, priority: 0 };
const row = (uscc: string, name: string): TargetRow => ({
  rank: 1, uscc, name, regionCode: '340104', regionName: '安徽省 合肥市 蜀山区', segmentId: 'NEV-CELL', segmentName: '电芯',
  purpose: 'FILL', purposeZh: '补链', score: 50,
  parts: { scale: 20, quality: 6, innovation: 7.5, ties: 10, predicted: 8, proximity: 0, priority: 0, total: 50 },
  reasons: [], reasonText: '', localPartners: [], predictedPartners: [], revenue: null, employees: null, tags: [], patents: 0, cooperations: 0,
});

describe('ProvisionalTag', () => {
  it('marks a provisional key and nothing else', () => {
    const on = mount(ProvisionalTag, { props: { uscc: 'NC340104-0123456789ABCDEF' } });
    expect(on.text()).toBe('无信用代码');
    expect(on.find('[data-testid=provisional-tag]').attributes('title')).toContain('全称');
    expect(mount(ProvisionalTag, { props: { uscc: '91340100MA2N0000X1' } }).find('[data-testid=provisional-tag]').exists()).toBe(false);
    expect(mount(ProvisionalTag, { props: { uscc: 'X', provisional: true } }).text()).toBe('无信用代码');
  });

  it('shows in the target list beside the provisional firm only', async () => {
    const w = mount(TargetTable, { props: { items: [row('NC340104-0123456789ABCDEF', '某某电池有限公司'), { ...row('91340100MA2N0000X1', '甲公司'), rank: 2 }], weights } });
    await new Promise((r) => setTimeout(r, 0));
    const rows = w.findAll('tbody tr');
    expect(rows).toHaveLength(2);
    const tagged = rows.filter((r) => r.find('[data-testid=provisional-tag]').exists()).map((r) => r.find('strong').text());
    expect(tagged).toEqual(['某某电池有限公司']);
  });
});
