import { api } from './api';
import type { ChainSummary, Zone } from './api/types';
import type { ViewContext } from './context';
import type { RegionIndex } from './regionIndex';
import { serialiseHash, withState, type AppState, type ViewId } from './state';
import { S } from './strings';
import { add, fill, h } from './ui/dom';

const TABS: ViewId[] = ['chain', 'enterprise', 'product', 'innovation', 'diagnosis', 'targets', 'import'];

/** The header: title, chain picker, region cascade with search, development zone, and the view tabs. */
export function renderHeader(
  host: HTMLElement,
  ctx: ViewContext,
  chains: ChainSummary[],
  regions: RegionIndex | null,
  zones: Zone[] | null,
): void {
  const st = ctx.state;
  const chainSelect = h(
    'select',
    { id: 'pick-chain', 'aria-label': S.pickers.chain, onchange: (e: Event) => ctx.navigate({ chain: (e.target as HTMLSelectElement).value, segment: null, params: null }) },
    chains.map((c) => h('option', { value: c.chain.id, selected: c.chain.id === st.chain }, c.chain.name)),
  );

  const pickers = h('div', { class: 'pickers' }, h('label', { class: 'picker' }, h('span', {}, S.pickers.chain), chainSelect));
  if (regions) add(pickers, regionPicker(ctx, regions));
  add(pickers, zonePicker(ctx, zones));

  const tabs = h(
    'nav',
    { class: 'tabs', role: 'tablist', 'aria-label': 'views' },
    TABS.map((v) => {
      const href = serialiseHash(withState(st, { view: v, params: null }));
      const active = v === st.view;
      return h('a', { href, role: 'tab', class: active ? 'tab active' : 'tab', 'aria-selected': active ? 'true' : 'false', 'data-view': v }, S.tabs[v as keyof typeof S.tabs]);
    }),
  );

  const sample = ctx.chain?.chain.sample ?? chains.find((c) => c.chain.id === st.chain)?.chain.sample ?? false;
  fill(host, 
    h(
      'div',
      { class: 'header-top' },
      h('a', { class: 'brand', href: '#/chain' + (st.chain ? `?chain=${encodeURIComponent(st.chain)}` : '') }, h('strong', {}, S.appTitle), h('small', {}, S.appSubtitle)),
      pickers,
    ),
    sample ? h('div', { class: 'sample-banner', role: 'note', 'data-testid': 'sample-banner' }, S.sampleBanner) : null,
    tabs,
  );
}

function regionPicker(ctx: ViewContext, regions: RegionIndex): HTMLElement {
  const st = ctx.state;
  const path = regions.path(st.region);
  const setRegion = (code: string | null) => ctx.navigate({ region: code, zone: null, params: { drill: null, page: null, uscc: null } });
  const level = (label: string, options: { code: string; name: string }[], selected: string | undefined, parent: string | null, id: string) =>
    h(
      'select',
      {
        id,
        'aria-label': label,
        disabled: options.length === 0,
        onchange: (e: Event) => setRegion((e.target as HTMLSelectElement).value || parent),
      },
      h('option', { value: '' }, parent ? `${S.pickers.all}${label}` : S.pickers.allProvinces),
      options.map((o) => h('option', { value: o.code, selected: o.code === selected }, o.name)),
    );
  const province = path[0];
  const city = path[1];
  const county = path[2];
  const cities = province ? regions.children(province.code) : [];
  const counties = city ? regions.children(city.code) : [];

  const results = h('div', { class: 'region-results', role: 'listbox', hidden: true });
  const input = h('input', {
    type: 'search',
    id: 'region-search',
    class: 'region-search',
    placeholder: S.pickers.searchRegion,
    'aria-label': S.pickers.searchHint,
    autocomplete: 'off',
  });
  const showResults = () => {
    const hits = regions.search(input.value);
    fill(results, 
      ...(hits.length
        ? hits.map((r) =>
            h('button', { type: 'button', role: 'option', class: 'region-hit', 'data-code': r.code, onclick: () => setRegion(r.code) }, regions.fullName(r.code)),
          )
        : [h('div', { class: 'region-none' }, S.pickers.noMatch)]),
    );
    results.hidden = input.value.trim() === '';
  };
  input.addEventListener('input', showResults);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      const first = results.querySelector<HTMLButtonElement>('.region-hit');
      first?.click();
    } else if (e.key === 'ArrowDown') {
      results.querySelector<HTMLButtonElement>('.region-hit')?.focus();
      e.preventDefault();
    } else if (e.key === 'Escape') {
      input.value = '';
      results.hidden = true;
    }
  });
  results.addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement;
    if (e.key === 'ArrowDown') (t.nextElementSibling as HTMLElement | null)?.focus();
    else if (e.key === 'ArrowUp') ((t.previousElementSibling as HTMLElement | null) ?? input).focus();
    else return;
    e.preventDefault();
  });

  return h(
    'div',
    { class: 'picker region-picker', role: 'group', 'aria-label': S.pickers.region },
    h('span', {}, S.pickers.region),
    level(S.pickers.province, regions.provinces, province?.code, null, 'pick-province'),
    level(S.pickers.city, cities, city?.code, province?.code ?? null, 'pick-city'),
    level(S.pickers.county, counties, county?.code, city?.code ?? null, 'pick-county'),
    h('div', { class: 'region-search-box' }, input, results),
  );
}

function zonePicker(ctx: ViewContext, zones: Zone[] | null): HTMLElement {
  const st = ctx.state;
  return h(
    'label',
    { class: 'picker' },
    h('span', {}, S.pickers.zone),
    h(
      'select',
      {
        id: 'pick-zone',
        'aria-label': S.pickers.zone,
        disabled: !st.region || !zones || zones.length === 0,
        onchange: (e: Event) => ctx.navigate({ zone: (e.target as HTMLSelectElement).value || null }),
      },
      h('option', { value: '' }, S.pickers.noZone),
      (zones ?? []).map((z) => h('option', { value: z.name, selected: z.name === st.zone }, `${z.name}（${z.enterprises}）`)),
    ),
  );
}

/** Loads the zones of a region for the picker; failures leave the picker empty (it is optional). */
export async function loadZones(region: string | null): Promise<Zone[] | null> {
  if (!region) return null;
  try {
    return await api.zones(region);
  } catch {
    return null;
  }
}

export type { AppState };
