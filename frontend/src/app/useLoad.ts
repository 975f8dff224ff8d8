import { onBeforeUnmount, ref, shallowRef, watch, type Ref, type ShallowRef, type WatchSource } from 'vue';

export interface Loaded<T> {
  data: ShallowRef<T | null>;
  loading: Ref<boolean>;
  error: ShallowRef<unknown>;
  reload(): void;
}

/**
 * Runs `fetcher` now and whenever `source` changes; a newer run aborts the older one, so a slow answer never
 * overwrites a newer one. `key` returning null means "nothing to load" (data null, not loading).
 */
export function useLoad<T, K>(source: WatchSource<K>, fetcher: (key: K, signal: AbortSignal) => Promise<T>, opts: { skip?: (key: K) => boolean } = {}): Loaded<T> {
  const data = shallowRef<T | null>(null);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  let ctl: AbortController | null = null;
  let lastKey: K;

  async function run(key: K): Promise<void> {
    lastKey = key;
    ctl?.abort();
    if (opts.skip?.(key)) {
      data.value = null;
      loading.value = false;
      error.value = null;
      return;
    }
    const mine = new AbortController();
    ctl = mine;
    loading.value = true;
    error.value = null;
    try {
      const result = await fetcher(key, mine.signal);
      if (mine.signal.aborted) return;
      data.value = result;
    } catch (e) {
      if (mine.signal.aborted || (e instanceof DOMException && e.name === 'AbortError')) return;
      error.value = e;
    } finally {
      if (ctl === mine) loading.value = false;
    }
  }

  watch(source, (k) => void run(k), { immediate: true });
  onBeforeUnmount(() => ctl?.abort());
  return { data, loading, error, reload: () => void run(lastKey) };
}
