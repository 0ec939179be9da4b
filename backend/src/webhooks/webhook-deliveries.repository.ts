import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { preparedQuery } from '../database/prepared-query';
import type { DeliveryStatus, WebhookEvent } from './webhook-events';

/** A delivery as the log lists it. */
export interface DeliveryRow {
  id: string;
  event_type: WebhookEvent;
  status: DeliveryStatus;
  attempts: number;
  last_response_status: number | null;
  last_error: string | null;
  next_attempt_at: Date | null;
  created_at: Date;
  delivered_at: Date | null;
}

export interface AttemptRow {
  at: Date;
  response_status: number | null;
  duration_ms: number;
  error: string | null;
  response_excerpt: string | null;
}

/** A delivery a worker has claimed: what to send, where, signed with which secrets. */
export interface ClaimedDelivery {
  account_id: string;
  id: string;
  endpoint_id: string;
  event_type: WebhookEvent;
  payload: unknown;
  created_at: Date;
  window_start: Date;
  attempts: number;
  lease: string;
  url: string;
  secret: string;
  previous_secret: string | null;
}

/** The outcome of one attempt, as the worker decided it. */
export interface AttemptResult {
  status: Exclude<DeliveryStatus, 'pending'>;
  nextAttemptAt: Date | null;
  responseStatus: number | null;
  error: string | null;
  excerpt: string | null;
  durationMs: number;
  at: Date;
  /** Disable the endpoint now (410 Gone), with this reason. */
  disable: string | null;
}

/** Failed deliveries in a row after which an endpoint is disabled. */
export const DISABLE_AFTER_FAILURES = 20;

const COLUMNS = `id, event_type, status, attempts, last_response_status, last_error, next_attempt_at, created_at, delivered_at`;

