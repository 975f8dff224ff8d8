import { describe, expect, it } from 'vitest';
import type { Segment } from '../src/api/types';
import { isProvisional } from '../src/components/provisional';
import { columnTypeZh, decided, decisionText, evidenceOf, historyQuery, offersAssignment, reviewChain, segmentChoices } from '../src/views/importLogic';

const seg = (id: string, name: string, stage: Segment['stage'], parentId: string | null = null): Segment => ({
  id, chainId: 'C', name, stage, key: false, valueAdded: 1, parentId, description: null,
});

describe('挂链 review', () => {
  it('offers the segments in chain order (upstream → downstream, along the flows), not by id', () => {
    // ids sort against the chain: A-整车 < B-电芯 < C-材料 < D-电池 (parent of 电芯)
    const segments = [seg('A', '整车', 'DOWNSTREAM'), seg('B', '电芯', 'MIDSTREAM', 'D'), seg('C', '正极材料', 'UPSTREAM'), seg('D', '动力电池', 'MIDSTREAM')];
    const flows = [{ from: 'C', to: 'B', recycling: false }, { from: 'B', to: 'A', recycling: false }];
    const choices = segmentChoices({ segments, flows });
    expect(choices.map((c) => c.id)).toEqual(['C', 'D', 'B', 'A']);
    expect(choices.find((c) => c.id === 'B')).toEqual({ id: 'B', label: '动力电池/电芯', stage: '中游' });
    expect(choices[0]!.stage).toBe('上游');
    expect(segmentChoices(null)).toEqual([]);
  });

  it('says what was decided and locks the row only for final decisions', () => {
    expect(decisionText({ kind: 'accepted', segmentId: 'B', segmentName: '电芯', changed: false })).toBe('已采纳「电芯」');
    expect(decisionText({ kind: 'accepted', segmentId: 'A', segmentName: '整车', changed: true })).toBe('已改为「整车」并挂链');
    expect(decisionText({ kind: 'rejected' })).toContain('已驳回');
    expect(decisionText({ kind: 'failed', message: '未找到企业 X' })).toBe('未成功：未找到企业 X');
    expect(decisionText(undefined)).toBe('');
    expect(decided({ kind: 'rejected' })).toBe(true);
    expect(decided({ kind: 'pending' })).toBe(true);
    expect(decided({ kind: 'failed', message: 'x' })).toBe(false); // a failure can be retried
    expect(decided(undefined)).toBe(false);
  });

  it('puts the evidence in words, a dash when there is none', () => {
    const e = evidenceOf({ matchedTerms: ['软包电芯', '电芯'], nearestFirms: [{ name: '甲电池', similarity: 0.8123 }, { name: '乙电池', similarity: 0.5 }] });
    expect(e.words).toBe('软包电芯、电芯');
    expect(e.firms).toBe('甲电池（相似度 0.81）；乙电池（相似度 0.50）');
    expect(evidenceOf({ matchedTerms: [], nearestFirms: [] })).toEqual({ words: '—', firms: '—' });
  });

  it('opens on the chain the file named, else the header chain, else the first', () => {
    const known = ['NEV', 'PV'];
    expect(reviewChain(['PV'], 'NEV', known)).toBe('PV');
    expect(reviewChain(['GONE'], 'NEV', known)).toBe('NEV');
    expect(reviewChain([], null, known)).toBe('NEV');
    expect(reviewChain(null, 'XX', [])).toBeNull();
  });

  it('opens review after a written enterprises import only', () => {
    const job = { phase: 'DONE' as const, dryRun: false, format: 'enterprises', result: { rowsWritten: 3 } };
    expect(offersAssignment(job)).toBe(true);
    expect(offersAssignment({ ...job, dryRun: true })).toBe(false);
    expect(offersAssignment({ ...job, phase: 'REJECTED' })).toBe(false);
    expect(offersAssignment({ ...job, result: { rowsWritten: 0 } })).toBe(false);
    expect(offersAssignment({ ...job, format: 'supplies' })).toBe(false);
  });
});

describe('import history query', () => {
  it('pages from 0 for the API and bounds the submitter', () => {
    expect(historyQuery(1, 10, '')).toEqual({ page: 0, size: 10, submittedBy: null });
    expect(historyQuery(3, 10, '  县招商局 张三 ')).toEqual({ page: 2, size: 10, submittedBy: '县招商局 张三' });
    expect(historyQuery(0, 10, 'x'.repeat(80)).submittedBy).toHaveLength(50);
    expect(historyQuery(0, 10, 'x').page).toBe(0);
  });
});

describe('无信用代码', () => {
  it('knows a provisional key by its shape, and an explicit flag wins', () => {
    expect(isProvisional('NC340104-0123456789ABCDEF')).toBe(true);
    expect(isProvisional('91340100MA2N0000X1')).toBe(false);
    expect(isProvisional('NC340104-0123456789ABCDE')).toBe(false); // one digit short
    expect(isProvisional('NC34010X-0123456789ABCDEF')).toBe(false);
    expect(isProvisional(null)).toBe(false);
    expect(isProvisional('91340100MA2N0000X1', true)).toBe(true);
    expect(isProvisional('NC340104-0123456789ABCDEF', false)).toBe(false);
  });
});

describe('column types in Chinese', () => {
  it('words reference columns by what they name, never as an enum', () => {
    expect(columnTypeZh('ID_LIST', null, 'SEGMENT')).toBe('多个环节（名称、路径或编号，用 ; 或 、 分隔）');
    expect(columnTypeZh('ID', null, 'CHAIN')).toBe('产业链（名称或编号）');
    expect(columnTypeZh('ID', null, 'INSTITUTION')).toBe('研发机构（名称或编号）');
    expect(columnTypeZh('ID', null, null)).toBe('编号');
    expect(columnTypeZh('ENTERPRISE', null, 'ENTERPRISE')).toBe('企业（信用代码、全称或简称）');
  });
});
