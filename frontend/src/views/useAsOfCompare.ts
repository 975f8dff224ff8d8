import { computed, shallowRef, watch, type Ref } from 'vue';
import { api } from '../api';
import type { ChainDiagnosis } from '../api/types';
import { compareDiagnoses, compareTo, type Comparison } from './asOfLogic';

/**
 * Loads the earlier diagnosis of a compare (`from`) and diffs it with the shown one. The shown one must then be as of
 * a date too (the chosen one, or today), so undated firms are left out on both sides; callers ask for it with
 * {@link shownAsOf}.
 */
export function useAsOfCompare(
  key: Ref<{ chain: string | null; region: string | null; zone: string | null; from: string | null } | null>,
  shown: Ref<ChainDiagnosis | null | undefined>,
) {
  const before = shallowRef<ChainDiagnosis | null>(null);
  const loading = shallowRef(false);
  const error = shallowRef<string | null>(null);
  let seq = 0;
  let abort: AbortController | null = null;
  watch(
    () => JSON.stringify(key.value),
    () => {
      const k = key.value;
      const my = ++seq;
      abort?.abort();
      before.value = null;
      error.value = null;
      if (!k || !k.chain || !k.region || !k.from) {
        loading.value = false;
        return;
      }
      loading.value = true;
      abort = new AbortController();
      api.diagnosis(k.chain, k.region, k.zone, { asOf: k.from }, abort.signal).then(
        (d) => {
          if (my !== seq) return;
          before.value = d;
          loading.value = false;
        },
        (e: unknown) => {
          if (my !== seq) return;
          loading.value = false;
          error.value = e instanceof Error ? e.message : String(e);
        },
      );
    },
    { immediate: true },
  );
  const comparison = computed<Comparison | null>(() => (before.value && shown.value ? compareDiagnoses(before.value, shown.value) : null));
  return { comparison, loading, error };
}

/** The date the shown diagnosis is asked for: the chosen date; in a compare without one, today. */
export function shownAsOf(asOf: string | null, from: string | null): string | null {
  return asOf ?? (from ? compareTo(null) : null);
}
