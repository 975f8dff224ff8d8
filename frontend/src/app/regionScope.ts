import type { CascaderOption } from 'element-plus';
import { computed, type ComputedRef } from 'vue';
import type { Region } from '../api/types';
import type { RegionIndex } from '../regionIndex';
import { auth } from './auth';

/**
 * The signed-in account's region scope in the UI — the one place this rule lives. It mirrors the server's
 * `security/RegionScope` (GB/T 2260 levels: a province `XX0000` covers the codes starting `XX`, a city `XXXX00`
 * those starting `XXXX`, a county only itself; null = the nation). The server enforces it; the UI only offers
 * what the server would accept, so a county account never picks a region it would be refused (or silently narrowed).
 *
 * Pickers that choose where an enterprise is (a new enterprise in the lead/project forms) or another account's scope
 * (用户管理) are not limited: they do not choose whose data is seen.
 */

/** The code prefix every region inside the scope shares; null for the nation. */
export function scopePrefix(scope: string | null | undefined): string | null {
  if (!scope) return null;
  if (/^\d{2}0000$/.test(scope)) return scope.slice(0, 2);
  if (/^\d{4}00$/.test(scope)) return scope.slice(0, 4);
  return scope;
}

/** Whether `region` lies inside `scope` (a missing region only for the nation). */
export function covers(scope: string | null | undefined, region: string | null | undefined): boolean {
  const prefix = scopePrefix(scope);
  return prefix === null || (!!region && region.startsWith(prefix));
}

/**
 * The region a view should show for the one asked for (URL, bookmark, default): itself when it lies inside the
 * scope; the account's own region when nothing was asked for or the region lies outside (or is wider). An
 * unscoped account keeps what it asked for, including nothing.
 */
export function regionInScope(scope: string | null | undefined, requested: string | null | undefined): string | null {
  if (!scope) return requested || null;
  return requested && covers(scope, requested) ? requested : scope;
}

/** The signed-in account's scope (null = national, and when the server has no sign-in at all). */
export function accountScope(): string | null {
  return auth.disabled ? null : auth.me?.regionCode || null;
}

export function useRegionScope(): ComputedRef<string | null> {
  return computed(accountScope);
}

export type RegionOption = CascaderOption & { value: string; label: string; children?: RegionOption[] };

/**
 * The cascader tree of the regions a picker offers: every province for the nation, else the scope's own region
 * with its subtree (a scope the shipped tree does not know is offered alone, by `scopeName` or its code).
 */
export function regionOptions(index: RegionIndex | null, scope: string | null = null, scopeName: string | null = null): RegionOption[] {
  if (!index) return scope ? [{ value: scope, label: scopeName || scope }] : [];
  const build = (r: Region): RegionOption => {
    const kids = index.children(r.code);
    return kids.length ? { value: r.code, label: r.name, children: kids.map(build) } : { value: r.code, label: r.name };
  };
  if (!scope) return index.provinces.map(build);
  const root = index.get(scope);
  return root ? [build(root)] : [{ value: scope, label: scopeName || scope }];
}
