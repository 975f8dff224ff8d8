// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Segment, SegmentDiagnosis, Stage } from '../src/api/types';
import { layoutChain } from '../src/views/chainLayout';
import { BOXES } from '../src/views/chain/boxes';
import StageColumn from '../src/views/chain/StageColumn.vue';

const seg = (id: string, stage: Stage, parentId: string | null = null): Segment => ({
  id, chainId: 'T', name: `环节${id}`, stage, key: id === 'CELL', valueAdded: 3, parentId, description: null,
});
const segments = [seg('BAT', 'MIDSTREAM'), seg('CELL', 'MIDSTREAM', 'BAT'), seg('PACK', 'MIDSTREAM', 'BAT')];
const mid = layoutChain(segments, [{ from: 'CELL', to: 'PACK', recycling: false }])[1]!;
const weak = { segmentId: 'CELL', verdict: 'WEAK', flags: ['CRITICAL', 'DEPENDENCY'] } as unknown as SegmentDiagnosis;

function column(props: Partial<InstanceType<typeof StageColumn>['$props']> = {}) {
  const boxes = new Map<string, HTMLButtonElement>();
  const w = mount(StageColumn, {
    props: { column: mid, diag: null, gaps: null, selected: null, related: new Set<string>(), ...props },
    global: { provide: { [BOXES as symbol]: boxes } },
  });
  return { w, boxes };
}

describe('chain map column', () => {
  it('draws the group header and its sub-segments in flow order, and registers every box for the flows', () => {
    const { w, boxes } = column();
    expect(w.find('.stage-title').text()).toBe('中游（3）');
    expect(w.findAll('button.seg').map((b) => b.attributes('data-seg'))).toEqual(['BAT', 'CELL', 'PACK']);
    expect([...boxes.keys()].sort()).toEqual(['BAT', 'CELL', 'PACK']);
    expect(w.find('button[data-seg=CELL] .key-mark').exists()).toBe(true);
    w.unmount();
    expect(boxes.size).toBe(0);
  });

  it('shows the verdict, 卡脖子 instead of 供给集中, and the ledger label only where the ledger gives one', () => {
    const { w } = column({ diag: new Map([['CELL', weak]]), gaps: new Map([['CELL', '强链中：洽谈 2']]) });
    const cell = w.find('button[data-seg=CELL]');
    expect(cell.find('[data-verdict=WEAK]').exists()).toBe(true);
    expect(cell.findAll('.flag').map((f) => f.attributes('data-flag'))).toEqual(['DEPENDENCY']);
    expect(cell.find('[data-testid=gap-badge]').text()).toBe('强链中：洽谈 2');
    expect(w.findAll('[data-testid=gap-badge]')).toHaveLength(1);
    expect(column().w.findAll('[data-testid=gap-badge]')).toHaveLength(0);
  });

  it('marks the chosen and related boxes and reports clicks and hovers by id', async () => {
    const { w } = column({ selected: 'CELL', related: new Set(['PACK']) });
    expect(w.find('button[data-seg=CELL]').attributes('aria-pressed')).toBe('true');
    expect(w.find('button[data-seg=PACK]').classes()).toContain('related');
    await w.find('button[data-seg=PACK]').trigger('click');
    await w.find('button[data-seg=BAT]').trigger('mouseenter');
    await w.find('button[data-seg=BAT]').trigger('mouseleave');
    expect(w.emitted('pick')).toEqual([['PACK']]);
    expect(w.emitted('hover')).toEqual([['BAT'], [null]]);
  });
});
