import type { NavIcon } from '../../shared/nav-icon.component';
import type { Role } from '../api-types';

export const ALL_ROLES: readonly Role[] = ['super_admin', 'team_admin', 'engineer'];
export const ADMIN_ROLES: readonly Role[] = ['super_admin', 'team_admin'];

export interface NavItem {
  label: string;
  path: string;
  icon: NavIcon;
  /** Roles that see this entry; the route itself is guarded with roleGuard for the same roles. */
  roles: readonly Role[];
}

/** The sidebar, in order. The shell shows only the entries the signed-in role may use. */
export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Flows', path: '/flows', icon: 'flows', roles: ALL_ROLES },
  { label: 'My sessions', path: '/sessions', icon: 'sessions', roles: ALL_ROLES },
  { label: 'My analytics', path: '/analytics/me', icon: 'analytics', roles: ALL_ROLES },
  { label: 'Team analytics', path: '/analytics/team', icon: 'analytics', roles: ADMIN_ROLES },
  { label: 'Sessions', path: '/admin/sessions', icon: 'sessions', roles: ADMIN_ROLES },
  { label: 'Flow editor', path: '/admin/flows', icon: 'editor', roles: ADMIN_ROLES },
  { label: 'Step library', path: '/admin/steps', icon: 'library', roles: ADMIN_ROLES },
  { label: 'Users', path: '/admin/users', icon: 'users', roles: ADMIN_ROLES },
  { label: 'Webhooks', path: '/admin/webhooks', icon: 'webhook', roles: ADMIN_ROLES },
  { label: 'API tokens', path: '/tokens', icon: 'key', roles: ALL_ROLES },
];

export function navItemsFor(role: Role | null): NavItem[] {
  return role === null ? [] : NAV_ITEMS.filter((item) => item.roles.includes(role));
}
