import { buildUrl, deleteJson, getJson, patchJson, postForm, postJson, type QueryValue } from './http';
import type {
  EnterpriseEvents,
  ChainDiagnosis,
  ChainStructure,
  ChainSummary,
  Enterprise,
  EnterpriseDetail,
  ImportJob,
  Institution,
  InstitutionDetail,
  InstitutionPartner,
  Page,
  PairingReport,
  PeerComparison,
  SavedList,
  SavedListPage,
  TargetPage,
  TargetPreset,
  TargetQuery,
  ImportFormat,
  Product,
  ProductMakers,
  Region,
  RegionDetail,
  RegionFigure,
  RegionNode,
  Segment,
  SegmentDiagnosisDetail,
  Technology,
  Zone,
} from './types';

export * from './types';
export { ApiError, NotAvailableError } from './http';

type Sig = AbortSignal | undefined;

/** The typed API client: one function per endpoint. */
export const api = {
  chains: (s?: Sig) => getJson<ChainSummary[]>('/api/chains', {}, s),
  chain: (id: string, s?: Sig) => getJson<ChainStructure>(`/api/chains/${encodeURIComponent(id)}`, {}, s),
  products: (chain: string, segment?: string | null, s?: Sig) =>
    getJson<Product[]>(`/api/chains/${encodeURIComponent(chain)}/products`, { segment }, s),
  technologies: (q: { chain?: string | null; segment?: string | null }, s?: Sig) =>
    getJson<Technology[]>('/api/technologies', q, s),
  segment: (id: string, s?: Sig) => getJson<Segment>(`/api/segments/${encodeURIComponent(id)}`, {}, s),

  enterprises: (
    q: {
      chain?: string | null;
      segment?: string | null;
      region?: string | null;
      tag?: string | null;
      q?: string | null;
      sort?: string | null;
      page?: number;
      size?: number;
    },
    s?: Sig,
  ) => getJson<Page<Enterprise>>('/api/enterprises', q, s),
  enterprise: (uscc: string, s?: Sig) => getJson<EnterpriseDetail>(`/api/enterprises/${encodeURIComponent(uscc)}`, {}, s),
  enterpriseEvents: (uscc: string, s?: Sig) => getJson<EnterpriseEvents>(`/api/enterprises/${encodeURIComponent(uscc)}/events`, {}, s),
  distribution: (q: { chain?: string | null; segment?: string | null; parent?: string | null }, s?: Sig) =>
    getJson<RegionFigure[]>('/api/enterprises/distribution', q, s),
  zones: (region: string, s?: Sig) => getJson<Zone[]>('/api/enterprises/zones', { region }, s),
  productMakers: (chain: string, region: string | null, s?: Sig) =>
    getJson<ProductMakers[]>('/api/products/makers', { chain, region }, s),

  regionTree: (s?: Sig) => getJson<RegionNode[]>('/api/regions/tree', {}, s),
  regions: (q: { parent?: string | null; q?: string | null }, s?: Sig) => getJson<Region[]>('/api/regions', q, s),
  region: (code: string, s?: Sig) => getJson<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`, {}, s),

  institutions: (
    q: { chain?: string | null; segment?: string | null; technology?: string | null; region?: string | null; page?: number; size?: number },
    s?: Sig,
  ) => getJson<Page<Institution>>('/api/institutions', q, s),
  institution: (id: string, s?: Sig) => getJson<InstitutionDetail>(`/api/institutions/${encodeURIComponent(id)}`, {}, s),

  diagnosis: (chain: string, region: string, zone?: string | null, overrides: Record<string, QueryValue> = {}, s?: Sig) =>
    getJson<ChainDiagnosis>('/api/diagnosis', { ...overrides, chain, region, zone }, s),
  segmentDiagnosis: (id: string, q: { chain?: string | null; region: string; zone?: string | null; limit?: number; asOf?: string | null }, s?: Sig) =>
    getJson<SegmentDiagnosisDetail>(`/api/diagnosis/segments/${encodeURIComponent(id)}`, q, s),
  peers: (chain: string, region: string, top = 8, s?: Sig, asOf?: string | null) =>
    getJson<PeerComparison>('/api/diagnosis/peers', { chain, region, top, asOf: asOf ?? null }, s),
  pairing: (q: { chain: string; region: string; segments?: string | null; limit?: number }, s?: Sig) =>
    getJson<PairingReport>('/api/pairing', q, s),

  targets: (q: TargetQuery, paging: { page?: number; size?: number }, s?: Sig) =>
    getJson<TargetPage>('/api/targets', { ...targetParams(q), page: paging.page, size: paging.size }, s),
  targetPresets: (s?: Sig) => getJson<TargetPreset[]>('/api/targets/presets', {}, s),
  saveTargetList: (name: string, author: string, query: TargetQuery, s?: Sig) =>
    postJson<SavedList>('/api/target-lists', { name, author, query }, s),
  targetLists: (s?: Sig) => getJson<SavedList[]>('/api/target-lists', {}, s),
  targetList: (id: string, page: number, size: number, s?: Sig) =>
    getJson<SavedListPage>(`/api/target-lists/${encodeURIComponent(id)}`, { page, size }, s),
  refreshTargetList: (id: string, s?: Sig) => postJson<SavedList>(`/api/target-lists/${encodeURIComponent(id)}/refresh`, null, s),
  deleteTargetList: (id: string, s?: Sig) => deleteJson(`/api/target-lists/${encodeURIComponent(id)}`, s),

  importFormats: (s?: Sig) => getJson<ImportFormat[]>('/api/import/formats', {}, s),
  importFile: (format: string, file: File, s?: Sig) => {
    const form = new FormData();
    form.set('file', file);
    return postForm<ImportJob>(`/api/import/${encodeURIComponent(format)}`, form, s);
  },
  importFileDry: (format: string, file: File, s?: Sig) => {
    const form = new FormData();
    form.set('file', file);
    return postForm<ImportJob>(`/api/import/${encodeURIComponent(format)}?dryRun=true`, form, s);
  },
  importJobs: (s?: Sig) => getJson<ImportJob[]>('/api/import/jobs', {}, s),
  importJob: (id: string, s?: Sig) => getJson<ImportJob>(`/api/import/jobs/${encodeURIComponent(id)}`, {}, s),

  /** 创新图谱 in one answer: technologies, the institutions drawn (local ones first) and their cooperation partners. */
  innovationGraph: (chain: string, region: string | null, s?: Sig) =>
    getJson<InnovationGraph>('/api/innovation/graph', { chain, region }, s),

  /**
   * The ledger's state per missing/weak segment (issue 12, `GET /api/ledger/gaps`): only an annotation on the chain map,
   * so any failure — above all the 404 while the ledger is not deployed — gives null and nothing is shown.
   */
  ledgerGaps: (chain: string, region: string, s?: Sig): Promise<LedgerGaps | null> =>
    getJson<LedgerGaps>('/api/ledger/gaps', { chain, region }, s).catch((e: unknown) => {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      return null;
    }),
};

/** Answer of `GET /api/innovation/graph` (mirrors com.chainatlas.innovation.InnovationGraph). */
export interface InnovationGraph {
  chainId: string;
  technologies: Technology[];
  institutions: Institution[];
  /** Institutions of the chain in all; `institutions` holds the first `limit` of them. */
  totalInstitutions: number;
  /** Cooperation partners of each institution drawn, by institution id. */
  cooperations: Record<string, InstitutionPartner[]>;
}

/** One segment's ledger state as the chain map shows it (contract in notes/LEDGER-API.md). */
export interface LedgerGap {
  segmentId: string;
  segmentName: string;
  verdict: string;
  labelZh: string;
}
export interface LedgerGaps {
  segments: LedgerGap[];
}

/**
 * GET parameters of a ranking: lists comma-joined (Spring binds `a,b` to a List), weights as the 7 numbers
 * scale,quality,innovation,ties,predicted,proximity,priority; empty values left out.
 */
export function targetParams(q: TargetQuery): Record<string, QueryValue> {
  const list = (xs?: string[]) => (xs && xs.length ? xs.join(',') : null);
  const w = q.weights;
  return {
    chain: q.chain,
    region: q.region,
    zone: q.zone ?? null,
    segments: list(q.segments),
    preset: q.preset ?? null,
    weights: w ? [w.scale, w.quality, w.innovation, w.ties, w.predicted, w.proximity, w.priority, ...(w.signals === undefined ? [] : [w.signals])].join(',') : null,
    includeProvinces: list(q.includeProvinces),
    excludeProvinces: list(q.excludeProvinces),
    sizeBand: q.sizeBand ?? null,
    tags: list(q.tags),
    minScore: q.minScore ?? null,
    asOf: q.asOf ?? null,
  };
}

/** Download link of a saved list (the browser downloads it; `user` goes to the export audit). */
export function targetExportUrl(id: string, format: 'xlsx' | 'csv', user?: string | null): string {
  return buildUrl(`/api/target-lists/${encodeURIComponent(id)}/export.${format}`, { user: user ?? null });
}

/** Download link of a live ranking (same query as `/api/targets`, no saved list needed). */
export function liveTargetExportUrl(q: TargetQuery, format: 'xlsx' | 'csv'): string {
  return buildUrl(`/api/targets/export.${format}`, targetParams(q));
}

// ---- 领导驾驶舱 (dashboard, issue 12) ---------------------------------------------------------------------------

export interface DashboardQuery { region: string; chain?: string | null; from?: string | null; to?: string | null }

export const dashboardApi = {
  dashboard: (q: DashboardQuery, s?: Sig) => getJson<import('./types').Dashboard>('/api/dashboard', { ...q }, s),
  rates: (q: DashboardQuery, s?: Sig) => getJson<import('./types').LedgerRates>('/api/projects/rates', { ...q }, s),
  alerts: (region: string, chain?: string | null, kind?: string | null, s?: Sig) =>
    getJson<import('./types').LedgerAlert[]>('/api/projects/alerts', { region, chain, kind }, s),
  gaps: (chain: string, region: string, s?: Sig) => getJson<import('./types').LedgerGaps>('/api/ledger/gaps', { chain, region }, s),
};

/** Download link of the alerts for the weekly meeting (.xlsx). */
export function alertsXlsxUrl(region: string, chain?: string | null, kind?: string | null): string {
  return buildUrl('/api/projects/alerts.xlsx', { region, chain: chain ?? null, kind: kind ?? null });
}

// ---- 招商线索 and 项目台账 (issue 12) ------------------------------------------------------------------------
import type { Change, Contact, Lead, LeadFromTarget, LeadInput, LeadQuery, Project, ProjectInput, ProjectQuery, ProjectStage } from './types';

const leadPath = (id: string, tail = '') => `/api/leads/${encodeURIComponent(id)}${tail}`;
const projectPath = (id: string, tail = '') => `/api/projects/${encodeURIComponent(id)}${tail}`;
type Paging = { page?: number; size?: number };
const q = (query: object): Record<string, QueryValue> => query as Record<string, QueryValue>;

/** Leads and projects: the ledger a 招商局 runs on (who follows what, which stage, since when). */
export const ledgerApi = {
  leads: (query: LeadQuery, paging: Paging, s?: Sig) => getJson<Page<Lead>>('/api/leads', { ...q(query), ...paging }, s),
  lead: (id: string, s?: Sig) => getJson<Lead>(leadPath(id), {}, s),
  createLead: (body: LeadInput, s?: Sig) => postJson<Lead>('/api/leads', body, s),
  leadFromTarget: (body: LeadFromTarget, s?: Sig) => postJson<Lead>('/api/leads/from-target', body, s),
  updateLead: (id: string, body: LeadInput, s?: Sig) => patchJson<Lead>(leadPath(id), body, s),
  contacts: (id: string, s?: Sig) => getJson<Contact[]>(leadPath(id, '/contacts'), {}, s),
  addContact: (id: string, body: Contact, s?: Sig) => postJson<Contact>(leadPath(id, '/contacts'), body, s),
  convertLead: (id: string, body: ProjectInput, s?: Sig) => postJson<Project>(leadPath(id, '/convert'), body, s),
  leadHistory: (id: string, s?: Sig) => getJson<Change[]>(leadPath(id, '/history'), {}, s),

  projects: (query: ProjectQuery, paging: Paging, s?: Sig) => getJson<Page<Project>>('/api/projects', { ...q(query), ...paging }, s),
  project: (id: string, s?: Sig) => getJson<Project>(projectPath(id), {}, s),
  createProject: (body: ProjectInput, s?: Sig) => postJson<Project>('/api/projects', body, s),
  updateProject: (id: string, body: ProjectInput, s?: Sig) => patchJson<Project>(projectPath(id), body, s),
  advance: (id: string, body: { stage: ProjectStage; date: string; skippedDates?: Partial<Record<ProjectStage, string>> }, s?: Sig) =>
    postJson<Project>(projectPath(id, '/advance'), body, s),
  correct: (id: string, body: { stage?: ProjectStage; stageDates?: Partial<Record<ProjectStage, string | null>>; reason: string }, s?: Sig) =>
    postJson<Project>(projectPath(id, '/correct'), body, s),
  setStatus: (id: string, action: 'suspend' | 'resume' | 'terminate', reason: string | null, s?: Sig) =>
    postJson<Project>(projectPath(id, `/${action}`), { reason }, s),
  projectHistory: (id: string, s?: Sig) => getJson<Change[]>(projectPath(id, '/history'), {}, s),
};

/** Download link of the 台账 .xlsx for the filters on screen. */
export function projectExportUrl(query: ProjectQuery): string {
  return buildUrl('/api/projects/export.xlsx', q(query));
}
