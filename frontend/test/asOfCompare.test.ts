import { describe, expect, it } from 'vitest';
import type { AsOfInfo, ChainDiagnosis, SegmentDiagnosis, Verdict } from '../src/api/types';
import { asOfNote, asOfState, compareDiagnoses, comparisonSummary, compareTo, isIsoDate, todayIso, verdictChange } from '../src/views/asOfLogic';

/** A diagnosis with just what the compare reads: per segment id, verdict, local count and the leaf flag. */
function diag(date: string, rows: [string, Verdict, number, boolean?][]): ChainDiagnosis {
  const segments = rows.map(([id, verdict, local, leaf = true]) => ({
    segmentId: id, name: `环节${id}`, stage: 'MIDSTREAM', key: id === 'K', leaf, verdict,
    figures: { localEnterprises: local },
  })) as unknown as SegmentDiagnosis[];
  const asOf: AsOfInfo = { date, requested: null, enterprises: 0, excludedLater: 0, excludedUndated: 0 };
  return { snapshot: { asOf }, segments } as unknown as ChainDiagnosis;
}

describe('comparing two as-of diagnoses', () => {
  it('names every way a verdict can move, and none when it stays', () => {
    expect(verdictChange('MISSING', 'WEAK')).toBe('FILLED');
    expect(verdictChange('MISSING', 'STRONG')).toBe('FILLED');
    expect(verdictChange('PRESENT', 'MISSING')).toBe('LOST');
    expect(verdictChange('WEAK', 'PRESENT')).toBe('STRENGTHENED');
    expect(verdictChange('WEAK', 'STRONG')).toBe('STRENGTHENED');
    expect(verdictChange('STRONG', 'PRESENT')).toBe('WEAKENED');
    expect(verdictChange('PRESENT', 'WEAK')).toBe('WEAKENED');
    for (const v of ['MISSING', 'WEAK', 'PRESENT', 'STRONG'] as const) expect(verdictChange(v, v)).toBeNull();
  });

  it('counts the changes of the leaf segments (the figures of the Java as-of test: W, X, Y, Z at 2020 and 2025)', () => {
    const before = diag('2020-12-31', [['P', 'STRONG', 6, false], ['W', 'STRONG', 3], ['X', 'WEAK', 2], ['Y', 'WEAK', 1], ['Z', 'MISSING', 0], ['V', 'PRESENT', 4]]);
    const after = diag('2025-12-31', [['P', 'PRESENT', 8, false], ['W', 'PRESENT', 3], ['X', 'STRONG', 3], ['Y', 'WEAK', 1], ['Z', 'WEAK', 1], ['V', 'MISSING', 0], ['NEW', 'WEAK', 1]]);
    const c = compareDiagnoses(before, after);
    expect(c.counts).toEqual({ FILLED: 1, LOST: 1, STRENGTHENED: 1, WEAKENED: 1 });
    expect(c.changes.map((x) => [x.segmentId, x.change])).toEqual([['W', 'WEAKENED'], ['X', 'STRENGTHENED'], ['Z', 'FILLED'], ['V', 'LOST']]);
    // the parent P is not counted; NEW (not in the earlier chain) is skipped
    expect(c.compared).toBe(5);
    expect(c.unchanged).toBe(1);
    expect(c.bySegment.get('Z')).toMatchObject({ before: 'MISSING', after: 'WEAK', localBefore: 0, localAfter: 1 });
    expect(c.bySegment.has('Y')).toBe(false);
    expect([c.from, c.to]).toEqual(['2020-12-31', '2025-12-31']);
    expect(comparisonSummary(c)).toBe('2020-12-31 → 2025-12-31：补齐 1 · 失去 1 · 增强 1 · 减弱 1（共比较 5 个末级环节，1 个未变）');
  });

  it('an identical pair has no change', () => {
    const d = diag('2020-12-31', [['A', 'WEAK', 1], ['B', 'MISSING', 0]]);
    const c = compareDiagnoses(d, d);
    expect(c.changes).toEqual([]);
    expect(c.counts).toEqual({ FILLED: 0, LOST: 0, STRENGTHENED: 0, WEAKENED: 0 });
    expect(c.unchanged).toBe(2);
  });
});

describe('the as-of state of the URL', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2020-12-31')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of ['2021-02-30', '2020/12/31', '20201231', '2020-13-01', '', null, undefined, '明天']) expect(isIsoDate(bad)).toBe(false);
    expect(asOfState({ asOf: '2021-02-30', from: '2020-12-31' })).toEqual({ asOf: null, from: '2020-12-31' });
    expect(asOfState({})).toEqual({ asOf: null, from: null });
  });

  it('compares up to today when no date is chosen, in Beijing time', () => {
    expect(compareTo(null, '2026-12-02')).toBe('2026-12-02');
    expect(compareTo('2024-06-30', '2026-12-02')).toBe('2024-06-30');
    // 2026-12-01 20:00 UTC is already 12-02 in Beijing
    expect(todayIso(new Date('2026-12-01T20:00:00Z'))).toBe('2026-12-02');
  });

  it('says what was counted and what was left out', () => {
    expect(asOfNote(null)).toBe('全部数据（含成立日期未知的企业）');
    expect(asOfNote({ date: '2020-12-31', requested: null, enterprises: 1234, excludedLater: 56, excludedUndated: 12 }))
      .toBe('截至 2020-12-31：计入 1,234 家企业；未计入 56 家（其后成立）、12 家（成立与上市日期均未知）');
    expect(asOfNote({ date: '2026-12-02', requested: '2031-01-01', enterprises: 5, excludedLater: 0, excludedUndated: 0 }))
      .toBe('截至 2026-12-02：计入 5 家企业（所选 2031-01-01 晚于今天，按今天计）');
  });
});
