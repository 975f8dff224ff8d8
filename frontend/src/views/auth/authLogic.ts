import { ApiError } from '../../api/http';
import { S } from '../../strings';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/**
 * The message of a failed sign-in: the server's Chinese detail (用户名或密码错误 / 账号已停用 / the lockout);
 * a 429 without one still says how many minutes to wait, from `Retry-After`.
 */
export function signInError(e: unknown): string {
  if (e instanceof ApiError && e.status === 429 && !e.problem?.detail) {
    return S.auth.lockedOut(Math.max(1, Math.ceil((e.retryAfter ?? 15 * 60) / 60)));
  }
  return e instanceof Error ? e.message : String(e);
}

/** What is wrong with a new password (and its repetition), or null. */
export function newPasswordError(password: string, repeat?: string): string | null {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) return S.auth.passwordLength;
  if (repeat !== undefined && repeat !== password) return S.auth.passwordMismatch;
  return null;
}

export const roleName = (role: string | null | undefined): string => (role ? S.roles[role] ?? role : '');
