import { reactive, shallowRef } from 'vue';
import { api } from '../api';
import type { ChainDiagnosis, ChainStructure, ChainSummary, Zone } from '../api/types';
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

/**
 * Loads the chain list once (views wait for it) and the region tree beside it (only the header and region names
 * need it, so views do not wait); a failure is kept in `store.bootError` and can be retried.
 */
export function boot(): Promise<void> {
  bootPromise ??= (async () => {
    const tree = api.regionTree().then(
      (t) => {
        regions.value = new RegionIndex(t);
      },
      (e: unknown) => {
        store.bootError = e;
      },
    );
    try {
      store.chains = await api.chains();
      store.booted = true;
    } catch (e) {
      store.bootError = e;
      bootPromise = null;
      await tree;
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

let diagMemo: { key: string; at: number; promise: Promise<ChainDiagnosis> } | null = null;

/**
 * The default-threshold diagnosis of a chain and region, shared by whoever asks within 30 s: the router starts it
 * together with the chain and the view's code, so the chain map does not wait for them one after the other.
 */
export function sharedDiagnosis(chainId: string, region: string, zone: string | null, asOf: string | null = null): Promise<ChainDiagnosis> {
  const key = `${chainId}|${region}|${zone ?? ''}|${asOf ?? ''}`;
  if (diagMemo && diagMemo.key === key && Date.now() - diagMemo.at < 30_000) return diagMemo.promise;
  const promise = api.diagnosis(chainId, region, zone, asOf ? { asOf } : {});
  promise.catch(() => {
    if (diagMemo?.promise === promise) diagMemo = null; // a failure is not kept: the next ask tries again
  });
  diagMemo = { key, at: Date.now(), promise };
  return promise;
}
