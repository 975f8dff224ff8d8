/**
 * The application state lives in the URL hash so every view can be bookmarked and shared:
 * `#/chain?chain=NEV&region=340100&zone=合肥经济技术开发区&segment=NEV-CELL`.
 * Hash routes need no server-side fallback.
 */

export const VIEWS = ['chain', 'enterprise', 'product', 'innovation', 'diagnosis', 'targets', 'leads', 'projects', 'dashboard', 'import', 'report', 'bench', 'users', 'audit', 'settings'] as const;
export type ViewId = (typeof VIEWS)[number];

/** Keys every view shares (the header pickers) in the order they are written. */
const SHARED_KEYS = ['chain', 'region', 'zone', 'segment'] as const;

export interface AppState {
  view: ViewId;
  chain: string | null;
  region: string | null;
  zone: string | null;
  segment: string | null;
  /** View-specific parameters (page, sort, q, uscc, metric, drill …). */
  params: Record<string, string>;
}

export const DEFAULT_VIEW: ViewId = 'chain';

export function isViewId(s: string): s is ViewId {
  return (VIEWS as readonly string[]).includes(s);
}

/** Parses `#/view?k=v&…`; anything unknown or malformed falls back to defaults rather than failing. */
export function parseHash(hash: string): AppState {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const path = raw.startsWith('/') ? raw.slice(1) : raw;
  const q = path.indexOf('?');
  const viewPart = decodeURIComponentSafe(q >= 0 ? path.slice(0, q) : path).trim();
  const query = q >= 0 ? path.slice(q + 1) : '';
  const search = new URLSearchParams(query);
  const state: AppState = {
    view: isViewId(viewPart) ? viewPart : DEFAULT_VIEW,
    chain: null,
    region: null,
    zone: null,
    segment: null,
    params: {},
  };
  for (const [k, v] of search) {
    const value = v.trim();
    if (!value) continue;
    if (k === 'region') {
      if (/^\d{6}$/.test(value)) state.region = value;
    } else if ((SHARED_KEYS as readonly string[]).includes(k)) {
      (state as unknown as Record<string, string>)[k] = value;
    } else {
      state.params[k] = value;
    }
  }
  return state;
}

/** Writes the state as a hash; keys in a stable order so equal states give equal URLs. */
export function serialiseHash(state: AppState): string {
  const search = new URLSearchParams();
  for (const k of SHARED_KEYS) {
    const v = state[k];
    if (v) search.set(k, v);
  }
  for (const k of Object.keys(state.params).sort()) {
    const v = state.params[k];
    if (v !== undefined && v !== '') search.set(k, v);
  }
  const qs = search.toString();
  return `#/${state.view}${qs ? '?' + qs : ''}`;
}

/** A copy of the state with some fields changed; `params: null` clears view parameters. */
export function withState(
  state: AppState,
  change: Partial<Omit<AppState, 'params'>> & { params?: Record<string, string | null> | null },
): AppState {
  const next: AppState = { ...state, ...change, params: { ...state.params } } as AppState;
  if (change.params === null) {
    next.params = {};
  } else if (change.params) {
    for (const [k, v] of Object.entries(change.params)) {
      if (v === null || v === '') delete next.params[k];
      else next.params[k] = v;
    }
  }
  return next;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
