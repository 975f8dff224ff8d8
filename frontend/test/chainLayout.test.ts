import { describe, expect, it } from 'vitest';
import type { Flow, Segment, Stage } from '../src/api/types';
import { flowDepths, flowPath, layoutChain, readingOrder, relatedSegments, returnPath, segmentColour, segmentOptionGroups, STAGE_COLOURS, VERDICT_STYLE } from '../src/views/chainLayout';
import { syntheticChain } from '../src/views/chain/syntheticChain';

const seg = (id: string, stage: Stage, parentId: string | null = null, name = id): Segment => ({
  id, chainId: 'T', name, stage, key: false, valueAdded: 3, parentId, description: null,
});
const flow = (from: string, to: string, recycling = false): Flow => ({ from, to, recycling });

describe('flowDepths', () => {
  it('gives the longest path from a source, ignoring recycling flows', () => {
    const segs = [seg('ore', 'UPSTREAM'), seg('mat', 'UPSTREAM'), seg('cell', 'MIDSTREAM'), seg('car', 'DOWNSTREAM'), seg('recycle', 'DOWNSTREAM')];
    const flows = [flow('ore', 'mat'), flow('mat', 'cell'), flow('ore', 'cell'), flow('cell', 'car'), flow('car', 'recycle'), flow('recycle', 'ore', true)];
    const d = flowDepths(segs, flows);
    expect(Object.fromEntries(d)).toEqual({ ore: 0, mat: 1, cell: 2, car: 3, recycle: 4 });
  });

  it('survives an unmarked cycle and flows to unknown segments', () => {
    const d = flowDepths([seg('a', 'UPSTREAM'), seg('b', 'UPSTREAM')], [flow('a', 'b'), flow('b', 'a'), flow('a', 'zzz')]);
    expect(d.size).toBe(2);
  });

  it('handles an empty chain', () => {
    expect(flowDepths([], []).size).toBe(0);
    expect(layoutChain([], []).map((c) => c.count)).toEqual([0, 0, 0]);
  });
});

describe('layoutChain', () => {
  const segs = [
    seg('BAT', 'MIDSTREAM', null, '动力电池'),
    seg('CELL', 'MIDSTREAM', 'BAT', '电芯'),
    seg('PACK', 'MIDSTREAM', 'BAT', '电池包'),
    seg('CATH', 'UPSTREAM', 'BAT', '正极材料'),
    seg('LI', 'UPSTREAM', null, '锂资源'),
    seg('VEH', 'DOWNSTREAM', null, '整车'),
  ];
  const flows = [flow('LI', 'CATH'), flow('CATH', 'CELL'), flow('CELL', 'PACK'), flow('PACK', 'VEH')];
  const cols = layoutChain(segs, flows);

  it('puts segments into upstream, midstream and downstream columns', () => {
    expect(cols.map((c) => c.stage)).toEqual(['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM']);
    expect(cols.map((c) => c.count)).toEqual([2, 3, 1]);
  });

  it('groups sub-segments under their parent, with a name-only header in another column', () => {
    const up = cols[0]!;
    // 锂资源 (depth 0) comes before the 动力电池 group (正极材料, depth 1)
    expect(up.groups.map((g) => g.rootId)).toEqual(['LI', 'BAT']);
    expect(up.groups[1]!.root).toBeNull();
    expect(up.groups[1]!.rootName).toBe('动力电池');
    expect(up.groups[1]!.children.map((s) => s.id)).toEqual(['CATH']);
    const mid = cols[1]!;
    expect(mid.groups).toHaveLength(1);
    expect(mid.groups[0]!.root?.id).toBe('BAT');
    expect(mid.groups[0]!.children.map((s) => s.id)).toEqual(['CELL', 'PACK']); // along the flow
  });

  it('reads column by column for keyboard navigation', () => {
    expect(readingOrder(cols).map((s) => s.id)).toEqual(['LI', 'CATH', 'BAT', 'CELL', 'PACK', 'VEH']);
  });

  it('lays out 200 segments quickly and places every segment once', () => {
    const chain = syntheticChain(200);
    const t0 = performance.now();
    const big = layoutChain(chain.segments, chain.flows);
    const ms = performance.now() - t0;
    expect(readingOrder(big)).toHaveLength(200);
    expect(new Set(readingOrder(big).map((s) => s.id)).size).toBe(200);
    expect(ms).toBeLessThan(500);
  });
});

describe('segment colours', () => {
  it('colours by stage without a diagnosis and by verdict with one', () => {
    const s = seg('x', 'UPSTREAM');
    expect(segmentColour(s)).toBe(STAGE_COLOURS.UPSTREAM);
    expect(segmentColour(s, { verdict: 'MISSING' } as Parameters<typeof segmentColour>[1])).toBe(VERDICT_STYLE.MISSING.colour);
    expect(new Set(Object.values(VERDICT_STYLE).map((v) => v.icon)).size).toBe(4); // each verdict has its own icon
  });
});

describe('segment drop-downs in chain order', () => {
  // listed downstream first and children before parents, as an API may return them
  const segs = [
    seg('VEH', 'DOWNSTREAM', null, '整车'),
    seg('PACK', 'MIDSTREAM', 'BAT', '电池包'),
    seg('CELL', 'MIDSTREAM', 'BAT', '电芯'),
    seg('BAT', 'MIDSTREAM', null, '动力电池'),
    seg('CATH', 'UPSTREAM', 'BAT', '正极材料'),
    seg('LI', 'UPSTREAM', null, '锂资源'),
  ];
  const flows = [flow('LI', 'CATH'), flow('CATH', 'CELL'), flow('CELL', 'PACK'), flow('PACK', 'VEH')];

  it('lists top-level segments upstream → downstream and sub-segments in map order', () => {
    const groups = segmentOptionGroups(segs, flows);
    expect(groups.map((g) => g.root.id)).toEqual(['LI', 'BAT', 'VEH']);
    expect(groups[1]!.children.map((c) => c.id)).toEqual(['CATH', 'CELL', 'PACK']);
    expect(groups.flatMap((g) => [g.root, ...g.children]).map((s) => s.id).sort()).toEqual(segs.map((s) => s.id).sort());
  });

  it('follows the flow inside a stage: a segment fed by another comes after it', () => {
    const groups = segmentOptionGroups([seg('B', 'UPSTREAM', null, '阿'), seg('A', 'UPSTREAM', null, '珀')], [flow('A', 'B')]);
    expect(groups.map((g) => g.root.id)).toEqual(['A', 'B']);
  });
});

describe('flow geometry', () => {
  const box = (left: number, top: number, w = 100, h = 20) => ({ left, right: left + w, top, height: h });
  it('runs a forward flow from the right edge of its source to the left edge of its target', () => {
    expect(flowPath(box(0, 0), box(300, 40))).toBe('M100,10 C200,10 200,50 300,50');
  });
  it('ends a return flow at the right edge of its (upstream) target', () => {
    const d = returnPath(box(600, 100), box(0, 0));
    expect(d.startsWith('M600,110')).toBe(true);
    expect(d.endsWith(' 100,10')).toBe(true);
  });
  it('relates a segment to those its flows touch, both ways', () => {
    expect([...relatedSegments('B', [flow('A', 'B'), flow('B', 'C'), flow('C', 'D')])].sort()).toEqual(['A', 'C']);
    expect(relatedSegments(null, [flow('A', 'B')]).size).toBe(0);
  });
});
