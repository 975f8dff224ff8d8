import { api } from '../api';
import type { ChainDiagnosis, SegmentDiagnosis } from '../api/types';
import type { MountedView, ViewContext } from '../context';
import { formatNumber, formatPercent, formatWanYuan } from '../format';
import { S } from '../strings';
import { add, emptyBox, h, load, section } from '../ui/dom';
import { FLAG_ICONS, VERDICT_STYLE } from './chainLayout';
import { kpi } from './productMap';

const VERDICT_ORDER = { MISSING: 0, WEAK: 1, PRESENT: 2, STRONG: 3 } as const;

/** Rows of the verdict table: most urgent first (missing, weak, …), then critical, then by name. */
export function diagnosisRows(d: ChainDiagnosis, names: Map<string, string>): (SegmentDiagnosis & { name: string })[] {
  return d.segments
    .map((s) => ({ ...s, name: s.segmentName ?? names.get(s.segmentId) ?? s.segmentId }))
    .sort(
      (a, b) =>
        (VERDICT_ORDER[a.verdict] ?? 9) - (VERDICT_ORDER[b.verdict] ?? 9) ||
        Number((b.flags ?? []).includes('CRITICAL')) - Number((a.flags ?? []).includes('CRITICAL')) ||
        a.name.localeCompare(b.name, 'zh-CN'),
    );
}

/** 诊断: the verdict table with figures and reasons, chain figures, peer regions. Waits for the diagnosis API. */
export function mountDiagnosis(root: HTMLElement, ctx: ViewContext): MountedView {
  const box = h('div', {});
  const peersBox = h('div', {});
  add(root, box);
  if (!ctx.state.region || !ctx.state.chain) {
    add(box, emptyBox('请在上方选择地区后查看诊断。'));
    return {};
  }
  const names = new Map((ctx.chain?.segments ?? []).map((s) => [s.id, s.name]));
  void load(
    box,
    (sig) => api.diagnosis(ctx.state.chain!, ctx.state.region!, sig),
    (d) => {
      const rows = diagnosisRows(d, names);
      const c = S.diagnosis.cols;
      add(box, 
        section(
          S.diagnosis.chainFigures,
          h(
            'div',
            { class: 'kpis' },
            kpi(S.diagnosis.completeness, formatPercent(d.completeness)),
            kpi('加权完整度', formatPercent(d.weightedCompleteness)),
            kpi(S.diagnosis.localSourcing, formatPercent(d.localSourcingRate ?? null)),
            kpi(S.diagnosis.leaders, (d.leaders ?? []).slice(0, 3).map((l) => l.name).join('、') || '—'),
          ),
        ),
        section(
          S.diagnosis.table,
          rows.length === 0
            ? emptyBox()
            : h(
                'div',
                { class: 'table-scroll tall' },
                h(
                  'table',
                  { class: 'data-table', 'data-testid': 'diagnosis-table' },
                  h('thead', {}, h('tr', {}, [c.segment, c.verdict, c.flags, c.local, c.localRevenue, c.national, c.share, c.lq, c.reasons].map((t) => h('th', {}, t)))),
                  h(
                    'tbody',
                    {},
                    rows.map((r) =>
                      h(
                        'tr',
                        {},
                        h('td', {}, h('a', { href: `#/chain?chain=${ctx.state.chain}&region=${ctx.state.region}&segment=${r.segmentId}` }, r.name)),
                        h('td', {}, h('span', { class: `verdict verdict-${r.verdict.toLowerCase()}` }, `${VERDICT_STYLE[r.verdict]?.icon ?? ''} ${S.verdict[r.verdict] ?? r.verdict}`)),
                        h('td', {}, (r.flags ?? []).map((f) => h('span', { class: `flag flag-${f.toLowerCase()}` }, `${FLAG_ICONS[f] ?? ''} ${S.flag[f] ?? f}`))),
                        h('td', { class: 'num' }, formatNumber(r.localEnterprises)),
                        h('td', { class: 'num' }, formatWanYuan(r.localRevenue)),
                        h('td', { class: 'num' }, formatNumber(r.nationalEnterprises)),
                        h('td', { class: 'num' }, formatPercent(r.share)),
                        h('td', { class: 'num' }, formatNumber(r.lqCount ?? null, 2)),
                        h('td', { class: 'reasons' }, (r.reasons ?? []).join('；')),
                      ),
                    ),
                  ),
                ),
              ),
        ),
        section(S.diagnosis.peers, peersBox),
      );
      void load(
        peersBox,
        (sig) => api.peers(ctx.state.chain!, ctx.state.region!, sig),
        (peers) => {
          add(peersBox, 
            peers.length
              ? h(
                  'table',
                  { class: 'data-table' },
                  h('thead', {}, h('tr', {}, h('th', {}, '地区'), h('th', {}, S.diagnosis.completeness), h('th', {}, '企业数'), h('th', {}, '营收'))),
                  h('tbody', {}, peers.map((p) => h('tr', {}, h('td', {}, p.regionName ?? p.regionCode), h('td', {}, formatPercent(p.completeness)), h('td', {}, formatNumber(p.enterprises)), h('td', {}, formatWanYuan(p.revenue))))),
                )
              : emptyBox(),
          );
        },
        { what: '对标地区' },
      );
    },
    { what: '产业链诊断' },
  );
  return {};
}
