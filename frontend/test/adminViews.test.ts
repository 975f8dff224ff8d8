// @vitest-environment happy-dom
import { DOMWrapper, flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { auditExportUrl, type Account } from '../src/api/auth';
import { resetAuth, setMe } from '../src/app/auth';
import { accountChange, auditFilterParams, auditStateFromParams, newUserErrors, settingsChange } from '../src/views/admin/adminLogic';
import AuditView from '../src/views/admin/AuditView.vue';
import UsersView from '../src/views/admin/UsersView.vue';

type Answer = { status: number; body?: unknown };
const calls: Array<{ url: string; method: string; body: unknown }> = [];
/** fetch answering by "METHOD path" (or path alone for GET); every call is recorded. */
function mockFetch(routes: Record<string, Answer | Answer[]>) {
  calls.length = 0;
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    calls.push({ url, method, body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body });
    const path = url.split('?')[0]!;
    const r = routes[`${method} ${path}`] ?? (method === 'GET' ? routes[path] : undefined);
    const a = Array.isArray(r) ? (r.length > 1 ? r.shift() : r[0]) : r;
    if (!a) return new Response(JSON.stringify({ status: 500, detail: `unexpected ${method} ${url}` }), { status: 500, headers: { 'Content-Type': 'application/json' } });
    return new Response(a.status === 204 ? null : JSON.stringify(a.body ?? {}), { status: a.status, headers: { 'Content-Type': 'application/json' } });
  }));
}
const writes = () => calls.filter((c) => c.method !== 'GET');

const account = (username: string, over: Partial<Account> = {}): Account => ({
  username, role: 'ANALYST', regionCode: null, regionName: null, enabled: true,
  createdAt: '2025-01-02T03:04:05Z', lastSignInAt: null, locked: false, ...over,
});
const USERS = [account('admin', { role: 'ADMIN' }), account('li', { regionCode: '340100', regionName: '安徽省 合肥市', locked: true })];

async function mountView(component: unknown, path: string) {
  const Stub = defineComponent({ template: '<div />' });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:v', component: Stub }] });
  await router.push(path);
  const w = mount(component as never, { global: { plugins: [router], stubs: { transition: false } }, attachTo: document.body });
  await flushPromises();
  return { w, router };
}
const click = async (el: Element | null) => {
  if (!el) throw new Error('element not found');
  (el as HTMLElement).click();
  await flushPromises();
};
/** Dialogs are teleported to <body>: look there, not in the wrapper. */
const $ = (selector: string) => new DOMWrapper(document.querySelector(selector));
const type = async (_w: unknown, testId: string, value: string) => {
  await $(`input[data-testid=${testId}]`).setValue(value);
};

