import type { EnterpriseDetail } from '../api/types';

/** A supply network around one enterprise (or several, after expanding neighbours). */
export interface NetNode {
  id: string;
  name: string;
  regionCode: string;
  local: boolean;
  /** Hops from the centre enterprise. */
  hop: number;
  role: 'center' | 'supplier' | 'customer';
}
export interface NetLink {
  source: string;
  target: string;
  amount: number | null;
}
export interface SupplyNetwork {
  centerId: string;
  nodes: NetNode[];
  links: NetLink[];
}

/** Whether a region code lies in `region` (by the GB/T 2260 prefix of the region's level). */
export function inRegion(code: string | null | undefined, region: string | null | undefined): boolean {
  if (!code || !region) return false;
  const prefix = region.endsWith('0000') ? region.slice(0, 2) : region.endsWith('00') ? region.slice(0, 4) : region;
  return code.startsWith(prefix);
}

/** One enterprise's detail as a star: suppliers (→ centre) and customers (centre →). */
export function networkFromDetail(d: EnterpriseDetail, localRegion: string | null): SupplyNetwork {
  const net: SupplyNetwork = { centerId: d.enterprise.uscc, nodes: [], links: [] };
  net.nodes.push({
    id: d.enterprise.uscc,
    name: d.enterprise.shortName ?? d.enterprise.name,
    regionCode: d.enterprise.regionCode,
    local: inRegion(d.enterprise.regionCode, localRegion),
    hop: 0,
    role: 'center',
  });
  mergeDetail(net, d, localRegion, 1);
  return net;
}

/** Adds an enterprise's partners to the network at hop `hop` (expanding a node); returns the same network. */
export function mergeDetail(net: SupplyNetwork, d: EnterpriseDetail, localRegion: string | null, hop: number): SupplyNetwork {
  const ids = new Set(net.nodes.map((n) => n.id));
  const linkKeys = new Set(net.links.map((l) => `${l.source}>${l.target}`));
  const me = d.enterprise.uscc;
  const add = (p: EnterpriseDetail['suppliers'][number], role: 'supplier' | 'customer') => {
    if (!ids.has(p.uscc)) {
      ids.add(p.uscc);
      net.nodes.push({ id: p.uscc, name: p.name, regionCode: p.regionCode, local: inRegion(p.regionCode, localRegion), hop, role });
    }
    const [source, target] = role === 'supplier' ? [p.uscc, me] : [me, p.uscc];
    const key = `${source}>${target}`;
    if (!linkKeys.has(key)) {
      linkKeys.add(key);
      net.links.push({ source, target, amount: p.amount });
    }
  };
  d.suppliers.forEach((p) => add(p, 'supplier'));
  d.customers.forEach((p) => add(p, 'customer'));
  return net;
}

/**
 * Positions for large networks: rings by hop around the centre, suppliers on the left half and
 * customers on the right, so a 5,000-node network needs no force simulation.
 */
export function radialPositions(net: SupplyNetwork): Map<string, [number, number]> {
  const pos = new Map<string, [number, number]>();
  const byHop = new Map<number, NetNode[]>();
  for (const n of net.nodes) {
    if (n.role === 'center' || n.hop === 0) {
      pos.set(n.id, [0, 0]);
      continue;
    }
    const list = byHop.get(n.hop) ?? [];
    list.push(n);
    byHop.set(n.hop, list);
  }
  let radius = 0;
  for (const hop of [...byHop.keys()].sort((a, b) => a - b)) {
    const nodes = byHop.get(hop)!;
    for (const side of ['supplier', 'customer'] as const) {
      const group = nodes.filter((n) => n.role === side);
      // fill concentric half-rings; each ring holds about π·r / spacing nodes
      let i = 0;
      let r = radius + 120;
      while (i < group.length) {
        const capacity = Math.max(8, Math.floor((Math.PI * r) / 14));
        const ring = group.slice(i, i + capacity);
        ring.forEach((n, k) => {
          const t = 0.08 + (0.84 * (k + 0.5)) / ring.length; // along the half ring, clear of the poles where labels collide
          const angle = side === 'supplier' ? Math.PI / 2 + t * Math.PI : -Math.PI / 2 + t * Math.PI;
          pos.set(n.id, [Math.cos(angle) * r, Math.sin(angle) * r]);
        });
        i += ring.length;
        if (i < group.length) r += 18;
      }
      radius = Math.max(radius, r);
    }
    radius += 40;
  }
  return pos;
}

