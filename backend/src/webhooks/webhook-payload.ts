import { SessionDetailRow } from '../sessions/sessions.repository';
import { toDetail } from '../sessions/sessions.service';
import type { WebhookEvent } from './webhook-events';

/**
 * The body of a delivery: `{type, timestamp, data}`, the same bytes on every attempt. Session
 * events store the session row as the writing statement returned it (a snapshot at commit) and
 * are shaped here by the mapper GET /sessions/{id} uses; other events store their data already
 * in the API's shape.
 */
export function deliveryBody(event: WebhookEvent, payload: unknown, createdAt: Date): string {
  const data =
    event === 'session.started' || event === 'session.completed' ? toDetail(payload as SessionDetailRow) : payload;
  return JSON.stringify({ type: event, timestamp: new Date(createdAt).toISOString(), data });
}
