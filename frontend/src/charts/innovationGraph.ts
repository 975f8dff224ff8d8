import type { Institution, InstitutionPartner, Segment, Technology } from '../api/types';
import { orderByBarycentre, pixelGraphSeries, textWidth, wrapText, type Box, type Edge } from './layered';
import { inRegion } from './network';

/**
 * 创新图谱 as four columns read left to right: 环节 ← 核心技术 ← 研发机构 → 合作企业. A technology is linked to the
 * segments it applies to, an institution to the technologies it researches (or straight to a segment it researches
 * without a listed technology), and to the enterprises it cooperates with. Local institutions and enterprises are
 * marked in colour and in words. Columns are ordered by barycentre sweeps; positions are pixels (drawn at 1:1).
 */

export type InnovationKind = 'segment' | 'technology' | 'institution' | 'enterprise' | 'more';

export interface InnovationNode {
  id: string;
  kind: InnovationKind;
  name: string;
  local: boolean;
  x: number;
  y: number;
  lines: string[];
  label: Box;
  segment?: Segment;
  technology?: Technology;
  institution?: Institution;
  partner?: InstitutionPartner & { with: string[] };
  /** Institutions: how many enterprises it cooperates with (undefined when not loaded). */
  cooperations?: number;
  /** A "更多" node: how many cooperating enterprises of `owner` are not drawn. */
  hidden?: number;
  owner?: string;
}

export interface InnovationEdge {
  source: string;
  target: string;
  kind: 'applies' | 'researches' | 'researches-segment' | 'cooperates' | 'more';
  detail?: string;
}

export interface InnovationLayout {
  nodes: InnovationNode[];
  edges: InnovationEdge[];
  columns: { title: string; x: number; label: Box }[];
  width: number;
  height: number;
}

export interface InnovationInput {
  segments: Segment[];
  technologies: Technology[];
  institutions: Institution[];
  /** Cooperating enterprises per institution id; an institution missing here has not been loaded. */
  cooperations: Map<string, InstitutionPartner[]>;
  localRegion: string | null;
  /** Only this segment and below. */
  segmentId?: string | null;
  width: number;
  /** Enterprises drawn per institution (local first); the rest go behind a "更多" node. */
  perInstitution?: number;
  /** Whose cooperating enterprises are drawn (default: every institution's); the others keep them in the tooltip. */
  showPartnersOf?: (i: Institution) => boolean;
}

export const INNOVATION_GEOMETRY = { symbol: 10, labelGap: 5, lineHeight: 15, rowGap: 6, header: 28, pad: 8, font: 12 } as const;
export const INNOVATION_COLUMNS = ['环节', '核心技术', '研发机构', '合作企业'] as const;
export const INNOVATION_COLOURS = { segment: '#5c7cfa', technology: '#f59f00', institution: '#868e96', localInstitution: '#2b8a3e', enterprise: '#adb5bd', localEnterprise: '#1c7ed6', more: '#f8f9fa' };

const STAGE_ORDER = { UPSTREAM: 0, MIDSTREAM: 1, DOWNSTREAM: 2 } as const;

