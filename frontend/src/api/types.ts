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
  /** 上市日期; null when unknown or not listed */
  listed?: string | null;
  tags: string[];
  /** null when nobody gave it (unknown, not 0) */
  patents: number | null;
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

// diagnosis (mirrors com.chainatlas.analysis.DiagnosisModel) ---------------------------------
export type Verdict = 'MISSING' | 'WEAK' | 'PRESENT' | 'STRONG';
export type SegmentFlag = 'EXTEND' | 'CRITICAL' | 'DEPENDENCY';
export interface SnapshotInfo {
  chainId: string;
  version: number;
  builtAt: string;
  buildMillis: number;
  segments: number;
  enterprises: number;
  memberships: number;
  supplyRelations: number;
  /** The as-of view answered (截至日期); null: all data. */
  asOf: AsOfInfo | null;
}
/** What an as-of view kept and left out; `requested` is a later date than today that was read as today. */
export interface AsOfInfo {
  date: string;
  requested: string | null;
  enterprises: number;
  excludedLater: number;
  excludedUndated: number;
}
export interface DiagRegionRef {
  code: string;
  name: string;
  level: string;
  fullName: string;
}
export interface EnterpriseRef {
  uscc: string;
  name: string;
  regionCode: string;
  regionName: string;
  revenue: number;
  share: number | null;
}
export interface Reason {
  about: string;
  rule: string;
  zh: string;
  en: string;
  value: number | null;
  threshold: number | null;
}
export interface Sourcing {
  relations: number;
  localRelations: number;
  outsideRelations: number;
  localShare: number | null;
  outsideShare: number | null;
  relationsWithAmount: number;
  amount: number;
  localAmount: number;
  localShareByAmount: number | null;
}
export interface Concentration {
  hhi: number | null;
  top4Share: number | null;
  topProvinceCode: string | null;
  topProvinceName: string | null;
  topProvinceShare: number | null;
  chokepoint: boolean;
}
export interface SegmentFigures {
  localEnterprises: number;
  /** 万元; null when no local enterprise's revenue is known. */
  localRevenue: number | null;
  nationalEnterprises: number;
  nationalRevenue: number | null;
  shareByCount: number | null;
  shareByRevenue: number | null;
  lqByCount: number | null;
  lqByRevenue: number | null;
  topLocalShare: number | null;
  inbound: Sourcing | null;
}
export interface SegmentDiagnosis {
  segmentId: string;
  name: string;
  stage: Stage;
  key: boolean;
  valueAdded: number;
  parentId: string | null;
  leaf: boolean;
  figures: SegmentFigures;
  concentration: Concentration | null;
  verdict: Verdict;
  verdictZh: string;
  actionZh: string;
  flags: SegmentFlag[];
  reasons: Reason[];
  localLeaders: EnterpriseRef[];
}
export interface ExtendCandidate {
  rank: number;
  segmentId: string;
  name: string;
  verdict: Verdict;
  relatedness: number;
  neighbours: number;
  neighboursPresent: number;
  valueAdded: number;
  key: boolean;
  nearStrongSegments: string[];
  /** MODEL: ranked by the learnt 延链 model; RULE: too little dated history, ranked by relatedness. */
  basis: 'MODEL' | 'RULE';
  /** The model's score (higher first); null for RULE. */
  score: number | null;
  /** What carried the rank, to read aloud (with the score for MODEL; says why for RULE). */
  reasonZh: string;
  reasonEn: string;
  parts: ExtendPart[];
}
export interface ExtendPart {
  feature: string;
  nameZh: string;
  value: number;
  contribution: number;
  carried: boolean;
}
export interface ExtendRankingInfo {
  basis: 'MODEL' | 'RULE';
  cut: string | null;
  trainedFrom: string | null;
  regions: number;
  datedEnterprises: number;
  undatedEnterprises: number;
  examples: number;
  positives: number;
  coefficients: Record<string, number>;
  noteZh: string;
  noteEn: string;
}
export interface ChainLeader {
  uscc: string;
  name: string;
  regionCode: string;
  regionName: string;
  revenue: number | null;
  pageRank: number;
  score: number;
  segmentIds: string[];
}
export interface ChainFigures {
  leafSegments: number;
  coveredLeafSegments: number;
  completeness: number;
  completenessKeyWeighted: number;
  completenessValueWeighted: number;
  localEnterprises: number;
  localRevenue: number | null;
  nationalEnterprises: number;
  nationalRevenue: number | null;
  sourcing: Sourcing | null;
  verdictCounts: Partial<Record<Verdict, number>>;
  flowCycleSegments: string[];
}
export type DiagnosisSettings = Record<string, number>;
export interface ChainDiagnosis {
  snapshot: SnapshotInfo;
  chainId: string;
  chainName: string;
  region: DiagRegionRef;
  zone: string | null;
  settings: DiagnosisSettings;
  figures: ChainFigures;
  segments: SegmentDiagnosis[];
  extendCandidates: ExtendCandidate[];
  /** How the 延链 candidates were ranked (absent from older responses). */
  extendRanking?: ExtendRankingInfo | null;
  leaders: ChainLeader[];
  tookMillis: number;
}
export interface OutsideSupplier {
  uscc: string;
  name: string;
  regionCode: string;
  regionName: string;
  relations: number;
  localCustomers: number;
  amount: number;
}
export interface SegmentDiagnosisDetail {
  snapshot: SnapshotInfo;
  chainId: string;
  region: DiagRegionRef;
  zone: string | null;
  settings: DiagnosisSettings;
  segment: SegmentDiagnosis;
  localEnterprises: EnterpriseRef[];
  localEnterprisesTotal: number;
  outsideSuppliers: OutsideSupplier[];
  nationalLeaders: EnterpriseRef[];
}
export interface PeerRow {
  region: DiagRegionRef;
  figures: ChainFigures;
  verdicts: Verdict[];
  localEnterprises: number[];
  lqByCount: (number | null)[];
  flags: SegmentFlag[][];
}
export interface PeerComparison {
  snapshot: SnapshotInfo;
  chainId: string;
  settings: DiagnosisSettings;
  segmentIds: string[];
  segmentNames: string[];
  regions: PeerRow[];
}

