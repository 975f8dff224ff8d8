import { api } from '../api';
import type { Institution, InstitutionPartner, Segment, SegmentDiagnosis, Technology } from '../api/types';
import { availableWidth, mountFixedGraph, type FixedGraph } from '../charts/fixedGraph';
import { INNOVATION_COLOURS, innovationOption, layoutInnovation } from '../charts/innovationGraph';
import { inRegion } from '../charts/network';
import type { MountedView, ViewContext } from '../context';
import { S } from '../strings';
import { add, emptyBox, fill, h, load, pager, section } from '../ui/dom';

/** Groups technologies under the top-level segments they apply to (a technology may appear under several). */
export function technologiesBySegment(techs: Technology[], segments: Segment[]): { segment: Segment; technologies: Technology[] }[] {
  const byId = new Map(segments.map((s) => [s.id, s]));
  const rootOf = (id: string) => {
    let s = byId.get(id);
    while (s?.parentId && byId.has(s.parentId)) s = byId.get(s.parentId);
    return s;
  };
  const groups = new Map<string, { segment: Segment; technologies: Technology[] }>();
  for (const t of techs) {
    const roots = new Set(t.segmentIds.map(rootOf).filter((s): s is Segment => !!s));
    for (const r of roots) {
      const g = groups.get(r.id) ?? { segment: r, technologies: [] };
      g.technologies.push(t);
      groups.set(r.id, g);
    }
  }
  const order = { UPSTREAM: 0, MIDSTREAM: 1, DOWNSTREAM: 2 } as const;
  return [...groups.values()].sort((a, b) => order[a.segment.stage] - order[b.segment.stage] || a.segment.name.localeCompare(b.segment.name, 'zh-CN'));
}