/** The SQL of the outbox (webhook_deliveries) and its attempts. */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Newest first, ties by id; `before` (keyset paging) keeps only the rows after that delivery in
   * this order. When `before` is no delivery of this endpoint, nothing comes after it: an empty page.
   */
  list(
    accountId: string,
    endpointId: string,
    status: DeliveryStatus | undefined,
    limit: number,
    before?: string,
  ): Promise<DeliveryRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_deliveries d
        WHERE account_id = $1 AND endpoint_id = $2 AND ($3::text IS NULL OR status = $3)
          AND ($5::uuid IS NULL OR EXISTS (
                SELECT 1 FROM webhook_deliveries c
                 WHERE c.account_id = $1 AND c.endpoint_id = $2 AND c.id = $5
                   AND (d.created_at < c.created_at OR (d.created_at = c.created_at AND d.id > c.id))))
        ORDER BY created_at DESC, id LIMIT $4`,
      [accountId, endpointId, status ?? null, limit, before ?? null],
    );
  }

  async find(
    accountId: string,
    endpointId: string,
    id: string,
  ): Promise<(DeliveryRow & { attempt_list: AttemptRow[] }) | undefined> {
    const [row]: (DeliveryRow & { attempt_list: AttemptRow[] })[] = await this.dataSource.query(
      `SELECT ${COLUMNS},
              (SELECT coalesce(json_agg(json_build_object('at', a.at, 'response_status', a.response_status,
                        'duration_ms', a.duration_ms, 'error', a.error, 'response_excerpt', a.response_excerpt) ORDER BY a.at, a.id), '[]')
                 FROM webhook_attempts a WHERE a.account_id = d.account_id AND a.delivery_id = d.id) AS attempt_list
         FROM webhook_deliveries d WHERE account_id = $1 AND endpoint_id = $2 AND id = $3`,
      [accountId, endpointId, id],
    );
    return row;
  }

  /** Sends the delivery again now, with a fresh retry window; the webhook-id stays its id. */
  async redeliver(accountId: string, endpointId: string, id: string): Promise<boolean> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH again AS (
         -- lease = NULL: a send still in flight may then not record over the redelivery (its lease is gone).
         UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = now(), window_start = now(), lease = NULL
          WHERE account_id = $1 AND endpoint_id = $2 AND id = $3
         RETURNING id
       )
       SELECT id FROM again`,
      [accountId, endpointId, id],
    );
    return rows.length > 0;
  }

  /** A webhook.test event for one endpoint, whatever it subscribes to: its delivery id; undefined when the endpoint does not exist. */
  async queueTest(accountId: string, endpointId: string): Promise<string | undefined> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH queued AS (
         INSERT INTO webhook_deliveries (account_id, endpoint_id, event_type, payload)
         SELECT e.account_id, e.id, 'webhook.test',
                jsonb_build_object('endpoint_id', e.id, 'message', 'A test event from ResolutionFlow')
           FROM webhook_endpoints e WHERE e.account_id = $1 AND e.id = $2
         RETURNING id
       )
       SELECT id FROM queued`,
      [accountId, endpointId],
    );
    return rows[0]?.id;
  }

  /**
   * Claims up to `limit` due deliveries of enabled endpoints, across accounts: FOR UPDATE SKIP
   * LOCKED lets every instance claim at once without waiting on, or taking, another's rows; the
   * claim moves next_attempt_at past the lease and marks the row with a fresh lease id in the same
   * statement, so once committed no other worker sees the delivery due until the lease runs out
   * (the claimer died), and only the lease holder's result is recorded.
   */
  claim(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    return preparedQuery<ClaimedDelivery>(
      this.dataSource,
      'rf_webhook_claim',
      `WITH due AS (
         SELECT d.account_id, d.id FROM webhook_deliveries d
           JOIN webhook_endpoints e ON e.account_id = d.account_id AND e.id = d.endpoint_id AND e.enabled
          WHERE d.status IN ('pending', 'retrying') AND d.next_attempt_at <= now()
          ORDER BY d.next_attempt_at
          LIMIT $1
          FOR UPDATE OF d SKIP LOCKED
       ), claimed AS (
         UPDATE webhook_deliveries d SET next_attempt_at = now() + $2 * interval '1 millisecond', lease = gen_random_uuid()
           FROM due WHERE d.account_id = due.account_id AND d.id = due.id
         RETURNING d.*
       )
       SELECT c.account_id, c.id, c.endpoint_id, c.event_type, c.payload, c.created_at, c.window_start, c.attempts, c.lease,
              e.url, e.secret, CASE WHEN e.previous_secret_expires_at > now() THEN e.previous_secret END AS previous_secret
         FROM claimed c JOIN webhook_endpoints e ON e.account_id = c.account_id AND e.id = c.endpoint_id`,
      [limit, leaseMs],
    );
  }

  /**
   * Records attempts (the results of one moment, in one statement), each only if its worker still
   * holds the delivery's lease: the delivery's new state, the attempt in the log, and each
   * endpoint's run of failed deliveries (reset by a success; a success with no run behind it
   * leaves the endpoint row untouched, so a busy endpoint is not a hot row). At
   * DISABLE_AFTER_FAILURES in a row, or on `disable` (410), the endpoint is disabled.
   */
  async record(results: { delivery: ClaimedDelivery; result: AttemptResult }[]): Promise<void> {
    const column = <T>(pick: (entry: { delivery: ClaimedDelivery; result: AttemptResult }) => T) => results.map(pick);
    const run = `CASE WHEN p.succeeded THEN p.failed ELSE e.consecutive_failures + p.failed END`;
    await preparedQuery(
      this.dataSource,
      'rf_webhook_record',
      `WITH r AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::int[], $7::text[],
                              $8::text[], $9::int[], $10::timestamptz[], $11::text[])
           AS r(account_id, id, lease, status, next_at, response_status, error, excerpt, duration_ms, at, disable)
       ), d AS (
         UPDATE webhook_deliveries d SET attempts = d.attempts + 1, status = r.status, next_attempt_at = r.next_at,
                last_response_status = r.response_status, last_error = r.error, lease = NULL,
                delivered_at = CASE WHEN r.status = 'succeeded' THEN r.at END
           FROM r
          WHERE d.account_id = r.account_id AND d.id = r.id AND d.lease = r.lease
         RETURNING d.account_id, d.id, d.endpoint_id, d.status
       ), logged AS (
         INSERT INTO webhook_attempts (account_id, delivery_id, at, response_status, duration_ms, error, response_excerpt)
         SELECT r.account_id, r.id, r.at, r.response_status, r.duration_ms, r.error, r.excerpt
           FROM r JOIN d ON d.account_id = r.account_id AND d.id = r.id
       ), p AS (
         SELECT d.account_id, d.endpoint_id, bool_or(d.status = 'succeeded') AS succeeded,
                (count(*) FILTER (WHERE d.status = 'failed'))::int AS failed, max(r.disable) AS disable
           FROM d JOIN r ON r.account_id = d.account_id AND r.id = d.id
          GROUP BY 1, 2
       ), endpoint AS (
         UPDATE webhook_endpoints e SET
           consecutive_failures = ${run},
           enabled = e.enabled AND p.disable IS NULL AND ${run} < ${DISABLE_AFTER_FAILURES},
           disabled_reason = CASE
             WHEN NOT e.enabled THEN e.disabled_reason
             WHEN p.disable IS NOT NULL THEN p.disable
             WHEN ${run} >= ${DISABLE_AFTER_FAILURES} THEN '${DISABLE_AFTER_FAILURES} deliveries in a row failed'
             ELSE e.disabled_reason END,
           updated_at = now()
           FROM p
          WHERE e.account_id = p.account_id AND e.id = p.endpoint_id
            AND (p.disable IS NOT NULL OR p.failed > 0 OR (p.succeeded AND e.consecutive_failures > 0))
       )
       SELECT 1`,
      [
        column((e) => e.delivery.account_id),
        column((e) => e.delivery.id),
        column((e) => e.delivery.lease),
        column((e) => e.result.status),
        column((e) => e.result.nextAttemptAt),
        column((e) => e.result.responseStatus),
        column((e) => e.result.error),
        column((e) => e.result.excerpt),
        column((e) => e.result.durationMs),
        column((e) => e.result.at),
        column((e) => e.result.disable),
      ],
    );
  }

  /** Gives claimed deliveries back (a shutdown): due again now, for any instance. */
  async release(deliveries: ClaimedDelivery[]): Promise<void> {
    if (!deliveries.length) return;
    await this.dataSource.query(
      `UPDATE webhook_deliveries d SET next_attempt_at = now(), lease = NULL
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS r(account_id, id, lease)
        WHERE d.account_id = r.account_id AND d.id = r.id AND d.lease = r.lease`,
      [deliveries.map((d) => d.account_id), deliveries.map((d) => d.id), deliveries.map((d) => d.lease)],
    );
  }

  /** Deletes up to `batch` deliveries older than `days` days (with their attempts); how many. */
  async prune(days: number, batch: number): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH old AS (
         SELECT account_id, id FROM webhook_deliveries WHERE created_at < now() - make_interval(days => $1) LIMIT $2
       ), gone AS (
         DELETE FROM webhook_deliveries d USING old WHERE d.account_id = old.account_id AND d.id = old.id RETURNING 1
       )
       SELECT 1 FROM gone`,
      [days, batch],
    );
    return rows.length;
  }
}