// targets (mirrors com.chainatlas.targeting.TargetModel) ---------------------------------------
export interface TargetWeights {
  scale: number;
  quality: number;
  innovation: number;
  ties: number;
  predicted: number;
  proximity: number;
  priority: number;
  /** 扩张信号; absent in lists saved before the part existed (then 0). */
  signals?: number;
}
export type ScorePartKey = keyof TargetWeights;
export interface ScoreParts extends TargetWeights {
  total: number;
}
export interface TargetPreset {
  key: string;
  name: string;
  weights: TargetWeights;
}
export interface TargetSegment {
  segmentId: string;
  name: string;
  purpose: string;
  purposeZh: string;
  key: boolean;
  verdict: string;
  reasonZh: string;
}
export interface LocalPartner {
  uscc: string;
  name: string;
  relation: string;
  relationZh: string;
  amount: number | null;
  score: number | null;
}
export interface TargetRow {
  rank: number;
  uscc: string;
  name: string;
  regionCode: string;
  regionName: string;
  segmentId: string;
  segmentName: string;
  purpose: string;
  purposeZh: string;
  score: number;
  parts: ScoreParts;
  reasons: string[];
  reasonText: string;
  localPartners: LocalPartner[];
  predictedPartners: LocalPartner[];
  revenue: number | null;
  employees: number | null;
  tags: string[];
  patents: number | null;
  cooperations: number;
  /** The strongest recent expansion events in words (扩张信号), or null/absent when the firm has none. */
  signalText?: string | null;
}
export interface TargetPage {
  chainId: string;
  regionCode: string;
  regionName: string;
  preset: string | null;
  weights: TargetWeights;
  segments: TargetSegment[];
  snapshotVersion: number;
  items: TargetRow[];
  page: number;
  size: number;
  total: number;
  /** the as-of view ranked on; null: all data */
  asOf?: AsOfInfo | null;
  /** set while this page is the previous data's ranking and the current data's is being computed (after an import) */
  refreshing?: { currentSnapshotVersion: number; note: string } | null;
}
/** The query of a ranking (POST body of a saved list; also the GET parameters). */
export interface TargetQuery {
  chain: string;
  region: string;
  zone?: string | null;
  segments?: string[];
  preset?: string | null;
  weights?: TargetWeights | null;
  includeProvinces?: string[];
  excludeProvinces?: string[];
  sizeBand?: string | null;
  tags?: string[];
  minScore?: number | null;
  /** 截至日期 YYYY-MM-DD: rank on the chain as of that date */
  asOf?: string | null;
}
export interface SavedList {
  id: string;
  name: string;
  author: string;
  chainId: string;
  regionCode: string;
  preset: string | null;
  weights: TargetWeights | null;
  segments: TargetSegment[];
  query: TargetQuery;
  snapshotVersion: number;
  total: number;
  createdAt: string;
  refreshedAt: string;
}
export interface SavedListPage {
  list: SavedList;
  items: Page<TargetRow>;
}

