import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';

import { ApiTokenAuthenticator } from '../../api-tokens/api-token-authenticator';
import { apiTokenOf } from '../../api-tokens/api-token-secret';
import { AuthUser } from '../auth-user';
import { IS_PUBLIC } from '../decorators/public.decorator';

/**
 * Global guard: every route needs a bearer credential unless marked @Public(): a signed-in
 * person's JWT (passport-jwt, JwtStrategy) or an API token (ApiTokenAuthenticator), which acts
 * as its owner. TokenScopeGuard then narrows a token to its scopes.
 */
@Injectable()
export class BearerAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiTokens: ApiTokenAuthenticator,
  ) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const apiToken = apiTokenOf(request.headers.authorization);
    if (apiToken === undefined) return super.canActivate(context);
    return this.apiTokens.authenticate(apiToken).then((user) => {
      request.user = user;
      return true;
    });
  }
}
