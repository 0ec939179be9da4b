import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal API tokens. Only the SHA-256 digest of a token is kept; the secret is shown once.
 * Every key carries the tenant (account_id), like every tenant table's: the primary key, the owner
 * (so a token cannot belong to another account's user), and the unique digest (led by the digest,
 * so the one lookup that does not know the account yet — which token is this? — is an index
 * probe). Revoked tokens stay, marked, so an admin can tell what existed.
 */
export class ApiTokens1764001100000 implements MigrationInterface {
  name = 'ApiTokens1764001100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE api_tokens (
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        token_prefix text NOT NULL,
        token_digest bytea NOT NULL CHECK (octet_length(token_digest) = 32),
        scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        last_used_at timestamptz,
        revoked_at timestamptz,
        PRIMARY KEY (account_id, id),
        CONSTRAINT api_tokens_digest_key UNIQUE (token_digest, account_id),
        CONSTRAINT api_tokens_user_fkey FOREIGN KEY (account_id, user_id) REFERENCES users (account_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX api_tokens_owner_idx ON api_tokens (account_id, user_id, created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE api_tokens`);
  }
}