// expansion signals (mirrors com.chainatlas.signal.EnterpriseEventsController) -------------------
export interface ExpansionEventView {
  id: string;
  kind: string;
  kindZh: string;
  date: string;
  /** 万元; null = unknown (not 0). */
  amount: number | null;
  place: string | null;
  placeName: string | null;
  title: string | null;
  source: string | null;
  words: string;
  /** What the event adds to the signal today (strength × decay). */
  weight: number;
}
export interface EnterpriseEvents {
  uscc: string;
  today: string;
  halfLifeDays: number;
  rating: number;
  reasonText: string | null;
  events: ExpansionEventView[];
}

// R&D pairing (mirrors com.chainatlas.innovation.Pairing) --------------------------------------
export interface PairedInstitution {
  id: string;
  name: string;
  type: string;
  level: string;
  strength: number;
  regionCode: string;
  regionName: string;
  tier: 'LOCAL' | 'PROVINCE' | 'NATIONAL';
  matches: { kind: string; id: string; name: string; appliesTo: string[]; text: string }[];
  score: { tier: number; level: number; strength: number; technologies: number; total: number };
  partners: { uscc: string; name: string; regionCode: string; regionName: string; local: boolean; kind: string; since: number | null }[];
  partnerCount: number;
  localPartnerCount: number;
  reason: string;
}
export interface SegmentPairing {
  segment: { id: string; name: string };
  technologies: { id: string; name: string; appliesTo: string[] }[];
  institutions: PairedInstitution[];
  total: number;
}
export interface PairingReport {
  chain: { id: string; name: string };
  region: { code: string; name: string };
  segments: SegmentPairing[];
  scoreRule: string;
  scoreRuleEn: string;
}

// import (mirrors com.chainatlas.ingest.ImportController / ImportJob) ---------------------------
export interface ImportColumn {
  key: string;
  zh: string;
  header: string;
  type: string;
  required: boolean;
  unit: string | null;
  choices: string[];
  refersTo: string | null;
  note: string | null;
  example: string | null;
}
export interface ImportFormat {
  id: string;
  zh: string;
  en: string;
  description: string;
  columns: ImportColumn[];
  key: string[];
  templateXlsx: string;
  templateCsv: string;
  /** Import order hint (1 = chain structure, 2 = enterprises, 3 = relations), when the server sends it. */
  step?: number | null;
  /** Formats that must be imported first, when the server sends them. */
  requires?: string[] | null;
}
export interface ImportProblem {
  row: number;
  column: string | null;
  header: string | null;
  value: string | null;
  reason: string;
}
export type ImportPhase = 'QUEUED' | 'COUNTING' | 'VALIDATING' | 'WRITING' | 'DONE' | 'REJECTED' | 'FAILED';
export interface ImportResult {
  written: boolean;
  fileKind: string;
  rowsRead: number;
  rowsWritten: number;
  problemCount: number;
  problems: ImportProblem[];
  problemsTruncated: boolean;
  ignoredColumns: string[];
  chainIds: string[];
  staged: boolean;
  /** Rows imported with a warning (e.g. a name matched loosely), when the server sends them. */
  warnings?: (ImportProblem | string)[] | null;
  messageZh: string;
  messageEn: string;
}
export interface ImportJob {
  id: string;
  format: string;
  formatZh: string;
  fileName: string;
  dryRun: boolean;
  phase: ImportPhase;
  rowsDone: number;
  rowsTotal: number;
  submittedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  result: ImportResult | null;
  reportXlsx: string | null;
}

