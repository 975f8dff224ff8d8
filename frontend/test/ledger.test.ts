import { describe, expect, it } from 'vitest';
import type { Lead } from '../src/api/types';
import { contactAge, contactErrors, emptyContact, leadFilterParams, leadForm, leadPatch, leadQueryFromState, projectFormFromLead } from '../src/views/leads/leadLogic';
import { emptyProjectForm, isOverdue, projectBody, projectFilterParams, projectFormErrors, projectQueryFromState, yiText } from '../src/views/projects/projectLogic';
import { advanceBody, advanceErrors, correctionBody, correctionErrors, skippedStages, steps, todayShanghai, type StagedProject } from '../src/views/projects/stageLogic';

const TODAY = '2026-06-30';
const negotiating: StagedProject = { stage: 'NEGOTIATING', status: 'ACTIVE', stageDates: { NEGOTIATING: '2026-03-01' } };

function lead(over: Partial<Lead> = {}): Lead {
  return {
    id: 'L1', enterpriseName: '某某电池有限公司', uscc: null, enterpriseRegionCode: '320500', regionCode: '340100', regionName: '合肥市',
    chainId: 'NEV', segmentId: 'NEV-CELL', segmentName: '电芯', source: 'LIST', sourceZh: '清单', status: 'FOLLOWING', statusZh: '跟进中',
    responsible: '张三', department: '招商一局', nextAction: '二次拜访', nextActionDate: '2026-07-10', note: null,
    createdAt: '2026-05-01T00:00:00Z', updatedAt: '2026-05-01T00:00:00Z', lastContactAt: null, daysSinceContact: null, stale: false, projectId: null,
    ...over,
  };
}

describe('filters ⇄ URL', () => {
  it('reads the lead filters from the URL and drops unknown values', () => {
    const q = leadQueryFromState({ chain: 'NEV', region: '340100', segment: 'NEV-CELL', params: { status: 'FOLLOWING', responsible: ' 张三 ', stale: 'true', page: '2' } });
    expect(q).toEqual({ region: '340100', chain: 'NEV', segment: 'NEV-CELL', status: 'FOLLOWING', responsible: '张三', stale: true, q: null });
    expect(leadQueryFromState({ chain: 'NEV', region: null, segment: null, params: { status: 'BOGUS', stale: 'yes' } })).toMatchObject({ status: null, stale: null, region: null });
  });

  it('writes only the filters given, and goes back to page 1', () => {
    expect(leadFilterParams({ status: 'NEW', responsible: '  ', stale: false })).toEqual({ status: 'NEW', responsible: null, stale: null, q: null, page: null });
    expect(projectFilterParams({ stage: 'SIGNED', overdue: true, responsible: '李四' })).toEqual({ stage: 'SIGNED', status: null, responsible: '李四', overdue: 'true', q: null, page: null });
  });

  it('round-trips the project filters', () => {
    const params = projectFilterParams({ stage: 'STARTED', status: 'SUSPENDED', responsible: '王五', overdue: true, q: '电池' });
    const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== null)) as Record<string, string>;
    expect(projectQueryFromState({ chain: 'NEV', region: '340100', segment: null, params: clean })).toEqual({
      region: '340100', chain: 'NEV', segment: null, stage: 'STARTED', status: 'SUSPENDED', responsible: '王五', overdue: true, q: '电池',
    });
    expect(projectQueryFromState({ chain: 'NEV', region: null, segment: null, params: { stage: 'DONE' } }).stage).toBeNull();
  });
});

