import { Injectable, Logger, UnauthorizedException } from '@nestjs/common';

import type { AuthUser } from '../common/auth-user';
import { WriteCoalescer } from '../database/write-coalescing/write-coalescer';
import { isWellFormedToken, tokenDigestKey } from './api-token-secret';
import { ApiTokensRepository, TokenCallerRow } from './api-tokens.repository';

/** Which token a digest names: all that never changes about it, kept per process after its first use. */
interface KnownToken {
  id: string;
  accountId: string;
  /** The minute (since the epoch) this process last wrote the token's last_used_at. */
  usedMinute: number;
}

/** Enough for every token in use at once on one instance; ≈ 200 bytes each. */
const KNOWN_TOKENS = 10_000;
const MINUTE_MS = 60_000;

const invalidToken = () => new UnauthorizedException('Invalid API token');

/**
 * Turns `Authorization: Bearer rf_pat_…` into its owner on every request, at the cost of the JWT
 * path: a token seen before is found in memory by its digest (as a verified JWT is), and the one
 * database read per request — batched with the account's concurrent requests, like the JWT
 * caller read — brings the token's revocation, expiry and scopes and its owner's role and status
 * as of now. So revoking, expiring, deactivating or demoting takes effect on the next request,
 * on every instance. last_used_at is written at most once a minute per token and process.
 */
@Injectable()
export class ApiTokenAuthenticator {
  private readonly logger = new Logger(ApiTokenAuthenticator.name);
  /** By the digest (base64), so the process never keeps a secret. Bounded: the oldest goes first. */
  private readonly known = new Map<string, KnownToken>();
  private readonly callers = new WriteCoalescer<KnownToken, TokenCallerRow | undefined>(
    (batch, accountId) =>
      this.tokens.readCallers(
        batch.map((token) => token.id),
        accountId,
      ),
    { tenant: (token) => token.accountId },
  );

  constructor(private readonly tokens: ApiTokensRepository) {}

  async authenticate(secret: string): Promise<AuthUser> {
    if (!isWellFormedToken(secret)) throw invalidToken();
    const key = tokenDigestKey(secret);
    const token = this.known.get(key) ?? (await this.lookUp(key));

    const row = await this.callers.run(token);
    if (!row) {
      this.known.delete(key);
      throw invalidToken();
    }
    if (row.revoked) throw new UnauthorizedException('This API token has been revoked');
    if (row.expired) {
      throw new UnauthorizedException(
        `This API token expired on ${new Date(row.expires_at).toISOString()}; create a new one`,
      );
    }
    if (!row.id || !row.active) throw new UnauthorizedException('The owner of this API token can no longer sign in');

    await this.noteUse(token);
    return {
      id: row.id,
      accountId: row.accountId as string,
      email: row.email as string,
      name: row.name as string,
      role: row.role as AuthUser['role'],
      apiToken: { id: token.id, scopes: row.scopes },
    };
  }

  private async lookUp(key: string): Promise<KnownToken> {
    const row = await this.tokens.findByDigest(Buffer.from(key, 'base64'));
    if (!row) throw invalidToken();
    const token: KnownToken = { id: row.id, accountId: row.account_id, usedMinute: -1 };
    if (this.known.size >= KNOWN_TOKENS) this.known.delete(this.known.keys().next().value as string);
    this.known.set(key, token);
    return token;
  }

  /** last_used_at to the minute: the first use in a minute writes it, the rest of that minute do not. */
  private async noteUse(token: KnownToken): Promise<void> {
    const minute = Math.floor(Date.now() / MINUTE_MS);
    if (token.usedMinute === minute) return;
    token.usedMinute = minute;
    try {
      await this.tokens.touch(token.accountId, token.id);
    } catch (error) {
      // The request is authenticated; a lost write only moves last_used_at to the next use.
      token.usedMinute = -1;
      this.logger.warn(
        `Could not record the use of API token ${token.id}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
