import { createSecretKey } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';

import { AuthUser } from '../common/auth-user';
import { appConfig } from '../config/app.config';
import { UsersService } from '../users/users.service';
import { VerifiedTokens } from './verified-tokens';

export interface JwtPayload {
  sub: string;
  account_id: string;
  exp?: number;
}

const bearerToken = ExtractJwt.fromAuthHeaderAsBearerToken();
/** The request as passport's types name it (Fastify's, at run time: it has the same headers). */
type PassportRequest = Parameters<Strategy['authenticate']>[0];
/** Enough for every token in use at once on one instance; ≈ 1 KB each. */
const VERIFIED_TOKENS = 10_000;

/**
 * Validates HS256 bearer tokens, then re-reads the user so deactivation and role changes apply
 * at once. A token that verified before is not verified again until it expires (VerifiedTokens).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  private readonly verified = new VerifiedTokens<JwtPayload>(VERIFIED_TOKENS);

  constructor(
    @Inject(appConfig.KEY) config: ConfigType<typeof appConfig>,
    private readonly users: UsersService,
  ) {
    super({
      jwtFromRequest: bearerToken,
      // A KeyObject (jsonwebtoken takes one; passport-jwt's types predate that): given a string,
      // jsonwebtoken tries and fails to parse it as a public key on every verification first.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
      // validate() sees the request, so it can remember the token it was given.
      passReqToCallback: true,
    });
  }

  /** Runs on passport's per-request copy of the strategy, which carries success() and error(). */
  override authenticate(req: PassportRequest, options?: object): void {
    const token = bearerToken(req);
    const payload = token ? this.verified.get(token) : undefined;
    if (!payload) return super.authenticate(req, options);
    // What passport-jwt does after a successful verification: read the user, then succeed or fail.
    this.activeUser(payload).then(
      (user) => this.success(user),
      (error: unknown) => this.error(error as Error),
    );
  }

  /** Called by passport-jwt once it has verified the token: the user, and the token kept as verified. */
  async validate(req: PassportRequest, payload: JwtPayload): Promise<AuthUser> {
    const user = await this.activeUser(payload);
    const token = bearerToken(req);
    if (token) this.verified.remember(token, payload);
    return user;
  }

  private async activeUser(payload: JwtPayload): Promise<AuthUser> {
    const user = payload?.sub ? await this.users.findActiveForToken(payload.sub, payload.account_id) : null;
    if (!user) throw new UnauthorizedException('Your session has ended; please log in again');
    return user;
  }
}