export function layoutInnovation(input: InnovationInput): InnovationLayout {
  const G = INNOVATION_GEOMETRY;
  const per = input.perInstitution ?? 3;
  const segById = new Map(input.segments.map((s) => [s.id, s]));
  let allowed: Set<string> | null = null;
  if (input.segmentId) {
    allowed = new Set([input.segmentId]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const s of input.segments) if (s.parentId && allowed.has(s.parentId) && !allowed.has(s.id)) {
        allowed.add(s.id);
        grew = true;
      }
    }
  }
  const okSeg = (id: string) => segById.has(id) && (!allowed || allowed.has(id));
  const techs = input.technologies.filter((t) => t.segmentIds.some(okSeg));
  const techIds = new Set(techs.map((t) => t.id));
  const insts = input.institutions.filter((i) => i.technologyIds.some((t) => techIds.has(t)) || i.segmentIds.some(okSeg));
  const usedSegs = new Set<string>();
  const edges: InnovationEdge[] = [];
  for (const t of techs) for (const s of t.segmentIds.filter(okSeg)) {
    usedSegs.add(s);
    edges.push({ source: `t:${t.id}`, target: `s:${s}`, kind: 'applies' });
  }
  for (const i of insts) {
    const mine = techs.filter((t) => i.technologyIds.includes(t.id));
    for (const t of mine) edges.push({ source: `i:${i.id}`, target: `t:${t.id}`, kind: 'researches' });
    // a segment it researches without one of the listed technologies: linked straight to the segment
    const covered = new Set(mine.flatMap((t) => t.segmentIds));
    for (const s of i.segmentIds.filter(okSeg)) if (!covered.has(s)) {
      usedSegs.add(s);
      edges.push({ source: `i:${i.id}`, target: `s:${s}`, kind: 'researches-segment' });
    }
  }
  // cooperating enterprises: local ones first, at most `per` per institution
  const partners = new Map<string, InstitutionPartner & { with: string[] }>();
  const more: { id: string; owner: string; hidden: number }[] = [];
  for (const i of insts) {
    if (input.showPartnersOf && !input.showPartnersOf(i)) continue;
    const list = [...(input.cooperations.get(i.id) ?? [])].sort(
      (a, b) => Number(inRegion(b.regionCode, input.localRegion)) - Number(inRegion(a.regionCode, input.localRegion)) || (b.since ?? 0) - (a.since ?? 0) || a.name.localeCompare(b.name, 'zh-CN'),
    );
    for (const p of list.slice(0, per)) {
      const e = partners.get(p.uscc) ?? { ...p, with: [] };
      e.with.push(`${i.name}（${p.kind}${p.since ? `，${p.since}年起` : ''}）`);
      partners.set(p.uscc, e);
      edges.push({ source: `i:${i.id}`, target: `e:${p.uscc}`, kind: 'cooperates', detail: `${p.kind}${p.since ? `，${p.since}年起` : ''}` });
    }
    if (list.length > per) {
      more.push({ id: `m:${i.id}`, owner: `i:${i.id}`, hidden: list.length - per });
      edges.push({ source: `i:${i.id}`, target: `m:${i.id}`, kind: 'more' });
    }
  }

  const segOrder = (s: Segment) => input.segments.indexOf(s);
  const segs = [...usedSegs].map((id) => segById.get(id)!).sort((a, b) => STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage] || segOrder(a) - segOrder(b));
  const layers: string[][] = [
    segs.map((s) => `s:${s.id}`),
    techs.map((t) => `t:${t.id}`),
    [...insts].sort((a, b) => Number(inRegion(b.regionCode, input.localRegion)) - Number(inRegion(a.regionCode, input.localRegion)) || b.strength - a.strength || a.id.localeCompare(b.id)).map((i) => `i:${i.id}`),
    [...[...partners.keys()].map((u) => `e:${u}`), ...more.map((m) => m.id)],
  ];
  const order: Edge[] = edges.map((e) => ({ source: e.source, target: e.target }));
  const ordered = orderByBarycentre(layers, order);
  // "更多" nodes sit after the enterprises so they never split a cooperating group in two
  ordered[3]!.sort((a, b) => Number(a.startsWith('m:')) - Number(b.startsWith('m:')));
  const used = ordered.map((c) => c.length > 0);

  const colWidth = Math.max(200, Math.floor((input.width - G.pad * 2) / 4));
  const labelWidth = colWidth - G.symbol - G.labelGap - 14;
  const techById = new Map(techs.map((t) => [t.id, t]));
  const instById = new Map(insts.map((i) => [i.id, i]));
  const moreById = new Map(more.map((m) => [m.id, m]));
  const describe = (id: string): Omit<InnovationNode, 'x' | 'y' | 'lines' | 'label'> => {
    const [k, raw] = [id.slice(0, 1), id.slice(2)];
    if (k === 's') return { id, kind: 'segment', name: segById.get(raw)!.name, local: false, segment: segById.get(raw)! };
    if (k === 't') return { id, kind: 'technology', name: techById.get(raw)!.name, local: false, technology: techById.get(raw)! };
    if (k === 'i') {
      const i = instById.get(raw)!;
      const c = input.cooperations.get(i.id);
      return { id, kind: 'institution', name: i.name, local: inRegion(i.regionCode, input.localRegion), institution: i, ...(c ? { cooperations: c.length } : {}) };
    }
    if (k === 'e') {
      const p = partners.get(raw)!;
      return { id, kind: 'enterprise', name: p.name, local: inRegion(p.regionCode, input.localRegion), partner: p };
    }
    const m = moreById.get(id)!;
    return { id, kind: 'more', name: `更多…(${m.hidden})`, local: false, hidden: m.hidden, owner: m.owner };
  };
  const cols = ordered.map((col) =>
    col.map((id) => {
      const d = describe(id);
      const text = d.local ? `${d.name}（本地）` : d.name;
      const lines = wrapText(text, labelWidth, G.font, 2);
      return { d, lines, h: Math.max(lines.length * G.lineHeight, G.symbol) + G.rowGap };
    }),
  );
  const heights = cols.map((c) => c.reduce((s, r) => s + r.h, 0));
  const body = Math.max(0, ...heights);
  const nodes: InnovationNode[] = [];
  const columns: InnovationLayout['columns'] = [];
  cols.forEach((col, l) => {
    const x = G.pad + l * colWidth + G.symbol / 2;
    let y = G.header + (body - heights[l]!) / 2;
    for (const r of col) {
      const cy = y + r.h / 2;
      const w = Math.max(...r.lines.map((t) => textWidth(t, G.font)));
      const hh = r.lines.length * G.lineHeight;
      nodes.push({ ...r.d, x, y: cy, lines: r.lines, label: { x: x + G.symbol / 2 + G.labelGap, y: cy - hh / 2, w, h: hh } });
      y += r.h;
    }
    if (used[l]) {
      const title = INNOVATION_COLUMNS[l]!;
      columns.push({ title, x: x - G.symbol / 2, label: { x: x - G.symbol / 2, y: 4, w: textWidth(title, G.font), h: G.lineHeight } });
    }
  });
  return { nodes, edges, columns, width: G.pad * 2 + 4 * colWidth, height: G.header + body + G.pad };
}

