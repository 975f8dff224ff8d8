// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../src/api/auth';
import { auth, currentRole, resetAuth, setMe } from '../src/app/auth';
import { can, canOpen, tabsFor, usePermissions, type Capability } from '../src/app/permissions';
import type { TargetRow, TargetWeights } from '../src/api/types';
import TargetTable from '../src/views/targets/TargetTable.vue';

const ALL: Capability[] = ['write', 'export', 'import', 'admin'];
const granted = (role: Role | null) => ALL.filter((c) => can(role, c));

afterEach(() => resetAuth());

describe('permissions', () => {
  it('ADMIN may do everything, ANALYST write and export, VIEWER only read', () => {
    expect(granted('ADMIN')).toEqual(['write', 'export', 'import', 'admin']);
    expect(granted('ANALYST')).toEqual(['write', 'export']);
    expect(granted('VIEWER')).toEqual([]);
    expect(granted(null)).toEqual([]);
  });

  it('opens import only for ADMIN, users and audit only for ADMIN, every other view for everyone signed in', () => {
    expect(['ADMIN', 'ANALYST', 'VIEWER'].map((r) => [canOpen(r as Role, 'import'), canOpen(r as Role, 'users'), canOpen(r as Role, 'audit'), canOpen(r as Role, 'settings')])).toEqual([
      [true, true, true, true], [false, false, false, false], [false, false, false, false],
    ]);
    expect(canOpen('VIEWER', 'leads')).toBe(true);
    expect(canOpen('VIEWER', 'dashboard')).toBe(true);
    expect(canOpen(null, 'chain')).toBe(false);
  });

  it('shows the admin tabs only to ADMIN', () => {
    const tabs = ['chain', 'leads', 'import', 'users', 'audit'] as const;
    expect(tabsFor('ADMIN', tabs)).toEqual(['chain', 'leads', 'import', 'users', 'audit']);
    expect(tabsFor('ANALYST', tabs)).toEqual(['chain', 'leads']);
    expect(tabsFor('VIEWER', tabs)).toEqual(['chain', 'leads']);
  });

  it('follows the signed-in account; a server without sign-in shows everything', () => {
    const perm = usePermissions();
    expect(perm.value.write).toBe(false);
    setMe({ username: 'v', role: 'VIEWER', regionCode: null, regionName: null });
    expect(perm.value).toEqual({ role: 'VIEWER', write: false, export: false, import: false, admin: false });
    setMe({ username: 'a', role: 'ANALYST', regionCode: '340100', regionName: '合肥市' });
    expect(perm.value).toMatchObject({ write: true, export: true, import: false, admin: false });
    resetAuth();
    auth.disabled = true;
    expect(currentRole()).toBe('ADMIN');
    expect(perm.value.admin).toBe(true);
  });
});

describe('role-aware views', () => {
  const weights: TargetWeights = { scale: 25, quality: 15, innovation: 15, ties: 15, predicted: 10, proximity: 10, priority: 0 };
  const row = {
    rank: 1, uscc: '91340100MA2N0000X1', name: '甲公司', regionCode: '320100', regionName: '南京市', segmentId: 'S', segmentName: '电芯',
    purpose: 'FILL', purposeZh: '补链', score: 50, parts: { scale: 1, quality: 1, innovation: 1, ties: 1, predicted: 1, proximity: 1, priority: 0, total: 6 },
    reasons: [], reasonText: '', localPartners: [], predictedPartners: [], revenue: 1, employees: null, tags: [], patents: 0, cooperations: 0,
  } as unknown as TargetRow;

  it('offers 转为线索 to ANALYST but not to VIEWER', async () => {
    setMe({ username: 'a', role: 'ANALYST', regionCode: null, regionName: null });
    const analyst = mount(TargetTable, { props: { items: [row], weights } });
    await new Promise((r) => setTimeout(r, 0));
    expect(analyst.find('[data-testid=to-lead]').exists()).toBe(true);
    setMe({ username: 'v', role: 'VIEWER', regionCode: null, regionName: null });
    const viewer = mount(TargetTable, { props: { items: [row], weights } });
    await new Promise((r) => setTimeout(r, 0));
    expect(viewer.find('[data-testid=to-lead]').exists()).toBe(false);
  });
});