describe('stage stepper rules', () => {
  it('moves only forward', () => {
    expect(advanceErrors(negotiating, { stage: 'PLANNING', date: '2026-04-01', skippedDates: {} }, TODAY)[0]).toContain('只能向后推进');
    expect(advanceErrors(negotiating, { stage: 'NEGOTIATING', date: '2026-04-01', skippedDates: {} }, TODAY)[0]).toContain('更正');
    expect(advanceErrors(negotiating, { stage: 'SIGNED', date: '2026-04-01', skippedDates: {} }, TODAY)).toEqual([]);
  });

  it('needs a date not before the previous stage and not after today', () => {
    expect(advanceErrors(negotiating, { stage: 'SIGNED', date: null, skippedDates: {} }, TODAY)).toEqual(['请填写「签约」日期']);
    expect(advanceErrors(negotiating, { stage: 'SIGNED', date: '2026-02-28', skippedDates: {} }, TODAY)).toEqual(['「签约」日期（2026-02-28）不能早于「洽谈」日期（2026-03-01）']);
    expect(advanceErrors(negotiating, { stage: 'SIGNED', date: '2026-03-01', skippedDates: {} }, TODAY)).toEqual([]);
    expect(advanceErrors(negotiating, { stage: 'SIGNED', date: '2026-07-01', skippedDates: {} }, TODAY)).toEqual(['「签约」日期不能晚于今天']);
  });

  it('asks for a date for every skipped stage, in order', () => {
    expect(skippedStages('NEGOTIATING', 'BUILDING')).toEqual(['SIGNED', 'STARTED']);
    const missing = advanceErrors(negotiating, { stage: 'BUILDING', date: '2026-05-01', skippedDates: { SIGNED: '2026-04-01' } }, TODAY);
    expect(missing).toEqual(['跳过的阶段「开工」也需要日期']);
    const disordered = advanceErrors(negotiating, { stage: 'BUILDING', date: '2026-05-01', skippedDates: { SIGNED: '2026-04-10', STARTED: '2026-04-01' } }, TODAY);
    expect(disordered).toEqual(['「开工」日期（2026-04-01）不能早于「签约」日期（2026-04-10）']);
    const ok = { stage: 'BUILDING' as const, date: '2026-05-01', skippedDates: { SIGNED: '2026-04-01', STARTED: '2026-04-10', IN_PRODUCTION: '2026-06-01' } };
    expect(advanceErrors(negotiating, ok, TODAY)).toEqual([]);
    // only the stages actually skipped go to the server
    expect(advanceBody(negotiating, ok)).toEqual({ stage: 'BUILDING', date: '2026-05-01', skippedDates: { SIGNED: '2026-04-01', STARTED: '2026-04-10' } });
    expect(advanceBody(negotiating, { stage: 'SIGNED', date: '2026-05-01', skippedDates: {} })).toEqual({ stage: 'SIGNED', date: '2026-05-01' });
  });

  it('compares with the latest dated stage when earlier ones have none (entered directly at 签约)', () => {
    const signed: StagedProject = { stage: 'SIGNED', status: 'ACTIVE', stageDates: { SIGNED: '2026-04-01' } };
    expect(advanceErrors(signed, { stage: 'STARTED', date: '2026-03-31', skippedDates: {} }, TODAY)[0]).toContain('不能早于「签约」');
    const planning: StagedProject = { stage: 'PLANNING', status: 'ACTIVE', stageDates: {} };
    expect(advanceErrors(planning, { stage: 'NEGOTIATING', date: '2020-01-01', skippedDates: {} }, TODAY)).toEqual([]);
  });

  it('does not advance a suspended or terminated project', () => {
    expect(advanceErrors({ ...negotiating, status: 'SUSPENDED' }, { stage: 'SIGNED', date: '2026-04-01', skippedDates: {} }, TODAY)[0]).toContain('暂缓');
    expect(advanceErrors({ ...negotiating, status: 'TERMINATED' }, { stage: 'SIGNED', date: '2026-04-01', skippedDates: {} }, TODAY)[0]).toContain('终止');
  });

  it('corrects only with a reason and a real change; going back drops the later dates', () => {
    const started: StagedProject = { stage: 'STARTED', status: 'ACTIVE', stageDates: { NEGOTIATING: '2026-03-01', SIGNED: '2026-04-01', STARTED: '2026-05-01' } };
    const back = { stage: 'SIGNED' as const, stageDates: { ...started.stageDates }, reason: '' };
    expect(correctionErrors(started, back, TODAY)).toEqual(['请填写更正原因']);
    expect(correctionErrors(started, { ...back, reason: '开工信息录错' }, TODAY)).toEqual([]);
    expect(correctionBody({ ...back, reason: ' 开工信息录错 ' })).toEqual({ stage: 'SIGNED', stageDates: { PLANNING: null, NEGOTIATING: '2026-03-01', SIGNED: '2026-04-01' }, reason: '开工信息录错' });
    // a cleared date goes as null, so the server removes it
    expect(correctionBody({ stage: 'STARTED', stageDates: { ...started.stageDates, NEGOTIATING: null }, reason: '洽谈日期不详' }).stageDates).toEqual({ PLANNING: null, NEGOTIATING: null, SIGNED: '2026-04-01', STARTED: '2026-05-01' });
    expect(correctionErrors(started, { stage: 'STARTED', stageDates: { ...started.stageDates }, reason: '核对' }, TODAY)).toEqual(['没有要更正的内容']);
    expect(correctionErrors(started, { stage: 'STARTED', stageDates: { ...started.stageDates, SIGNED: '2026-05-02' }, reason: '核对' }, TODAY)).toEqual([
      '「开工」日期（2026-05-01）不能早于「签约」日期（2026-05-02）',
    ]);
    expect(correctionErrors(started, { stage: 'STARTED', stageDates: { ...started.stageDates, STARTED: null }, reason: '核对' }, TODAY)).toContain('请填写「开工」日期');
  });

  it('draws the stepper: reached stages with dates, current in progress or stopped', () => {
    const s = steps({ stage: 'SIGNED', status: 'ACTIVE', stageDates: { NEGOTIATING: '2026-03-01', SIGNED: '2026-04-01' } });
    expect(s.map((x) => x.status)).toEqual(['success', 'success', 'process', 'wait', 'wait', 'wait', 'wait']);
    expect(s.map((x) => x.date)).toEqual([null, '2026-03-01', '2026-04-01', null, null, null, null]);
    expect(steps({ stage: 'SIGNED', status: 'TERMINATED', stageDates: {} })[2]!.status).toBe('error');
  });

  it('knows today in Asia/Shanghai', () => {
    expect(todayShanghai(new Date('2026-06-30T16:30:00Z'))).toBe('2026-07-01');
    expect(todayShanghai(new Date('2026-06-30T15:59:00Z'))).toBe('2026-06-30');
  });
});

