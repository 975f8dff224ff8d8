import type { Account, AccountChange, AuditFilters, LedgerSettings, NewAccount, Role, SettingsField } from '../../api/auth';
import { AUDIT_ACTIONS } from '../../api/auth';
import { newPasswordError } from '../auth/authLogic';

/** Usernames the server accepts: 2..32 letters, digits, `_ . -` or Chinese characters. */
export const USERNAME_PATTERN = /^[A-Za-z0-9_.\-\u4e00-\u9fa5]{2,32}$/;

export interface NewUserForm {
  username: string;
  password: string;
  role: Role;
  /** '' = national. */
  regionCode: string;
}

export const newUserForm = (): NewUserForm => ({ username: '', password: '', role: 'ANALYST', regionCode: '' });

export function newUserErrors(f: NewUserForm): Partial<Record<'username' | 'password', string>> {
  const errors: Partial<Record<'username' | 'password', string>> = {};
  if (!USERNAME_PATTERN.test(f.username.trim())) errors.username = '用户名为 2–32 个字符：字母、数字、_ . - 或汉字';
  const pw = newPasswordError(f.password);
  if (pw) errors.password = pw;
  return errors;
}

export const newUserBody = (f: NewUserForm): NewAccount => ({
  username: f.username.trim(), password: f.password, role: f.role, regionCode: f.regionCode || null,
});

export interface EditForm {
  role: Role;
  /** '' = national. */
  regionCode: string;
}

export const editForm = (a: Account): EditForm => ({ role: a.role, regionCode: a.regionCode ?? '' });

/** Only what changed; a region cleared to national is sent as `""` (the contract's way to say 全国). */
export function accountChange(a: Account, f: EditForm): AccountChange {
  const change: AccountChange = {};
  if (f.role !== a.role) change.role = f.role;
  if ((f.regionCode || null) !== (a.regionCode || null)) change.regionCode = f.regionCode;
  return change;
}

// ---- audit log ------------------------------------------------------------------------------------------------

export const AUDIT_PAGE_SIZE = 50;

export const ACTION_NAMES: Record<string, string> = {
  SIGN_IN: '登录',
  SIGN_IN_FAILED: '登录失败',
  SIGN_OUT: '退出登录',
  PASSWORD_CHANGED: '修改密码',
  USER_CREATED: '新建用户',
  USER_UPDATED: '修改用户',
  PASSWORD_RESET: '重置密码',
  IMPORT: '数据导入',
  EXPORT: '数据导出',
  LEAD_CHANGED: '线索变更',
  PROJECT_CHANGED: '项目变更',
  SETTINGS_CHANGED: '设置变更',
  ACCESS_DENIED: '拒绝访问',
};
export const OUTCOMES: Record<string, { zh: string; tag: 'success' | 'danger' | 'warning' }> = {
  OK: { zh: '成功', tag: 'success' },
  FAILED: { zh: '失败', tag: 'danger' },
  DENIED: { zh: '拒绝', tag: 'warning' },
};
export const actionName = (a: string) => ACTION_NAMES[a] ?? a;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The audit filters and page of the URL `#/audit?user=&action=&from=&to=&page=` (page 0-based; junk ignored). */
export function auditStateFromParams(p: Record<string, string>): { filters: AuditFilters; page: number } {
  const page = Number.parseInt(p.page ?? '', 10);
  return {
    filters: {
      user: p.user?.trim() || null,
      action: p.action && (AUDIT_ACTIONS as readonly string[]).includes(p.action) ? p.action : null,
      from: p.from && DATE.test(p.from) ? p.from : null,
      to: p.to && DATE.test(p.to) ? p.to : null,
    },
    page: Number.isFinite(page) && page > 0 ? page : 0,
  };
}

/** URL parameters for changed filters (empty ones removed); a filter change goes back to the first page. */
export function auditFilterParams(f: AuditFilters): Record<string, string | null> {
  return { user: f.user?.trim() || null, action: f.action || null, from: f.from || null, to: f.to || null, page: null };
}

/**
 * 系统设置: the fields whose edited value differs from the one in force and is a whole number in its range (what the
 * PUT sends), and the problems of the others by key (the save button stays off while there are any).
 */
export function settingsChange(
  fields: readonly SettingsField[],
  current: LedgerSettings,
  edited: Record<string, number | null | undefined>,
): { change: LedgerSettings; errors: Record<string, string> } {
  const change: LedgerSettings = {};
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const v = edited[f.key];
    if (v === null || v === undefined || !Number.isInteger(v) || v < f.min || v > f.max) {
      errors[f.key] = `${f.zh}须为 ${f.min}–${f.max} 之间的整数`;
    } else if (v !== current[f.key]) {
      change[f.key] = v;
    }
  }
  return { change, errors };
}
