import { UserRole } from '../users/user.entity';

/** The caller, as loaded from the database on every request (role changes apply at once). */
export interface AuthUser {
  id: string;
  accountId: string;
  email: string;
  name: string;
  role: UserRole;
}

export const isAdmin = (user: AuthUser): boolean => user.role === 'team_admin' || user.role === 'super_admin';
