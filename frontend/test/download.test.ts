// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent } from 'vue';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { getJson, onAuthFailure } from '../src/api/http';
import { auth, loadMe, resetAuth, setMe } from '../src/app/auth';
import { download, type DownloadDeps } from '../src/app/download';
import DownloadLink from '../src/components/DownloadLink.vue';
import { installAuthFailureHandlers, signInGuard } from '../src/router';
import LoginView from '../src/views/auth/LoginView.vue';

type Answer = { status: number; body?: unknown };
/** fetch answering by path; records every URL asked. */
function mockFetch(routes: Record<string, Answer>) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    calls.push(url);
    const a = routes[url.split('?')[0]!];
    if (!a) return new Response(JSON.stringify({ status: 404, detail: 'no', detailEn: 'No static resource' }), { status: 404, headers: { 'Content-Type': 'application/json' } });
    return new Response(JSON.stringify(a.body ?? {}), { status: a.status, headers: { 'Content-Type': 'application/problem+json' } });
  }));
  return calls;
}
const ME = { username: 'zhang', role: 'ANALYST', regionCode: '340104', regionName: '蜀山区' } as const;
const EXPORT = '/api/targets/export.xlsx?chain=NEV&region=340104';
const problem = (status: number, detail: string) => ({ status, body: { status, detail, detailEn: 'x' } });
const CHANGED = '账号信息已变更，请重新登录';

function deps() {
  return { save: vi.fn<DownloadDeps['save']>(), showError: vi.fn<DownloadDeps['showError']>() };
}

const Stub = defineComponent({ template: '<div class="stub" />' });
/** A signed-in user on /leads, with the app's 401/403 handlers installed. */
async function onLeads(): Promise<Router> {
  const r = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', name: 'login', component: LoginView },
      { path: '/leads', name: 'leads', component: Stub },
    ],
  });
  r.beforeEach((to) => signInGuard(to));
  installAuthFailureHandlers(r, () => undefined);
  setMe({ ...ME });
  await r.push('/leads?chain=NEV&region=340104');
  return r;
}
/** The sign-in view as the router shows it. */
async function shown(r: Router) {
  const App = defineComponent({ template: '<router-view />' });
  const w = mount(App, { global: { plugins: [r] }, attachTo: document.body });
  await flushPromises();
  return w;
}

beforeEach(() => resetAuth());
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  onAuthFailure({});
  document.body.innerHTML = '';
});

describe('download', { timeout: 30_000 }, () => {
  it('after the session expired: no file, the sign-in view with redirect back and 会话已过期', async () => {
    const r = await onLeads();
    const calls = mockFetch({ '/api/auth/me': problem(401, '请先登录') });
    const d = deps();
    expect(await download(EXPORT, 'export', d)).toBe('signed-out');
    await flushPromises();
    expect(d.save).not.toHaveBeenCalled();
    // only the check was asked, never the export itself
    expect(calls).toEqual(['/api/auth/me']);
    expect(auth.me).toBeNull();
    expect(r.currentRoute.value.path).toBe('/login');
    expect(r.currentRoute.value.query.redirect).toBe('/leads?chain=NEV&region=340104');
    const w = await shown(r);
    expect(w.find('[data-testid=login-notice]').text()).toBe('会话已过期，请重新登录');
    w.unmount();
  });

  it('after an admin changed the account: the sign-in view gives the server\'s reason', async () => {
    const r = await onLeads();
    mockFetch({ '/api/auth/me': problem(401, CHANGED) });
    expect(await download(EXPORT, 'export', deps())).toBe('signed-out');
    await flushPromises();
    expect(r.currentRoute.value.path).toBe('/login');
    const w = await shown(r);
    expect(w.find('[data-testid=login-notice]').text()).toBe(CHANGED);
    w.unmount();
  });

  it('signed in: hands the link to the browser, and keeps the account fresh', async () => {
    const r = await onLeads();
    mockFetch({ '/api/auth/me': { status: 200, body: { ...ME, regionName: '合肥市蜀山区' } } });
    const d = deps();
    expect(await download(EXPORT, 'export', d)).toBe('started');
    expect(d.save).toHaveBeenCalledWith(EXPORT);
    expect(d.showError).not.toHaveBeenCalled();
    expect(auth.me?.regionName).toBe('合肥市蜀山区');
    expect(r.currentRoute.value.path).toBe('/leads');
  });

  it('a problem answer of the check (database down) shows its message and downloads nothing', async () => {
    const r = await onLeads();
    mockFetch({ '/api/auth/me': problem(503, '数据库暂时不可用，请稍后重试') });
    const d = deps();
    expect(await download(EXPORT, 'export', d)).toBe('failed');
    expect(d.showError).toHaveBeenCalledWith('数据库暂时不可用，请稍后重试');
    expect(d.save).not.toHaveBeenCalled();
    expect(r.currentRoute.value.path).toBe('/leads');
    expect(auth.me).not.toBeNull();
  });

  it('an account whose role lost the right gets the refusal text, not a 403 body as a file', async () => {
    await onLeads();
    mockFetch({ '/api/auth/me': { status: 200, body: { ...ME, role: 'VIEWER' } } });
    const d = deps();
    expect(await download(EXPORT, 'export', d)).toBe('failed');
    expect(d.showError).toHaveBeenCalledWith('当前账号无权执行此操作');
    expect(d.save).not.toHaveBeenCalled();
    // an import template needs `import`, which an ANALYST has not
    mockFetch({ '/api/auth/me': { status: 200, body: ME } });
    expect(await download('/api/import/templates/x.xlsx', 'import', d)).toBe('failed');
    expect(await download('/api/import/templates/x.xlsx', null, d)).toBe('started');
  });

  it('a server without sign-in downloads at once', async () => {
    auth.disabled = true;
    const calls = mockFetch({});
    const d = deps();
    expect(await download(EXPORT, 'export', d)).toBe('started');
    expect(calls).toEqual([]);
    expect(d.save).toHaveBeenCalledWith(EXPORT);
  });
});

