import type { TokenScope } from '../api-tokens/token-scopes';
import { UserRole } from '../users/user.entity';

/** The caller, as loaded from the database on every request (role changes apply at once). */
export interface AuthUser {
  id: string;
  accountId: string;
  email: string;
  name: string;
  role: UserRole;
  /** Set when the caller signed with an API token: the caller is its owner, narrowed to these scopes. */
  apiToken?: { id: string; scopes: readonly TokenScope[] };
}

export const isAdmin = (user: AuthUser): boolean => user.role === 'team_admin' || user.role === 'super_admin';
