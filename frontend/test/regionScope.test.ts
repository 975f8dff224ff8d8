// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RegionNode } from '../src/api/types';
import { auth, resetAuth, setMe } from '../src/app/auth';
import { accountScope, covers, regionInScope, regionOptions, scopePrefix, type RegionOption } from '../src/app/regionScope';
import { regions } from '../src/app/store';
import { RegionIndex } from '../src/regionIndex';
import { router } from '../src/router';
import RegionPicker from '../src/views/projects/RegionPicker.vue';

const county = (code: string, name: string): RegionNode => ({ code, name, level: 'COUNTY', children: [] });
const TREE: RegionNode[] = [
  {
    code: '340000', name: '安徽省', level: 'PROVINCE', children: [
      { code: '340100', name: '合肥市', level: 'CITY', children: [county('340104', '蜀山区'), county('340111', '包河区')] },
      { code: '340200', name: '芜湖市', level: 'CITY', children: [county('340202', '镜湖区')] },
    ],
  },
  { code: '320000', name: '江苏省', level: 'PROVINCE', children: [{ code: '320100', name: '南京市', level: 'CITY', children: [county('320102', '玄武区')] }] },
];
const index = new RegionIndex(TREE);
/** Every code of a cascader tree, depth first. */
const codes = (opts: RegionOption[]): string[] => opts.flatMap((o) => [o.value, ...codes(o.children ?? [])]);
const me = (regionCode: string | null) => setMe({ username: 'u', role: 'ANALYST', regionCode, regionName: regionCode ? index.get(regionCode)?.name ?? null : null });

afterEach(() => {
  resetAuth();
  regions.value = null;
});

describe('region scope (as the server\'s RegionScope)', () => {
  it('covers a province\'s, a city\'s codes by prefix and a county only itself', () => {
    expect(scopePrefix('340000')).toBe('34');
    expect(scopePrefix('340100')).toBe('3401');
    expect(scopePrefix('340104')).toBe('340104');
    expect(scopePrefix(null)).toBeNull();
    expect(['340000', '340100', '340104', '340202', '320102'].filter((r) => covers('340100', r))).toEqual(['340100', '340104']);
    expect(['340000', '340100', '340104', '340202', '320102'].filter((r) => covers('340000', r))).toEqual(['340000', '340100', '340104', '340202']);
    expect(['340100', '340104', '340111'].filter((r) => covers('340104', r))).toEqual(['340104']);
    expect(covers(null, '320102')).toBe(true);
    expect(covers(null, null)).toBe(true);
    expect(covers('340104', null)).toBe(false);
  });

  it('keeps a region inside the scope, else (nothing, outside, wider) gives the account\'s own region', () => {
    expect(regionInScope('340100', '340104')).toBe('340104');
    expect(regionInScope('340100', null)).toBe('340100');
    expect(regionInScope('340100', '320100')).toBe('340100');
    expect(regionInScope('340104', '340100')).toBe('340104');
    expect(regionInScope('340104', '340000')).toBe('340104');
    // an unscoped account keeps what it asked for, nothing included
    expect(regionInScope(null, '320100')).toBe('320100');
    expect(regionInScope(null, null)).toBeNull();
  });

  it('offers the whole tree to the nation, the own subtree to a scoped account', () => {
    expect(codes(regionOptions(index, null))).toEqual(['340000', '340100', '340104', '340111', '340200', '340202', '320000', '320100', '320102']);
    expect(codes(regionOptions(index, '340100'))).toEqual(['340100', '340104', '340111']);
    expect(codes(regionOptions(index, '340000'))).toEqual(['340000', '340100', '340104', '340111', '340200', '340202']);
    expect(regionOptions(index, '340104')).toEqual([{ value: '340104', label: '蜀山区' }]);
    // a scope the tree does not know (or before the tree has loaded) is still offered, alone
    expect(regionOptions(index, '999901', '某区')).toEqual([{ value: '999901', label: '某区' }]);
    expect(regionOptions(null, '340104', '蜀山区')).toEqual([{ value: '340104', label: '蜀山区' }]);
    expect(regionOptions(null, null)).toEqual([]);
  });

  it('is the signed-in account\'s region; national without one or without server sign-in', () => {
    expect(accountScope()).toBeNull();
    me('340104');
    expect(accountScope()).toBe('340104');
    me(null);
    expect(accountScope()).toBeNull();
    me('340104');
    auth.disabled = true;
    expect(accountScope()).toBeNull();
  });
});

describe('RegionPicker', { timeout: 30_000 }, () => {
  const options = (w: ReturnType<typeof mount>) => codes(w.findComponent({ name: 'ElCascader' }).props('options') as RegionOption[]);

  it('offers a city account its city and counties; `anywhere` (where an enterprise is) stays national', async () => {
    regions.value = index;
    me('340100');
    const scoped = mount(RegionPicker, { props: { modelValue: '340100' } });
    const anywhere = mount(RegionPicker, { props: { modelValue: '', anywhere: true } });
    await flushPromises();
    expect(options(scoped)).toEqual(['340100', '340104', '340111']);
    expect(options(anywhere)).toContain('320102');
    // the account changes (signs in as a national one): the picker follows
    me(null);
    await flushPromises();
    expect(options(scoped)).toContain('320102');
    scoped.unmount();
    anywhere.unmount();
  });
});

describe('router: the URL\'s region stays inside the scope', { timeout: 30_000 }, () => {
  function serve(account: unknown) {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      const path = url.split('?')[0]!;
      const body = path === '/api/auth/me' ? account
        : path === '/api/chains' ? [{ chain: { id: 'NEV', name: '新能源汽车', sample: false } }]
        : path === '/api/regions/tree' ? TREE
        : [];
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }));
  }
  const at = () => router.currentRoute.value.query;
  afterEach(() => vi.unstubAllGlobals());

  it('gives a county account its county for no region, another one or a wider one, and drops that zone', async () => {
    serve({ username: 'c', role: 'ANALYST', regionCode: '340104', regionName: '蜀山区' });
    await router.push('/leads?chain=NEV');
    expect(at()).toMatchObject({ chain: 'NEV', region: '340104' });
    await router.push('/leads?chain=NEV&region=320100&zone=某开发区&status=OPEN');
    expect(at()).toEqual({ chain: 'NEV', region: '340104', status: 'OPEN' });
    await router.push('/dashboard?chain=NEV&region=340100');
    expect(at().region).toBe('340104');
    // without a chain: the default chain and still the county (not the demo region)
    await router.push('/');
    expect(at()).toMatchObject({ chain: 'NEV', region: '340104' });
  });

  it('keeps a city account\'s county and leaves a national account\'s choice (or none) alone', async () => {
    serve({ username: 'c', role: 'ANALYST', regionCode: '340100', regionName: '合肥市' });
    await router.push('/leads?chain=NEV&region=340111&zone=z');
    expect(at()).toEqual({ chain: 'NEV', region: '340111', zone: 'z' });
    resetAuth();
    serve({ username: 'n', role: 'ANALYST', regionCode: null, regionName: null });
    await router.push('/projects?chain=NEV&region=320100');
    expect(at()).toEqual({ chain: 'NEV', region: '320100' });
    await router.push('/projects?chain=NEV');
    expect(at()).toEqual({ chain: 'NEV' });
  });
});
