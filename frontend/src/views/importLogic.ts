import type { ChainStructure, ImportJob, ImportPhase } from '../api/types';
import { S } from '../strings';
import { layoutChain, readingOrder } from './chainLayout';

const FINISHED: ImportPhase[] = ['DONE', 'REJECTED', 'FAILED'];

export function jobFinished(job: Pick<ImportJob, 'phase'>): boolean {
  return FINISHED.includes(job.phase);
}

/** Rows done within the current phase, 0..1 (null when the phase does not count rows). */
export function phaseProgress(job: Pick<ImportJob, 'rowsDone' | 'rowsTotal'>): number | null {
  if (!job.rowsTotal || job.rowsTotal <= 0) return null;
  return Math.max(0, Math.min(1, job.rowsDone / job.rowsTotal));
}

/**
 * The whole job as one bar, 0..1: counting is the first 5 %, validating up to 50 %, writing the rest.
 * A finished job is full (a rejected one too: the bar says the work is over, the message says how).
 */
export function jobProgress(job: Pick<ImportJob, 'phase' | 'rowsDone' | 'rowsTotal'>): number {
  if (jobFinished(job)) return 1;
  const f = phaseProgress(job) ?? 0;
  switch (job.phase) {
    case 'QUEUED':
      return 0;
    case 'COUNTING':
      return 0.05 * f;
    case 'VALIDATING':
      return 0.05 + 0.45 * f;
    case 'WRITING':
      return 0.5 + 0.5 * f;
    default:
      return 0;
  }
}

/** How long to wait before asking again: quick at first, then calmer for long imports. */
export function pollDelay(attempt: number): number {
  return Math.min(2000, 300 + attempt * 150);
}

/** Column types in words for the column notes (the API sends the enum names). */
export const COLUMN_TYPE_ZH: Record<string, string> = {
  ID: '编号',
  ID_LIST: '编号列表（用 ; 或 、 分隔）',
  TEXT: '文本',
  NAME: '名称',
  NAME_LIST: '名称列表（用 ; 或 、 分隔）',
  USCC: '统一社会信用代码（18 位）',
  ENTERPRISE: '企业（信用代码、全称或简称）',
  REGION: '行政区划代码（6 位）',
  DATE: '日期（如 2024-05-01）',
  YEAR: '年份',
  INTEGER: '整数',
  DECIMAL: '数值',
  SHARE: '占比（0–1 或百分数）',
  CHOICE: '选项',
  BOOLEAN: '是/否',
};

/** What a reference column names (the API sends the kind's enum name). */
export const REF_ZH: Record<string, string> = {
  CHAIN: '产业链',
  SEGMENT: '环节',
  PRODUCT: '产品',
  TECHNOLOGY: '技术',
  INSTITUTION: '研发机构',
  ENTERPRISE: '企业',
};

export function refZh(ref: string | null | undefined): string | null {
  return ref ? REF_ZH[ref] ?? ref : null;
}

/**
 * A column's type in words. A reference column (`refersTo`) of ids accepts the thing's id, its name and, for a
 * segment, its path (动力电池/电芯), so it is worded by what it names, not as 编号.
 */
export function columnTypeZh(type: string, unit: string | null, refersTo?: string | null): string {
  const ref = refZh(refersTo);
  let base = COLUMN_TYPE_ZH[type] ?? type;
  if (ref && (type === 'ID' || type === 'ID_LIST')) {
    const how = refersTo === 'SEGMENT' ? '名称、路径或编号' : '名称或编号';
    base = type === 'ID' ? `${ref}（${how}）` : `多个${ref}（${how}，用 ; 或 、 分隔）`;
  }
  return unit ? `${base}（${unit}）` : base;
}

/** The three import steps in the order the data depends on each other. */
export interface ImportStep {
  key: 'chain' | 'enterprises' | 'relations';
  title: string;
  formats: string[];
}

export const IMPORT_STEPS: ImportStep[] = [
  { key: 'chain', title: '① 产业链结构', formats: ['chains', 'segments', 'flows', 'products', 'product-inputs', 'technologies'] },
  { key: 'enterprises', title: '② 企业与机构', formats: ['enterprises', 'institutions'] },
  { key: 'relations', title: '③ 关系与项目', formats: ['enterprise-segments', 'enterprise-products', 'supplies', 'cooperations', 'projects'] },
];

/**
 * Which step a format belongs to: the API's `step` (1-based) when it sends one, else the built-in table;
 * formats nobody knows go to the last step.
 */