export const NETWORK_COLOURS = { center: '#d9480f', local: '#1c7ed6', outside: '#adb5bd' };

/** Above this many nodes the graph drops labels, arrows and animation so that 5,000 nodes draw in about a second. */
export const LARGE_LIMIT = 300;

export interface NetworkLabels {
  center: string;
  local: string;
  outside: string;
}

/** The ECharts option for a supply network; pure, so it is tested without a browser. */
export function networkOption(net: SupplyNetwork, labels: NetworkLabels): Record<string, unknown> {
  const large = net.nodes.length > LARGE_LIMIT;
  // suppliers on the left, customers on the right, rings by hop: reads as "who supplies whom" at any size
  const pos = radialPositions(net);
  const categories = [
    { name: labels.center, itemStyle: { color: NETWORK_COLOURS.center } },
    { name: labels.local, itemStyle: { color: NETWORK_COLOURS.local } },
    { name: labels.outside, itemStyle: { color: NETWORK_COLOURS.outside } },
  ];
  const nodes = net.nodes.map((n) => {
    const category = n.role === 'center' ? 0 : n.local ? 1 : 2;
    const p = pos.get(n.id);
    return {
      id: n.id,
      name: n.name,
      category,
      symbol: n.local || n.role === 'center' ? 'circle' : 'diamond',
      symbolSize: n.role === 'center' ? 28 : large ? 5 : n.hop === 1 ? 14 : 9,
      ...(p ? { x: p[0], y: p[1] } : {}),
      label: { show: !large && (n.role === 'center' || n.hop === 1), position: p && p[0] < 0 ? 'left' : 'right' },
      value: n.regionCode,
    };
  });
  return {
    animation: !large,
    tooltip: { show: true, confine: true },
    legend: [{ data: categories.map((c) => c.name), top: 4 }],
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: true,
        draggable: false,
        categories,
        data: nodes,
        links: net.links.map((l) => ({ source: l.source, target: l.target, value: l.amount ?? undefined })),
        edgeSymbol: large ? ['none', 'none'] : ['none', 'arrow'],
        edgeSymbolSize: 6,
        label: { fontSize: 11 },
        // top and bottom only: ECharts then derives the width from the layout's aspect ratio (no stretching)
        top: 40,
        bottom: 16,
        left: 'center',
        lineStyle: large ? { color: '#8fa3bf', opacity: 0.25, width: 0.5, curveness: 0 } : { color: 'source', opacity: 0.6, width: 1, curveness: 0.1 },
        emphasis: large ? { disabled: true } : { focus: 'adjacency' },
        labelLayout: { hideOverlap: true },
        silent: false,
      },
    ],
  };
}

/** A synthetic network (for the 5,000-node measurement): one centre, `n` partners over two hops. */
export function syntheticNetwork(n: number, seed = 42): SupplyNetwork {
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  const net: SupplyNetwork = { centerId: 'C', nodes: [{ id: 'C', name: '中心企业', regionCode: '340100', local: true, hop: 0, role: 'center' }], links: [] };
  const firstHop = Math.min(n, Math.max(10, Math.round(n * 0.1)));
  for (let i = 0; i < n; i++) {
    const hop = i < firstHop ? 1 : 2;
    const role = rnd() < 0.5 ? 'supplier' : 'customer';
    const local = rnd() < 0.3;
    const id = `N${i}`;
    net.nodes.push({ id, name: `企业${i}`, regionCode: local ? '340104' : '440300', local, hop, role });
    const anchor = hop === 1 ? 'C' : `N${Math.floor(rnd() * firstHop)}`;
    net.links.push(role === 'supplier' ? { source: id, target: anchor, amount: null } : { source: anchor, target: id, amount: null });
  }
  return net;
}