// ---- 领导驾驶舱 (dashboard, issue 12): mirrors com.chainatlas.dashboard.DashboardModel -------------------------

export type LedgerStage = 'PLANNING' | 'NEGOTIATING' | 'SIGNED' | 'STARTED' | 'BUILDING' | 'IN_PRODUCTION' | 'AT_CAPACITY';
export type AlertKind = 'SIGNED_NOT_STARTED' | 'STARTED_NOT_IN_PRODUCTION' | 'NOT_AT_CAPACITY' | 'NEXT_ACTION_PASSED' | 'ENTRY_STALE' | 'LEAD_STALE';

export interface DashboardRegion { code: string; name: string; level: string; fullName: string }
/** Investment in 亿元 summed over the projects where it is known; null when none was (unknown is not 0). */
export interface LedgerTally { count: number; investmentYi: number | null; investmentKnownCount: number }
export interface StageFigure { stage: LedgerStage; stageZh: string; count: number; investmentYi: number | null; investmentKnownCount: number; suspended: number }
export interface LedgerRate {
  key: 'startRate' | 'productionRate' | 'capacityRate';
  nameZh: string;
  /** 0..1, null when no project is due yet */
  value: number | null;
  numerator: number;
  denominator: number;
  notYetDue: number;
  ruleZh: string;
}
export interface LedgerPeriod { from: string | null; to: string; asOf: string; signed: LedgerTally; started: LedgerTally; inProduction: LedgerTally }
export interface TrendPoint { month: string; startRate: number | null; productionRate: number | null; capacityRate: number | null; signed: number; started: number; inProduction: number }
export interface SubRegionRow {
  regionCode: string; regionName: string; own: boolean; projects: number; investmentYi: number | null; investmentKnownCount: number;
  stageCounts: Partial<Record<LedgerStage, number>>; startRate: LedgerRate; productionRate: LedgerRate; capacityRate: LedgerRate; overdue: number;
}
export interface LedgerPeerRow { regionCode: string; regionName: string; projects: number; startRate: LedgerRate; productionRate: LedgerRate; capacityRate: LedgerRate }
export interface LedgerAlert {
  kind: AlertKind; kindZh: string; subjectType: 'PROJECT' | 'LEAD'; subjectId: string; name: string | null; regionCode: string | null;
  responsible: string | null; department: string | null; dueDate: string; daysOverdue: number; messageZh: string;
}
export interface GapSegment {
  chainId: string; segmentId: string; segmentName: string; verdict: Verdict; verdictZh: string; chokepoint: boolean; key: boolean;
  leads: number; projectsByStage: Partial<Record<LedgerStage, number>>; projects: number;
  /** "补链中：签约 1 · 洽谈 2"; null when nobody is filling the gap yet */
  labelZh: string | null;
}
export interface LedgerGaps { chainId: string; region: DashboardRegion; segments: GapSegment[] }
export interface LedgerRates { region: DashboardRegion; chainId: string | null; period: LedgerPeriod; rates: LedgerRate[]; trend: TrendPoint[] }
export interface Dashboard {
  region: DashboardRegion; chainId: string | null; period: LedgerPeriod; stages: StageFigure[]; terminated: LedgerTally;
  rates: LedgerRate[]; trend: TrendPoint[]; subRegions: SubRegionRow[]; overdue: LedgerAlert[]; overdueTotal: number;
  gaps: GapSegment[]; peers: LedgerPeerRow[]; notesZh: Record<string, string>;
}

