import { createSecretKey } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthUser } from '../common/auth-user';
import { appConfig } from '../config/app.config';
import { UsersService } from '../users/users.service';

export interface JwtPayload {
  sub: string;
  account_id: string;
}

/** Validates HS256 bearer tokens, then re-reads the user so deactivation and role changes apply at once. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    @Inject(appConfig.KEY) config: ConfigType<typeof appConfig>,
    private readonly users: UsersService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject (jsonwebtoken takes one; passport-jwt's types predate that): given a string,
      // jsonwebtoken tries and fails to parse it as a public key on every verification first.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: JwtPayload): Promise<AuthUser> {
    const user = payload?.sub ? await this.users.findActiveForToken(payload.sub, payload.account_id) : null;
    if (!user) throw new UnauthorizedException('Your session has ended; please log in again');
    return user;
  }
}
