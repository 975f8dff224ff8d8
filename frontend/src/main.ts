import './style.css';
import { api } from './api';
import type { ChainStructure, ChainSummary, Zone } from './api/types';
import type { MountedView, ViewContext, ViewModule } from './context';
import { loadZones, renderHeader } from './header';
import { RegionIndex } from './regionIndex';
import { parseHash, serialiseHash, withState, type AppState, type ViewId } from './state';
import { errorBox, h, loadingBox } from './ui/dom';
import { mountBench } from './views/bench';
import { mountChainMap } from './views/chainMap';
import { mountDiagnosis } from './views/diagnosis';
import { mountEnterpriseMap } from './views/enterpriseMap';
import { mountImport } from './views/importView';
import { mountInnovation } from './views/innovationMap';
import { mountProductMap } from './views/productMap';
import { mountTargets } from './views/targets';

const VIEW_MODULES: Record<ViewId, ViewModule> = {
  chain: mountChainMap,
  enterprise: mountEnterpriseMap,
  product: mountProductMap,
  innovation: mountInnovation,
  diagnosis: mountDiagnosis,
  targets: mountTargets,
  import: mountImport,
  bench: mountBench,
};

const DEFAULT_CHAIN = 'NEV';
const DEFAULT_REGION = '340100'; // 合肥市, the demo data's home region

const app = document.getElementById('app')!;
const header = h('header', { class: 'app-header' });
const main = h('main', { class: 'app-main', id: 'main', tabindex: '-1' });
app.replaceChildren(header, main);

let chains: ChainSummary[] = [];
let regions: RegionIndex | null = null;
let chainCache: { id: string; data: ChainStructure } | null = null;
let zonesCache: { region: string | null; zones: Zone[] | null } = { region: null, zones: null };
let mounted: { view: ViewId; key: string; handle: MountedView } | null = null;
let renderSeq = 0;

function navigate(change: Parameters<ViewContext['navigate']>[0], replace = false): void {
  const next = serialiseHash(withState(parseHash(location.hash), change));
  if (next === location.hash) return;
  if (replace) {
    history.replaceState(null, '', next);
    void route();
  } else {
    location.hash = next;
  }
}

async function route(): Promise<void> {
  const seq = ++renderSeq;
  let state: AppState = parseHash(location.hash);
  if (!state.chain) {
    const first = !location.hash || location.hash === '#' || location.hash === '#/';
    const fallback = chains.find((c) => c.chain.id === DEFAULT_CHAIN)?.chain.id ?? chains[0]?.chain.id ?? null;
    if (fallback) {
      state = withState(state, { chain: fallback, region: first ? DEFAULT_REGION : state.region });
      history.replaceState(null, '', serialiseHash(state));
    }
  }
  document.body.dataset.view = state.view;

  let chain: ChainStructure | null = null;
  if (state.chain) {
    if (chainCache?.id === state.chain) {
      chain = chainCache.data;
    } else {
      main.replaceChildren(loadingBox());
      try {
        chain = await api.chain(state.chain);
        chainCache = { id: state.chain, data: chain };
      } catch (e) {
        if (seq !== renderSeq) return;
        renderHeader(header, ctxFor(state, null), chains, regions, null);
        main.replaceChildren(errorBox(e, () => void route()));
        return;
      }
    }
  }
  if (zonesCache.region !== state.region) {
    zonesCache = { region: state.region, zones: await loadZones(state.region) };
  }
  if (seq !== renderSeq) return;

  const ctx = ctxFor(state, chain);
  renderHeader(header, ctx, chains, regions, zonesCache.zones);

  // Remount when the view or the shared choice changes; otherwise let the view update in place.
  const key = [state.view, state.chain, state.region, state.zone].join('|');
  if (mounted && mounted.key === key && mounted.handle.update) {
    mounted.handle.update(ctx);
    return;
  }
  mounted?.handle.destroy?.();
  main.replaceChildren();
  const root = h('div', { class: `view view-${state.view}`, 'data-view': state.view });
  main.append(root);
  mounted = { view: state.view, key, handle: VIEW_MODULES[state.view](root, ctx) };
}

function ctxFor(state: AppState, chain: ChainStructure | null): ViewContext {
  return { state, chain, region: regions?.get(state.region) ?? null, navigate, regionIndex: regions };
}

async function boot(): Promise<void> {
  main.replaceChildren(loadingBox());
  try {
    const [c, tree] = await Promise.all([api.chains(), api.regionTree()]);
    chains = c;
    regions = new RegionIndex(tree);
  } catch (e) {
    main.replaceChildren(errorBox(e, () => void boot()));
    return;
  }
  window.addEventListener('hashchange', () => void route());
  await route();
}

void boot();