/** Leaf segments that need 产学研 pairing: missing, weak, or 卡脖子; most urgent first. */
export function pairingSegments(segments: SegmentDiagnosis[]): SegmentDiagnosis[] {
  const rank = (s: SegmentDiagnosis) => (s.flags.includes('DEPENDENCY') ? 0 : s.verdict === 'MISSING' ? 1 : s.verdict === 'WEAK' ? 2 : 3);
  return segments.filter((s) => s.leaf && rank(s) < 3).sort((a, b) => rank(a) - rank(b) || Number(b.key) - Number(a.key) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Runs `task` over `items`, at most `width` at a time (the institution details behind the graph's cooperation links). */
export async function inBatches<T, R>(items: T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}

/** At most this many institutions' cooperations are loaded for the graph (the demo chains have about 40 each). */
const GRAPH_INSTITUTIONS = 80;

/** 创新图谱: the graph (segments — technologies — institutions — enterprises), then technologies per segment, institutions, cooperation. */
export function mountInnovation(root: HTMLElement, ctx0: ViewContext): MountedView {
  let ctx = ctx0;
  const techBox = h('div', {});
  const instBox = h('div', {});
  const coopBox = h('div', {});
  const pairBox = h('div', {});
  const graphBox = h('div', {});
  const graphHost = h('div', { class: 'innovation-graph' });
  let graph: FixedGraph | null = null;
  let graphData: { techs: Technology[]; institutions: Institution[]; cooperations: Map<string, InstitutionPartner[]>; truncated: number } | null = null;
  const legendItem = (colour: string, glyph: string, text: string) => h('span', { style: 'margin-left:10px;white-space:nowrap' }, h('span', { style: `color:${colour}` }, glyph), ` ${text}`);
  add(
    root,
    section(
      '创新图谱：环节 — 核心技术 — 研发机构 — 合作企业',
      h(
        'p',
        { class: 'hint' },
        '从左到右：环节、应用于它的核心技术、研究这些技术的研发机构、与机构开展产学研合作的企业。',
        legendItem(INNOVATION_COLOURS.segment, '■', '环节'),
        legendItem(INNOVATION_COLOURS.technology, '▲', '核心技术'),
        legendItem(INNOVATION_COLOURS.localInstitution, '◆', '本地研发机构'),
        legendItem(INNOVATION_COLOURS.institution, '◆', '外地研发机构'),
        legendItem(INNOVATION_COLOURS.localEnterprise, '●', '本地企业'),
        legendItem(INNOVATION_COLOURS.enterprise, '●', '外地企业'),
        ' 虚线：机构直接研究该环节。图中展开本地机构的合作企业；单击其他机构展开它的合作企业（下方表格同时显示详情），单击环节只看该环节。',
      ),
      graphBox,
    ),
    h('div', { class: 'grid-2' }, section(S.innovation.technologies, techBox), h('div', {}, section(S.innovation.institutions, instBox), section(S.innovation.cooperation, coopBox))),
  );

  void load(
    graphBox,
    async (sig) => {
      const [techs, page] = await Promise.all([api.technologies({ chain: ctx.state.chain }, sig), api.institutions({ chain: ctx.state.chain, page: 0, size: 500 }, sig)]);
      const shown = page.items.slice(0, GRAPH_INSTITUTIONS);
      const details = await inBatches(shown, 6, (i) => api.institution(i.id, sig).catch(() => null));
      const cooperations = new Map<string, InstitutionPartner[]>();
      details.forEach((d) => d && cooperations.set(d.institution.id, d.cooperations));
      return { techs, institutions: shown, cooperations, truncated: page.total - shown.length };
    },
    (data) => {
      graphData = data;
      add(graphBox, graphHost);
      if (data.truncated > 0) add(graphBox, h('p', { class: 'small muted' }, `另有 ${data.truncated} 家机构未画出，见下方表格。`));
      drawGraph();
    },
    { what: '创新图谱' },
  );

  function drawGraph(): void {
    if (!graphData || !graphHost.isConnected) return;
    const layout = layoutInnovation({
      segments: ctx.chain?.segments ?? [],
      technologies: graphData.techs,
      institutions: graphData.institutions,
      cooperations: graphData.cooperations,
      localRegion: ctx.state.region,
      segmentId: ctx.state.segment,
      width: availableWidth(graphHost),
      // local institutions' partners and the chosen one's; the others' stay in their tooltips, so the column stays short
      showPartnersOf: (i) => inRegion(i.regionCode, ctx.state.region) || i.id === ctx.state.params.inst,
    });
    if (layout.nodes.length === 0) {
      graph?.dispose();
      graph = null;
      fill(graphHost, emptyBox('该环节暂无核心技术和研发机构'));
      return;
    }
    const fresh = !graph || !graphHost.contains(graph.el);
    if (fresh) graph = mountFixedGraph(graphHost, 'innovation-graph', '创新图谱');
    graph!.draw(
      innovationOption(layout, { stage: S.stage, types: S.innovation.types, levels: S.innovation.levels, regionName: (c) => ctx.regionIndex?.fullName(c) || c }),
      layout.width,
      layout.height,
    );
    if (fresh) {
      graph!.chart.on('click', (e: { data?: unknown }) => {
        const id = (e.data as { id?: string } | undefined)?.id ?? '';
        if (id.startsWith('s:')) ctx.navigate({ segment: ctx.state.segment === id.slice(2) ? null : id.slice(2), params: { ipage: null } });
        else if (id.startsWith('i:') || id.startsWith('m:')) ctx.navigate({ params: { inst: id.slice(2) } });
      });
    }
  }
  if (ctx.state.chain && ctx.state.region) {
    add(root, section(`${S.pairing.title}（薄弱、空白及卡脖子环节）`, pairBox));
    const chain = ctx.state.chain;
    const region = ctx.state.region;
    void load(
      pairBox,
      async (sig) => {
        const d = await api.diagnosis(chain, region, ctx.state.zone, {}, sig);
        const needy = pairingSegments(d.segments);
        if (needy.length === 0) return { needy, report: null };
        return { needy, report: await api.pairing({ chain, region, segments: needy.map((x) => x.segmentId).join(','), limit: 3 }, sig) };
      },
      ({ needy, report }) => {
        const rows = (report?.segments ?? []).filter((sp) => sp.institutions.length > 0);
        if (rows.length === 0) {
          add(pairBox, emptyBox(needy.length ? '这些环节暂无匹配的研发机构' : '本地没有薄弱或空白的环节'));
          return;
        }
        const verdictOf = new Map(needy.map((x) => [x.segmentId, x]));
        add(
          pairBox,
          h('p', { class: 'muted small' }, report!.scoreRule),
          h(
            'div',
            { class: 'table-scroll' },
            h(
              'table',
              { class: 'data-table pairing-table', 'data-testid': 'pairing-table' },
              h('thead', {}, h('tr', {}, ['环节', '结论', '建议对接的研发机构（前 3）'].map((t) => h('th', {}, t)))),
              h(
                'tbody',
                {},
                rows.map((sp) => {
                  const x = verdictOf.get(sp.segment.id);
                  return h(
                    'tr',
                    {},
                    h('td', {}, sp.segment.name),
                    h('td', {}, x ? `${x.verdictZh}${x.flags.includes('DEPENDENCY') ? ' · 卡脖子' : ''}` : ''),
                    h('td', {}, h('ol', { class: 'plain' }, sp.institutions.map((i) => h('li', {}, h('strong', {}, i.name), ' ', h('small', { class: `tier tier-${i.tier.toLowerCase()}` }, S.pairing.tiers[i.tier] ?? i.tier), h('div', { class: 'small muted' }, i.reason))))),
                  );
                }),
              ),
            ),
          ),
        );
      },
      { what: S.pairing.title },
    );
  }
  const p = () => ctx.state.params;

  void load(
    techBox,
    (sig) => api.technologies({ chain: ctx.state.chain }, sig),
    (techs) => {
      const groups = technologiesBySegment(techs, ctx.chain?.segments ?? []);
      if (groups.length === 0) {
        add(techBox, emptyBox());
        return;
      }
      add(techBox, 
        h(
          'div',
          { class: 'table-scroll tall' },
          h(
            'table',
            { class: 'data-table', 'data-testid': 'tech-table' },
            h('thead', {}, h('tr', {}, h('th', {}, S.innovation.segments), h('th', {}, S.innovation.technologies))),
            h(
              'tbody',
              {},
              groups.map((g) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => ctx.navigate({ segment: ctx.state.segment === g.segment.id ? null : g.segment.id, params: { ipage: null } }) }, g.segment.name), h('small', { class: 'muted' }, ` ${S.stage[g.segment.stage]}`)),
                  h('td', {}, g.technologies.map((t) => h('span', { class: 'chip', title: t.description }, t.name))),
                ),
              ),
            ),
          ),
        ),
      );
    },
  );

  function renderInstitutions(): void {
    const page = Math.max(0, Number(p().ipage ?? 0) || 0);
    const localOnly = p().local === '1';
    void load(
      instBox,
      (sig) => api.institutions({ chain: ctx.state.chain, segment: ctx.state.segment, region: localOnly ? ctx.state.region : null, page, size: 10 }, sig),
      (res) => {
        const seg = ctx.chain?.segments.find((s) => s.id === ctx.state.segment);
        add(instBox, 
          h(
            'div',
            { class: 'controls' },
            seg ? h('span', { class: 'chip' }, `${S.enterprise.segment}：${seg.name} `, h('button', { type: 'button', class: 'link', 'aria-label': '清除', onclick: () => ctx.navigate({ segment: null }) }, '✕')) : null,
            ctx.state.region
              ? h('label', {}, h('input', { type: 'checkbox', checked: localOnly, onchange: (e: Event) => ctx.navigate({ params: { local: (e.target as HTMLInputElement).checked ? '1' : null, ipage: null } }) }), ` ${S.innovation.localOnly}`)
              : null,
          ),
        );
        if (res.total === 0) {
          add(instBox, emptyBox());
          return;
        }
        add(instBox, 
          h(
            'table',
            { class: 'data-table', 'data-testid': 'institution-table' },
            h('thead', {}, h('tr', {}, h('th', {}, '机构'), h('th', {}, S.innovation.type), h('th', {}, S.innovation.level), h('th', {}, S.innovation.strength), h('th', {}, S.innovation.region))),
            h(
              'tbody',
              {},
              res.items.map((i) =>
                h(
                  'tr',
                  { class: p().inst === i.id ? 'selected' : '' },
                  h('td', {}, h('button', { type: 'button', class: 'link', 'data-inst': i.id, onclick: () => ctx.navigate({ params: { inst: i.id } }) }, i.name), inRegion(i.regionCode, ctx.state.region) ? h('span', { class: 'tag tag-local' }, S.innovation.local) : null),
                  h('td', {}, S.innovation.types[i.type] ?? i.type),
                  h('td', {}, S.innovation.levels[i.level] ?? i.level),
                  h('td', { 'aria-label': `${i.strength}/5` }, '●'.repeat(i.strength) + '○'.repeat(Math.max(0, 5 - i.strength))),
                  h('td', {}, ctx.regionIndex?.fullName(i.regionCode) ?? i.regionCode),
                ),
              ),
            ),
          ),
          pager(res.page, res.size, res.total, (n) => ctx.navigate({ params: { ipage: String(n) } })),
        );
      },
    );
  }

  function renderCooperation(): void {
    const id = p().inst;
    if (!id) {
      fill(coopBox, emptyBox(S.innovation.pickInstitution));
      return;
    }
    void load(
      coopBox,
      (sig) => api.institution(id, sig),
      (d) => {
        add(coopBox, 
          h('p', {}, h('strong', {}, d.institution.name), ` · ${d.regionName}`),
          d.cooperations.length
            ? h(
                'ul',
                { class: 'plain' },
                d.cooperations.map((c) =>
                  h('li', {}, c.name, ' ', h('small', { class: 'muted' }, `${c.kind}${c.since ? ` · ${c.since}年起` : ''}`), inRegion(c.regionCode, ctx.state.region) ? h('span', { class: 'tag tag-local' }, S.innovation.local) : null),
                ),
              )
            : emptyBox(),
        );
      },
    );
  }

  renderInstitutions();
  renderCooperation();
  return {
    update(next) {
      const prev = ctx.state;
      ctx = next;
      if (prev.segment !== next.state.segment || prev.params.ipage !== next.state.params.ipage || prev.params.local !== next.state.params.local || prev.params.inst !== next.state.params.inst) renderInstitutions();
      if (prev.params.inst !== next.state.params.inst) renderCooperation();
      if (prev.segment !== next.state.segment || prev.params.inst !== next.state.params.inst) drawGraph();
    },
    destroy() {
      graph?.dispose();
    },
  };
}