beforeEach(() => {
  resetAuth();
  setMe({ username: 'admin', role: 'ADMIN', regionCode: null, regionName: null });
  document.cookie = 'XSRF-TOKEN=t; path=/';
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('user form rules', () => {
  it('checks username and password like the server', () => {
    expect(newUserErrors({ username: 'a', password: 'short', role: 'VIEWER', regionCode: '' })).toEqual({
      username: expect.stringContaining('2–32'), password: '密码长度为 8–128 个字符',
    });
    expect(newUserErrors({ username: '王五.w_1', password: '12345678', role: 'VIEWER', regionCode: '' })).toEqual({});
    expect(newUserErrors({ username: 'a b', password: '12345678', role: 'VIEWER', regionCode: '' }).username).toBeTruthy();
  });
  it('sends only what changed, a cleared region as "" (national)', () => {
    const li = USERS[1]!;
    expect(accountChange(li, { role: 'ANALYST', regionCode: '340100' })).toEqual({});
    expect(accountChange(li, { role: 'VIEWER', regionCode: '' })).toEqual({ role: 'VIEWER', regionCode: '' });
    expect(accountChange(USERS[0]!, { role: 'ADMIN', regionCode: '340000' })).toEqual({ regionCode: '340000' });
  });
});

// mounting Element Plus tables, dialogs and pickers in happy-dom is slow on a shared machine
describe('users view', { timeout: 30_000 }, () => {
  it('lists the accounts with role in Chinese, region or 全国, and lock state', async () => {
    mockFetch({ '/api/admin/users': { status: 200, body: USERS } });
    const { w } = await mountView(UsersView, '/users');
    const rows = w.findAll('[data-testid=users-table] tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.text()).toContain('管理员');
    expect(rows[0]!.find('[data-testid=user-region]').text()).toBe('全国');
    expect(rows[1]!.text()).toContain('分析员');
    expect(rows[1]!.find('[data-testid=user-region]').text()).toBe('安徽省 合肥市');
    expect(rows[1]!.find('[data-testid=locked]').exists()).toBe(true);
    w.unmount();
  });

  it('creates a user, checking the form first and showing a server 409', async () => {
    mockFetch({
      '/api/admin/users': { status: 200, body: USERS },
      'POST /api/admin/users': [
        { status: 409, body: { status: 409, detail: '用户名已存在', detailEn: 'duplicate' } },
        { status: 201, body: account('wang', { role: 'VIEWER' }) },
      ],
    });
    const { w } = await mountView(UsersView, '/users');
    await w.find('[data-testid=new-user]').trigger('click');
    await flushPromises();
    await type(w, 'nu-username', 'w');
    await type(w, 'nu-password', 'short');
    await $('[data-testid=nu-save]').trigger('click');
    await flushPromises();
    expect(writes()).toHaveLength(0);
    expect(document.querySelectorAll('[data-testid=user-form] .el-form-item.is-error')).toHaveLength(2);

    await type(w, 'nu-username', 'wang');
    await type(w, 'nu-password', 'wang-pass-1');
    // role select: pick 只读 from its options
    await click(document.querySelector('[data-testid=user-form] .el-select__wrapper'));
    await click([...document.querySelectorAll('.el-select-dropdown__item')].find((e) => e.textContent?.trim() === '只读') ?? null);
    await $('[data-testid=nu-save]').trigger('click');
    await flushPromises();
    expect($('[data-testid=server-error]').text()).toContain('用户名已存在');

    await $('[data-testid=nu-save]').trigger('click');
    await flushPromises();
    expect(writes().map((c) => [c.method, c.url, c.body])).toEqual([
      ['POST', '/api/admin/users', { username: 'wang', password: 'wang-pass-1', role: 'VIEWER', regionCode: null }],
      ['POST', '/api/admin/users', { username: 'wang', password: 'wang-pass-1', role: 'VIEWER', regionCode: null }],
    ]);
    // the list is loaded again after the creation
    expect(calls.filter((c) => c.url === '/api/admin/users' && c.method === 'GET')).toHaveLength(2);
    w.unmount();
  });

  it('edits the role and shows the 409 of the last admin', async () => {
    mockFetch({
      '/api/admin/users': { status: 200, body: USERS },
      'PATCH /api/admin/users/admin': { status: 409, body: { status: 409, detail: '至少保留一个启用的管理员', detailEn: 'last admin' } },
    });
    const { w } = await mountView(UsersView, '/users');
    await w.find('[data-testid=edit-admin]').trigger('click');
    await flushPromises();
    await click(document.querySelector('[data-testid=edit-form] .el-select__wrapper'));
    await click([...document.querySelectorAll('.el-select-dropdown__item')].filter((e) => e.textContent?.trim() === '分析员').pop() ?? null);
    await $('[data-testid=ed-save]').trigger('click');
    await flushPromises();
    expect(writes().map((c) => [c.method, c.url, c.body])).toEqual([['PATCH', '/api/admin/users/admin', { role: 'ANALYST' }]]);
    expect($('[data-testid=edit-error]').text()).toContain('至少保留一个启用的管理员');
    w.unmount();
  });

  it('disables with the switch; a refusal is shown and the list reloaded', async () => {
    mockFetch({
      '/api/admin/users': { status: 200, body: USERS },
      'PATCH /api/admin/users/admin': { status: 409, body: { status: 409, detail: '至少保留一个启用的管理员', detailEn: 'last admin' } },
      'PATCH /api/admin/users/li': { status: 200, body: account('li', { enabled: false }) },
    });
    const { w } = await mountView(UsersView, '/users');
    await w.find('[data-testid=enabled-li]').trigger('click');
    await flushPromises();
    await w.find('[data-testid=enabled-admin]').trigger('click');
    await flushPromises();
    expect(writes().map((c) => [c.url, c.body])).toEqual([['/api/admin/users/li', { enabled: false }], ['/api/admin/users/admin', { enabled: false }]]);
    expect(document.body.textContent).toContain('至少保留一个启用的管理员');
    expect(calls.filter((c) => c.url === '/api/admin/users' && c.method === 'GET')).toHaveLength(3);
    w.unmount();
  });

  it('resets a password (at least 8 characters)', async () => {
    mockFetch({ '/api/admin/users': { status: 200, body: USERS }, 'POST /api/admin/users/li/password': { status: 204 } });
    const { w } = await mountView(UsersView, '/users');
    await w.find('[data-testid=reset-li]').trigger('click');
    await flushPromises();
    await type(w, 'rp-password', '1234567');
    await $('[data-testid=rp-save]').trigger('click');
    await flushPromises();
    expect(writes()).toHaveLength(0);
    await type(w, 'rp-password', '12345678');
    await $('[data-testid=rp-save]').trigger('click');
    await flushPromises();
    expect(writes().map((c) => [c.url, c.body])).toEqual([['/api/admin/users/li/password', { newPassword: '12345678' }]]);
    w.unmount();
  });
});

describe('audit filters', () => {
  it('reads only valid filters from the URL and writes changes back to page 1', () => {
    expect(auditStateFromParams({ user: ' li ', action: 'EXPORT', from: '2025-01-01', to: 'x', page: '2' })).toEqual({
      filters: { user: 'li', action: 'EXPORT', from: '2025-01-01', to: null }, page: 2,
    });
    expect(auditStateFromParams({ action: 'DROP TABLE' }).filters.action).toBeNull();
    expect(auditFilterParams({ user: '', action: 'SIGN_IN', from: null, to: null })).toEqual({ user: null, action: 'SIGN_IN', from: null, to: null, page: null });
    expect(auditExportUrl({ user: '张三', action: 'EXPORT', from: '2025-01-01', to: '2025-01-31' })).toBe(
      '/api/admin/audit.xlsx?user=%E5%BC%A0%E4%B8%89&action=EXPORT&from=2025-01-01&to=2025-01-31',
    );
    expect(auditExportUrl({ user: null, action: null, from: null, to: null })).toBe('/api/admin/audit.xlsx');
  });
});

describe('audit view', { timeout: 30_000 }, () => {
  const PAGE = {
    items: [
      { at: '2025-03-04T05:06:07Z', user: 'li', action: 'EXPORT', target: '招商清单 L1', detail: 'xlsx', outcome: 'OK', ip: '10.0.0.1' },
      { at: '2025-03-04T05:00:00Z', user: 'wang', action: 'SIGN_IN_FAILED', target: null, detail: null, outcome: 'FAILED', ip: null },
    ],
    page: 1, size: 50, total: 120,
  };

  it('asks the server with the URL filters and page, and exports with the same filters', async () => {
    mockFetch({ '/api/admin/audit': { status: 200, body: PAGE } });
    const { w, router } = await mountView(AuditView, '/audit?user=li&action=EXPORT&from=2025-03-01&to=2025-03-31&page=1');
    expect(calls.map((c) => c.url)).toEqual(['/api/admin/audit?page=1&size=50&user=li&action=EXPORT&from=2025-03-01&to=2025-03-31']);
    const rows = w.findAll('[data-testid=audit-table] tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.text()).toContain('数据导出');
    expect(rows[0]!.find('[data-outcome=OK]').text()).toBe('成功');
    expect(rows[1]!.text()).toContain('登录失败');
    expect(rows[1]!.find('[data-outcome=FAILED]').text()).toBe('失败');
    // local time, not the raw ISO text
    const d = new Date('2025-03-04T05:06:07Z');
    expect(rows[0]!.text()).toContain(`${d.getFullYear()}-03-0${d.getDate()} ${String(d.getHours()).padStart(2, '0')}:06:07`);
    expect(w.find('[data-testid=audit-export]').attributes('href')).toBe('/api/admin/audit.xlsx?user=li&action=EXPORT&from=2025-03-01&to=2025-03-31');

    // a new user filter goes into the URL (back to page 1) and into the next request
    await type(w, 'audit-user', 'wang');
    await w.find('input[data-testid=audit-user]').trigger('change');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ user: 'wang', action: 'EXPORT', from: '2025-03-01', to: '2025-03-31' });
    expect(calls.at(-1)!.url).toBe('/api/admin/audit?page=0&size=50&user=wang&action=EXPORT&from=2025-03-01&to=2025-03-31');
    expect(w.find('[data-testid=audit-export]').attributes('href')).toBe('/api/admin/audit.xlsx?user=wang&action=EXPORT&from=2025-03-01&to=2025-03-31');
    w.unmount();
  });
});

describe('系统设置: what a save sends', () => {
  const fields = [
    { key: 'leadStaleDays', zh: '线索久未跟进天数', min: 1, max: 365 },
    { key: 'startWithinMonths', zh: '签约后开工期限（月）', min: 1, max: 60 },
  ];
  const current = { leadStaleDays: 30, startWithinMonths: 6 };

  it('sends only the changed fields', () => {
    expect(settingsChange(fields, current, { leadStaleDays: 30, startWithinMonths: 6 })).toEqual({ change: {}, errors: {} });
    expect(settingsChange(fields, current, { leadStaleDays: 45, startWithinMonths: 6 })).toEqual({ change: { leadStaleDays: 45 }, errors: {} });
  });

  it('names an empty, fractional or out-of-range value and leaves it out', () => {
    const r = settingsChange(fields, current, { leadStaleDays: null, startWithinMonths: 61 });
    expect(r.change).toEqual({});
    expect(r.errors.leadStaleDays).toBe('线索久未跟进天数须为 1–365 之间的整数');
    expect(r.errors.startWithinMonths).toContain('1–60');
    expect(settingsChange(fields, current, { leadStaleDays: 2.5, startWithinMonths: 7 })).toEqual({
      change: { startWithinMonths: 7 },
      errors: { leadStaleDays: '线索久未跟进天数须为 1–365 之间的整数' },
    });
  });
});
