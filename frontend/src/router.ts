import { START_LOCATION, createRouter, createWebHashHistory, type RouteComponent, type RouteLocationNormalized, type RouteLocationRaw, type RouteRecordRaw, type Router } from 'vue-router';
import type { ApiError } from './api/http';
import { onAuthFailure } from './api/http';
import { afterSignIn, isSignedIn, loadMe, LOGIN_PATH, sessionEnded } from './app/auth';
import { accountScope, covers, regionInScope } from './app/regionScope';
import { boot, loadChain, sharedDiagnosis, store } from './app/store';
import { VIEWS, type ViewId } from './state';

const DEFAULT_CHAIN = 'NEV';
const DEFAULT_REGION = '340100'; // 合肥市, the demo data's home region

/** One lazy route per view, so the first page loads only the shell and its own view. */
const VIEW_COMPONENTS: Record<ViewId, () => Promise<RouteComponent>> = {
  chain: () => import('./views/chain/ChainMapView.vue'),
  enterprise: () => import('./views/EnterpriseMapView.vue'),
  product: () => import('./views/ProductMapView.vue'),
  innovation: () => import('./views/InnovationMapView.vue'),
  diagnosis: () => import('./views/diagnosis/DiagnosisView.vue'),
  targets: () => import('./views/targets/TargetsView.vue'),
  leads: () => import('./views/leads/LeadsView.vue'),
  projects: () => import('./views/projects/ProjectsView.vue'),
  import: () => import('./views/import/ImportView.vue'),
  report: () => import('./views/report/ReportView.vue'),
  dashboard: () => import('./views/dashboard/DashboardView.vue'),
  bench: () => import('./views/chain/BenchView.vue'),
  users: () => import('./views/admin/UsersView.vue'),
  audit: () => import('./views/admin/AuditView.vue'),
  settings: () => import('./views/admin/SettingsView.vue'),
};

const routes: RouteRecordRaw[] = [
  // outside the app shell (App.vue shows no header for `bare` routes); needs no chain
  { path: LOGIN_PATH, name: 'login', component: () => import('./views/auth/LoginView.vue'), meta: { bare: true } },
  ...VIEWS.map((v) => ({ path: `/${v}`, name: v, component: VIEW_COMPONENTS[v] })),
  // `#/`, empty and unknown views open the chain map with the same query (as the old router did).
  { path: '/:rest(.*)*', redirect: (to) => ({ path: '/chain', query: to.query }) },
];

export const router = createRouter({ history: createWebHashHistory(), routes });

/**
 * Sign-in first: the account is asked once before anything else is loaded; without one every route goes to the
 * sign-in view (with `redirect`, so it can send the user back), and a signed-in user opening the sign-in view
 * goes on to the redirect. `true` = go on with the other checks.
 */
export async function signInGuard(to: RouteLocationNormalized): Promise<true | RouteLocationRaw> {
  await loadMe();
  // a string: the redirect carries its own query
  if (to.name === 'login') return isSignedIn() ? afterSignIn(to.query.redirect) : true;
  // `#/` stays `/` so that the first visit after signing in still gets the demo region (see below)
  if (!isSignedIn()) return { path: LOGIN_PATH, query: { redirect: to.redirectedFrom?.fullPath === '/' ? '/' : to.fullPath }, replace: true };
  return true;
}

/**
 * After the sign-in check (nothing — chains, regions — is loaded before it), a bookmark without a chain gets the
 * default one; the very first visit also gets the demo region. A region-scoped account's region is kept inside its
 * scope (its own region when none, or one outside it, was asked for: app/regionScope.ts).
 */
router.beforeEach(async (to, from) => {
  const signIn = await signInGuard(to);
  if (signIn !== true || to.name === 'login') return signIn;
  // Start what the view will need at once, in parallel with the first load of chains and regions.
  const q = (k: string) => (typeof to.query[k] === 'string' && to.query[k] ? (to.query[k] as string) : null);
  const view = to.path.slice(1) as ViewId;
  if (q('chain')) {
    void loadChain(q('chain'));
    if (view === 'chain' && q('region') && /^\d{6}$/.test(q('region')!) && covers(accountScope(), q('region'))) void sharedDiagnosis(q('chain')!, q('region')!, q('zone')).catch(() => undefined);
  }
  if (view in VIEW_COMPONENTS) void VIEW_COMPONENTS[view]().catch(() => undefined);
  await boot();
  if (!store.booted) return true;
  const fallback = to.query.chain ? null : store.chains.find((c) => c.chain.id === DEFAULT_CHAIN)?.chain.id ?? store.chains[0]?.chain.id;
  const first = !!fallback && (from === START_LOCATION || from.name === 'login') && to.redirectedFrom?.fullPath === '/';
  // a scoped account's region stays inside its scope, its own region when none (or one outside) was asked for
  const region = regionInScope(accountScope(), first ? DEFAULT_REGION : q('region'));
  if (!fallback && region === q('region')) return true;
  // chain and region first, as serialiseHash writes them; a zone belongs to the region it was chosen in
  const query: Record<string, unknown> = { chain: fallback ?? to.query.chain, region: region ?? to.query.region };
  const regionChanged = region !== q('region');
  for (const [k, v] of Object.entries(to.query)) if (!(k in query) && !(regionChanged && k === 'zone')) query[k] = v;
  return { path: to.path, query: query as typeof to.query, replace: true };
});

/**
 * A 401 of any API call (the session expired, or was ended elsewhere) forgets the account and opens the sign-in
 * view, which brings the user back to the current route; a 403 shows the server's Chinese reason.
 */
export function installAuthFailureHandlers(r: Router, showError: (message: string) => void): void {
  onAuthFailure({
    unauthorized: (e: ApiError) => {
      // forgets the account; the sign-in view says why (会话已过期 / the server's reason, e.g. 账号信息已变更)
      sessionEnded(e);
      const current = r.currentRoute.value;
      if (current.name === 'login') return;
      void r.push({ path: LOGIN_PATH, query: { redirect: current.fullPath } });
    },
    forbidden: (e: ApiError) => showError(e.message),
  });
}
