import type { ChainDiagnosis, ExtendCandidate, PeerComparison, Reason, SegmentDiagnosis, SegmentFlag, Verdict } from '../api/types';
import { formatNumber, formatPercent } from '../format';
import { S } from '../strings';

export const VERDICTS: Verdict[] = ['MISSING', 'WEAK', 'PRESENT', 'STRONG'];
const VERDICT_ORDER: Record<Verdict, number> = { MISSING: 0, WEAK: 1, PRESENT: 2, STRONG: 3 };
const FLAG_ORDER: SegmentFlag[] = ['DEPENDENCY', 'CRITICAL', 'EXTEND'];

export type VerdictFilter = 'ALL' | Verdict | 'FLAGGED';

/**
 * Rows of the verdict table: most urgent first (missing, weak, present, strong), inside a verdict 卡脖子,
 * then critical, then 延链, then key segments, then by name. `filter` keeps one verdict or the flagged ones.
 */
export function diagnosisRows(segments: SegmentDiagnosis[], filter: VerdictFilter = 'ALL', leafOnly = false): SegmentDiagnosis[] {
  const flagRank = (s: SegmentDiagnosis) => {
    const i = FLAG_ORDER.findIndex((f) => s.flags.includes(f));
    return i < 0 ? FLAG_ORDER.length : i;
  };
  return segments
    .filter((s) => (leafOnly ? s.leaf : true))
    .filter((s) => (filter === 'ALL' ? true : filter === 'FLAGGED' ? s.flags.length > 0 : s.verdict === filter))
    .slice()
    .sort(
      (a, b) =>
        VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] ||
        flagRank(a) - flagRank(b) ||
        Number(b.key) - Number(a.key) ||
        a.name.localeCompare(b.name, 'zh-CN'),
    );
}

/** The reasons as one text to read aloud in a meeting (Chinese, one sentence per rule that fired). */
export function reasonText(reasons: Reason[]): string {
  return reasons
    .map((r) => r.zh.trim())
    .filter((t) => t.length > 0)
    .map((t) => (/[。；！？.]$/.test(t) ? t : t + '。'))
    .join('');
}

/** "1.23 / 0.98": LQ by count and by revenue. */
export function lqText(byCount: number | null, byRevenue: number | null): string {
  return `${formatNumber(byCount, 2)} / ${formatNumber(byRevenue, 2)}`;
}

/** Verdict counts in display order, zeros included. */
export function verdictCounts(d: ChainDiagnosis): { verdict: Verdict; count: number }[] {
  return VERDICTS.map((v) => ({ verdict: v, count: d.figures.verdictCounts?.[v] ?? 0 }));
}

/** The chain-figure cards: label key, value text, sub-line. */
export function chainFigureCards(d: ChainDiagnosis): { id: string; value: string; covered?: number; total?: number; local?: number; relations?: number }[] {
  const f = d.figures;
  const src = f.sourcing;
  return [
    { id: 'completeness', value: formatPercent(f.completeness), covered: f.coveredLeafSegments, total: f.leafSegments },
    { id: 'keyWeighted', value: formatPercent(f.completenessKeyWeighted) },
    { id: 'valueWeighted', value: formatPercent(f.completenessValueWeighted) },
    { id: 'sourcingByCount', value: formatPercent(src?.localShare ?? null), local: src?.localRelations ?? 0, relations: src?.relations ?? 0 },
    { id: 'sourcingByAmount', value: formatPercent(src?.localShareByAmount ?? null) },
  ];
}

export interface PeerMatrix {
  regions: { code: string; name: string; completeness: number; sourcing: number | null; enterprises: number; isSelf: boolean }[];
  rows: { segmentId: string; name: string; cells: { verdict: Verdict; local: number; lq: number | null; flags: SegmentFlag[] }[] }[];
}

/**
 * Peer comparison transposed for reading: one row per segment, one column per region (the asked region first),
 * each cell a verdict. Regions keep the API order (the region first, then peers by chain revenue).
 */