export function innovationLabelBoxes(layout: InnovationLayout): Box[] {
  return [...layout.columns.map((c) => c.label), ...layout.nodes.map((n) => n.label)];
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export interface InnovationText {
  stage: Record<string, string>;
  types: Record<string, string>;
  levels: Record<string, string>;
  regionName: (code: string) => string;
}

/** The option drawing the layout at 1:1 (corner anchors pin the data box); the chart box must be width × height px. */
export function innovationOption(layout: InnovationLayout, text: InnovationText): Record<string, unknown> {
  const G = INNOVATION_GEOMETRY;
  const name = new Map(layout.nodes.map((n) => [n.id, n.name]));
  const degree = (id: string, kind: InnovationEdge['kind']) => layout.edges.filter((e) => e.kind === kind && (e.source === id || e.target === id)).map((e) => name.get(e.source === id ? e.target : e.source) ?? '');
  const colour = (n: InnovationNode) =>
    n.kind === 'segment' ? INNOVATION_COLOURS.segment
    : n.kind === 'technology' ? INNOVATION_COLOURS.technology
    : n.kind === 'institution' ? (n.local ? INNOVATION_COLOURS.localInstitution : INNOVATION_COLOURS.institution)
    : n.kind === 'enterprise' ? (n.local ? INNOVATION_COLOURS.localEnterprise : INNOVATION_COLOURS.enterprise)
    : INNOVATION_COLOURS.more;
  const tooltip = (n: InnovationNode): string => {
    const list = (label: string, xs: string[]) => (xs.length ? `${label}：${xs.slice(0, 6).map(esc).join('、')}${xs.length > 6 ? ` 等 ${xs.length} 项` : ''}` : '');
    switch (n.kind) {
      case 'segment':
        return [`<strong>${esc(n.name)}</strong>`, `环节 · ${text.stage[n.segment!.stage] ?? ''}${n.segment!.key ? ' · 关键环节' : ''}`, list('核心技术', degree(n.id, 'applies')), list('直接研究该环节的机构', degree(n.id, 'researches-segment'))].filter(Boolean).join('<br/>');
      case 'technology':
        return [`<strong>${esc(n.name)}</strong>`, `核心技术：${esc(n.technology!.description)}`, list('应用于环节', degree(n.id, 'applies')), list('研究机构', degree(n.id, 'researches'))].filter(Boolean).join('<br/>');
      case 'institution': {
        const i = n.institution!;
        return [
          `<strong>${esc(i.name)}</strong>`,
          `${text.levels[i.level] ?? i.level}${text.types[i.type] ?? i.type} · ${n.local ? '本地机构' : '外地机构'} · ${esc(text.regionName(i.regionCode))}`,
          `研发实力：${i.strength} / 5`,
          list('研究技术', degree(n.id, 'researches')),
          list('研究环节', degree(n.id, 'researches-segment')),
          n.cooperations === undefined ? '' : degree(n.id, 'cooperates').length ? list('合作企业', degree(n.id, 'cooperates')) : `产学研合作企业 ${n.cooperations} 家${n.cooperations ? '（图中未展开）' : ''}`,
          '单击展开其合作企业，并在下方表格中查看合作详情',
        ].filter(Boolean).join('<br/>');
      }
      case 'enterprise':
        return [`<strong>${esc(n.name)}</strong>`, `${n.local ? '本地企业' : '外地企业'} · ${esc(text.regionName(n.partner!.regionCode))}`, ...n.partner!.with.map((w) => `产学研合作：${esc(w)}`)].join('<br/>');
      default:
        return `${esc(name.get(n.owner!) ?? '')} 还有 ${n.hidden} 家合作企业未画出<br/>单击该机构在下方查看全部`;
    }
  };
  const anchor = (id: string, x: number, y: number) => ({ id, name: '', x, y, symbolSize: 0, silent: true, label: { show: false }, tooltip: { show: false } });
  return {
    animation: false,
    tooltip: { confine: true },
    series: [
      {
        ...pixelGraphSeries(layout.width, layout.height),
        data: [
          anchor('__tl', 0, 0),
          anchor('__br', layout.width, layout.height),
          ...layout.columns.map((c, i) => ({ id: `__col${i}`, name: c.title, x: c.x, y: c.label.y + c.label.h / 2, symbolSize: 0, silent: true, tooltip: { show: false }, label: { show: true, position: 'right', distance: 0, fontSize: G.font, lineHeight: G.lineHeight, fontWeight: 'bold', color: '#495057', formatter: c.title } })),
          ...layout.nodes.map((n) => ({
            id: n.id,
            name: n.name,
            x: n.x,
            y: n.y,
            symbol: n.kind === 'segment' ? 'rect' : n.kind === 'technology' ? 'triangle' : n.kind === 'institution' ? 'diamond' : n.kind === 'more' ? 'roundRect' : 'circle',
            symbolSize: G.symbol,
            itemStyle: n.kind === 'more' ? { color: colour(n), borderColor: '#495057', borderType: 'dashed', borderWidth: 1 } : { color: colour(n) },
            label: { show: true, position: 'right', distance: G.labelGap, fontSize: G.font, lineHeight: G.lineHeight, color: n.local ? '#2b8a3e' : n.kind === 'more' ? '#1c63c7' : '#212529', fontWeight: n.local ? 'bold' : 'normal', formatter: n.lines.join('\n') },
            tooltip: { formatter: () => tooltip(n) },
          })),
        ],
        links: layout.edges.map((e) => ({
          source: e.source,
          target: e.target,
          lineStyle: e.kind === 'researches-segment' || e.kind === 'more' ? { type: 'dashed', opacity: 0.35 } : e.kind === 'cooperates' ? { color: '#1c7ed6', opacity: 0.45 } : undefined,
          tooltip: {
            formatter: () =>
              e.kind === 'applies' ? `${esc(name.get(e.source)!)} 应用于 ${esc(name.get(e.target)!)}`
              : e.kind === 'researches' ? `${esc(name.get(e.source)!)} 研究 ${esc(name.get(e.target)!)}`
              : e.kind === 'researches-segment' ? `${esc(name.get(e.source)!)} 直接研究 ${esc(name.get(e.target)!)} 环节`
              : e.kind === 'cooperates' ? `${esc(name.get(e.source)!)} 与 ${esc(name.get(e.target)!)} 产学研合作（${esc(e.detail ?? '')}）`
              : '更多合作企业',
          },
        })),
        edgeSymbol: ['none', 'none'],
        lineStyle: { color: '#adb5bd', opacity: 0.45, width: 1, curveness: 0 },
        emphasis: { focus: 'adjacency', lineStyle: { opacity: 0.9, width: 1.5 } },
      },
    ],
  };
}
