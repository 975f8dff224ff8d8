import type { ChainStructure, Flow, Segment, Stage } from '../../api/types';

/** A synthetic chain of `n` segments (a fifth top-level) with about 1.5 flows per segment, for the 200-segment check. */
export function syntheticChain(n: number): ChainStructure {
  const stages: Stage[] = ['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM'];
  const segments: Segment[] = [];
  const roots = Math.max(3, Math.round(n / 5));
  for (let i = 0; i < n; i++) {
    const isRoot = i < roots;
    const parent = isRoot ? null : `S${i % roots}`;
    const stage = stages[isRoot ? i % 3 : (i % roots) % 3]!;
    segments.push({ id: `S${i}`, chainId: 'BENCH', name: `环节${i}`, stage, key: i % 7 === 0, valueAdded: 1 + (i % 5), parentId: parent, description: null });
  }
  const flows: Flow[] = [];
  const rank = (s: Segment) => stages.indexOf(s.stage);
  for (let i = 0; i < n; i++) {
    for (const k of [7, 13]) {
      const j = (i * k + 3) % n;
      const a = segments[i]!;
      const b = segments[j]!;
      if (i !== j && rank(a) <= rank(b) && (i + k) % 4 !== 0) flows.push({ from: a.id, to: b.id, recycling: false });
    }
  }
  return { chain: { id: 'BENCH', name: '性能测试链', description: '', industryCodes: [], sample: true }, segments, flows };
}
