import { getJson, postForm } from './http';
import type {
  ChainDiagnosis,
  ChainStructure,
  ChainSummary,
  Enterprise,
  EnterpriseDetail,
  ImportJob,
  Institution,
  InstitutionDetail,
  Page,
  PeerRegion,
  Product,
  ProductMakers,
  Region,
  RegionDetail,
  RegionFigure,
  RegionNode,
  Segment,
  SegmentDiagnosisDetail,
  Technology,
  TargetList,
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

  // Coming from other parts of the product: the views show 即将提供 until these answer.
  diagnosis: (chain: string, region: string, s?: Sig) => getJson<ChainDiagnosis>('/api/diagnosis', { chain, region }, s),
  segmentDiagnosis: (id: string, region: string, s?: Sig) =>
    getJson<SegmentDiagnosisDetail>(`/api/diagnosis/segments/${encodeURIComponent(id)}`, { region }, s),
  peers: (chain: string, region: string, s?: Sig) => getJson<PeerRegion[]>('/api/diagnosis/peers', { chain, region }, s),
  targets: (q: { chain: string; region: string; segment?: string | null; page?: number; size?: number }, s?: Sig) =>
    getJson<TargetList>('/api/targets', q, s),
  importFile: (format: string, file: File, s?: Sig) => {
    const form = new FormData();
    form.set('file', file);
    return postForm<ImportJob>(`/api/import/${encodeURIComponent(format)}`, form, s);
  },
  importJob: (id: string, s?: Sig) => getJson<ImportJob>(`/api/import/jobs/${encodeURIComponent(id)}`, {}, s),
};

/** Export links for the target list (downloaded by the browser, not fetched). */
export function targetExportUrl(format: 'xlsx' | 'csv', q: { chain: string; region: string; segment?: string | null }): string {
  const search = new URLSearchParams({ chain: q.chain, region: q.region, format });
  if (q.segment) search.set('segment', q.segment);
  return `/api/targets/export?${search.toString()}`;
}
