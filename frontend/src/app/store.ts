import { reactive, shallowRef } from 'vue';
import { api } from '../api';
import type { ChainStructure, ChainSummary, Zone } from '../api/types';
import { RegionIndex } from '../regionIndex';

/**
 * What the whole app shares and loads once: the chain list, the region tree, the chosen chain's structure
 * and the zones of the chosen region. Views read it through `useViewContext()`.
 */
export const store = reactive({
  chains: [] as ChainSummary[],
  bootError: null as unknown,
  booted: false,
  chainId: null as string | null,
  chainError: null as unknown,
  chainLoading: false,
  zones: null as Zone[] | null,
});

/** Kept outside the reactive proxy: large, read-only trees that need no deep tracking. */
export const regions = shallowRef<RegionIndex | null>(null);
export const chain = shallowRef<ChainStructure | null>(null);

let bootPromise: Promise<void> | null = null;

/** Loads chains and regions once; a failure is kept in `store.bootError` and can be retried. */
export function boot(): Promise<void> {
  bootPromise ??= (async () => {
    try {
      const [c, tree] = await Promise.all([api.chains(), api.regionTree()]);
      store.chains = c;
      regions.value = new RegionIndex(tree);
      store.bootError = null;
      store.booted = true;
    } catch (e) {
      store.bootError = e;
      bootPromise = null;
    }
  })();
  return bootPromise;
}

let chainSeq = 0;

/** Makes `chain` hold the structure of `id` (cached for the last one). */
export async function loadChain(id: string | null): Promise<void> {
  if (id === store.chainId && (chain.value || store.chainLoading)) return;
  const seq = ++chainSeq;
  store.chainId = id;
  store.chainError = null;
  if (!id) {
    chain.value = null;
    return;
  }
  store.chainLoading = true;
  try {
    const data = await api.chain(id);
    if (seq === chainSeq) chain.value = data;
  } catch (e) {
    if (seq === chainSeq) {
      chain.value = null;
      store.chainError = e;
    }
  } finally {
    if (seq === chainSeq) store.chainLoading = false;
  }
}

/** Retries the chain after an error. */
export function reloadChain(): void {
  const id = store.chainId;
  store.chainId = null;
  void loadChain(id);
}

let zoneSeq = 0;
let zoneRegion: string | null | undefined;

/** Zones of a region for the header picker; failures leave it empty (the picker is optional). */
export async function loadZones(region: string | null): Promise<void> {
  if (region === zoneRegion) return;
  zoneRegion = region;
  const seq = ++zoneSeq;
  store.zones = null;
  if (!region) return;
  try {
    const z = await api.zones(region);
    if (seq === zoneSeq) store.zones = z;
  } catch {
    if (seq === zoneSeq) store.zones = null;
  }
}
