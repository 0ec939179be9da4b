import { SetMetadata } from '@nestjs/common';

import { UserRole } from '../../users/user.entity';

export const ROLES = 'roles';
/** Restricts a route to the given roles; routes without it are open to every signed-in user. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES, roles);
