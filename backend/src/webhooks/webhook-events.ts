/** The events an endpoint may subscribe to (docs/webhooks.md describes each payload). */
export const WEBHOOK_EVENTS = [
  'session.started',
  'session.completed',
  'session.rated',
  'step.feedback',
  'flow.published',
  'webhook.test',
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const DELIVERY_STATUSES = ['pending', 'retrying', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
