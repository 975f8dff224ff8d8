import type { ImportJob, ImportPhase } from '../api/types';

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
