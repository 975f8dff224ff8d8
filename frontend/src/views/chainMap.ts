import { api, NotAvailableError } from '../api';
import type { Flow, Segment, SegmentDiagnosis } from '../api/types';
import type { MountedView, ViewContext } from '../context';
import { formatNumber, formatPercent, formatWanYuan } from '../format';
import { sharedDiagnosis } from '../app/store';
import { S } from '../strings';
import { add, emptyBox, fill, h, load, pager } from '../ui/dom';
import { enterpriseRows } from './enterpriseTable';
import { FLAG_ICONS, flowsToDraw, layoutChain, readingOrder, segmentColour, STAGE_COLOURS, STAGES, VERDICT_STYLE, type StageColumn } from './chainLayout';

type DiagState = { kind: 'none' } | { kind: 'loading' } | { kind: 'coming' } | { kind: 'error'; message: string } | { kind: 'ok'; bySegment: Map<string, SegmentDiagnosis> };

/** 产业链图谱: segments in upstream → midstream → downstream columns with their flows; a side panel for the chosen one. */
export function mountChainMap(root: HTMLElement, ctx0: ViewContext): MountedView {
  let ctx = ctx0;
  const chain = ctx.chain;
  if (!chain) {
    add(root, emptyBox());
    return {};
  }
  if (chain.segments.length === 0) {
    add(root, emptyBox());
    return {};
  }
  let diag: DiagState = ctx.state.region ? { kind: 'loading' } : { kind: 'none' };
  const legend = h('div', { class: 'legend', 'aria-live': 'polite' });
  const canvas = h('div', { class: 'chain-canvas' });
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.classList.add('flows');
  svg.setAttribute('aria-hidden', 'true');
  // Return (recycling) flows cross the middle column backwards: drawn on a layer above the boxes so they stay visible.
  const svgTop = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svgTop.classList.add('flows', 'flows-top');
  svgTop.setAttribute('aria-hidden', 'true');
  const panel = h('aside', { class: 'side-panel', 'aria-label': S.panel.details, hidden: true });
  add(root, 
    h('div', { class: 'chain-toolbar' }, legend, h('span', { class: 'hint' }, S.chainMap.hint)),
    h('div', { class: 'chain-body' }, h('div', { class: 'chain-scroll' }, canvas), panel),
  );

  const columns = layoutChain(chain.segments, chain.flows);
  const byId = new Map(chain.segments.map((s) => [s.id, s]));
  const buttons = new Map<string, HTMLButtonElement>();
  const order = readingOrder(columns);

  function renderColumns(): void {
    buttons.clear();
    const cols = columns.map((c) => column(c));
    fill(canvas, svg, h('div', { class: 'chain-columns' }, cols), svgTop);
    renderLegend();
    requestAnimationFrame(drawFlows);
  }

  function column(c: StageColumn): HTMLElement {
    return h(
      'section',
      { class: `stage-col stage-${c.stage.toLowerCase()}`, 'aria-label': S.stage[c.stage] },
      h('h3', { class: 'stage-title', style: `border-color:${STAGE_COLOURS[c.stage]}` }, `${S.stage[c.stage]}（${c.count}）`),
      c.groups.map((g) =>
        h(
          'div',
          { class: 'seg-group', 'data-group': g.rootId },
          g.root ? segButton(g.root, true) : h('div', { class: 'group-label' }, `${g.rootName} ›`),
          g.children.length ? h('div', { class: 'seg-children' }, g.children.map((s) => segButton(s, false))) : null,
        ),
      ),
    );
  }

  function segButton(s: Segment, isRoot: boolean): HTMLButtonElement {
    const d = diag.kind === 'ok' ? diag.bySegment.get(s.id) ?? null : null;
    const colour = segmentColour(s, d);
    const badge = d ? h('span', { class: `verdict verdict-${d.verdict.toLowerCase()}`, 'data-verdict': d.verdict }, `${VERDICT_STYLE[d.verdict].icon} ${S.verdict[d.verdict]}`) : null;
    const flags = (d?.flags ?? []).filter((f) => f !== 'CRITICAL' || !d!.flags.includes('DEPENDENCY')).map((f) => h('span', { class: `flag flag-${f.toLowerCase()}`, title: S.flagTitle[f] }, `${FLAG_ICONS[f]} ${S.flag[f]}`));
    const b = h(
      'button',
      {
        type: 'button',
        class: `seg ${isRoot ? 'seg-root' : 'seg-child'}${s.key ? ' seg-key' : ''}${ctx.state.segment === s.id ? ' selected' : ''}`,
        'data-seg': s.id,
        style: `--seg-colour:${colour}`,
        'aria-pressed': ctx.state.segment === s.id ? 'true' : 'false',
        title: s.description ?? s.name,
        onclick: () => ctx.navigate({ segment: ctx.state.segment === s.id ? null : s.id }),
        onmouseenter: () => highlight(s.id),
        onmouseleave: () => highlight(ctx.state.segment),
        onfocus: () => highlight(s.id),
        onkeydown: (e: Event) => moveFocus(e as KeyboardEvent, s.id),
      },
      h('span', { class: 'seg-name' }, s.name),
      s.key ? h('span', { class: 'key-mark', title: S.chainMap.key }, '◆') : null,
      badge,
      flags,
    );
    buttons.set(s.id, b);
    return b;
  }

  function moveFocus(e: KeyboardEvent, id: string): void {
    const i = order.findIndex((s) => s.id === id);
    let next: Segment | undefined;
    if (e.key === 'ArrowDown') next = order[i + 1];
    else if (e.key === 'ArrowUp') next = order[i - 1];
    else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const seg = byId.get(id)!;
      const ci = STAGES.indexOf(seg.stage) + (e.key === 'ArrowRight' ? 1 : -1);
      const col = columns[ci];
      next = col ? readingOrder([col])[0] : undefined;
    } else if (e.key === 'Escape') {
      ctx.navigate({ segment: null });
      return;
    } else return;
    e.preventDefault();
    if (next) buttons.get(next.id)?.focus();
  }

  function renderLegend(): void {
    const items: HTMLElement[] = [];
    if (diag.kind === 'ok') {
      items.push(h('span', { class: 'legend-title' }, S.chainMap.legendVerdict));
      for (const v of ['MISSING', 'WEAK', 'PRESENT', 'STRONG'] as const)
        items.push(h('span', { class: 'legend-item' }, h('i', { style: `background:${VERDICT_STYLE[v].colour}` }), `${VERDICT_STYLE[v].icon} ${S.verdict[v]}`));
      for (const f of ['EXTEND', 'CRITICAL', 'DEPENDENCY'] as const) items.push(h('span', { class: 'legend-item', title: S.flagTitle[f] }, `${FLAG_ICONS[f]} ${S.flag[f]}`));
    } else {
      items.push(h('span', { class: 'legend-title' }, S.chainMap.legendStage));
      for (const st of STAGES) items.push(h('span', { class: 'legend-item' }, h('i', { style: `background:${STAGE_COLOURS[st]}` }), S.stage[st]));
      if (diag.kind === 'coming') items.push(h('span', { class: 'legend-note', 'data-state': 'coming-soon' }, `诊断：${S.comingSoon}`));
      if (diag.kind === 'loading') items.push(h('span', { class: 'legend-note' }, `诊断${S.loading}`));
      if (diag.kind === 'error') items.push(h('span', { class: 'legend-note error' }, diag.message));
    }
    items.push(h('span', { class: 'legend-item' }, '◆ ', S.chainMap.key), h('span', { class: 'legend-item' }, h('b', { class: 'dash' }), S.chainMap.recycling));
    fill(legend, ...items);
  }

  function drawFlows(): void {
    const base = canvas.getBoundingClientRect();
    const w = canvas.scrollWidth;
    const hgt = canvas.scrollHeight;
    for (const layer of [svg, svgTop]) {
      layer.setAttribute('width', String(w));
      layer.setAttribute('height', String(hgt));
      layer.setAttribute('viewBox', `0 0 ${w} ${hgt}`);
    }
    const ns = 'http://www.w3.org/2000/svg';
    const defs = () => {
      const d = document.createElementNS(ns, 'defs');
      d.innerHTML = '<marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" fill="context-stroke"/></marker>';
      return d;
    };
    const below: SVGPathElement[] = [];
    const above: SVGPathElement[] = [];
    for (const f of flowsToDraw(chain!.flows)) {
      const a = buttons.get(f.from)?.getBoundingClientRect();
      const b = buttons.get(f.to)?.getBoundingClientRect();
      if (!a || !b) continue;
      const p = document.createElementNS(ns, 'path');
      p.setAttribute('d', f.recycling ? returnPath(a, b, base) : flowPath(a, b, base));
      p.setAttribute('class', `flow${f.recycling ? ' recycling' : ''}${f.mutual ? ' mutual' : ''}`);
      p.setAttribute('marker-end', 'url(#arrow)');
      if (f.mutual) p.setAttribute('marker-start', 'url(#arrow)');
      p.dataset.from = f.from;
      p.dataset.to = f.to;
      (f.recycling ? above : below).push(p);
    }
    fill(svg, defs(), ...below);
    fill(svgTop, ...above);
    highlight(ctx.state.segment);
  }

  function highlight(id: string | null): void {
    svg.classList.toggle('focused', !!id);
    svgTop.classList.toggle('focused', !!id);
    canvas.querySelectorAll<SVGPathElement>('svg.flows path.flow').forEach((p) => p.classList.toggle('active', !!id && (p.dataset.from === id || p.dataset.to === id)));
    const related = new Set<string>();
    if (id) for (const f of chain!.flows as Flow[]) if (f.from === id) related.add(f.to); else if (f.to === id) related.add(f.from);
    buttons.forEach((b, sid) => b.classList.toggle('related', related.has(sid)));
  }

  function select(id: string | null): void {
    buttons.forEach((b, sid) => {
      b.classList.toggle('selected', sid === id);
      b.setAttribute('aria-pressed', sid === id ? 'true' : 'false');
    });
    highlight(id);
    const seg = id ? byId.get(id) : undefined;
    if (!seg) {
      panel.hidden = true;
      fill(panel);
    } else {
      panel.hidden = false;
      renderPanel(panel, seg, ctx, diag.kind === 'ok' ? diag.bySegment.get(seg.id) ?? null : null, byId);
    }
    requestAnimationFrame(drawFlows);
  }

  const ro = new ResizeObserver(() => requestAnimationFrame(drawFlows));
  ro.observe(canvas);

  renderColumns();
  select(ctx.state.segment);

  const ac = new AbortController();
  if (ctx.state.region && ctx.state.chain) {
    sharedDiagnosis(ctx.state.chain, ctx.state.region, ctx.state.zone)
      .then((d) => {
        if (ac.signal.aborted) return;
        diag = { kind: 'ok', bySegment: new Map((d.segments ?? []).map((x) => [x.segmentId, x])) };
      })
      .catch((e: unknown) => {
        if (ac.signal.aborted) return;
        diag = e instanceof NotAvailableError ? { kind: 'coming' } : { kind: 'error', message: e instanceof Error ? e.message : String(e) };
      })
      .finally(() => {
        if (ac.signal.aborted) return;
        renderColumns();
        select(ctx.state.segment);
      });
  }

  return {
    update(next) {
      const changed = next.state.segment !== ctx.state.segment;
      ctx = next;
      if (changed) select(ctx.state.segment);
    },
    destroy() {
      ac.abort();
      ro.disconnect();
    },
  };
}