export function stepOf(format: { id: string; step?: number | null }): number {
  if (typeof format.step === 'number' && format.step >= 1) return Math.min(IMPORT_STEPS.length, format.step) - 1;
  const i = IMPORT_STEPS.findIndex((s) => s.formats.includes(format.id));
  return i >= 0 ? i : IMPORT_STEPS.length - 1;
}

/**
 * The formats a format needs first that are not there yet. `present` holds what is known to exist (formats
 * imported or data already loaded). With the API's `requires` list it is exact; without it, every format of
 * the earlier steps' first format (chains; enterprises) counts as the prerequisite.
 */
export function missingPrerequisites(format: { id: string; step?: number | null; requires?: string[] | null }, present: Set<string>): string[] {
  if (Array.isArray(format.requires)) return format.requires.filter((r) => !present.has(r));
  const step = stepOf(format);
  const needed: string[] = [];
  if (step >= 1 && format.id !== 'chains') needed.push('chains');
  if (step >= 2) needed.push('enterprises');
  if (step === 0 && format.id !== 'chains') needed.push('chains');
  return needed.filter((r) => !present.has(r));
}


// 挂链 review ----------------------------------------------------------------------------------

/** A segment a reviewer can choose, labelled with its stage and, for a sub-segment, its parent. */
export interface SegmentChoice {
  id: string;
  label: string;
  stage: string;
}

/** The chain's segments in chain order (upstream → downstream, as the chain map reads), for 改为… */
export function segmentChoices(structure: Pick<ChainStructure, 'segments' | 'flows'> | null): SegmentChoice[] {
  if (!structure) return [];
  const byId = new Map(structure.segments.map((s) => [s.id, s]));
  return readingOrder(layoutChain(structure.segments, structure.flows)).map((s) => {
    const parent = s.parentId ? byId.get(s.parentId) : undefined;
    return { id: s.id, label: parent ? `${parent.name}/${s.name}` : s.name, stage: S.stage[s.stage] ?? s.stage };
  });
}

/** What the reviewer did with one suggestion (kept on the page so the row says so, and not offered again). */
export type Decision =
  | { kind: 'accepted'; segmentId: string; segmentName: string; changed: boolean }
  | { kind: 'rejected' }
  | { kind: 'pending' }
  | { kind: 'failed'; message: string };

export function decisionText(d: Decision | undefined): string {
  if (!d) return '';
  switch (d.kind) {
    case 'accepted':
      return d.changed ? `已改为「${d.segmentName}」并挂链` : `已采纳「${d.segmentName}」`;
    case 'rejected':
      return '已驳回（不再推荐）';
    case 'pending':
      return '提交中…';
    case 'failed':
      return `未成功：${d.message}`;
  }
}

/** A decision that is final: its row's buttons are off. */
export function decided(d: Decision | undefined): boolean {
  return d !== undefined && (d.kind === 'accepted' || d.kind === 'rejected' || d.kind === 'pending');
}

/** The evidence of a suggestion in words: matched words and the nearest assigned firms with their similarity. */
export function evidenceOf(s: { matchedTerms: string[]; nearestFirms: { name: string; similarity: number }[] }): { words: string; firms: string } {
  return {
    words: s.matchedTerms.length ? s.matchedTerms.join('、') : '—',
    firms: s.nearestFirms.length ? s.nearestFirms.map((f) => `${f.name}（相似度 ${f.similarity.toFixed(2)}）`).join('；') : '—',
  };
}

/** The chain the 挂链 panel opens on: the job's (one chain only), else the one chosen in the header, else the first. */
export function reviewChain(jobChains: string[] | null | undefined, current: string | null, known: string[]): string | null {
  const fromJob = (jobChains ?? []).filter((c) => known.includes(c));
  if (fromJob.length >= 1) return fromJob[0]!;
  if (current && known.includes(current)) return current;
  return known[0] ?? null;
}

/** Whether a finished job should open 挂链 review: enterprises written, or segments/assignments changed. */
export function offersAssignment(job: Pick<ImportJob, 'phase' | 'dryRun' | 'format'> & { result?: { rowsWritten: number } | null }): boolean {
  return job.phase === 'DONE' && !job.dryRun && (job.result?.rowsWritten ?? 0) > 0 && ['enterprises', 'enterprise-segments', 'segments'].includes(job.format);
}

/** The import history query: a submitter filter is trimmed and bounded like the API (≤ 50 characters). */
export function historyQuery(page: number, size: number, submitter: string): { page: number; size: number; submittedBy: string | null } {
  const who = submitter.trim().slice(0, 50);
  return { page: Math.max(0, page - 1), size, submittedBy: who || null };
}
