/**
 * The webhooks API's shapes (issue 23's contract). Hand-written until the generated client has
 * the webhooks operations; then derived from it like token-types.ts.
 */
export type WebhookEvent =
  'session.started' | 'session.completed' | 'session.rated' | 'step.feedback' | 'flow.published';

export interface WebhookEndpoint {
  id: string;
  url: string;
  events: WebhookEvent[];
  description: string | null;
  enabled: boolean;
  disabled_reason: string | null;
  consecutive_failures: number;
  created_at: string;
}

export interface CreatedWebhookEndpoint extends WebhookEndpoint {
  secret: string;
}

export interface NewWebhookEndpoint {
  url: string;
  events: WebhookEvent[];
  description?: string;
}

export interface WebhookEndpointChanges {
  url?: string;
  events?: WebhookEvent[];
  description?: string | null;
  enabled?: boolean;
}

export type DeliveryStatus = 'pending' | 'retrying' | 'succeeded' | 'failed';

export interface WebhookDelivery {
  id: string;
  event_type: WebhookEvent;
  status: DeliveryStatus;
  attempts: number;
  last_response_status: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface DeliveryAttempt {
  at: string;
  response_status: number | null;
  duration_ms: number;
  error: string | null;
  response_excerpt: string | null;
}

export interface WebhookDeliveryDetail extends WebhookDelivery {
  attempt_log: DeliveryAttempt[];
}

/** Every event an endpoint may subscribe to, in the order the form shows them, with what it means. */
export const EVENT_CHOICES: Record<SubscribableEvent, { label: string; hint: string }> = {
  'session.started': { label: 'Session started', hint: 'An engineer starts a flow' },
  'session.completed': { label: 'Session completed', hint: 'A session ends, with its outcome and durations' },
  'session.rated': { label: 'Session rated', hint: 'A session gets or changes its rating' },
  'step.feedback': { label: 'Step feedback', hint: 'A “was this helpful?” vote is set, changed or removed' },
  'flow.published': { label: 'Flow published', hint: 'A team admin publishes a flow' },
};

export const WEBHOOK_EVENTS = Object.keys(EVENT_CHOICES) as SubscribableEvent[];

/** The statuses the deliveries log filters by, with their label. */
export const DELIVERY_STATUSES: Record<DeliveryStatus, string> = {
  pending: 'Pending',
  retrying: 'Retrying',
  succeeded: 'Succeeded',
  failed: 'Failed',
};
