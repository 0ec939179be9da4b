import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks: endpoints, the outbox of deliveries and each delivery's attempts. A delivery row is
 * written by the same statement that makes the change it reports (the transactional outbox), so a
 * committed change always has its deliveries and a rolled-back one never does. Every key carries
 * the tenant. The secret is kept as issued (it must sign every request); see docs/security.md.
 * The partial index on due deliveries is what the workers of every instance poll.
 */
export class Webhooks1764001200000 implements MigrationInterface {
  name = 'Webhooks1764001200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhook_endpoints (
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        url text NOT NULL CHECK (char_length(url) BETWEEN 1 AND 2048),
        events text[] NOT NULL CHECK (cardinality(events) > 0),
        description text CHECK (char_length(description) <= 500),
        secret text NOT NULL,
        previous_secret text,
        previous_secret_expires_at timestamptz,
        enabled boolean NOT NULL DEFAULT true,
        disabled_reason text,
        consecutive_failures int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, id)
      )`);
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        account_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        endpoint_id uuid NOT NULL,
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'retrying', 'succeeded', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz DEFAULT now(),
        window_start timestamptz NOT NULL DEFAULT now(),
        lease uuid,
        last_response_status int,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        PRIMARY KEY (account_id, id),
        CONSTRAINT webhook_deliveries_endpoint_fkey FOREIGN KEY (account_id, endpoint_id)
          REFERENCES webhook_endpoints (account_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status IN ('pending', 'retrying')`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (account_id, endpoint_id, created_at DESC)`,
    );
    await queryRunner.query(`CREATE INDEX webhook_deliveries_created_idx ON webhook_deliveries (created_at)`);
    await queryRunner.query(`
      CREATE TABLE webhook_attempts (
        account_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        delivery_id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        response_status int,
        duration_ms int NOT NULL,
        error text,
        response_excerpt text CHECK (octet_length(response_excerpt) <= 1024),
        PRIMARY KEY (account_id, id),
        CONSTRAINT webhook_attempts_delivery_fkey FOREIGN KEY (account_id, delivery_id)
          REFERENCES webhook_deliveries (account_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (account_id, delivery_id, at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE webhook_attempts`);
    await queryRunner.query(`DROP TABLE webhook_deliveries`);
    await queryRunner.query(`DROP TABLE webhook_endpoints`);
  }
}
