import { computed, type ComputedRef } from 'vue';
import { useRoute, useRouter, type Router } from 'vue-router';
import type { ViewContext } from '../context';
import { parseHash, serialiseHash, withState, type AppState } from '../state';
import { chain, regions } from './store';

export type StateChange = Parameters<ViewContext['navigate']>[0];

/** The URL state of a router location (the hash router's fullPath is `/view?query`). */
export function stateOf(fullPath: string): AppState {
  return parseHash('#' + fullPath);
}

/** Changes the URL state; `replace` rewrites the current history entry instead of adding one. */
export function navigateWith(router: Router, change: StateChange, replace = false): void {
  const current = stateOf(router.currentRoute.value.fullPath);
  const next = serialiseHash(withState(current, change)).slice(1);
  if (next === router.currentRoute.value.fullPath) return;
  void (replace ? router.replace(next) : router.push(next));
}

/** The parsed URL state, reactive. */
export function useAppState(): ComputedRef<AppState> {
  const route = useRoute();
  return computed(() => stateOf(route.fullPath));
}

/**
 * What every view gets (the same shape the DOM modules take): URL state, loaded chain, chosen region,
 * the region index and `navigate`.
 */
export function useViewContext(): ComputedRef<ViewContext> {
  const router = useRouter();
  const state = useAppState();
  const navigate = (change: StateChange, replace = false) => navigateWith(router, change, replace);
  return computed(() => ({
    state: state.value,
    chain: chain.value,
    region: regions.value?.get(state.value.region) ?? null,
    regionIndex: regions.value,
    navigate,
  }));
}
