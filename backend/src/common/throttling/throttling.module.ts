import { ExecutionContext, Module, SetMetadata } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ThrottlerModule, ThrottlerOptions } from '@nestjs/throttler';
import { apiTokenOf } from '../../api-tokens/api-token-secret';
import { appConfig } from '../../config/app.config';
import { normalizeEmail } from '../../users/email';

const AUTH_ATTEMPT = 'authAttempt';
/** Marks login/register: they get the tighter per-IP and per-e-mail limits. */
export const AuthAttempt = () => SetMetadata(AUTH_ATTEMPT, true);

const isAuthAttempt = (context: ExecutionContext): boolean => Reflect.getMetadata(AUTH_ATTEMPT, context.getHandler()) === true;
const apiTokenOfRequest = (req: { headers?: { authorization?: string } }): string | undefined => apiTokenOf(req.headers?.authorization);
const MINUTE = 60_000;

/**
 * Rate limits, in memory per instance: a global ceiling per IP, the same ceiling per API token
 * (an integration spread over many IPs still stops; the key is the token's hash), and for
 * login/register a per-IP limit plus a per-e-mail limit (a password-guessing run spread over
 * many IPs still stops). Answers 429 with Retry-After. Behind several instances, use a shared store.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: ({ throttle }: ConfigType<typeof appConfig>) => {
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
          throttlers.push({ name: 'auth-ip', ttl: MINUTE, limit: throttle.authPerMinute, skipIf: (c) => !isAuthAttempt(c) });
        }
        if (throttle.loginPerEmail) {
          throttlers.push({
            name: 'auth-email',
            ttl: 15 * MINUTE,
            limit: throttle.loginPerEmail,
            skipIf: (c) => !isAuthAttempt(c),
            getTracker: (req) => normalizeEmail(String(req.body?.email ?? '')) || 'no-email',
          });
        }
        return {
          throttlers: throttlers.length ? throttlers : [{ name: 'off', ttl: MINUTE, limit: 1, skipIf: () => true }],
          errorMessage: 'Too many requests; wait a moment and try again',
        };
      },
    }),
  ],
})
export class ThrottlingModule {}
