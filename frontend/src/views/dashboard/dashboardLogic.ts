import type { GapSegment, LedgerRate, LedgerStage, LedgerTally, StageFigure, TrendPoint } from '../../api/types';
import { formatNumber } from '../../format';

/** 驾驶舱 helpers: pure, so the words and numbers the leaders read are unit-tested. */

export const UNKNOWN = '未知';

export const STAGE_ZH: Record<LedgerStage, string> = {
  PLANNING: '谋划', NEGOTIATING: '洽谈', SIGNED: '签约', STARTED: '开工', BUILDING: '建设', IN_PRODUCTION: '投产', AT_CAPACITY: '达产',
};

/** "66.7%", or 未知 when nothing is due (never 0%). */
export function rateText(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? UNKNOWN : `${(value * 100).toFixed(1)}%`;
}

/** "2 / 3 个到期项目（另有 4 个未到期）". */
export function rateBasis(r: LedgerRate): string {
  const base = r.denominator === 0 ? '暂无到期项目' : `${r.numerator} / ${r.denominator} 个到期项目`;
  return r.notYetDue > 0 ? `${base}（另有 ${r.notYetDue} 个未到期，不计入）` : base;
}

/** "16 亿元（已知 2/5 个）"; 未知 when no project's investment is known; exact when all are. */
export function investmentText(yi: number | null, known: number, count: number): string {
  if (count === 0) return '—';
  if (yi === null || known === 0) return UNKNOWN;
  const v = `${formatNumber(yi, Math.abs(yi) >= 100 ? 0 : 2)} 亿元`;
  return known === count ? v : `${v}（已知 ${known}/${count} 个）`;
}

export function tallyText(t: LedgerTally): string {
  return `${t.count} 个 · ${t.count === 0 ? '—' : investmentText(t.investmentYi, t.investmentKnownCount, t.count)}`;
}

/** The stage bars: count per stage (terminated excluded), the investment text for the tooltip. */
export function stageBars(stages: StageFigure[]): { name: string; count: number; tip: string }[] {
  return stages.map((s) => ({
    name: s.stageZh,
    count: s.count,
    tip: `${s.stageZh}：${s.count} 个${s.suspended ? `（其中暂缓 ${s.suspended} 个）` : ''}<br/>计入投资：${investmentText(s.investmentYi, s.investmentKnownCount, s.count)}`,
  }));
}

/** Trend series in percent (null stays a gap in the line, not a 0). */
export function trendSeries(trend: TrendPoint[]): { months: string[]; start: (number | null)[]; production: (number | null)[]; capacity: (number | null)[] } {
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  return {
    months: trend.map((t) => t.month),
    start: trend.map((t) => pct(t.startRate)),
    production: trend.map((t) => pct(t.productionRate)),
    capacity: trend.map((t) => pct(t.capacityRate)),
  };
}

/** Gaps split into those being filled (a lead or project) and those nobody works on yet. */
export function splitGaps(gaps: GapSegment[]): { filling: GapSegment[]; open: GapSegment[] } {
  const open = gaps.filter((g) => g.leads + g.projects === 0);
  return { filling: gaps.filter((g) => g.leads + g.projects > 0), open: [...open].sort((a, b) => gapWeight(b) - gapWeight(a)) };
}

/** Gaps nobody works on yet, most urgent first: 卡脖子, then 关键环节, then 空白 before 薄弱 (stable otherwise). */
function gapWeight(g: GapSegment): number {
  return (g.chokepoint ? 4 : 0) + (g.key ? 2 : 0) + (g.verdict === 'MISSING' ? 1 : 0);
}

/** How many open gaps the dashboard lists before 「展开全部」: a leaders' page shows the top ones, not all 60. */
export const TOP_OPEN_GAPS = 12;

/** "签约 3 · 开工 2" of a sub-region's stage counts, furthest first. */
export function stageCountsText(counts: Partial<Record<LedgerStage, number>>): string {
  const order: LedgerStage[] = ['AT_CAPACITY', 'IN_PRODUCTION', 'BUILDING', 'STARTED', 'SIGNED', 'NEGOTIATING', 'PLANNING'];
  const parts = order.filter((s) => (counts[s] ?? 0) > 0).map((s) => `${STAGE_ZH[s]} ${counts[s]}`);
  return parts.length ? parts.join(' · ') : '—';
}
