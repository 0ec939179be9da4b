import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { InputColumn } from '../database/write-coalescing/coalesced-input';
import { runCoalescedStatement } from '../database/write-coalescing/coalesced-statement';
import type { UserRole } from '../users/user.entity';
import type { TokenScope } from './token-scopes';

/** A token as lists show it, with its owner. Never the secret, never the digest. */
export interface ApiTokenRow {
  id: string;
  user_id: string;
  owner_name: string;
  owner_email: string;
  name: string;
  token_prefix: string;
  scopes: TokenScope[];
  expires_at: Date;
  created_at: Date;
  last_used_at: Date | null;
}

/** Which token a digest names, and its account: all that never changes about it. */
export interface TokenIdentityRow {
  id: string;
  account_id: string;
}

/** A token's state and its owner at request time; owner fields are null when the owner is gone. */
export interface TokenCallerRow {
  idx: number;
  revoked: boolean;
  expired: boolean;
  expires_at: Date;
  scopes: TokenScope[];
  id: string | null;
  accountId: string | null;
  email: string | null;
  name: string | null;
  role: UserRole | null;
  active: boolean | null;
}

export interface NewApiToken {
  accountId: string;
  userId: string;
  name: string;
  prefix: string;
  digest: Buffer;
  scopes: TokenScope[];
  expiresInDays: number;
}

const TOKEN_COLUMNS = `t.id, t.user_id, u.name AS owner_name, u.email AS owner_email, t.name, t.token_prefix, t.scopes,
       t.expires_at, t.created_at, t.last_used_at`;

/** The SQL of api_tokens; every statement but the digest lookup starts from the account. */
@Injectable()
export class ApiTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(token: NewApiToken): Promise<ApiTokenRow> {
    const [row]: ApiTokenRow[] = await this.dataSource.query(
      `WITH inserted AS (
         INSERT INTO api_tokens (account_id, user_id, name, token_prefix, token_digest, scopes, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6::text[], now() + make_interval(days => $7))
         RETURNING *
       )
       SELECT ${TOKEN_COLUMNS} FROM inserted t JOIN users u ON u.account_id = t.account_id AND u.id = t.user_id`,
      [token.accountId, token.userId, token.name, token.prefix, token.digest, token.scopes, token.expiresInDays],
    );
    return row;
  }

  /** Tokens not revoked, newest first: one user's, or the whole account's. */
  list(accountId: string, userId: string | null): Promise<ApiTokenRow[]> {
    return this.dataSource.query(
      `SELECT ${TOKEN_COLUMNS}
         FROM api_tokens t JOIN users u ON u.account_id = t.account_id AND u.id = t.user_id
        WHERE t.account_id = $1 AND ($2::uuid IS NULL OR t.user_id = $2) AND t.revoked_at IS NULL
        ORDER BY t.created_at DESC, t.id`,
      [accountId, userId],
    );
  }

  /** Marks a live token revoked; true if one was (of the user, when a user is given). */
  async revoke(accountId: string, id: string, userId: string | null): Promise<boolean> {
    // A SELECT around the UPDATE: TypeORM answers [rows, count] for a bare UPDATE … RETURNING.
    const rows: unknown[] = await this.dataSource.query(
      `WITH revoked AS (
         UPDATE api_tokens SET revoked_at = now()
          WHERE account_id = $1 AND id = $2 AND ($3::uuid IS NULL OR user_id = $3) AND revoked_at IS NULL
         RETURNING id
       )
       SELECT id FROM revoked`,
      [accountId, id, userId],
    );
    return rows.length > 0;
  }

  /** The one read that does not know the account: which token has this digest. */
  async findByDigest(digest: Buffer): Promise<TokenIdentityRow | undefined> {
    const [row]: TokenIdentityRow[] = await this.dataSource.query(
      `SELECT id, account_id FROM api_tokens WHERE token_digest = $1`,
      [digest],
    );
    return row;
  }

  async touch(accountId: string, id: string): Promise<void> {
    await this.dataSource.query(`UPDATE api_tokens SET last_used_at = now() WHERE account_id = $1 AND id = $2`, [
      accountId,
      id,
    ]);
  }

  /**
   * Each token's state (revoked, expired, scopes) and its owner as of now, for many requests of
   * one account in one statement: the same shape and cost as the bearer-JWT read of the caller,
   * plus a primary-key probe of api_tokens. The database's word and clock decide, on every request.
   */
  readCallers(tokenIds: string[], accountId: string): Promise<(TokenCallerRow | undefined)[]> {
    const columns: Record<string, InputColumn<string>> = { token_id: ['uuid', (id) => id] };
    return runCoalescedStatement<string, TokenCallerRow>(
      this.dataSource,
      'rf_token_callers',
      { calls: tokenIds, accountId, columns },
      (input, account) =>
        `SELECT i.idx, t.revoked_at IS NOT NULL AS revoked, t.expires_at <= now() AS expired, t.expires_at, t.scopes, u.id, u.account_id AS "accountId", u.email, u.name, u.role,
              u.is_active AS active
         FROM (${input}) i JOIN api_tokens t ON t.account_id = ${account} AND t.id = i.token_id
         LEFT JOIN users u ON u.account_id = ${account} AND u.id = t.user_id`,
    );
  }
}
