import { api } from '../api';
import type { ChainDiagnosis, SegmentFlag, Verdict } from '../api/types';
import type { MountedView, ViewContext } from '../context';
import { formatNumber, formatPercent, formatWanYuan } from '../format';
import { S } from '../strings';
import { add, emptyBox, fill, h, load, section } from '../ui/dom';
import { FLAG_ICONS, VERDICT_STYLE } from './chainLayout';
import { chainFigureCards, diagnosisRows, lqText, peerMatrix, reasonText, THRESHOLDS, thresholdOverrides, verdictCounts, type VerdictFilter } from './diagnosisLogic';
import { kpi } from './productMap';

/** A verdict as icon + text on its colour (colour is never the only signal). */
export function verdictBadge(v: Verdict, text?: string): HTMLElement {
  return h('span', { class: `verdict verdict-${v.toLowerCase()}`, 'data-verdict': v }, `${VERDICT_STYLE[v].icon} ${text ?? S.verdict[v] ?? v}`);
}

export function flagBadges(flags: SegmentFlag[]): HTMLElement[] {
  return flags.map((f) => h('span', { class: `flag flag-${f.toLowerCase()}`, title: S.flagTitle[f] ?? '', 'data-flag': f }, `${FLAG_ICONS[f] ?? ''} ${S.flag[f] ?? f}`));
}

function segmentLink(ctx: ViewContext, id: string, name: string): HTMLElement {
  const q = new URLSearchParams({ chain: ctx.state.chain ?? '', region: ctx.state.region ?? '', segment: id });
  if (ctx.state.zone) q.set('zone', ctx.state.zone);
  return h('a', { href: `#/chain?${q.toString()}` }, name);
}