describe('forms', () => {
  it('says what a project needs before sending', () => {
    const f = emptyProjectForm('NEV', '340100');
    const e = projectFormErrors(f, TODAY);
    expect(e.name).toBe('请填写项目名称');
    expect(e.responsible).toBe('请填写责任人');
    expect(e.stageDate).toBeUndefined(); // 谋划 needs no date
    f.name = '电池项目';
    f.responsible = '张三';
    f.stage = 'SIGNED';
    expect(projectFormErrors(f, TODAY)).toEqual({ stageDate: '请填写「签约」日期' });
    f.stageDate = '2026-07-02';
    expect(projectFormErrors(f, TODAY)).toEqual({ stageDate: '阶段日期不能晚于今天' });
    f.stageDate = '2026-06-01';
    f.plannedInvestmentYi = -1;
    expect(Object.keys(projectFormErrors(f, TODAY))).toEqual(['plannedInvestmentYi']);
    f.enterpriseMode = 'new';
    f.plannedInvestmentYi = null;
    expect(projectFormErrors(f, TODAY)).toEqual({ enterpriseName: '请填写企业名称', enterpriseRegionCode: '请填写企业所在地区' });
  });

  it('keeps an unknown investment null (never 0) and counts 增资 only when it is one', () => {
    const f = { ...emptyProjectForm('NEV', '340100'), name: '扩产项目', responsible: '张三', addedInvestmentYi: 3 };
    expect(projectBody(f)).toMatchObject({ plannedInvestmentYi: null, expansion: false, addedInvestmentYi: null });
    expect(projectBody({ ...f, expansion: true, plannedInvestmentYi: 10 })).toMatchObject({ plannedInvestmentYi: 10, expansion: true, addedInvestmentYi: 3 });
    expect(yiText(null)).toBe('未知');
    expect(yiText(0)).toBe('0 亿元');
    expect(yiText(12.5)).toBe('12.5 亿元');
  });

  it('validates a contact', () => {
    const c = emptyContact(TODAY);
    expect(contactErrors(c, TODAY)).toEqual({ who: '请填写参与人', summary: '请填写交流内容' });
    const ok = { ...c, who: '张三、企业王总', summary: '企业有意在合肥设厂', nextStep: '报送项目建议书', nextStepDate: '2026-07-15' };
    expect(contactErrors(ok, TODAY)).toEqual({});
    expect(contactErrors({ ...ok, nextStepDate: '2026-06-01' }, TODAY).nextStepDate).toBe('下一步日期不能早于联系日期');
    expect(contactErrors({ ...ok, date: '2026-07-01' }, TODAY).date).toBe('联系日期不能晚于今天');
  });

  it('patches only the lead fields that changed', () => {
    const l = lead();
    const f = leadForm(l, 'NEV', '340100');
    expect(leadPatch(l, f)).toEqual({});
    f.responsible = '李四';
    f.nextActionDate = null;
    expect(leadPatch(l, f)).toEqual({ responsible: '李四', nextActionDate: null });
  });

  it('prefills a project from its lead', () => {
    const f = projectFormFromLead(lead());
    expect(f).toMatchObject({ name: '某某电池有限公司项目', enterpriseMode: 'new', enterpriseName: '某某电池有限公司', enterpriseRegionCode: '320500', regionCode: '340100', segmentIds: ['NEV-CELL'], responsible: '张三', department: '招商一局', nextAction: '二次拜访' });
    expect(projectFormFromLead(lead({ uscc: '91340100MA2X000001' }))).toMatchObject({ enterpriseMode: 'existing', uscc: '91340100MA2X000001' });
    expect(projectBody(f, 'L1')).toMatchObject({ leadId: 'L1', enterpriseName: '某某电池有限公司', enterpriseRegionCode: '320500' });
  });

  it('marks overdue by the server, else by a passed next-step date', () => {
    expect(isOverdue({ overdue: null, status: 'ACTIVE', nextActionDate: '2026-06-29' }, TODAY)).toBe(true);
    expect(isOverdue({ overdue: null, status: 'ACTIVE', nextActionDate: TODAY }, TODAY)).toBe(false);
    expect(isOverdue({ overdue: null, status: 'SUSPENDED', nextActionDate: '2026-01-01' }, TODAY)).toBe(false);
    expect(isOverdue({ overdue: true, status: 'ACTIVE', nextActionDate: null }, TODAY)).toBe(true);
    expect(contactAge({ daysSinceContact: null, lastContactAt: null })).toBe('从未联系');
    expect(contactAge({ daysSinceContact: 45, lastContactAt: '2026-05-16' })).toBe('45 天未联系');
  });
});
