import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { AuthUser } from '../auth-user';
import { ANY_SCOPE, PERSON_ONLY, REQUIRED_SCOPE, ScopeRequirement } from '../decorators/required-scope.decorator';

/**
 * Global guard after authentication: a caller signed with an API token passes only where the
 * route's @RequiresScope is among the token's scopes. Fails closed: a route that states no scope
 * refuses every token. People signed in with a JWT are not affected.
 */
@Injectable()
export class TokenScopeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const user: AuthUser | undefined = context.switchToHttp().getRequest().user;
    if (!user?.apiToken) return true;
    const needed = this.reflector.getAllAndOverride<ScopeRequirement | undefined>(REQUIRED_SCOPE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (needed === ANY_SCOPE) return true;
    if (needed === PERSON_ONLY)
      throw new ForbiddenException(
        'Only a signed-in person can do this, not an API token (tokens cannot manage tokens)',
      );
    if (needed === undefined) throw new ForbiddenException('This route is not open to API tokens');
    if (user.apiToken.scopes.includes(needed)) return true;
    throw new ForbiddenException({
      message: `This API token lacks the scope ${needed}, which this route needs`,
      required_scope: needed,
    });
  }
}
