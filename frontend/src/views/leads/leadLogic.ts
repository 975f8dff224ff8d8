import type { Contact, ContactKind, Lead, LeadInput, LeadQuery, LeadSource, LeadStatus } from '../../api/types';
import { L } from '../projects/ledgerText';
import { emptyProjectForm, type ProjectForm } from '../projects/projectLogic';

export const LEAD_STATUSES: LeadStatus[] = ['NEW', 'FOLLOWING', 'DROPPED', 'CONVERTED'];
export const LEAD_SOURCES: LeadSource[] = ['LIST', 'BUSINESS_REFERRAL', 'EXPO', 'SELF', 'OTHER'];
export const CONTACT_KINDS: ContactKind[] = ['VISIT', 'CALL', 'MEETING', 'OTHER'];

interface UrlState {
  chain: string | null;
  region: string | null;
  segment: string | null;
  params: Record<string, string>;
}

/** The list asked for by the URL: `#/leads?chain=&region=&segment=&status=&responsible=&stale=true&q=&page=`. */
export function leadQueryFromState(s: UrlState): LeadQuery {
  const p = s.params;
  return {
    region: s.region,
    chain: s.chain,
    segment: s.segment,
    status: p.status && (LEAD_STATUSES as string[]).includes(p.status) ? p.status : null,
    responsible: p.responsible?.trim() || null,
    stale: p.stale === 'true' ? true : null,
    q: p.q?.trim() || null,
  };
}

export function leadFilterParams(f: { status?: string | null; responsible?: string | null; stale?: boolean | null; q?: string | null }): Record<string, string | null> {
  return {
    status: f.status || null,
    responsible: f.responsible?.trim() || null,
    stale: f.stale ? 'true' : null,
    q: f.q?.trim() || null,
    page: null,
  };
}

/** "12 天未联系" / "今天联系过" / "从未联系"; the server counts the days on its clock. */
export function contactAge(lead: Pick<Lead, 'daysSinceContact' | 'lastContactAt'>): string {
  if (lead.daysSinceContact === null || lead.daysSinceContact === undefined) return lead.lastContactAt ? '' : '从未联系';
  return lead.daysSinceContact === 0 ? '今天联系过' : `${lead.daysSinceContact} 天未联系`;
}

/** A lead still being worked: it can be edited, contacted, dropped or converted. */
export const isOpen = (l: Pick<Lead, 'status'>): boolean => l.status === 'NEW' || l.status === 'FOLLOWING';

export interface LeadForm {
  enterpriseName: string;
  uscc: string;
  enterpriseRegionCode: string;
  regionCode: string;
  chainId: string;
  segmentId: string;
  source: LeadSource;
  responsible: string;
  department: string;
  nextAction: string;
  nextActionDate: string | null;
  note: string;
  status: LeadStatus;
}

export function leadForm(l: Lead | null, chainId: string, regionCode: string): LeadForm {
  return {
    enterpriseName: l?.enterpriseName ?? '',
    uscc: l?.uscc ?? '',
    enterpriseRegionCode: l?.enterpriseRegionCode ?? '',
    regionCode: l?.regionCode ?? regionCode,
    chainId: l?.chainId ?? chainId,
    segmentId: l?.segmentId ?? '',
    source: l?.source ?? 'SELF',
    responsible: l?.responsible ?? '',
    department: l?.department ?? '',
    nextAction: l?.nextAction ?? '',
    nextActionDate: l?.nextActionDate ?? null,
    note: l?.note ?? '',
    status: l?.status ?? 'NEW',
  };
}

export function leadFormErrors(f: LeadForm): Partial<Record<keyof LeadForm, string>> {
  const e: Partial<Record<keyof LeadForm, string>> = {};
  const text = (k: keyof LeadForm, what: string, max: number, required: boolean) => {
    const v = String(f[k] ?? '').trim();
    if (required && !v) e[k] = L.required(what);
    else if (v.length > max) e[k] = L.tooLong(what, max);
  };
  text('enterpriseName', '企业名称', 100, true);
  if (f.uscc.trim() && !/^[0-9A-Z]{18}$/.test(f.uscc.trim().toUpperCase())) e.uscc = '统一社会信用代码应为 18 位';
  if (!/^\d{6}$/.test(f.regionCode)) e.regionCode = L.required('招商地区');
  if (!f.chainId) e.chainId = L.required('产业链');
  text('responsible', '责任人', 50, true);
  text('department', '责任单位', 50, false);
  text('nextAction', '下一步', 200, false);
  text('note', '备注', 2000, false);
  return e;
}

