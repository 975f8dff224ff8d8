// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent } from 'vue';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { getJson, onAuthFailure } from '../src/api/http';
import { afterSignIn, auth, resetAuth } from '../src/app/auth';
import { installAuthFailureHandlers, signInGuard } from '../src/router';
import LoginView from '../src/views/auth/LoginView.vue';

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
/** fetch answering by path; records every call. */
function mockFetch(routes: Record<string, Answer | Answer[]>) {
  const calls: Array<{ url: string; method: string; body: unknown }> = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) => {
    calls.push({ url, method: init.method ?? 'GET', body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body });
    const path = url.split('?')[0]!;
    const r = routes[path];
    const a = Array.isArray(r) ? r.shift() : r;
    if (!a) return new Response(JSON.stringify({ status: 404, detail: 'no', detailEn: 'No static resource' }), { status: 404, headers: { 'Content-Type': 'application/json' } });
    return new Response(a.status === 204 ? null : JSON.stringify(a.body ?? {}), { status: a.status, headers: { 'Content-Type': 'application/json', ...a.headers } });
  }));
  return calls;
}
const ME = { username: 'zhang', role: 'ANALYST', regionCode: '340100', regionName: '合肥市' };
const unauthorized = { status: 401, body: { status: 401, detail: '请先登录', detailEn: 'sign-in required' } };

const Stub = defineComponent({ template: '<div class="stub" />' });
function testRouter(): Router {
  const r = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', name: 'login', component: LoginView },
      { path: '/chain', name: 'chain', component: Stub },
      { path: '/leads', name: 'leads', component: Stub },
      { path: '/:rest(.*)*', redirect: (to) => ({ path: '/chain', query: to.query }) },
    ],
  });
  r.beforeEach((to) => signInGuard(to));
  return r;
}

beforeEach(() => {
  resetAuth();
  document.cookie = 'XSRF-TOKEN=t; path=/';
});
afterEach(() => {
  vi.unstubAllGlobals();
  onAuthFailure({});
});

describe('after sign-in', () => {
  it('goes to the redirect only when it is a path of this app', () => {
    expect(afterSignIn('/leads?chain=NEV')).toBe('/leads?chain=NEV');
    expect(afterSignIn(undefined)).toBe('/chain');
    expect(afterSignIn('//evil.example')).toBe('/chain');
    expect(afterSignIn('https://evil.example')).toBe('/chain');
    expect(afterSignIn('/login?redirect=/x')).toBe('/chain');
    expect(afterSignIn(['/projects', '/x'])).toBe('/projects');
  });
});

describe('router guard', () => {
  it('sends a visitor without session to /login with the route as redirect, asking /api/auth/me once', async () => {
    const calls = mockFetch({ '/api/auth/me': unauthorized });
    const r = testRouter();
    await r.push('/leads?chain=NEV&region=340100');
    expect(r.currentRoute.value.path).toBe('/login');
    expect(r.currentRoute.value.query.redirect).toBe('/leads?chain=NEV&region=340100');
    await r.push('/chain');
    expect(r.currentRoute.value.path).toBe('/login');
    expect(calls.filter((c) => c.url === '/api/auth/me')).toHaveLength(1);
    // nothing else (chains, regions) was loaded before sign-in
    expect(calls.map((c) => c.url)).toEqual(['/api/auth/me']);
    // `#/` is kept as `/`, so the first visit after signing in is still a first visit (demo region)
    await r.push('/');
    expect(r.currentRoute.value.query.redirect).toBe('/');
  });

  it('lets a signed-in user through, and on from /login to the redirect', async () => {
    mockFetch({ '/api/auth/me': { status: 200, body: ME } });
    const r = testRouter();
    await r.push('/leads');
    expect(r.currentRoute.value.path).toBe('/leads');
    expect(auth.me?.username).toBe('zhang');
    await r.push('/login?redirect=/chain%3Fchain%3DNEV');
    expect(r.currentRoute.value.fullPath).toBe('/chain?chain=NEV');
  });

  it('treats a server without sign-in (no /api/auth/me) as open', async () => {
    mockFetch({});
    const r = testRouter();
    await r.push('/leads');
    expect(r.currentRoute.value.path).toBe('/leads');
    expect(auth.disabled).toBe(true);
  });
});

