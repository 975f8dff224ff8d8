import type { ProjectStage, ProjectStatus } from '../../api/types';
import { L } from './ledgerText';

/** The stage machine in order: 谋划 → 洽谈 → 签约 → 开工 → 建设 → 投产 → 达产. */
export const STAGES: ProjectStage[] = ['PLANNING', 'NEGOTIATING', 'SIGNED', 'STARTED', 'BUILDING', 'IN_PRODUCTION', 'AT_CAPACITY'];
export type StageDates = Partial<Record<ProjectStage, string | null>>;

export interface StagedProject {
  stage: ProjectStage;
  status: ProjectStatus;
  stageDates: StageDates;
}

export const stageIndex = (s: ProjectStage): number => STAGES.indexOf(s);

/** Today in Asia/Shanghai (the server's clock zone) as `YYYY-MM-DD`. */
export function todayShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The stages passed over when moving from `from` straight to `to` (both excluded). */
export function skippedStages(from: ProjectStage, to: ProjectStage): ProjectStage[] {
  const a = stageIndex(from);
  const b = stageIndex(to);
  return b > a + 1 ? STAGES.slice(a + 1, b) : [];
}

/** The stages a project may advance to: the ones after its current stage. */
export function nextStages(p: StagedProject): ProjectStage[] {
  return STAGES.slice(stageIndex(p.stage) + 1);
}

/** The latest dated stage reached so far (a project entered directly at 签约 has no earlier dates). */
export function lastDated(p: StagedProject): { stage: ProjectStage; date: string } | null {
  for (let i = stageIndex(p.stage); i >= 0; i--) {
    const s = STAGES[i]!;
    const d = p.stageDates[s];
    if (d) return { stage: s, date: d };
  }
  return null;
}

const isDate = (d: string | null | undefined): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d);

/** Checks dates in stage order: each present date not before the one before it, none after today. */
function orderErrors(seq: { stage: ProjectStage; date: string | null | undefined }[], today: string): string[] {
  const errors: string[] = [];
  let prev: { stage: ProjectStage; date: string } | null = null;
  for (const { stage, date } of seq) {
    if (!isDate(date)) continue;
    if (date > today) errors.push(L.notAfterToday(`「${L.stage[stage]}」日期`));
    if (prev && date < prev.date) errors.push(`「${L.stage[stage]}」日期（${date}）不能早于「${L.stage[prev.stage]}」日期（${prev.date}）`);
    prev = { stage, date };
  }
  return errors;
}

export interface AdvanceInput {
  stage: ProjectStage | null;
  date: string | null;
  skippedDates: StageDates;
}

/**
 * Why a move forward is refused, in words (empty when allowed): only forward, only for a project being worked, with
 * a date not before the previous stage's and not after today, and a date for every stage skipped on the way.
 */
export function advanceErrors(p: StagedProject, input: AdvanceInput, today: string): string[] {
  if (p.status !== 'ACTIVE') return [`项目${L.projectStatus[p.status]}，恢复后才能推进阶段`];
  if (!input.stage) return ['请选择要推进到的阶段'];
  if (stageIndex(input.stage) <= stageIndex(p.stage)) return ['阶段只能向后推进；退回或修改日期请用「更正」并写明原因'];
  const errors: string[] = [];
  const skipped = skippedStages(p.stage, input.stage);
  for (const s of skipped) if (!isDate(input.skippedDates[s])) errors.push(`跳过的阶段「${L.stage[s]}」也需要日期`);
  if (!isDate(input.date)) errors.push(L.required(`「${L.stage[input.stage]}」日期`));
  const last = lastDated(p);
  const seq = [
    ...(last ? [last] : []),
    ...skipped.map((s) => ({ stage: s, date: input.skippedDates[s] })),
    { stage: input.stage, date: input.date },
  ];
  return [...errors, ...orderErrors(seq, today)];
}

/** The body of `POST /advance`: skipped dates only when stages are skipped. */
export function advanceBody(p: StagedProject, input: AdvanceInput): { stage: ProjectStage; date: string; skippedDates?: Partial<Record<ProjectStage, string>> } {
  const skipped = skippedStages(p.stage, input.stage!);
  const body: { stage: ProjectStage; date: string; skippedDates?: Partial<Record<ProjectStage, string>> } = { stage: input.stage!, date: input.date! };
  if (skipped.length) body.skippedDates = Object.fromEntries(skipped.map((s) => [s, input.skippedDates[s]!]));
  return body;
}

export interface CorrectionInput {
  stage: ProjectStage;
  stageDates: StageDates;
  reason: string;
}

/**
 * Why a correction is refused (empty when allowed): it needs a reason, a change, a date for its stage (unless 谋划)
 * and dates in stage order; dates after the corrected stage are dropped (the server does so too), since the project
 * has not reached them.
 */
export function correctionErrors(p: StagedProject, c: CorrectionInput, today: string): string[] {
  const errors: string[] = [];
  if (!c.reason.trim()) errors.push(L.required('更正原因'));
  else if (c.reason.trim().length > 500) errors.push(L.tooLong('更正原因', 500));
  const upTo = STAGES.slice(0, stageIndex(c.stage) + 1);
  if (c.stage !== 'PLANNING' && !isDate(c.stageDates[c.stage])) errors.push(L.required(`「${L.stage[c.stage]}」日期`));
  errors.push(...orderErrors(upTo.map((s) => ({ stage: s, date: c.stageDates[s] })), today));
  const body = correctionBody(c);
  const same = c.stage === p.stage && STAGES.every((s) => (body.stageDates[s] ?? null) === (stageIndex(s) <= stageIndex(p.stage) ? (p.stageDates[s] ?? null) : null));
  if (same && errors.length === 0) errors.push('没有要更正的内容');
  return errors;
}

/** The body of `POST /correct`: every stage up to the corrected one, a cleared date as null (the server removes it). */
export function correctionBody(c: CorrectionInput): { stage: ProjectStage; stageDates: Partial<Record<ProjectStage, string | null>>; reason: string } {
  const upTo = STAGES.slice(0, stageIndex(c.stage) + 1);
  const stageDates: Partial<Record<ProjectStage, string | null>> = {};
  for (const s of upTo) {
    const d = c.stageDates[s];
    stageDates[s] = isDate(d) ? d : null;
  }
  return { stage: c.stage, stageDates, reason: c.reason.trim() };
}

export type StepStatus = 'success' | 'process' | 'wait' | 'error';
export interface Step {
  stage: ProjectStage;
  title: string;
  date: string | null;
  status: StepStatus;
}

/** The stepper: reached stages done with their dates, the current one in progress (or stopped), the rest waiting. */
export function steps(p: StagedProject): Step[] {
  const cur = stageIndex(p.stage);
  return STAGES.map((s, i) => {
    let status: StepStatus = i < cur ? 'success' : i > cur ? 'wait' : 'process';
    if (i === cur && p.status === 'TERMINATED') status = 'error';
    if (i === cur && p.status === 'ACTIVE' && s === 'AT_CAPACITY') status = 'success';
    return { stage: s, title: L.stage[s], date: i <= cur ? (p.stageDates[s] ?? null) : null, status };
  });
}

/** A picker's day as `YYYY-MM-DD` in the browser's own calendar (not UTC, which is a day off in China at midnight). */
export function localIso(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
