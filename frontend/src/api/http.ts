import { S } from '../strings';

/** An RFC 9457 problem detail as the backend sends it (Chinese `detail`, English `detailEn`). */
export interface ProblemDetail {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  detailEn?: string;
  instance?: string;
  /** Extra members some problems carry (e.g. `existingLeadId` of a 409). */
  [member: string]: unknown;
}

/** A request the server answered with an error. `message` is the Chinese text to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly detailEn: string | null,
    readonly problem: ProblemDetail | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * The endpoint does not exist (yet): another part of the product has not shipped it. Views show
 * "即将提供" for this instead of an error.
 */
export class NotAvailableError extends Error {
  constructor(readonly path: string) {
    super(`${S.comingSoon}: ${path}`);
    this.name = 'NotAvailableError';
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export function buildUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== null && v !== undefined && v !== '') search.set(k, String(v));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Whether an error response means "no such endpoint" rather than "no such thing": the app's own
 * not-found problems carry `detailEn`; Spring's unmapped-route 404/405 do not.
 */
export function isMissingEndpoint(status: number, problem: ProblemDetail | null): boolean {
  if (status === 501) return true;
  if (status !== 404 && status !== 405) return false;
  if (status === 405) return true;
  if (!problem || !problem.detailEn) return true;
  // Spring's own 404 for an unmapped path, passed through the app's problem handler
  return /no static resource|no endpoint|no handler found/i.test(problem.detailEn);
}

async function readProblem(res: Response): Promise<ProblemDetail | null> {
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return (await res.json()) as ProblemDetail;
  } catch {
    return null;
  }
}

/** The CSRF token the server keeps in the XSRF-TOKEN cookie (Spring Security's SPA setup), or null. */
function csrfToken(): string | null {
  if (typeof document === 'undefined') return null;
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return m ? decodeURIComponent(m[1]) : null;
}

/** Writes carry the CSRF header; reads do not need it. */
function withCsrf(init: RequestInit): RequestInit {
  const method = (init.method ?? 'GET').toUpperCase();
  const token = csrfToken();
  if (method === 'GET' || method === 'HEAD' || !token) return init;
  const headers = new Headers(init.headers);
  headers.set('X-XSRF-TOKEN', token);
  return { ...init, headers };
}

async function send(url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, withCsrf(init));
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, S.networkError, null);
  }
  if (!res.ok) {
    const problem = await readProblem(res);
    if (isMissingEndpoint(res.status, problem)) throw new NotAvailableError(url);
    throw new ApiError(res.status, problem?.detail ?? `HTTP ${res.status}`, problem?.detailEn ?? null, problem);
  }
  return res;
}

export async function getJson<T>(path: string, query: Record<string, QueryValue> = {}, signal?: AbortSignal): Promise<T> {
  const res = await send(buildUrl(path, query), { headers: { Accept: 'application/json' }, signal: signal ?? null });
  return (await res.json()) as T;
}

/** A GET of a paged list whose total is in the X-Total-Count header (null when the server sends none). */
export async function getJsonWithTotal<T>(path: string, query: Record<string, QueryValue> = {}, signal?: AbortSignal): Promise<{ items: T[]; total: number | null }> {
  const res = await send(buildUrl(path, query), { headers: { Accept: 'application/json' }, signal: signal ?? null });
  const total = Number.parseInt(res.headers.get('X-Total-Count') ?? '', 10);
  return { items: (await res.json()) as T[], total: Number.isFinite(total) ? total : null };
}

export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const res = await send(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal: signal ?? null,
  });
  return (await res.json()) as T;
}

export async function patchJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const res = await send(path, {
    method: 'PATCH',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal: signal ?? null,
  });
  return (await res.json()) as T;
}

export async function postForm<T>(path: string, form: FormData, signal?: AbortSignal): Promise<T> {
  const res = await send(path, { method: 'POST', headers: { Accept: 'application/json' }, body: form, signal: signal ?? null });
  return (await res.json()) as T;
}

export async function deleteJson(path: string, signal?: AbortSignal): Promise<void> {
  await send(path, { method: 'DELETE', headers: { Accept: 'application/json' }, signal: signal ?? null });
}
