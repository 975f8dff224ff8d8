import { isIsoDate } from './asOfLogic';
import type { ScoreParts, ScorePartKey, TargetQuery, TargetWeights } from '../api/types';

export const PART_KEYS: ScorePartKey[] = ['scale', 'quality', 'innovation', 'ties', 'predicted', 'proximity', 'priority', 'signals'];
export const TAG_OPTIONS = ['上市', '500强', '专精特新小巨人', '专精特新', '高新技术企业'];
export const SIZE_BANDS = ['LARGE', 'MEDIUM', 'SMALL'];
export const PAGE_SIZE = 20;

const list = (v: string | undefined): string[] => (v ? v.split(',').map((x) => x.trim()).filter(Boolean) : []);

/** The ranking asked for by the URL: `#/targets?preset=leaders&include=320000,310000&size=LARGE&tags=上市&min=40&segments=…`. */
export function queryFromState(state: { chain: string | null; region: string | null; zone: string | null; params: Record<string, string> }): TargetQuery | null {
  if (!state.chain || !state.region) return null;
  const p = state.params;
  const min = p.min !== undefined && p.min.trim() !== '' ? Number(p.min) : null;
  return {
    chain: state.chain,
    region: state.region,
    zone: state.zone,
    segments: list(p.segments),
    preset: p.preset || null,
    weights: null,
    includeProvinces: list(p.include).filter((c) => /^\d{2}0000$/.test(c)),
    excludeProvinces: list(p.exclude).filter((c) => /^\d{2}0000$/.test(c)),
    sizeBand: p.size && SIZE_BANDS.includes(p.size) ? p.size : null,
    tags: list(p.tags),
    minScore: min !== null && Number.isFinite(min) ? min : null,
    // 截至日期: a bad date is ignored, as on the chain map and the diagnosis
    asOf: isIsoDate(p.asOf) ? p.asOf : null,
  };
}

/** View parameters for a set of filters (empty ones removed, so the URL stays short); the page goes back to 1. */
export function filterParams(f: { preset?: string; include?: string[]; exclude?: string[]; size?: string; tags?: string[]; min?: string }): Record<string, string | null> {
  const join = (xs?: string[]) => (xs && xs.length ? xs.join(',') : null);
  return {
    preset: f.preset || null,
    include: join(f.include),
    exclude: join(f.exclude),
    size: f.size || null,
    tags: join(f.tags),
    min: f.min && f.min.trim() !== '' ? f.min.trim() : null,
    page: null,
  };
}

export interface PartBar {
  key: ScorePartKey;
  value: number;
  weight: number;
  /** value ÷ weight: how much of the part's possible points the company earns (0..100). */
  widthPct: number;
}

/** One bar per score part; a bar is full when the company earns the part's whole weight. Parts weighted 0 are left out. */
export function partBars(parts: ScoreParts, weights: TargetWeights): PartBar[] {
  return PART_KEYS.filter((k) => (weights[k] ?? 0) > 0).map((k) => ({
    key: k,
    value: parts[k] ?? 0,
    weight: weights[k]!,
    widthPct: Math.max(0, Math.min(100, ((parts[k] ?? 0) / weights[k]!) * 100)),
  }));
}

/** Sum of the weights: the most points a company can score (a part a saved list did not have counts 0). */
export function maxScore(w: TargetWeights): number {
  return PART_KEYS.reduce((sum, k) => sum + (w[k] ?? 0), 0);
}

/** A default name for a saved list: 合肥市 新能源汽车 招商清单 2026-11-22. */
export function defaultListName(regionName: string, chainName: string, today: Date): string {
  const d = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  return `${regionName} ${chainName} 招商清单 ${d}`.trim();
}

/** The conditions of a ranking in words (for a saved list's header): 规模 大型；只看 江苏省、上海市；标签 上市；最低 40 分. */
export function queryText(
  q: { preset?: string | null; includeProvinces?: string[]; excludeProvinces?: string[]; sizeBand?: string | null; tags?: string[]; minScore?: number | null; segments?: string[] },
  names: { province: (code: string) => string; preset: (key: string) => string; sizeBand: (band: string) => string; segment: (id: string) => string },
): string {
  const parts: string[] = [];
  parts.push(`权重 ${names.preset(q.preset || 'balanced')}`);
  if (q.segments?.length) parts.push(`环节 ${q.segments.map(names.segment).join('、')}`);
  if (q.includeProvinces?.length) parts.push(`只看 ${q.includeProvinces.map(names.province).join('、')}`);
  if (q.excludeProvinces?.length) parts.push(`排除 ${q.excludeProvinces.map(names.province).join('、')}`);
  if (q.sizeBand) parts.push(`规模 ${names.sizeBand(q.sizeBand)}`);
  if (q.tags?.length) parts.push(`标签 ${q.tags.join('、')}`);
  if (q.minScore !== null && q.minScore !== undefined) parts.push(`最低 ${q.minScore} 分`);
  return parts.join('；');
}
