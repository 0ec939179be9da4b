import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { UserRole } from '../../users/user.entity';
import { AuthUser } from '../auth-user';
import { ROLES } from '../decorators/roles.decorator';

/** Methods that read: the only ones a super_admin may call. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard: enforces @Roles(...). A super_admin (operations and support, created from the
 * command line only: bin/create-super-admin.ts) passes every role check of a read and is refused
 * every write, so it never changes an account's data (docs/security.md).
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    const user: AuthUser | undefined = request.user;
    if (user?.role === 'super_admin') {
      if (READS.has(request.method)) return true;
      throw new ForbiddenException('A super_admin reads; it changes no account’s data');
    }
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles?.length) return true;
    if (user && roles.includes(user.role)) return true;
    throw new ForbiddenException(`This action needs the role ${roles.join(' or ')}`);
  }
}
