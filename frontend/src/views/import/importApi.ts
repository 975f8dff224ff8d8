import { getJson, getJsonWithTotal, postForm, postJson } from '../../api/http';
import type { ImportJob, Page } from '../../api/types';

/** The import view's own endpoints: uploads with a submitter, the paged job history and 挂链 (docs/assignment.md). */

type Sig = AbortSignal | undefined;

export interface Option {
  segmentId: string;
  segmentName: string;
  score: number;
}
export interface NearFirm {
  uscc: string;
  name: string;
  similarity: number;
}
export type Confidence = 'SURE' | 'REVIEW';
export interface Suggestion {
  uscc: string;
  name: string;
  regionCode: string | null;
  provisional: boolean;
  confidence: Confidence;
  confidenceLabel: string;
  reason: string;
  margin: number;
  options: Option[];
  matchedTerms: string[];
  nearestFirms: NearFirm[];
}
export interface BatchPage {
  batchId: string;
  chain: string;
  region: string | null;
  createdAt: string;
  trainingFirms: number;
  segments: number;
  total: number;
  sure: number;
  review: number;
  noMatch: number;
  page: Page<Suggestion>;
}
export interface AcceptResult {
  requested: number;
  written: number;
  alreadyAssigned: number;
  chains: string[];
}
export interface RejectResult {
  requested: number;
  recorded: number;
  alreadyRejected: number;
  chain: string;
}
export interface ImportJobRow extends ImportJob {
  submittedBy?: string | null;
  chain?: string | null;
}

export const importApi = {
  upload: (format: string, file: File, opts: { dryRun: boolean; submittedBy: string | null }, s?: Sig) => {
    const form = new FormData();
    form.set('file', file);
    const q = new URLSearchParams();
    if (opts.dryRun) q.set('dryRun', 'true');
    if (opts.submittedBy) q.set('submittedBy', opts.submittedBy);
    const qs = q.toString();
    return postForm<ImportJob>(`/api/import/${encodeURIComponent(format)}${qs ? `?${qs}` : ''}`, form, s);
  },
  jobs: (q: { page: number; size: number; submittedBy: string | null }, s?: Sig) => getJsonWithTotal<ImportJobRow>('/api/import/jobs', q, s),

  suggest: (q: { chain: string; region: string | null; confidence: Confidence | null; page: number; size: number }, s?: Sig) => {
    const qs = new URLSearchParams({ chain: q.chain, page: String(q.page), size: String(q.size) });
    if (q.region) qs.set('region', q.region);
    if (q.confidence) qs.set('confidence', q.confidence);
    return postJson<BatchPage>(`/api/assignment/suggestions?${qs}`, null, s);
  },
  batch: (id: string, q: { confidence: Confidence | null; page: number; size: number }, s?: Sig) =>
    getJson<BatchPage>(`/api/assignment/batches/${encodeURIComponent(id)}`, q, s),
  acceptSure: (id: string, s?: Sig) => postJson<AcceptResult>(`/api/assignment/batches/${encodeURIComponent(id)}/accept-sure`, null, s),
  accept: (chain: string, items: { uscc: string; segmentId: string }[], s?: Sig) =>
    postJson<AcceptResult>(`/api/assignment/accept?chain=${encodeURIComponent(chain)}`, { items }, s),
  reject: (chain: string, usccs: string[], s?: Sig) => postJson<RejectResult>(`/api/assignment/reject?chain=${encodeURIComponent(chain)}`, { usccs }, s),
};
