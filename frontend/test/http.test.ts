// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, csrfCookie, deleteJson, getJson, onAuthFailure, patchJson, postForm, postJson } from '../src/api/http';

/** A fetch double that records what was asked and answers from a queue (the server itself is tested in Java). */
function mockFetch(...answers: Array<() => Response>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fn = vi.fn(async (url: string, init: RequestInit = {}) => {
    calls.push({ url, init });
    const next = answers.shift();
    return next ? next() : new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });
const header = (init: RequestInit, name: string) => new Headers(init.headers).get(name);

function clearCookies(): void {
  for (const c of document.cookie.split(';')) {
    const name = c.split('=')[0]!.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

beforeEach(() => clearCookies());
afterEach(() => {
  vi.unstubAllGlobals();
  onAuthFailure({});
});

describe('CSRF token', () => {
  it('reads the XSRF-TOKEN cookie among others', () => {
    expect(csrfCookie('a=1; XSRF-TOKEN=abc%2D1; b=2')).toBe('abc-1');
    expect(csrfCookie('XSRF-TOKENX=no; a=1')).toBeNull();
    expect(csrfCookie('')).toBeNull();
  });

  it('sends X-XSRF-TOKEN from the cookie on POST, PATCH, DELETE and uploads, never on GET', async () => {
    document.cookie = 'XSRF-TOKEN=tok-1; path=/';
    const calls = mockFetch();
    await getJson('/api/chains');
    await postJson('/api/leads', { a: 1 });
    await patchJson('/api/leads/1', { a: 2 });
    await deleteJson('/api/target-lists/1');
    await postForm('/api/import/enterprises', new FormData());
    expect(calls.map((c) => [c.init.method ?? 'GET', header(c.init, 'X-XSRF-TOKEN')])).toEqual([
      ['GET', null], ['POST', 'tok-1'], ['PATCH', 'tok-1'], ['DELETE', 'tok-1'], ['POST', 'tok-1'],
    ]);
    // the session cookie goes along with every request
    expect(calls.every((c) => c.init.credentials === 'same-origin')).toBe(true);
    // the upload keeps its multipart body (no JSON content type forced onto it)
    expect(header(calls[4]!.init, 'Content-Type')).toBeNull();
    expect(calls[4]!.init.body).toBeInstanceOf(FormData);
  });

  it('asks /api/auth/csrf first when no cookie exists yet', async () => {
    const calls = mockFetch(json({ token: 'fresh' }), json({}));
    await postJson('/api/auth/login', { username: 'a', password: 'b' });
    expect(calls.map((c) => c.url)).toEqual(['/api/auth/csrf', '/api/auth/login']);
    expect(header(calls[1]!.init, 'X-XSRF-TOKEN')).toBe('fresh');
  });
});

describe('401 and 403', () => {
  it('reports a 401 of an API call, but not of login or me', async () => {
    document.cookie = 'XSRF-TOKEN=t; path=/';
    const unauthorized = vi.fn();
    onAuthFailure({ unauthorized });
    const problem = json({ status: 401, detail: '请先登录', detailEn: 'sign-in required' }, 401);
    mockFetch(problem, problem, problem);
    await expect(getJson('/api/leads', { page: 0 })).rejects.toMatchObject({ status: 401, message: '请先登录' });
    await expect(postJson('/api/auth/login', {})).rejects.toBeInstanceOf(ApiError);
    await expect(getJson('/api/auth/me')).rejects.toBeInstanceOf(ApiError);
    expect(unauthorized).toHaveBeenCalledTimes(1);
    expect(unauthorized.mock.calls[0]![1]).toBe('/api/leads?page=0');
  });

  it('gives a 403 the Chinese detail of the problem (or the default one)', async () => {
    const forbidden = vi.fn();
    onAuthFailure({ forbidden });
    mockFetch(json({ status: 403, detail: '无权访问该地区的数据', detailEn: 'region' }, 403), () => new Response('', { status: 403 }));
    await expect(getJson('/api/projects')).rejects.toMatchObject({ status: 403, message: '无权访问该地区的数据' });
    await expect(getJson('/api/projects')).rejects.toMatchObject({ status: 403, message: '当前账号无权执行此操作' });
    expect(forbidden.mock.calls.map((c) => (c[0] as ApiError).message)).toEqual(['无权访问该地区的数据', '当前账号无权执行此操作']);
  });

  it('keeps Retry-After of a 429', async () => {
    document.cookie = 'XSRF-TOKEN=t; path=/';
    mockFetch(json({ status: 429, detail: '尝试次数过多，请 15 分钟后再试' }, 429, { 'Retry-After': '840' }));
    await expect(postJson('/api/auth/login', {})).rejects.toMatchObject({ status: 429, retryAfter: 840 });
  });
});
