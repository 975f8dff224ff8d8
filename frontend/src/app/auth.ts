import { reactive } from 'vue';
import type { LocationQueryValue } from 'vue-router';
import { authApi, type Me, type Role } from '../api/auth';
import { ApiError, NotAvailableError } from '../api/http';
import { S } from '../strings';

/**
 * Who is signed in. `me` is loaded once (the router guard waits for it before anything else is fetched) and
 * replaced on sign-in / sign-out. `disabled` = the server has no sign-in at all (`/api/auth/me` does not exist):
 * the UI then shows everything and leaves every decision to the server, as before issue 13.
 */
export const auth = reactive({
  me: null as Me | null,
  /** `/api/auth/me` has answered (signed in or not). */
  checked: false,
  disabled: false,
  /** Why `me` could not be checked (network, 5xx); the sign-in view shows it. */
  error: null as unknown,
  /** Why the user has to sign in again (会话已过期 / the server's reason); the sign-in view shows it until sign-in. */
  notice: null as string | null,
});

let mePromise: Promise<Me | null> | null = null;

/** The signed-in account, asked once; null = not signed in. A failure other than 401 is asked again next time. */
export function loadMe(): Promise<Me | null> {
  mePromise ??= authApi.me().then(
    (me) => {
      setMe(me);
      return me;
    },
    (e: unknown) => {
      auth.me = null;
      if (e instanceof NotAvailableError) {
        auth.disabled = true;
        auth.checked = true;
      } else if (e instanceof ApiError && e.status === 401) {
        auth.checked = true;
        auth.error = null;
        // a session the server ended itself (e.g. 账号信息已变更 after an admin changed the account) says so
        if (!isPlainSignInRequired(e)) auth.notice = e.message;
      } else {
        auth.error = e;
        mePromise = null;
      }
      return null;
    },
  );
  return mePromise;
}

export function isSignedIn(): boolean {
  return auth.disabled || auth.me !== null;
}

export function setMe(me: Me): void {
  auth.me = me;
  auth.notice = null;
  auth.checked = true;
  auth.error = null;
  mePromise = Promise.resolve(me);
}

/** A 401 that only says "not signed in" (请先登录), as opposed to one that gives a reason. */
function isPlainSignInRequired(e: ApiError): boolean {
  return !e.problem?.detail || e.problem.detail === S.auth.signInRequired;
}

/**
 * The message of a 401 while signed in: the server's own reason when it gives one (账号信息已变更… after an admin
 * changed the account, 账号已停用), else 会话已过期，请重新登录.
 */
export function sessionEndedMessage(e: ApiError | null | undefined): string {
  return e && !isPlainSignInRequired(e) ? e.message : S.auth.sessionExpired;
}

/** A 401 ended the session: the account is forgotten and the sign-in view will say why. */
export function sessionEnded(e: ApiError | null | undefined): void {
  auth.notice = sessionEndedMessage(e);
  clearMe();
}

/** Forgets the account (after sign-out or a 401): the next guard run sends the user to the sign-in view. */
export function clearMe(): void {
  auth.me = null;
  auth.checked = true;
  mePromise = Promise.resolve(null);
}

export async function signIn(username: string, password: string): Promise<Me> {
  const me = await authApi.login(username, password);
  setMe(me);
  return me;
}

/** Signs out on the server; the local account is forgotten even when that fails (e.g. the session had expired). */
export async function signOut(): Promise<void> {
  try {
    await authApi.logout();
  } catch {
    // nothing to do: the session is gone or will expire
  } finally {
    clearMe();
  }
}

/** The role the UI goes by: without server sign-in everything is shown (the server decides). */
export function currentRole(): Role | null {
  if (auth.disabled) return 'ADMIN';
  return auth.me?.role ?? null;
}

/** For tests: back to "not asked yet". */
export function resetAuth(): void {
  auth.me = null;
  auth.checked = false;
  auth.disabled = false;
  auth.error = null;
  auth.notice = null;
  mePromise = null;
}

export const LOGIN_PATH = '/login';
const DEFAULT_PATH = '/chain';

/**
 * Where to go after signing in: the `redirect` the sign-in view was opened with, if it is a path of this app
 * (not another site, not the sign-in view itself), else the default view.
 */
export function afterSignIn(redirect: LocationQueryValue | LocationQueryValue[] | undefined): string {
  const r = Array.isArray(redirect) ? redirect[0] : redirect;
  if (typeof r !== 'string' || !r.startsWith('/') || r.startsWith('//') || r === LOGIN_PATH || r.startsWith(LOGIN_PATH + '?')) return DEFAULT_PATH;
  return r;
}