describe('DownloadLink', { timeout: 30_000 }, () => {
  it('is a real link whose click checks the session, then clicks a download link of the same address', async () => {
    await onLeads();
    const calls = mockFetch({ '/api/auth/me': { status: 200, body: ME } });
    const clicked: Array<{ href: string; download: string | null }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href')!, download: this.getAttribute('download') });
    });
    const w = mount(DownloadLink, { props: { href: EXPORT }, slots: { default: '导出 Excel' }, attrs: { 'data-testid': 'x', class: 'el-button' }, attachTo: document.body });
    const a = w.find('a');
    expect(a.attributes()).toMatchObject({ href: EXPORT, download: '', 'data-testid': 'x', class: 'el-button' });
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    a.element.dispatchEvent(event);
    // the browser does not follow the link itself
    expect(event.defaultPrevented).toBe(true);
    await flushPromises();
    expect(calls).toEqual(['/api/auth/me']);
    expect(clicked).toEqual([{ href: EXPORT, download: '' }]);
    // the helper's own link is gone again
    expect(document.querySelectorAll('a').length).toBe(1);
    w.unmount();
  });
});

describe('401 of any call and at start-up', { timeout: 30_000 }, () => {
  it('an API call refused because the account changed: the sign-in view says so', async () => {
    const r = await onLeads();
    mockFetch({ '/api/leads': problem(401, CHANGED) });
    await expect(getJson('/api/leads')).rejects.toMatchObject({ status: 401 });
    await flushPromises();
    expect(r.currentRoute.value.path).toBe('/login');
    const w = await shown(r);
    expect(w.find('[data-testid=login-notice]').text()).toBe(CHANGED);
    w.unmount();
  });

  it('a plain 401 says 会话已过期; a first visit without session says nothing', async () => {
    const r = await onLeads();
    mockFetch({ '/api/leads': problem(401, '请先登录') });
    await expect(getJson('/api/leads')).rejects.toMatchObject({ status: 401 });
    await flushPromises();
    expect(auth.notice).toBe('会话已过期，请重新登录');
    resetAuth();
    mockFetch({ '/api/auth/me': problem(401, '请先登录') });
    expect(await loadMe()).toBeNull();
    expect(auth.notice).toBeNull();
    resetAuth();
    mockFetch({ '/api/auth/me': problem(401, CHANGED) });
    expect(await loadMe()).toBeNull();
    expect(auth.notice).toBe(CHANGED);
    // signing in again clears it
    setMe({ ...ME });
    expect(auth.notice).toBeNull();
    void r;
  });
});
