import { buildUrl, getJson, patchJson, postJson, postNoContent, putJson, type QueryValue } from './http';
import type { Page } from './types';

/** Sign-in, accounts and audit (contract in notes/AUTH-API.md, issue 13). */

export type Role = 'ADMIN' | 'ANALYST' | 'VIEWER';
export const ROLES: Role[] = ['ADMIN', 'ANALYST', 'VIEWER'];

/** The signed-in account (`GET /api/auth/me`). `regionCode` null = national scope. */
export interface Me {
  username: string;
  role: Role;
  regionCode: string | null;
  regionName: string | null;
}

export interface Account {
  username: string;
  role: Role;
  regionCode: string | null;
  regionName: string | null;
  enabled: boolean;
  createdAt: string | null;
  lastSignInAt: string | null;
  locked: boolean;
}

export interface NewAccount {
  username: string;
  password: string;
  role: Role;
  /** null = national. */
  regionCode: string | null;
}

/** A PATCH of an account: only what changed; `regionCode: ""` = national. */
export interface AccountChange {
  role?: Role;
  regionCode?: string;
  enabled?: boolean;
}

export const AUDIT_ACTIONS = [
  'SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_OUT', 'PASSWORD_CHANGED', 'USER_CREATED', 'USER_UPDATED', 'PASSWORD_RESET',
  'IMPORT', 'EXPORT', 'LEAD_CHANGED', 'PROJECT_CHANGED', 'SETTINGS_CHANGED', 'ACCESS_DENIED',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditOutcome = 'OK' | 'FAILED' | 'DENIED';

export interface AuditEntry {
  /** ISO instant. */
  at: string;
  user: string | null;
  action: string;
  target: string | null;
  detail: string | null;
  outcome: AuditOutcome;
  ip: string | null;
}

/** Filters of the audit log; dates are YYYY-MM-DD (inclusive). */
export interface AuditFilters {
  user: string | null;
  action: string | null;
  from: string | null;
  to: string | null;
}

type Sig = AbortSignal | undefined;
const userPath = (username: string, tail = '') => `/api/admin/users/${encodeURIComponent(username)}${tail}`;

export const authApi = {
  me: (s?: Sig) => getJson<Me>('/api/auth/me', {}, s),
  login: (username: string, password: string, s?: Sig) => postJson<Me>('/api/auth/login', { username, password }, s),
  logout: (s?: Sig) => postNoContent('/api/auth/logout', undefined, s),
  changePassword: (currentPassword: string, newPassword: string, s?: Sig) =>
    postNoContent('/api/auth/password', { currentPassword, newPassword }, s),
};

/** 系统设置 of the ledger (`/api/settings/ledger`): whole numbers, each in its range. */
export type LedgerSettings = Record<string, number>;
export interface SettingsField {
  key: string;
  zh: string;
  min: number;
  max: number;
}
export interface LedgerSettingsView {
  settings: LedgerSettings;
  defaults: LedgerSettings;
  fields: SettingsField[];
  ledgerVersion: number;
}

export const adminApi = {
  ledgerSettings: (s?: Sig) => getJson<LedgerSettingsView>('/api/settings/ledger', {}, s),
  /** Only the fields that changed; the answer is the settings in force afterwards. */
  saveLedgerSettings: (change: LedgerSettings, s?: Sig) => putJson<LedgerSettingsView>('/api/settings/ledger', change, s),
  users: (s?: Sig) => getJson<Account[]>('/api/admin/users', {}, s),
  createUser: (body: NewAccount, s?: Sig) => postJson<Account>('/api/admin/users', body, s),
  updateUser: (username: string, body: AccountChange, s?: Sig) => patchJson<Account>(userPath(username), body, s),
  resetPassword: (username: string, newPassword: string, s?: Sig) => postNoContent(userPath(username, '/password'), { newPassword }, s),
  audit: (filters: AuditFilters, page: number, size: number, s?: Sig) =>
    getJson<Page<AuditEntry>>('/api/admin/audit', { page, size, ...auditParams(filters) }, s),
};

/** The filters as query parameters (empty ones are left out by buildUrl). */
export function auditParams(f: AuditFilters): Record<string, QueryValue> {
  return { user: f.user, action: f.action, from: f.from, to: f.to };
}

/** Download link of the audit log for the filters on screen (.xlsx). */
export function auditExportUrl(f: AuditFilters): string {
  return buildUrl('/api/admin/audit.xlsx', auditParams(f));
}
