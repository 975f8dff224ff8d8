import { describe, expect, it } from 'vitest';
import type { ChainDiagnosis, ExtendCandidate } from '../src/api/types';
import { extendNote, extendRows } from '../src/views/diagnosisLogic';
import { S } from '../src/strings';

const part = (feature: string, nameZh: string, contribution: number, carried: boolean) => ({ feature, nameZh, value: 1, contribution, carried });

const modelCandidate: ExtendCandidate = {
  rank: 1, segmentId: 'B0', name: '环节B0', verdict: 'MISSING', relatedness: 0, neighbours: 0, neighboursPresent: 0,
  valueAdded: 3, key: true, nearStrongSegments: [], basis: 'MODEL', score: 1.2,
  reasonZh: '模型得分 1.20（进入可能约为一般环节的 3.3 倍）：相关环节本地已有 3 个（最常与之同地出现的 5 个环节中）；全国规模大（全国 120 家）',
  reasonEn: 'Model score 1.20', parts: [part('COLOCATION', '同地共现相关度', 0.8, true), part('NATIONAL_SIZE', '全国规模', 0.3, true), part('FLOW_DENSITY', '上下游相关度', 0.1, false)],
};
const ruleCandidate: ExtendCandidate = {
  rank: 1, segmentId: 'A', name: '环节A', verdict: 'WEAK', relatedness: 2 / 3, neighbours: 3, neighboursPresent: 2,
  valueAdded: 2, key: false, nearStrongSegments: ['B'], basis: 'RULE', score: null,
  reasonZh: '无足够的成立日期数据，按相关度排序：与优势环节（环节B）在供应流向上相距 1 步以内；相关度 0.67（相邻 3 个环节中本地已有 2 个）',
  reasonEn: '…', parts: [],
};

describe('延链 rows', () => {
  it('show the model score and the reason naming what carried it', () => {
    const [row] = extendRows([modelCandidate]);
    expect(row.basis).toBe('MODEL');
    expect(row.scoreText).toBe('1.20（×3.3）');
    expect(row.reason).toBe(modelCandidate.reasonZh);
    expect(row.reason).toContain('相关环节本地已有 3 个');
    expect(row.carried).toEqual(['同地共现相关度', '全国规模']);
    expect(extendRows([{ ...modelCandidate, score: 3 }])[0].scoreText).toBe('3.00（×20）');
  });
  it('fall back to the relatedness and say why without dates', () => {
    const [row] = extendRows([ruleCandidate]);
    expect(row.basis).toBe('RULE');
    expect(row.scoreText).toBe('67%（2/3）');
    expect(row.reason.startsWith('无足够的成立日期数据，按相关度排序')).toBe(true);
    expect(row.carried).toEqual([]);
  });
  it('keep the API order and stop at the limit', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...modelCandidate, rank: i + 1, segmentId: `S${i}`, score: 2 - i / 10 }));
    expect(extendRows(many).map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
  it('take the note from the ranking, the old text when the API has none', () => {
    const d = { extendRanking: { noteZh: '延链候选按模型排序：学习各省…' } } as unknown as ChainDiagnosis;
    expect(extendNote(d)).toBe('延链候选按模型排序：学习各省…');
    expect(extendNote({} as ChainDiagnosis)).toBe(S.diagnosis.extendNote);
  });
});
