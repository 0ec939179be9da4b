import { ExecutionContext, Module, SetMetadata } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ThrottlerModule, ThrottlerOptions } from '@nestjs/throttler';
import { DataSource } from 'typeorm';

import { apiTokenOf } from '../../api-tokens/api-token-secret';
import { appConfig } from '../../config/app.config';
import { normalizeEmail } from '../../users/email';
import { SharedThrottlerStorage } from './shared-throttler-storage';

const AUTH_ATTEMPT = 'authAttempt';
/** Marks login, register and user creation: they get the tighter per-IP and per-e-mail limits. */
export const AuthAttempt = () => SetMetadata(AUTH_ATTEMPT, true);

const isAuthAttempt = (context: ExecutionContext): boolean =>
  Reflect.getMetadata(AUTH_ATTEMPT, context.getHandler()) === true;
const apiTokenOfRequest = (req: { headers?: { authorization?: string } }): string | undefined =>
  apiTokenOf(req.headers?.authorization);
const MINUTE = 60_000;

/** The limits counted in PostgreSQL, shared by every instance (shared-throttler-storage.ts). */
const SHARED_LIMITS = new Set(['auth-ip', 'auth-email']);

/**
 * Rate limits: a global ceiling per IP and the same ceiling per API token (an integration spread
 * over many IPs still stops; the key is the token's hash), both in memory per instance; and for
 * auth attempts a per-IP limit plus a per-e-mail limit (a password-guessing run spread over many
 * IPs still stops), both counted in PostgreSQL so that N instances do not allow N times as many.
 * Answers 429 with Retry-After. The per-e-mail limit sends no X-RateLimit-* headers: they told
 * anyone how many attempts an address had had.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [appConfig.KEY, DataSource],
      useFactory: ({ throttle }: ConfigType<typeof appConfig>, dataSource: DataSource) => {
        const throttlers: ThrottlerOptions[] = [];
        if (throttle.globalPerMinute) throttlers.push({ name: 'global', ttl: MINUTE, limit: throttle.globalPerMinute });
        if (throttle.tokenPerMinute) {
          throttlers.push({
            name: 'token',
            ttl: MINUTE,
            limit: throttle.tokenPerMinute,
            skipIf: (c) => apiTokenOfRequest(c.switchToHttp().getRequest()) === undefined,
            // The guard hashes the tracker into its key: the secret itself is not kept.
            getTracker: (req) => apiTokenOfRequest(req) as string,
          });
        }
        if (throttle.authPerMinute) {
          throttlers.push({
            name: 'auth-ip',
            ttl: MINUTE,
            limit: throttle.authPerMinute,
            skipIf: (c) => !isAuthAttempt(c),
          });
        }
        if (throttle.loginPerEmail) {
          throttlers.push({
            name: 'auth-email',
            ttl: 15 * MINUTE,
            limit: throttle.loginPerEmail,
            skipIf: (c) => !isAuthAttempt(c),
            setHeaders: false,
            getTracker: (req) => normalizeEmail(String(req.body?.email ?? '')) || 'no-email',
          });
        }
        return {
          throttlers: throttlers.length ? throttlers : [{ name: 'off', ttl: MINUTE, limit: 1, skipIf: () => true }],
          errorMessage: 'Too many requests; wait a moment and try again',
          storage: new SharedThrottlerStorage(dataSource, SHARED_LIMITS),
        };
      },
    }),
  ],
})
export class ThrottlingModule {}