/** A return flow (downstream back to upstream): from the source's left edge to the target's right edge, above the boxes. */
function returnPath(a: DOMRect, b: DOMRect, base: DOMRect): string {
  const ax = a.left - base.left;
  const ay = a.top + a.height / 2 - base.top;
  const bx = b.right - base.left;
  const by = b.top + b.height / 2 - base.top;
  if (ax > bx + 8) {
    const dx = Math.max(40, (ax - bx) / 3);
    return `M${ax},${ay} C${ax - dx},${ay} ${bx + dx},${by} ${bx},${by}`;
  }
  return flowPath(a, b, base);
}

/** A cubic curve from the right edge of `a` to the left edge of `b` (or around the right side within one column). */
function flowPath(a: DOMRect, b: DOMRect, base: DOMRect): string {
  const ax = a.right - base.left;
  const ay = a.top + a.height / 2 - base.top;
  const bx = b.left - base.left;
  const by = b.top + b.height / 2 - base.top;
  if (bx > ax + 8) {
    const dx = (bx - ax) / 2;
    return `M${ax},${ay} C${ax + dx},${ay} ${bx - dx},${by} ${bx},${by}`;
  }
  // same column or backwards: loop out to the right of the source and into the target's right edge
  const ex = b.right - base.left;
  const bulge = 30 + Math.min(60, Math.abs(by - ay) / 6);
  return `M${ax},${ay} C${ax + bulge},${ay} ${ex + bulge},${by} ${ex},${by}`;
}