/** 诊断: chain figures, 链主, 延链 candidates, the verdict table with figures and reasons, peer regions, thresholds. */
export function mountDiagnosis(root: HTMLElement, ctx0: ViewContext): MountedView {
  let ctx = ctx0;
  const box = h('div', { class: 'diagnosis' });
  add(root, box);
  if (!ctx.state.region || !ctx.state.chain) {
    add(box, emptyBox(S.diagnosis.noRegion));
    return {};
  }
  let current: ChainDiagnosis | null = null;
  let overrideKey = '';
  const tableBox = h('div', {});

  function overrides(): Record<string, number> {
    return thresholdOverrides(ctx.state.params, [...THRESHOLDS]);
  }

  function loadAll(): void {
    overrideKey = JSON.stringify(overrides());
    void load(
      box,
      (sig) => api.diagnosis(ctx.state.chain!, ctx.state.region!, ctx.state.zone, overrides(), sig),
      (d) => {
        current = d;
        render(d);
      },
      { what: '产业链诊断' },
    );
  }

  function render(d: ChainDiagnosis): void {
    const cards = chainFigureCards(d);
    const D = S.diagnosis;
    const sub: Record<string, string | undefined> = {
      completeness: D.completenessSub(cards[0]!.covered ?? 0, cards[0]!.total ?? 0),
      sourcingByCount: D.sourcingSub(cards[3]!.local ?? 0, cards[3]!.relations ?? 0),
      sourcingByAmount: d.figures.sourcing ? `有金额的关系 ${formatNumber(d.figures.sourcing.relationsWithAmount)} 条` : undefined,
    };
    const label: Record<string, string> = {
      completeness: D.completeness,
      keyWeighted: D.keyWeighted,
      valueWeighted: D.valueWeighted,
      sourcingByCount: D.sourcingByCount,
      sourcingByAmount: D.sourcingByAmount,
    };
    const peersBox = h('div', {});
    const built = new Date(d.snapshot.builtAt);
    add(
      box,
      h(
        'div',
        { class: 'diag-head' },
        h('h2', {}, `${d.chainName} · ${d.region.fullName || d.region.name}${d.zone ? ` · ${d.zone}` : ''}`),
        h('small', { class: 'muted', 'data-testid': 'snapshot-version' }, D.snapshot(d.snapshot.version, Number.isNaN(built.getTime()) ? d.snapshot.builtAt : built.toLocaleString('zh-CN'))),
      ),
      section(
        D.chainFigures,
        h(
          'div',
          { class: 'kpis', 'data-testid': 'chain-figures' },
          cards.map((c) => kpi(label[c.id] ?? c.id, c.value, sub[c.id])),
          h(
            'div',
            { class: 'kpi' },
            h('div', { class: 'kpi-label' }, D.verdictCounts),
            h('div', { class: 'verdict-counts' }, verdictCounts(d).map((v) => h('span', {}, verdictBadge(v.verdict), ` ${v.count}`))),
          ),
        ),
      ),
      section(D.table, tableBox),
      h(
        'div',
        { class: 'two-col' },
        section(
          D.leaders,
          h('p', { class: 'muted small' }, D.leaderNote),
          d.leaders.length === 0
            ? emptyBox('本地暂无链主企业')
            : h(
                'table',
                { class: 'data-table', 'data-testid': 'leaders-table' },
                h('thead', {}, h('tr', {}, ['#', D.cols.enterprise, D.cols.region, D.cols.revenue, D.cols.score].map((t) => h('th', {}, t)))),
                h('tbody', {}, d.leaders.slice(0, 8).map((l, i) => h('tr', {}, h('td', {}, String(i + 1)), h('td', {}, h('a', { href: `#/enterprise?chain=${encodeURIComponent(d.chainId)}&region=${ctx.state.region}&uscc=${l.uscc}` }, l.name)), h('td', {}, l.regionName), h('td', { class: 'num' }, formatWanYuan(l.revenue)), h('td', { class: 'num' }, formatNumber(l.score, 3))))),
              ),
        ),
        section(
          D.extend,
          h('p', { class: 'muted small' }, D.extendNote),
          d.extendCandidates.length === 0
            ? emptyBox('暂无延链候选（本地尚无优势环节或相邻环节均已具备）')
            : h(
                'table',
                { class: 'data-table', 'data-testid': 'extend-table' },
                h('thead', {}, h('tr', {}, [D.cols.rank, D.cols.segment, D.cols.verdict, D.cols.relatedness, D.cols.valueAdded, D.cols.nearStrong].map((t) => h('th', {}, t)))),
                h(
                  'tbody',
                  {},
                  d.extendCandidates.slice(0, 10).map((c) =>
                    h(
                      'tr',
                      {},
                      h('td', {}, String(c.rank)),
                      h('td', {}, segmentLink(ctx, c.segmentId, c.name), c.key ? h('span', { class: 'key-mark', title: S.chainMap.key }, ' ◆') : null),
                      h('td', {}, verdictBadge(c.verdict)),
                      h('td', { class: 'num', title: `相邻环节 ${c.neighbours} 个，本地已有 ${c.neighboursPresent} 个` }, `${formatPercent(c.relatedness, 0)}（${c.neighboursPresent}/${c.neighbours}）`),
                      h('td', {}, '★'.repeat(Math.max(0, Math.min(5, c.valueAdded)))),
                      h('td', { class: 'small' }, c.nearStrongSegments.map((id) => d.segments.find((s) => s.segmentId === id)?.name ?? id).join('、')),
                    ),
                  ),
                ),
              ),
        ),
      ),
      section(D.peers, h('p', { class: 'muted small' }, D.peersNote), peersBox),
      settingsForm(d),
    );
    renderTable();
    void load(
      peersBox,
      (sig) => api.peers(ctx.state.chain!, ctx.state.region!, 8, sig),
      (p) => {
        const m = peerMatrix(p, ctx.state.region);
        if (m.regions.length === 0 || m.rows.length === 0) {
          add(peersBox, emptyBox());
          return;
        }
        add(
          peersBox,
          h(
            'div',
            { class: 'table-scroll tall' },
            h(
              'table',
              { class: 'data-table peer-table', 'data-testid': 'peer-table' },
              h(
                'thead',
                {},
                h('tr', {}, h('th', {}, D.cols.segment), m.regions.map((r) => h('th', { class: r.isSelf ? 'self' : '' }, r.name))),
                h('tr', { class: 'peer-figures' }, h('th', {}, D.completeness), m.regions.map((r) => h('th', { class: 'num' }, formatPercent(r.completeness, 0)))),
                h('tr', { class: 'peer-figures' }, h('th', {}, D.localSourcing), m.regions.map((r) => h('th', { class: 'num' }, formatPercent(r.sourcing, 0)))),
              ),
              h(
                'tbody',
                {},
                m.rows.map((row) =>
                  h(
                    'tr',
                    {},
                    h('th', { scope: 'row' }, row.name),
                    row.cells.map((c, i) =>
                      h(
                        'td',
                        { class: `peer-cell verdict-${c.verdict.toLowerCase()}`, title: `${m.regions[i]!.name} · ${row.name}：${S.verdict[c.verdict]}，本地企业 ${c.local} 家，区位熵 ${formatNumber(c.lq, 2)}${c.flags.length ? '，' + c.flags.map((f) => S.flag[f]).join('、') : ''}` },
                        `${VERDICT_STYLE[c.verdict].icon} ${c.local}`,
                        c.flags.includes('DEPENDENCY') ? ` ${FLAG_ICONS.DEPENDENCY}` : c.flags.includes('EXTEND') ? ` ${FLAG_ICONS.EXTEND}` : '',
                      ),
                    ),
                  ),
                ),
              ),
            ),
          ),
          h('p', { class: 'muted small' }, '格内：结论图标 + 本地企业数；○ 空白 ◐ 薄弱 ● 一般 ★ 优势；⊗ 卡脖子，➜ 延链'),
        );
      },
      { what: '同级对标' },
    );
  }

  function renderTable(): void {
    const d = current;
    if (!d) return;
    const focused = document.activeElement?.id;
    requestAnimationFrame(() => {
      if (focused === 'diag-filter' || focused === 'diag-leaf') document.getElementById(focused)?.focus();
    });
    const D = S.diagnosis;
    const filter = (ctx.state.params.verdict ?? 'ALL') as VerdictFilter;
    const leafOnly = ctx.state.params.leaf === '1';
    const rows = diagnosisRows(d.segments, filter, leafOnly);
    const c = D.cols;
    const select = h(
      'select',
      { id: 'diag-filter', 'aria-label': D.filter, onchange: (e: Event) => ctx.navigate({ params: { verdict: (e.target as HTMLSelectElement).value === 'ALL' ? null : (e.target as HTMLSelectElement).value } }) },
      h('option', { value: 'ALL' }, D.filterAll),
      (['MISSING', 'WEAK', 'PRESENT', 'STRONG'] as const).map((v) => h('option', { value: v }, `${VERDICT_STYLE[v].icon} ${S.verdict[v]}（${S.verdictAction[v]}）`)),
      h('option', { value: 'FLAGGED' }, D.filterFlagged),
    );
    select.value = filter;
    const leaf = h('input', { type: 'checkbox', id: 'diag-leaf', checked: leafOnly, onchange: (e: Event) => ctx.navigate({ params: { leaf: (e.target as HTMLInputElement).checked ? '1' : null } }) });
    fill(
      tableBox,
      h('div', { class: 'controls' }, h('label', {}, `${D.filter} `, select), h('label', {}, leaf, ` ${D.leafOnly}`), h('span', { class: 'muted' }, `共 ${rows.length} 个环节`)),
      rows.length === 0
        ? emptyBox()
        : h(
            'div',
            { class: 'table-scroll tall' },
            h(
              'table',
              { class: 'data-table diag-table', 'data-testid': 'diagnosis-table' },
              h('thead', {}, h('tr', {}, [c.segment, c.stage, c.verdict, c.flags, c.local, c.national, c.localRevenue, c.share, c.lq, c.reasons].map((t) => h('th', {}, t)))),
              h(
                'tbody',
                {},
                rows.map((r) =>
                  h(
                    'tr',
                    { 'data-seg': r.segmentId },
                    h('td', {}, segmentLink(ctx, r.segmentId, r.name), r.key ? h('span', { class: 'key-mark', title: S.chainMap.key }, ' ◆') : null, r.leaf ? null : h('small', { class: 'muted' }, '（含子环节）')),
                    h('td', {}, S.stage[r.stage] ?? r.stage),
                    h('td', {}, verdictBadge(r.verdict, `${r.verdictZh} · ${r.actionZh}`)),
                    h('td', {}, flagBadges(r.flags)),
                    h('td', { class: 'num' }, formatNumber(r.figures.localEnterprises)),
                    h('td', { class: 'num' }, formatNumber(r.figures.nationalEnterprises)),
                    h('td', { class: 'num' }, formatWanYuan(r.figures.localRevenue)),
                    h('td', { class: 'num' }, formatPercent(r.figures.shareByCount, 2)),
                    h('td', { class: 'num' }, lqText(r.figures.lqByCount, r.figures.lqByRevenue)),
                    h('td', { class: 'reasons' }, reasonText(r.reasons)),
                  ),
                ),
              ),
            ),
          ),
    );
  }

  function settingsForm(d: ChainDiagnosis): HTMLElement {
    const D = S.diagnosis;
    const inputs = THRESHOLDS.filter((k) => k in d.settings).map((k) =>
      h('label', { class: 'setting' }, h('span', {}, D.settingNames[k] ?? k), h('input', { type: 'number', step: 'any', name: k, value: String(d.settings[k]), 'data-setting': k })),
    );
    const form = h(
      'form',
      { class: 'settings-form', onsubmit: (e: Event) => {
        e.preventDefault();
        const change: Record<string, string | null> = {};
        for (const el of form.querySelectorAll<HTMLInputElement>('input[data-setting]')) change[el.name] = el.value.trim() || null;
        ctx.navigate({ params: change });
      } },
      h('div', { class: 'settings-grid' }, inputs),
      h('div', { class: 'controls' },
        h('button', { type: 'submit', class: 'btn primary' }, D.settingsApply),
        h('button', { type: 'button', class: 'btn', onclick: () => ctx.navigate({ params: Object.fromEntries(THRESHOLDS.map((k) => [k, null])) }) }, D.settingsReset),
      ),
    );
    return h('details', { class: 'card settings', open: Object.keys(overrides()).length > 0 }, h('summary', {}, D.settings), form);
  }

  loadAll();
  return {
    update(next) {
      ctx = next;
      if (JSON.stringify(overrides()) !== overrideKey) loadAll();
      else renderTable();
    },
  };
}
