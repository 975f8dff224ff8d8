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
    /** Seconds from a `Retry-After` header (the sign-in lockout's 429), null without one. */
    readonly retryAfter: number | null = null,
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

/** Methods Spring's CSRF filter checks: they carry the `X-XSRF-TOKEN` header. */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';

/** The token Spring's `CookieCsrfTokenRepository` keeps in a cookie script can read (null when there is none yet). */
export function csrfCookie(cookies: string = typeof document === 'undefined' ? '' : document.cookie): string | null {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== CSRF_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return value ? decodeURIComponent(value) : null;
    } catch {
      return value;
    }
  }
  return null;
}

/**
 * The token for a write: the cookie, or — before any answer has set it (first request of a fresh session) —
 * the one `GET /api/auth/csrf` hands out (it sets the cookie as well).
 */
async function csrfToken(signal: AbortSignal | null | undefined): Promise<string | null> {
  const cookie = csrfCookie();
  if (cookie) return cookie;
  try {
    const res = await fetch('/api/auth/csrf', { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal: signal ?? null });
    if (!res.ok) return null;
    return csrfCookie() ?? ((await res.json()) as { token?: string }).token ?? null;
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    return null;
  }
}

/**
 * What the app does about a 401 or 403 wherever it happens (router.ts sends a 401 to the sign-in view, a 403
 * is shown as a message). The request still fails with its ApiError, so the caller stops as before.
 */
export interface AuthFailureHandlers {
  unauthorized?(error: ApiError, url: string): void;
  forbidden?(error: ApiError, url: string): void;
}
let handlers: AuthFailureHandlers = {};
export function onAuthFailure(h: AuthFailureHandlers): void {
  handlers = h;
}

/** Hands a 401 met outside `send` (the download check, app/download.ts) to the same handler as any API call's. */
export function reportUnauthorized(error: ApiError, url: string): void {
  handlers.unauthorized?.(error, url);
}

/** A 401 of these means "wrong password" or "not signed in yet", which their own callers show: no redirect. */
const OWN_401 = ['/api/auth/login', '/api/auth/me'];
function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q >= 0 ? url.slice(0, q) : url;
}

async function send(url: string, init: RequestInit): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  if (UNSAFE.has(method)) {
    const token = await csrfToken(init.signal);
    if (token) headers.set(CSRF_HEADER, token);
  }
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers, credentials: 'same-origin' });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, S.networkError, null);
  }
  if (!res.ok) {
    const problem = await readProblem(res);
    if (isMissingEndpoint(res.status, problem)) throw new NotAvailableError(url);
    const fallback = res.status === 401 ? S.auth.signInRequired : res.status === 403 ? S.auth.forbidden : `HTTP ${res.status}`;
    const retryAfter = Number.parseInt(res.headers.get('Retry-After') ?? '', 10);
    const error = new ApiError(res.status, problem?.detail ?? fallback, problem?.detailEn ?? null, problem, Number.isFinite(retryAfter) ? retryAfter : null);
    if (res.status === 401 && !OWN_401.includes(pathOf(url))) handlers.unauthorized?.(error, url);
    if (res.status === 403) handlers.forbidden?.(error, url);
    throw error;
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

export async function putJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const res = await send(path, {
    method: 'PUT',
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

/** A POST whose answer has no body (204): logout, password changes. */
export async function postNoContent(path: string, body: unknown, signal?: AbortSignal): Promise<void> {
  await send(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
    signal: signal ?? null,
  });
}

export async function deleteJson(path: string, signal?: AbortSignal): Promise<void> {
  await send(path, { method: 'DELETE', headers: { Accept: 'application/json' }, signal: signal ?? null });
}
