import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UserRole } from '../../users/user.entity';
import { AuthUser } from '../auth-user';
import { ROLES } from '../decorators/roles.decorator';

/** Global guard: enforces @Roles(...). super_admin passes every role check of its own account. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles?.length) return true;
    const user: AuthUser | undefined = context.switchToHttp().getRequest().user;
    if (user && (user.role === 'super_admin' || roles.includes(user.role))) return true;
    throw new ForbiddenException(`This action needs the role ${roles.join(' or ')}`);
  }
}
