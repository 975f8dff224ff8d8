/** Types mirroring the Java records of the API (see /v3/api-docs). */

export type Stage = 'UPSTREAM' | 'MIDSTREAM' | 'DOWNSTREAM';
export type RegionLevel = 'PROVINCE' | 'CITY' | 'COUNTY';

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

// chain ---------------------------------------------------------------------------------------
export interface Chain {
  id: string;
  name: string;
  description: string;
  industryCodes: string[];
  sample: boolean;
}
export interface ChainSummary {
  chain: Chain;
  segments: number;
  enterprises: number;
}
export interface Segment {
  id: string;
  chainId: string;
  name: string;
  stage: Stage;
  key: boolean;
  valueAdded: number;
  parentId: string | null;
  description: string | null;
}
export interface Flow {
  from: string;
  to: string;
  recycling: boolean;
}
export interface ChainStructure {
  chain: Chain;
  segments: Segment[];
  flows: Flow[];
}
export interface Product {
  id: string;
  chainId: string;
  name: string;
  segmentId: string;
  inputIds: string[];
}
export interface Technology {
  id: string;
  chainId: string | null;
  name: string;
  description: string;
  segmentIds: string[];
}

// enterprise ----------------------------------------------------------------------------------
export interface Enterprise {
  uscc: string;
  name: string;
  shortName: string | null;
  regionCode: string;
  zone: string | null;
  /** 万元 */
  revenue: number | null;
  employees: number | null;
  founded: string | null;
  tags: string[];
  patents: number;
  sample: boolean;
}
export interface SegmentRef {
  id: string;
  name: string;
  chainId: string;
}
export interface ProductRef {
  id: string;
  name: string;
  share: number | null;
}
export interface Partner {
  uscc: string;
  name: string;
  regionCode: string;
  productId: string | null;
  amount: number | null;
}
export interface EnterpriseDetail {
  enterprise: Enterprise;
  regionName: string;
  segments: SegmentRef[];
  products: ProductRef[];
  suppliers: Partner[];
  customers: Partner[];
}
export interface RegionFigure {
  code: string;
  name: string;
  level: RegionLevel;
  enterprises: number;
  /** 万元 */
  revenue: number;
}
export interface ProductMakers {
  productId: string;
  makers: number;
  localMakers: number;
  localUsccs: string[];
}
export interface Zone {
  name: string;
  enterprises: number;
}

// region --------------------------------------------------------------------------------------
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}
export interface RegionNode {
  code: string;
  name: string;
  level: RegionLevel;
  children: RegionNode[];
}
export interface RegionDetail {
  region: Region;
  path: Region[];
  children: Region[];
}

// innovation ----------------------------------------------------------------------------------
export interface Institution {
  id: string;
  name: string;
  type: string;
  level: string;
  regionCode: string;
  strength: number;
  technologyIds: string[];
  segmentIds: string[];
  sample: boolean;
}
export interface InstitutionPartner {
  uscc: string;
  name: string;
  regionCode: string;
  kind: string;
  since: number | null;
}
export interface InstitutionDetail {
  institution: Institution;
  regionName: string;
  cooperations: InstitutionPartner[];
}

// diagnosis (coming: fields optional until the API is final) ---------------------------------
export type Verdict = 'MISSING' | 'WEAK' | 'PRESENT' | 'STRONG';
export type SegmentFlag = 'EXTEND' | 'CRITICAL';
export interface SegmentDiagnosis {
  segmentId: string;
  segmentName?: string;
  verdict: Verdict;
  flags?: SegmentFlag[];
  reasons?: string[];
  localEnterprises?: number;
  localRevenue?: number;
  nationalEnterprises?: number;
  nationalRevenue?: number;
  share?: number;
  lqCount?: number | null;
  lqRevenue?: number | null;
  [extra: string]: unknown;
}
export interface ChainDiagnosis {
  chainId?: string;
  regionCode?: string;
  segments: SegmentDiagnosis[];
  completeness?: number;
  weightedCompleteness?: number;
  localSourcingRate?: number | null;
  leaders?: { uscc: string; name: string; score?: number }[];
  [extra: string]: unknown;
}
export interface SegmentDiagnosisDetail extends SegmentDiagnosis {
  outsideSuppliers?: { uscc: string; name: string; regionCode?: string; amount?: number | null }[];
  localEnterpriseList?: Enterprise[];
}
export interface PeerRegion {
  regionCode: string;
  regionName?: string;
  completeness?: number;
  enterprises?: number;
  revenue?: number;
  [extra: string]: unknown;
}

// targets (coming) ----------------------------------------------------------------------------
export interface ScoreComponent {
  name: string;
  label?: string;
  value: number;
  weight?: number;
}
export interface TargetEntry {
  uscc: string;
  name: string;
  regionCode?: string;
  segmentId?: string;
  segmentName?: string;
  score: number;
  components?: ScoreComponent[];
  reasons?: string[];
  [extra: string]: unknown;
}
export interface TargetList {
  id?: string;
  name?: string;
  items: TargetEntry[];
  total?: number;
  [extra: string]: unknown;
}

// import (coming) -----------------------------------------------------------------------------
export interface ImportRowError {
  row: number;
  column?: string;
  value?: string;
  reason: string;
}
export interface ImportJob {
  id: string;
  format?: string;
  phase?: string;
  state?: string;
  rowsDone?: number;
  rowsTotal?: number;
  errors?: ImportRowError[];
  [extra: string]: unknown;
}