// ---- 招商线索 and 项目台账 (issue 12; contract in LEDGER-API) -------------------------------------------------
export type LeadSource = 'LIST' | 'BUSINESS_REFERRAL' | 'EXPO' | 'SELF' | 'OTHER';
export type LeadStatus = 'NEW' | 'FOLLOWING' | 'DROPPED' | 'CONVERTED';
export type ContactKind = 'VISIT' | 'CALL' | 'MEETING' | 'OTHER';
export type ProjectStage = 'PLANNING' | 'NEGOTIATING' | 'SIGNED' | 'STARTED' | 'BUILDING' | 'IN_PRODUCTION' | 'AT_CAPACITY';
export type ProjectStatus = 'ACTIVE' | 'SUSPENDED' | 'TERMINATED';
/** Dates are ISO `YYYY-MM-DD`; instants ISO-8601. */
export interface Lead {
  id: string;
  enterpriseName: string;
  uscc: string | null;
  enterpriseRegionCode: string | null;
  regionCode: string;
  regionName: string | null;
  chainId: string;
  segmentId: string | null;
  segmentName: string | null;
  source: LeadSource;
  sourceZh: string;
  status: LeadStatus;
  statusZh: string;
  /** Why it was dropped. */
  statusReason?: string | null;
  responsible: string | null;
  department: string | null;
  nextAction: string | null;
  nextActionDate: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  lastContactAt: string | null;
  /** The latest contact's date (Beijing), null when never contacted. */
  lastContactDate?: string | null;
  daysSinceContact: number | null;
  stale: boolean;
  projectId: string | null;
  targetListId?: string | null;
}
export interface LeadInput {
  enterpriseName?: string;
  uscc?: string | null;
  enterpriseRegionCode?: string | null;
  regionCode?: string;
  chainId?: string;
  segmentId?: string | null;
  source?: LeadSource;
  responsible?: string | null;
  department?: string | null;
  nextAction?: string | null;
  nextActionDate?: string | null;
  note?: string | null;
  targetListId?: string | null;
  status?: LeadStatus;
  reason?: string | null;
}
export interface LeadFromTarget {
  chain: string;
  region: string;
  uscc: string;
  segmentId?: string | null;
  responsible?: string | null;
  department?: string | null;
  targetListId?: string | null;
}
export interface Contact {
  id?: string;
  leadId?: string;
  date: string;
  kind: ContactKind;
  kindZh?: string;
  who: string;
  summary: string;
  nextStep: string | null;
  nextStepDate: string | null;
  recordedAt?: string;
  recordedBy?: string | null;
}
/** One recorded change: nothing is hard-deleted, every edit leaves one of these. */
export interface Change {
  at: string;
  by: string | null;
  field: string;
  fieldZh: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
}
export interface Project {
  id: string;
  name: string;
  enterpriseName: string | null;
  uscc: string | null;
  enterpriseRegionCode?: string | null;
  regionCode: string;
  regionName: string | null;
  zoneName: string | null;
  chainId: string;
  segmentIds: string[];
  segmentNames: string[];
  stage: ProjectStage;
  stageZh: string;
  status: ProjectStatus;
  statusZh: string;
  stageDates: Partial<Record<ProjectStage, string>>;
  plannedInvestmentYi: number | null;
  actualInvestmentYi: number | null;
  addedInvestmentYi: number | null;
  expansion: boolean;
  countedInvestmentYi: number | null;
  responsible: string | null;
  department: string | null;
  nextAction: string | null;
  nextActionDate: string | null;
  leadId: string | null;
  createdAt: string;
  updatedAt: string;
  statusReason: string | null;
  /** When the server marks the entry overdue (alerts); otherwise the view judges by the next-step date. */
  overdue?: boolean | null;
}
export interface ProjectInput {
  name?: string;
  leadId?: string | null;
  uscc?: string | null;
  enterpriseName?: string | null;
  enterpriseRegionCode?: string | null;
  regionCode?: string;
  zoneName?: string | null;
  chainId?: string;
  segmentIds?: string[];
  plannedInvestmentYi?: number | null;
  actualInvestmentYi?: number | null;
  expansion?: boolean;
  addedInvestmentYi?: number | null;
  responsible?: string | null;
  department?: string | null;
  stage?: ProjectStage;
  stageDate?: string | null;
  nextAction?: string | null;
  nextActionDate?: string | null;
}
export interface LeadQuery {
  region?: string | null;
  chain?: string | null;
  segment?: string | null;
  status?: string | null;
  responsible?: string | null;
  stale?: boolean | null;
  q?: string | null;
}
export interface ProjectQuery {
  region?: string | null;
  chain?: string | null;
  segment?: string | null;
  stage?: string | null;
  status?: string | null;
  responsible?: string | null;
  overdue?: boolean | null;
  q?: string | null;
}
