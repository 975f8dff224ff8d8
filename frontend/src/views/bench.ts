import type { ChainStructure, Flow, Segment, Stage } from '../api/types';
import { mountChart } from '../charts/echarts';
import { networkOption, syntheticNetwork } from '../charts/network';
import type { MountedView, ViewContext } from '../context';
import { S } from '../strings';
import { add, h, section } from '../ui/dom';
import { mountChainMap } from './chainMap';

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

/**
 * Measurement page (#/bench?nodes=5000 or #/bench?segments=200): renders generated data with the same
 * components as the views and writes the time into `#bench-result[data-ms]` for the browser test.
 */
export function mountBench(root: HTMLElement, ctx: ViewContext): MountedView {
  const nodes = Number(ctx.state.params.nodes ?? 0);
  const segments = Number(ctx.state.params.segments ?? 0);
  const result = h('output', { id: 'bench-result' }, S.loading);
  if (segments > 0) {
    const host = h('div', { class: 'view view-chain' });
    add(root, result, host);
    const t0 = performance.now();
    const handle = mountChainMap(host, { ...ctx, chain: syntheticChain(segments) });
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const ms = performance.now() - t0;
        result.dataset.ms = ms.toFixed(0);
        result.textContent = `${segments} 个环节渲染用时 ${ms.toFixed(0)} ms`;
      }),
    );
    return handle;
  }
  const el = h('div', { class: 'chart chart-bench', 'data-testid': 'bench-chart' });
  add(root, section(`供应网络 ${nodes} 个节点`, result, el));
  const net = syntheticNetwork(nodes > 0 ? nodes : 5000);
  const chart = mountChart(el);
  const t0 = performance.now();
  chart.on('finished', () => {
    if (result.dataset.ms) return;
    const ms = performance.now() - t0;
    result.dataset.ms = ms.toFixed(0);
    result.dataset.nodes = String(net.nodes.length);
    result.dataset.links = String(net.links.length);
    result.textContent = `${net.nodes.length} 个节点、${net.links.length} 条关系，渲染用时 ${ms.toFixed(0)} ms`;
  });
  chart.setOption(networkOption(net, { center: S.enterprise.center, local: S.enterprise.local, outside: S.enterprise.outside }));
  return { destroy: () => chart.dispose() };
}
