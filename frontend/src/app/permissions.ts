import { computed, type ComputedRef } from 'vue';
import type { Role } from '../api/auth';
import type { ViewId } from '../state';
import { currentRole } from './auth';

/**
 * What each role may do in the UI — the one place these rules live (the server enforces the same ones; the UI
 * only hides what would be refused). ADMIN > ANALYST > VIEWER, as in notes/AUTH-API.md.
 *
 * - write:  new lead/project, follow-ups, stage changes, saving/refreshing/deleting target lists
 * - export: downloads of exports (.xlsx/.csv/.docx)
 * - import: the data import view and the ledger import link
 * - admin:  user management, the audit log and 系统设置
 */
export type Capability = 'write' | 'export' | 'import' | 'admin';

const GRANTS: Record<Role, readonly Capability[]> = {
  ADMIN: ['write', 'export', 'import', 'admin'],
  ANALYST: ['write', 'export'],
  VIEWER: [],
};

/** Views that need more than being signed in. */
const VIEW_NEEDS: Partial<Record<ViewId, Capability>> = { import: 'import', users: 'admin', audit: 'admin', settings: 'admin' };

export function can(role: Role | null | undefined, capability: Capability): boolean {
  return !!role && (GRANTS[role]?.includes(capability) ?? false);
}

/** Whether the role may open a view (the others see 无权访问 there). */
export function canOpen(role: Role | null | undefined, view: ViewId): boolean {
  if (!role) return false;
  const need = VIEW_NEEDS[view];
  return need ? can(role, need) : true;
}

/** The header tabs the role sees, in their order. */
export function tabsFor(role: Role | null | undefined, tabs: readonly ViewId[]): ViewId[] {
  return tabs.filter((v) => canOpen(role, v));
}

export type Permissions = Record<Capability, boolean> & { role: Role | null };

/** The signed-in user's permissions, reactive (for templates: `v-if="perm.write"`). */
export function usePermissions(): ComputedRef<Permissions> {
  return computed(() => {
    const role = currentRole();
    return { role, write: can(role, 'write'), export: can(role, 'export'), import: can(role, 'import'), admin: can(role, 'admin') };
  });
}
