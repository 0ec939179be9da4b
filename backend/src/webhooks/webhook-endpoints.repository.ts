import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { WebhookEvent } from './webhook-events';

/** An endpoint as the API shows it: never its secrets. */
export interface EndpointRow {
  id: string;
  url: string;
  events: WebhookEvent[];
  description: string | null;
  enabled: boolean;
  disabled_reason: string | null;
  consecutive_failures: number;
  created_at: Date;
}

export interface EndpointChange {
  url?: string;
  events?: WebhookEvent[];
  description?: string | null;
  enabled?: boolean;
}

const COLUMNS = `id, url, events, description, enabled, disabled_reason, consecutive_failures, created_at`;

/** How long a rotated-out secret keeps signing beside the new one. */
export const ROTATION_OVERLAP = `interval '24 hours'`;

/** The SQL of webhook_endpoints; every statement starts from the account. */
@Injectable()
export class WebhookEndpointsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    accountId: string,
    endpoint: { url: string; events: WebhookEvent[]; description: string | null; secret: string },
  ): Promise<EndpointRow> {
    const [row]: EndpointRow[] = await this.dataSource.query(
      `WITH inserted AS (
         INSERT INTO webhook_endpoints (account_id, url, events, description, secret)
         VALUES ($1, $2, $3::text[], $4, $5) RETURNING *
       )
       SELECT ${COLUMNS} FROM inserted`,
      [accountId, endpoint.url, endpoint.events, endpoint.description, endpoint.secret],
    );
    return row;
  }

  list(accountId: string): Promise<EndpointRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_endpoints WHERE account_id = $1 ORDER BY created_at, id`,
      [accountId],
    );
  }

  async find(accountId: string, id: string): Promise<EndpointRow | undefined> {
    const [row]: EndpointRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_endpoints WHERE account_id = $1 AND id = $2`,
      [accountId, id],
    );
    return row;
  }

  /** Applies the given fields; enabling clears the reason and the failure count. */
  async update(accountId: string, id: string, change: EndpointChange): Promise<EndpointRow | undefined> {
    const [row]: EndpointRow[] = await this.dataSource.query(
      `WITH changed AS (
         UPDATE webhook_endpoints SET
           url = coalesce($3, url),
           events = coalesce($4::text[], events),
           description = CASE WHEN $5 THEN $6 ELSE description END,
           enabled = coalesce($7, enabled),
           disabled_reason = CASE WHEN $7 IS NULL THEN disabled_reason WHEN $7 THEN NULL ELSE 'Disabled by an admin' END,
           consecutive_failures = CASE WHEN $7 THEN 0 ELSE consecutive_failures END,
           updated_at = now()
          WHERE account_id = $1 AND id = $2
         RETURNING *
       )
       SELECT ${COLUMNS} FROM changed`,
      [
        accountId,
        id,
        change.url ?? null,
        change.events ?? null,
        change.description !== undefined,
        change.description ?? null,
        change.enabled ?? null,
      ],
    );
    return row;
  }

  async remove(accountId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH gone AS (DELETE FROM webhook_endpoints WHERE account_id = $1 AND id = $2 RETURNING id) SELECT id FROM gone`,
      [accountId, id],
    );
    return rows.length > 0;
  }

  /** A new secret; the current one keeps signing beside it for 24 hours. */
  async rotate(accountId: string, id: string, secret: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH rotated AS (
         UPDATE webhook_endpoints
            SET previous_secret = secret, previous_secret_expires_at = now() + ${ROTATION_OVERLAP}, secret = $3, updated_at = now()
          WHERE account_id = $1 AND id = $2
         RETURNING id
       )
       SELECT id FROM rotated`,
      [accountId, id, secret],
    );
    return rows.length > 0;
  }
}