export function peerMatrix(p: PeerComparison, selfCode: string | null): PeerMatrix {
  const regions = p.regions.map((r) => ({
    code: r.region.code,
    name: r.region.name,
    completeness: r.figures.completeness,
    sourcing: r.figures.sourcing?.localShare ?? null,
    enterprises: r.figures.localEnterprises,
    isSelf: r.region.code === selfCode,
  }));
  const rows = p.segmentIds.map((id, i) => ({
    segmentId: id,
    name: p.segmentNames[i] ?? id,
    cells: p.regions.map((r) => ({
      verdict: r.verdicts[i] ?? 'MISSING',
      local: r.localEnterprises[i] ?? 0,
      lq: r.lqByCount[i] ?? null,
      flags: r.flags[i] ?? [],
    })),
  }));
  return { regions, rows };
}

/** Overrides of the diagnosis thresholds from view parameters (only the known setting names, only numbers). */
export function thresholdOverrides(params: Record<string, string>, known: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of known) {
    const v = params[k];
    if (v === undefined || v.trim() === '') continue;
    const n = Number(v);
    if (Number.isFinite(n)) out[k] = n;
  }
  return out;
}

/** The threshold names the diagnosis API accepts as query parameters (DiagnosisSettings.Overrides). */
export const THRESHOLDS = [
  'minEnterprises', 'weakLq', 'strongLq', 'singleEnterpriseShare', 'outsideInputShare',
  'minSupplyRelations', 'extendSteps', 'hhiLimit', 'fewEnterprises', 'topProvinceShare',
] as const;

/** Thresholds that are shares (0..1): shown and typed as percentages, as the reasons say them (80%). */
export const PERCENT_SETTINGS: ReadonlySet<string> = new Set(['singleEnterpriseShare', 'outsideInputShare', 'topProvinceShare']);

/** A threshold as the form shows it: shares as percent (0.8 → 80), other numbers unchanged. */
export function settingShown(name: string, value: number): number {
  return PERCENT_SETTINGS.has(name) ? Math.round(value * 10000) / 100 : value;
}

/** Back from the form to the API's value (80 → 0.8 for shares). */
export function settingValue(name: string, shown: number): number {
  return PERCENT_SETTINGS.has(name) ? Math.round(shown * 100) / 10000 : shown;
}

/** A row of the 延链 table: the model's score (or the rule's relatedness) and the reason as the API words it. */
export interface ExtendRow {
  rank: number;
  segmentId: string;
  name: string;
  key: boolean;
  verdict: Verdict;
  basis: 'MODEL' | 'RULE';
  /** "1.23（×3.4）" for the model: score and e^score, how many times an average segment's chance; "67%（2/3）" for the rule. */
  scoreText: string;
  reason: string;
  /** Chinese names of the features that carried a model score. */
  carried: string[];
}

export function extendRows(candidates: ExtendCandidate[], limit = 10): ExtendRow[] {
  return candidates.slice(0, limit).map((c) => {
    const model = c.basis === 'MODEL' && c.score !== null && c.score !== undefined;
    const times = model ? Math.exp(c.score as number) : 0;
    return {
      rank: c.rank,
      segmentId: c.segmentId,
      name: c.name,
      key: c.key,
      verdict: c.verdict,
      basis: model ? 'MODEL' : 'RULE',
      scoreText: model
        ? `${(c.score as number).toFixed(2)}（×${formatNumber(times, times >= 10 ? 0 : 1)}）`
        : `${formatPercent(c.relatedness, 0)}（${c.neighboursPresent}/${c.neighbours}）`,
      reason: c.reasonZh ?? '',
      carried: (c.parts ?? []).filter((p) => p.carried).map((p) => p.nameZh),
    };
  });
}

/** The note above the 延链 table: how the candidates were ranked (the model's window, or why the rule). */
export function extendNote(d: ChainDiagnosis): string {
  return d.extendRanking?.noteZh ?? S.diagnosis.extendNote;
}
