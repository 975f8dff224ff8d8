import type { AsOfInfo, ChainDiagnosis, Stage, Verdict } from '../api/types';
import { formatNumber } from '../format';

/**
 * 截至日期 and 对比 (compare two dates): the URL carries `asOf` (the date the map and diagnosis show; none = all data)
 * and `from` (the earlier date of a compare; none = no compare). A compare diffs two as-of diagnoses segment by segment.
 */

/** The default start of a compare: "2020 → 今天". */
export const DEFAULT_FROM = '2020-12-31';

/** Verdicts from weakest to strongest: a compare says up or down along this order. */
export const VERDICT_RANK: Record<Verdict, number> = { MISSING: 0, WEAK: 1, PRESENT: 2, STRONG: 3 };

export type Change = 'FILLED' | 'LOST' | 'STRENGTHENED' | 'WEAKENED';
export const CHANGES: readonly Change[] = ['FILLED', 'LOST', 'STRENGTHENED', 'WEAKENED'];

/** Chinese labels: the badge on the map (icon + word, colour is never the only signal) and the long form. */
export const CHANGE_TEXT: Record<Change, { badge: string; label: string; title: string }> = {
  FILLED: { badge: '＋补齐', label: '补齐', title: '由空白变为已有企业' },
  LOST: { badge: '－失去', label: '失去', title: '由已有企业变为空白' },
  STRENGTHENED: { badge: '▲增强', label: '增强', title: '结论上升（如 薄弱 → 一般/优势）' },
  WEAKENED: { badge: '▼减弱', label: '减弱', title: '结论下降（如 优势 → 一般/薄弱）' },
};

export interface SegmentChange {
  segmentId: string;
  name: string;
  stage: Stage;
  key: boolean;
  before: Verdict;
  after: Verdict;
  change: Change;
  localBefore: number;
  localAfter: number;
}

export interface Comparison {
  from: string;
  to: string;
  /** Changed leaf segments, in the diagnosis' display order. */
  changes: SegmentChange[];
  counts: Record<Change, number>;
  /** Leaf segments compared, and how many kept their verdict. */
  compared: number;
  unchanged: number;
  bySegment: Map<string, SegmentChange>;
}

/** How a segment's verdict moved between two dates; null when it did not. */
export function verdictChange(before: Verdict, after: Verdict): Change | null {
  if (before === after) return null;
  if (before === 'MISSING') return 'FILLED';
  if (after === 'MISSING') return 'LOST';
  return VERDICT_RANK[after] > VERDICT_RANK[before] ? 'STRENGTHENED' : 'WEAKENED';
}

/**
 * The changes from `before` to `after` over the leaf segments (末级环节, the ones completeness counts; a parent's
 * verdict sums its children). Segments missing on either side (a chain edited in between) are skipped.
 */
export function compareDiagnoses(before: ChainDiagnosis, after: ChainDiagnosis): Comparison {
  const old = new Map(before.segments.map((s) => [s.segmentId, s]));
  const counts: Record<Change, number> = { FILLED: 0, LOST: 0, STRENGTHENED: 0, WEAKENED: 0 };
  const changes: SegmentChange[] = [];
  let compared = 0;
  for (const s of after.segments) {
    const b = old.get(s.segmentId);
    if (!s.leaf || !b) continue;
    compared++;
    const change = verdictChange(b.verdict, s.verdict);
    if (!change) continue;
    counts[change]++;
    changes.push({
      segmentId: s.segmentId, name: s.name, stage: s.stage, key: s.key, before: b.verdict, after: s.verdict, change,
      localBefore: b.figures.localEnterprises, localAfter: s.figures.localEnterprises,
    });
  }
  return {
    from: before.snapshot.asOf?.date ?? '', to: after.snapshot.asOf?.date ?? '', changes, counts, compared,
    unchanged: compared - changes.length, bySegment: new Map(changes.map((c) => [c.segmentId, c])),
  };
}

/** A strict YYYY-MM-DD that is a real calendar date. */
export function isIsoDate(s: string | null | undefined): s is string {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Today in Beijing time (the server judges "future" on the same dates). */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The as-of state of the URL: a bad date is ignored (as a missing one), a compare needs a valid `from`. */
export function asOfState(params: Record<string, string>): { asOf: string | null; from: string | null } {
  const asOf = isIsoDate(params.asOf) ? params.asOf : null;
  const from = isIsoDate(params.from) ? params.from : null;
  return { asOf, from };
}

/** The "after" date of a compare: the chosen date, or today (then undated firms are left out on both sides). */
export function compareTo(asOf: string | null, today: string = todayIso()): string {
  return asOf ?? today;
}

/** What an as-of answer counted, read aloud: "截至 2020-12-31：计入 1,234 家企业；未计入 56 家（其后成立）、12 家（成立日期未知）". */
export function asOfNote(a: AsOfInfo | null | undefined): string {
  if (!a) return '全部数据（含成立日期未知的企业）';
  const parts = [`截至 ${a.date}：计入 ${formatNumber(a.enterprises)} 家企业`];
  const left: string[] = [];
  if (a.excludedLater > 0) left.push(`${formatNumber(a.excludedLater)} 家（其后成立）`);
  if (a.excludedUndated > 0) left.push(`${formatNumber(a.excludedUndated)} 家（成立与上市日期均未知）`);
  if (left.length) parts.push(`未计入 ${left.join('、')}`);
  const note = parts.join('；');
  return a.requested ? `${note}（所选 ${a.requested} 晚于今天，按今天计）` : note;
}

/** The summary line of a compare: "2020-12-31 → 2026-12-02：补齐 3 · 失去 0 · 增强 2 · 减弱 1（共比较 40 个末级环节）". */
export function comparisonSummary(c: Comparison): string {
  const counts = CHANGES.map((k) => `${CHANGE_TEXT[k].label} ${c.counts[k]}`).join(' · ');
  return `${c.from} → ${c.to}：${counts}（共比较 ${c.compared} 个末级环节，${c.unchanged} 个未变）`;
}