/** Only what changed, for `PATCH /api/leads/{id}` (blank → null so a field can be cleared). */
export function leadPatch(before: Lead, f: LeadForm): LeadInput {
  const out: Record<string, unknown> = {};
  const t = (s: string) => s.trim() || null;
  const now: Record<string, unknown> = {
    segmentId: f.segmentId || null,
    source: f.source,
    responsible: t(f.responsible),
    department: t(f.department),
    nextAction: t(f.nextAction),
    nextActionDate: f.nextActionDate || null,
    note: t(f.note),
    status: f.status,
  };
  for (const [k, v] of Object.entries(now)) if ((before as unknown as Record<string, unknown>)[k] !== v) out[k] = v;
  return out as LeadInput;
}

/** The body of `POST /api/leads` from the form. */
export function leadBody(f: LeadForm): LeadInput {
  const t = (s: string) => s.trim() || null;
  return {
    enterpriseName: f.enterpriseName.trim(),
    uscc: t(f.uscc)?.toUpperCase() ?? null,
    enterpriseRegionCode: f.enterpriseRegionCode || null,
    regionCode: f.regionCode,
    chainId: f.chainId,
    segmentId: f.segmentId || null,
    source: f.source,
    responsible: t(f.responsible),
    department: t(f.department),
    nextAction: t(f.nextAction),
    nextActionDate: f.nextActionDate || null,
    note: t(f.note),
  };
}

export function emptyContact(today: string): Contact {
  return { date: today, kind: 'VISIT', who: '', summary: '', nextStep: null, nextStepDate: null };
}

export function contactErrors(c: Contact, today: string): Partial<Record<keyof Contact, string>> {
  const e: Partial<Record<keyof Contact, string>> = {};
  if (!c.date) e.date = L.required('日期');
  else if (c.date > today) e.date = L.notAfterToday('联系日期');
  if (!c.kind) e.kind = L.required('方式');
  if (!c.who.trim()) e.who = L.required('参与人');
  else if (c.who.trim().length > 100) e.who = L.tooLong('参与人', 100);
  if (!c.summary.trim()) e.summary = L.required('交流内容');
  else if (c.summary.trim().length > 2000) e.summary = L.tooLong('交流内容', 2000);
  if ((c.nextStep ?? '').trim().length > 200) e.nextStep = L.tooLong('下一步', 200);
  if (c.nextStepDate && c.date && c.nextStepDate < c.date) e.nextStepDate = '下一步日期不能早于联系日期';
  if (c.nextStepDate && !(c.nextStep ?? '').trim()) e.nextStep = '有下一步日期时请写明下一步做什么';
  return e;
}

export function contactBody(c: Contact): Contact {
  return { date: c.date, kind: c.kind, who: c.who.trim(), summary: c.summary.trim(), nextStep: c.nextStep?.trim() || null, nextStepDate: c.nextStepDate || null };
}

/** Why dropping a lead is refused: the reason is required (kept in its history). */
export function dropReasonError(reason: string): string | null {
  const r = reason.trim();
  if (!r) return L.required('放弃原因');
  return r.length > 500 ? L.tooLong('放弃原因', 500) : null;
}

/** The project form a lead turns into: its enterprise, region, chain, segment, 责任人 and next step carried over. */
export function projectFormFromLead(l: Lead): ProjectForm {
  const f = emptyProjectForm(l.chainId, l.regionCode);
  f.name = `${l.enterpriseName}项目`.slice(0, 100);
  if (l.uscc) {
    f.enterpriseMode = 'existing';
    f.uscc = l.uscc;
  } else {
    f.enterpriseMode = 'new';
    f.enterpriseName = l.enterpriseName;
    f.enterpriseRegionCode = l.enterpriseRegionCode ?? '';
  }
  f.segmentIds = l.segmentId ? [l.segmentId] : [];
  f.responsible = l.responsible ?? '';
  f.department = l.department ?? '';
  f.nextAction = l.nextAction ?? '';
  f.nextActionDate = l.nextActionDate;
  return f;
}