describe('401 from any API call', () => {
  it('forgets the account and opens /login with the current route as redirect', async () => {
    mockFetch({ '/api/auth/me': { status: 200, body: ME }, '/api/leads': unauthorized });
    const r = testRouter();
    const shown = vi.fn();
    installAuthFailureHandlers(r, shown);
    await r.push('/leads?status=OPEN');
    await expect(getJson('/api/leads')).rejects.toMatchObject({ status: 401 });
    await flushPromises();
    expect(auth.me).toBeNull();
    expect(r.currentRoute.value.path).toBe('/login');
    expect(r.currentRoute.value.query.redirect).toBe('/leads?status=OPEN');
    expect(shown).not.toHaveBeenCalled();
  });

  it('shows the Chinese detail of a 403', async () => {
    mockFetch({ '/api/projects': { status: 403, body: { status: 403, detail: '无权访问该地区的数据', detailEn: 'x' } } });
    const shown = vi.fn();
    installAuthFailureHandlers(testRouter(), shown);
    await expect(getJson('/api/projects')).rejects.toMatchObject({ status: 403 });
    expect(shown).toHaveBeenCalledWith('无权访问该地区的数据');
  });
});

describe('login view', { timeout: 30_000 }, () => {
  async function open(path = '/login?redirect=/leads%3Fchain%3DNEV') {
    const r = testRouter();
    await r.push(path);
    const App = defineComponent({ template: '<router-view />' });
    const w = mount(App, { global: { plugins: [r] }, attachTo: document.body });
    await flushPromises();
    return { r, w };
  }
  const fill = async (w: ReturnType<typeof mount>, user: string, pw: string) => {
    await w.find('input[data-testid=login-username]').setValue(user);
    await w.find('input[data-testid=login-password]').setValue(pw);
  };

  it('signs in with Enter and goes to the redirect', async () => {
    const calls = mockFetch({ '/api/auth/me': unauthorized, '/api/auth/login': { status: 200, body: ME } });
    const { r, w } = await open();
    expect(w.text()).toContain('用户名');
    expect(w.text()).toContain('密码');
    await fill(w, ' zhang ', 'secret-pass');
    await w.find('input[data-testid=login-password]').trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(calls.filter((c) => c.url === '/api/auth/login')).toEqual([
      { url: '/api/auth/login', method: 'POST', body: { username: 'zhang', password: 'secret-pass' } },
    ]);
    expect(auth.me?.role).toBe('ANALYST');
    expect(r.currentRoute.value.fullPath).toBe('/leads?chain=NEV');
    w.unmount();
  });

  it('shows the server detail of a 401 and stays', async () => {
    mockFetch({ '/api/auth/me': unauthorized, '/api/auth/login': { status: 401, body: { status: 401, detail: '用户名或密码错误', detailEn: 'bad credentials' } } });
    const { r, w } = await open();
    await fill(w, 'zhang', 'wrong-pass');
    await w.find('[data-testid=login-submit]').trigger('click');
    await flushPromises();
    expect(w.find('[data-testid=login-error]').text()).toContain('用户名或密码错误');
    expect(r.currentRoute.value.path).toBe('/login');
    expect(auth.me).toBeNull();
    // the password is cleared for the next try
    expect((w.find('input[data-testid=login-password]').element as HTMLInputElement).value).toBe('');
    w.unmount();
  });

  it('shows the lockout of a 429 with minutes (from Retry-After when the detail is missing)', async () => {
    mockFetch({
      '/api/auth/me': unauthorized,
      '/api/auth/login': [
        { status: 429, body: { status: 429, detail: '尝试次数过多，请 15 分钟后再试' }, headers: { 'Retry-After': '900' } },
        { status: 429, body: { status: 429 }, headers: { 'Retry-After': '130' } },
      ],
    });
    const { w } = await open();
    await fill(w, 'zhang', 'whatever1');
    await w.find('[data-testid=login-submit]').trigger('click');
    await flushPromises();
    expect(w.find('[data-testid=login-error]').text()).toContain('尝试次数过多，请 15 分钟后再试');
    await fill(w, 'zhang', 'whatever1');
    await w.find('[data-testid=login-submit]').trigger('click');
    await flushPromises();
    expect(w.find('[data-testid=login-error]').text()).toContain('请 3 分钟后再试');
    w.unmount();
  });

  it('asks for both fields before sending anything', async () => {
    const calls = mockFetch({ '/api/auth/me': unauthorized });
    const { w } = await open();
    await w.find('[data-testid=login-submit]').trigger('click');
    await flushPromises();
    expect(w.findAll('.el-form-item.is-error')).toHaveLength(2);
    expect(calls.some((c) => c.url === '/api/auth/login')).toBe(false);
    w.unmount();
  });
});
