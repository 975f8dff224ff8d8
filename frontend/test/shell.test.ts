// @vitest-environment happy-dom
import { DOMWrapper, flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Me } from '../src/api/auth';
import { auth, resetAuth, setMe } from '../src/app/auth';
import App from '../src/App.vue';
import AppHeader from '../src/components/AppHeader.vue';

const calls: Array<{ url: string; method: string; body: unknown; csrf: string | null }> = [];
function mockFetch(routes: Record<string, { status: number; body?: unknown }>) {
  calls.length = 0;
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    calls.push({ url, method, body: typeof init.body === 'string' ? JSON.parse(init.body) : null, csrf: new Headers(init.headers).get('X-XSRF-TOKEN') });
    const a = routes[`${method} ${url.split('?')[0]}`];
    if (!a) return new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } });
    return new Response(a.status === 204 ? null : JSON.stringify(a.body ?? {}), { status: a.status, headers: { 'Content-Type': 'application/json' } });
  }));
}
const me = (role: Me['role'], regionCode: string | null = null, regionName: string | null = null): Me => ({ username: 'li', role, regionCode, regionName });

async function mountWith(component: unknown, path: string) {
  const Stub = defineComponent({ template: '<div class="routed" />' });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/login', name: 'login', component: Stub, meta: { bare: true } }, { path: '/:v', component: Stub }] });
  await router.push(path);
  const w = mount(component as never, { global: { plugins: [router], stubs: { transition: false } }, attachTo: document.body });
  await flushPromises();
  return { w, router };
}
const $ = (selector: string) => new DOMWrapper(document.querySelector(selector));
const tabs = (w: ReturnType<typeof mount>) => w.findAll('nav.tabs a').map((a) => a.attributes('data-view'));

beforeEach(() => {
  resetAuth();
  document.cookie = 'XSRF-TOKEN=t1; path=/';
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('header', { timeout: 30_000 }, () => {
  it('shows a VIEWER neither import nor the admin tabs, and names role and scope', async () => {
    setMe(me('VIEWER'));
    const { w } = await mountWith(AppHeader, '/chain');
    expect(tabs(w)).not.toContain('import');
    expect(tabs(w)).not.toContain('users');
    expect(tabs(w)).toContain('leads');
    expect(w.find('[data-testid=user-name]').text()).toBe('li');
    expect(w.find('[data-testid=user-role]').text()).toBe('只读 · 全国');
    w.unmount();
  });

  it('shows an ADMIN 用户管理 and 审计日志, with the region of the account', async () => {
    setMe(me('ADMIN', '340100', '合肥市'));
    const { w } = await mountWith(AppHeader, '/chain');
    expect(tabs(w).slice(-4)).toEqual(['import', 'users', 'audit', 'settings']);
    expect(w.find('nav.tabs a[data-view=settings]').text()).toBe('系统设置');
    expect(w.find('nav.tabs a[data-view=users]').text()).toBe('用户管理');
    expect(w.find('[data-testid=user-role]').text()).toBe('管理员 · 合肥市');
    w.unmount();
  });

  it('signs out: POST logout with the CSRF token, forgets the account, opens /login', async () => {
    setMe(me('ANALYST'));
    mockFetch({ 'POST /api/auth/logout': { status: 204 } });
    const { w, router } = await mountWith(AppHeader, '/leads');
    await w.find('.user-menu-button').trigger('click');
    await flushPromises();
    ($('[data-testid=menu-logout]').element as HTMLElement).click();
    await flushPromises();
    expect(calls.map((c) => [c.method, c.url, c.csrf])).toEqual([['POST', '/api/auth/logout', 't1']]);
    expect(auth.me).toBeNull();
    expect(router.currentRoute.value.path).toBe('/login');
    w.unmount();
  });

  it('changes the password: checks length and repetition, shows the server error', async () => {
    setMe(me('ANALYST'));
    mockFetch({ 'POST /api/auth/password': { status: 400, body: { status: 400, detail: '当前密码不正确', detailEn: 'wrong' } } });
    const { w } = await mountWith(AppHeader, '/leads');
    await w.find('.user-menu-button').trigger('click');
    await flushPromises();
    ($('[data-testid=menu-password]').element as HTMLElement).click();
    await flushPromises();
    await $('input[data-testid=pw-current]').setValue('old-pass-1');
    await $('input[data-testid=pw-new]').setValue('new-pass-1');
    await $('input[data-testid=pw-repeat]').setValue('new-pass-2');
    ($('[data-testid=pw-save]').element as HTMLElement).click();
    await flushPromises();
    expect(calls).toHaveLength(0);
    // the repetition field is marked (Element Plus shows its text in a transition happy-dom does not run)
    const marked = [...document.querySelectorAll('[data-testid=password-dialog] .el-form-item.is-error')];
    expect(marked.map((e) => e.querySelector('label')?.textContent)).toEqual(['重复新密码']);
    await $('input[data-testid=pw-repeat]').setValue('new-pass-1');
    ($('[data-testid=pw-save]').element as HTMLElement).click();
    await flushPromises();
    expect(calls.map((c) => [c.url, c.body])).toEqual([['/api/auth/password', { currentPassword: 'old-pass-1', newPassword: 'new-pass-1' }]]);
    expect($('[data-testid=password-error]').text()).toContain('当前密码不正确');
    w.unmount();
  });
});

describe('app shell', { timeout: 30_000 }, () => {
  it('shows 无权访问 to an ANALYST opening 用户管理 or the import view', async () => {
    mockFetch({});
    setMe(me('ANALYST'));
    for (const path of ['/users', '/audit', '/import']) {
      const { w } = await mountWith(App, path);
      expect(w.find('[data-state=no-access]').text()).toContain('无权访问');
      expect(w.find('.routed').exists()).toBe(false);
      w.unmount();
    }
  });

  it('shows the sign-in view without the header', async () => {
    mockFetch({});
    const { w } = await mountWith(App, '/login');
    expect(w.find('.app-header').exists()).toBe(false);
    expect(w.find('.routed').exists()).toBe(true);
    w.unmount();
  });
});
