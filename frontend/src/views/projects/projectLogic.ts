import type { Project, ProjectInput, ProjectQuery, ProjectStage } from '../../api/types';
import { formatNumber } from '../../format';
import { L } from './ledgerText';
import { STAGES, todayShanghai } from './stageLogic';

export const PAGE_SIZE = 20;
const STATUSES = ['ACTIVE', 'SUSPENDED', 'TERMINATED'];

interface UrlState {
  chain: string | null;
  region: string | null;
  segment: string | null;
  params: Record<string, string>;
}

/** The list asked for by the URL: `#/projects?chain=&region=&segment=&stage=&status=&responsible=&overdue=true&q=&page=`. */
export function projectQueryFromState(s: UrlState): ProjectQuery {
  const p = s.params;
  return {
    region: s.region,
    chain: s.chain,
    segment: s.segment,
    stage: p.stage && (STAGES as string[]).includes(p.stage) ? p.stage : null,
    status: p.status && STATUSES.includes(p.status) ? p.status : null,
    responsible: p.responsible?.trim() || null,
    overdue: p.overdue === 'true' ? true : null,
    q: p.q?.trim() || null,
  };
}

export interface ProjectFilters {
  stage?: string | null;
  status?: string | null;
  responsible?: string | null;
  overdue?: boolean | null;
  q?: string | null;
}

/** URL parameters for the view's own filters (empty ones removed); a filter change goes back to page 1. */
export function projectFilterParams(f: ProjectFilters): Record<string, string | null> {
  return {
    stage: f.stage || null,
    status: f.status || null,
    responsible: f.responsible?.trim() || null,
    overdue: f.overdue ? 'true' : null,
    q: f.q?.trim() || null,
    page: null,
  };
}

export const pageOf = (params: Record<string, string>): number => Math.max(0, Math.floor(Number(params.page ?? 0)) || 0);

/** An amount in 亿元, or 未知 when nobody gave it (never 0). */
export function yiText(yi: number | null | undefined): string {
  return yi === null || yi === undefined || !Number.isFinite(yi) ? L.unknown : `${formatNumber(yi, 2)} ${L.yi}`;
}

/** Overdue: the server's judgement when it sends one, else a next step whose date has passed on a project being worked. */
export function isOverdue(p: Pick<Project, 'overdue' | 'status' | 'nextActionDate'>, today: string = todayShanghai()): boolean {
  if (p.overdue !== undefined && p.overdue !== null) return p.overdue;
  return p.status === 'ACTIVE' && !!p.nextActionDate && p.nextActionDate < today;
}

/** The project form as edited on screen (numbers null when unknown). */
export interface ProjectForm {
  name: string;
  enterpriseMode: 'existing' | 'new';
  uscc: string;
  enterpriseName: string;
  enterpriseRegionCode: string;
  regionCode: string;
  zoneName: string;
  chainId: string;
  segmentIds: string[];
  plannedInvestmentYi: number | null;
  expansion: boolean;
  addedInvestmentYi: number | null;
  responsible: string;
  department: string;
  stage: ProjectStage;
  stageDate: string | null;
  nextAction: string;
  nextActionDate: string | null;
}

export function emptyProjectForm(chainId: string, regionCode: string): ProjectForm {
  return {
    name: '',
    enterpriseMode: 'existing',
    uscc: '',
    enterpriseName: '',
    enterpriseRegionCode: '',
    regionCode,
    zoneName: '',
    chainId,
    segmentIds: [],
    plannedInvestmentYi: null,
    expansion: false,
    addedInvestmentYi: null,
    responsible: '',
    department: '',
    stage: 'PLANNING',
    stageDate: null,
    nextAction: '',
    nextActionDate: null,
  };
}

const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Field → message for what the server would refuse, so the form says it before sending. */
export function projectFormErrors(f: ProjectForm, today: string): Partial<Record<keyof ProjectForm, string>> {
  const e: Partial<Record<keyof ProjectForm, string>> = {};
  const text = (k: keyof ProjectForm, what: string, max: number, required: boolean) => {
    const v = String(f[k] ?? '').trim();
    if (required && !v) e[k] = L.required(what);
    else if (v.length > max) e[k] = L.tooLong(what, max);
  };
  text('name', '项目名称', 100, true);
  if (f.enterpriseMode === 'existing') {
    if (f.uscc.trim() && !USCC.test(f.uscc.trim().toUpperCase())) e.uscc = '统一社会信用代码应为 18 位';
  } else {
    text('enterpriseName', '企业名称', 100, true);
    if (!/^\d{6}$/.test(f.enterpriseRegionCode)) e.enterpriseRegionCode = L.required('企业所在地区');
  }
  if (!/^\d{6}$/.test(f.regionCode)) e.regionCode = L.required('项目所在地区');
  text('zoneName', '园区', 100, false);
  if (!f.chainId) e.chainId = L.required('产业链');
  if (f.segmentIds.length > 20) e.segmentIds = '环节最多 20 个';
  for (const k of ['plannedInvestmentYi', 'addedInvestmentYi'] as const) {
    const v = f[k];
    if (v !== null && (!Number.isFinite(v) || v < 0)) e[k] = '投资额应为不小于 0 的数（亿元），不知道就留空';
  }
  text('responsible', '责任人', 50, true);
  text('department', '责任单位', 50, false);
  text('nextAction', '下一步', 200, false);
  if (f.stage !== 'PLANNING' && !f.stageDate) e.stageDate = L.required(`「${L.stage[f.stage]}」日期`);
  else if (f.stageDate && f.stageDate > today) e.stageDate = L.notAfterToday('阶段日期');
  return e;
}

/** The body of `POST /api/projects` (or `/api/leads/{id}/convert`): blanks as absent, unknown amounts as null. */
export function projectBody(f: ProjectForm, leadId?: string | null): ProjectInput {
  const t = (s: string) => s.trim() || null;
  const body: ProjectInput = {
    name: f.name.trim(),
    regionCode: f.regionCode,
    zoneName: t(f.zoneName),
    chainId: f.chainId,
    segmentIds: f.segmentIds,
    plannedInvestmentYi: f.plannedInvestmentYi,
    expansion: f.expansion,
    addedInvestmentYi: f.expansion ? f.addedInvestmentYi : null,
    responsible: f.responsible.trim(),
    department: t(f.department),
    stage: f.stage,
    stageDate: f.stage === 'PLANNING' ? f.stageDate || null : f.stageDate,
    nextAction: t(f.nextAction),
    nextActionDate: f.nextActionDate || null,
  };
  if (leadId) body.leadId = leadId;
  if (f.enterpriseMode === 'existing') body.uscc = t(f.uscc)?.toUpperCase() ?? null;
  else {
    body.enterpriseName = f.enterpriseName.trim();
    body.enterpriseRegionCode = f.enterpriseRegionCode;
  }
  return body;
}

/** A history value as read aloud: stage keys in Chinese, blanks as 空. */
export function historyValue(field: string, v: string | null): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (field === 'created') return v;
  if (field === 'stage' && v in L.stage) return L.stage[v as ProjectStage];
  if (field === 'status' && v in L.projectStatus) return L.projectStatus[v as keyof typeof L.projectStatus];
  return v;
}
