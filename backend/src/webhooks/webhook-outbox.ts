import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import type { WebhookEvent } from './webhook-events';

/**
 * The transactional outbox. A write statement queues its events with outboxCte(): one more
 * branch of its WITH that inserts a delivery per enabled endpoint of the account subscribed to
 * the event, for each row the statement changed. Commit ⇔ event, with no extra round trip; when
 * no endpoint subscribes, the branch is one index probe of webhook_endpoints and writes nothing.
 * The statement returns how many it queued (queuedCount) so this instance's worker is woken at
 * once (wake()); the other instances find them by polling.
 */
export function outboxCte(name: string, event: WebhookEvent, account: string, from: string, payload: string): string {
  return `${name} AS (
         INSERT INTO webhook_deliveries (account_id, endpoint_id, event_type, payload)
         SELECT ${account}, e.id, '${event}', ${payload}
           FROM ${from} JOIN webhook_endpoints e ON e.account_id = ${account} AND e.enabled AND '${event}' = ANY (e.events)
         RETURNING 1
       )`;
}

/** The column a statement with outbox branches returns: how many deliveries it queued. */
export const queuedCount = (...names: string[]): string =>
  `(${names.map((name) => `(SELECT count(*) FROM ${name})`).join(' + ')})::int AS webhook_events`;

type Listener = () => void;

/** Wakes this instance's webhook worker after a commit that queued deliveries. */
@Injectable()
export class WebhookOutbox {
  private listener?: Listener;

  onQueued(listener: Listener): void {
    this.listener = listener;
  }

  /** Call with the rows a statement with outbox branches returned. */
  queued(rows: readonly (object | undefined)[]): void {
    if (rows.some((row) => ((row as { webhook_events?: number } | undefined)?.webhook_events ?? 0) > 0)) this.wake();
  }

  wake(): void {
    this.listener?.();
  }

  /** Queues an event inside a transaction the caller runs (flows, tests); wake() after the commit. */
  async queueIn(manager: EntityManager, accountId: string, event: WebhookEvent, payload: unknown): Promise<number> {
    const rows: unknown[] = await manager.query(
      `WITH ${outboxCte('queued', event, '$1::uuid', '(SELECT $2::jsonb AS payload) p', 'p.payload')}
       SELECT 1 FROM queued`,
      [accountId, JSON.stringify(payload)],
    );
    return rows.length;
  }
}