function renderPanel(panel: HTMLElement, seg: Segment, ctx: ViewContext, d: SegmentDiagnosis | null, byId: Map<string, Segment>): void {
  const region = ctx.state.region;
  const chainId = ctx.state.chain;
  const parent = seg.parentId ? byId.get(seg.parentId) : undefined;
  const children = [...byId.values()].filter((s) => s.parentId === seg.id);
  const diagBox = h('div', { class: 'panel-block', 'data-testid': 'panel-diagnosis' });
  const entBox = h('div', { class: 'panel-block' });
  const supplierBox = h('div', { class: 'panel-block', 'data-testid': 'panel-suppliers' });
  const targetBox = h('div', { class: 'panel-block', 'data-testid': 'panel-targets' });
  const instBox = h('div', { class: 'panel-block', 'data-testid': 'panel-pairing' });
  const techBox = h('div', { class: 'panel-block' });
  const needsPairing = !!d && (d.verdict === 'WEAK' || d.verdict === 'MISSING' || d.flags.includes('CRITICAL') || d.flags.includes('DEPENDENCY'));
  const targetsHref = () => {
    const q = new URLSearchParams({ chain: chainId ?? '', region: region ?? '', segments: seg.id });
    if (ctx.state.zone) q.set('zone', ctx.state.zone);
    return `#/targets?${q.toString()}`;
  };

  fill(panel,
    h(
      'div',
      { class: 'panel-head' },
      h('h2', { id: 'panel-title' }, seg.name),
      h('button', { type: 'button', class: 'btn btn-close', 'aria-label': S.panel.close, onclick: () => ctx.navigate({ segment: null }) }, '✕'),
    ),
    d ? h('p', { class: 'panel-verdict' }, h('span', { class: `verdict verdict-${d.verdict.toLowerCase()}` }, `${VERDICT_STYLE[d.verdict].icon} ${d.verdictZh} → ${d.actionZh}`), ' ', d.flags.map((f) => h('span', { class: `flag flag-${f.toLowerCase()}`, title: S.flagTitle[f] }, `${FLAG_ICONS[f]} ${S.flag[f]}`))) : null,
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, S.panel.stage),
      h('dd', {}, S.stage[seg.stage]),
      parent ? [h('dt', {}, S.panel.parent), h('dd', {}, h('button', { type: 'button', class: 'link', onclick: () => ctx.navigate({ segment: parent.id }) }, parent.name))] : null,
      h('dt', {}, S.chainMap.key),
      h('dd', {}, seg.key ? '是' : '否'),
      h('dt', {}, S.chainMap.valueAdded),
      h('dd', {}, '★'.repeat(Math.max(0, Math.min(5, seg.valueAdded))) + '☆'.repeat(Math.max(0, 5 - seg.valueAdded))),
      children.length ? [h('dt', {}, '子环节'), h('dd', {}, children.map((c) => h('button', { type: 'button', class: 'link chip', onclick: () => ctx.navigate({ segment: c.id }) }, c.name)))] : null,
    ),
    seg.description ? h('p', { class: 'desc' }, seg.description) : null,
    h('h3', {}, S.panel.figures),
    diagBox,
    h('h3', {}, `${S.panel.localEnterprises}${ctx.region ? `（${ctx.region.name}）` : ''}`),
    entBox,
    region ? [h('h3', {}, S.panel.outsideSuppliers), supplierBox] : null,
    region ? [h('h3', {}, S.panel.targets, ' ', h('a', { class: 'small', href: targetsHref() }, '完整清单 ›')), targetBox] : null,
    h('h3', {}, region ? S.pairing.title : S.panel.institutions),
    needsPairing ? h('p', { class: 'muted small' }, S.pairing.note) : null,
    instBox,
    h('h3', {}, S.panel.technologies),
    techBox,
  );

  // diagnosis figures, reasons and the outside suppliers local firms depend on
  if (!region) add(diagBox, emptyBox('请选择地区后查看诊断'));
  else
    void load(
      diagBox,
      (sig) => api.segmentDiagnosis(seg.id, { chain: chainId, region, zone: ctx.state.zone, limit: 10 }, sig),
      (x) => {
        const sd = x.segment;
        const f = sd.figures;
        const inbound = f.inbound;
        add(diagBox,
          d ? null : h('p', {}, h('span', { class: `verdict verdict-${sd.verdict.toLowerCase()}` }, `${VERDICT_STYLE[sd.verdict].icon} ${sd.verdictZh} → ${sd.actionZh}`)),
          h(
            'dl',
            { class: 'facts figures' },
            h('dt', {}, '本地企业'), h('dd', {}, `${formatNumber(f.localEnterprises)} 家 / 全国 ${formatNumber(f.nationalEnterprises)} 家`),
            h('dt', {}, '本地营收'), h('dd', {}, `${formatWanYuan(f.localRevenue)} / 全国 ${formatWanYuan(f.nationalRevenue)}`),
            h('dt', {}, '本地占比'), h('dd', {}, `数量 ${formatPercent(f.shareByCount, 2)} · 营收 ${formatPercent(f.shareByRevenue, 2)}`),
            h('dt', {}, '区位熵'), h('dd', {}, `数量 ${formatNumber(f.lqByCount, 2)} · 营收 ${formatNumber(f.lqByRevenue, 2)}`),
            inbound && inbound.relations > 0 ? [h('dt', {}, '本地配套'), h('dd', {}, `${formatPercent(inbound.localShare)}（${inbound.localRelations}/${inbound.relations} 条供应关系来自本地）`)] : null,
            sd.concentration?.topProvinceName ? [h('dt', {}, '全国集中'), h('dd', {}, `${sd.concentration.topProvinceName} 占 ${formatPercent(sd.concentration.topProvinceShare, 0)}${sd.concentration.hhi !== null ? ` · HHI ${formatNumber(sd.concentration.hhi, 0)}` : ''}`)] : null,
          ),
          sd.reasons.length ? h('ul', { class: 'reasons', 'data-testid': 'panel-reasons' }, sd.reasons.map((r) => h('li', { 'data-rule': r.rule }, r.zh))) : null,
        );
        if (x.outsideSuppliers.length === 0) add(supplierBox, emptyBox('本地企业在该环节没有外部供应商记录'));
        else
          add(supplierBox,
            h('table', { class: 'mini' }, h('tbody', {}, x.outsideSuppliers.slice(0, 8).map((o) =>
              h('tr', {}, h('td', {}, o.name, h('br', {}), h('small', { class: 'muted' }, o.regionName)), h('td', { class: 'num' }, formatWanYuan(o.amount), h('br', {}), h('small', { class: 'muted' }, `${o.localCustomers} 家本地客户`)))))),
            x.outsideSuppliers.length > 8 ? h('p', { class: 'muted small' }, S.panel.more(x.outsideSuppliers.length - 8)) : null,
          );
      },
      { what: '环节诊断' },
    );

  // local enterprises, paged
  const showEnterprises = (page: number) =>
    load(
      entBox,
      (sig) => api.enterprises({ chain: ctx.state.chain, segment: seg.id, region, page, size: 8 }, sig),
      (p) => {
        if (p.total === 0) {
          add(entBox, emptyBox(region ? '本地暂无该环节企业' : S.empty));
          return;
        }
        add(entBox,
          h('table', { class: 'mini' }, h('tbody', {}, enterpriseRows(p.items, ctx, true))),
          p.total > p.size ? pager(p.page, p.size, p.total, (n) => void showEnterprises(n)) : null,
        );
      },
    );
  void showEnterprises(0);

  void load(
    techBox,
    (sig) => api.technologies({ chain: ctx.state.chain, segment: seg.id }, sig),
    (ts) => {
      add(techBox, ts.length ? h('ul', { class: 'chips' }, ts.map((t) => h('li', { class: 'chip', title: t.description }, t.name))) : emptyBox(S.panel.none));
    },
  );

  if (region && chainId)
    void load(
      instBox,
      (sig) => api.pairing({ chain: chainId, region, segments: seg.id, limit: 5 }, sig),
      (r) => {
        const sp = r.segments[0];
        if (!sp || sp.institutions.length === 0) {
          add(instBox, emptyBox('暂无研究该环节技术的研发机构'));
          return;
        }
        add(instBox,
          h('ol', { class: 'plain pairing' }, sp.institutions.map((i) =>
            h('li', {}, h('span', {}, i.name), ' ', h('small', { class: `tier tier-${i.tier.toLowerCase()}` }, S.pairing.tiers[i.tier] ?? i.tier), ' ',
              h('small', { class: 'muted' }, `${S.innovation.levels[i.level] ?? i.level} · ${S.innovation.types[i.type] ?? i.type} · ${i.regionName}`),
              h('div', { class: 'small muted' }, i.reason)))),
          sp.total > sp.institutions.length ? h('p', { class: 'muted small' }, `共 ${sp.total} 家匹配机构`) : null,
        );
      },
      { what: '产学研对接' },
    );
  else {
    const showInst = (page: number) =>
      load(
        instBox,
        (sig) => api.institutions({ chain: ctx.state.chain, segment: seg.id, page, size: 6 }, sig),
        (p) => {
          if (p.total === 0) {
            add(instBox, emptyBox(S.panel.none));
            return;
          }
          add(instBox,
            h('ul', { class: 'plain' }, p.items.map((i) => h('li', {}, h('span', {}, i.name), ' ', h('small', { class: 'muted' }, `${S.innovation.levels[i.level] ?? i.level} · ${S.innovation.types[i.type] ?? i.type}`)))),
            p.total > p.size ? pager(p.page, p.size, p.total, (n) => void showInst(n)) : null,
          );
        },
      );
    void showInst(0);
  }

  if (region && chainId)
    void load(
      targetBox,
      (sig) => api.targets({ chain: chainId, region, zone: ctx.state.zone, segments: [seg.id] }, { size: 5 }, sig),
      (t) => {
        add(targetBox,
          t.items.length
            ? h('ol', { class: 'plain targets-mini' }, t.items.map((x) => h('li', { title: x.reasonText }, h('span', {}, x.name), ' ', h('small', { class: 'muted' }, `${x.regionName} · ${formatNumber(x.score, 1)} 分`), h('div', { class: 'small muted clamp' }, x.reasons.slice(0, 2).join('；')))))
            : emptyBox('暂无符合条件的外地目标企业'),
        );
      },
      { what: '招商目标企业' },
    );
}
