import type { createWebhook, getWebhookDelivery, listWebhookDeliveries, listWebhooks } from '../../../api/functions';
import type { CreateWebhookDto, UpdateWebhookDto } from '../../../api/models';
import type { ApiBody } from '../../../core/api-types';

/** The webhooks API's shapes, taken from the generated client (backend/openapi.json). */
export type WebhookEndpoint = ApiBody<typeof listWebhooks>[number];
export type CreatedWebhookEndpoint = ApiBody<typeof createWebhook>;
export type NewWebhookEndpoint = CreateWebhookDto;
export type WebhookEndpointChanges = UpdateWebhookDto;
export type WebhookEvent = WebhookEndpoint['events'][number];
export type WebhookDelivery = ApiBody<typeof listWebhookDeliveries>[number];
export type DeliveryStatus = WebhookDelivery['status'];
export type WebhookDeliveryDetail = ApiBody<typeof getWebhookDelivery>;
export type DeliveryAttempt = WebhookDeliveryDetail['attempt_log'][number];

/** The events the form offers; `webhook.test` is sent on request, whatever an endpoint subscribes to. */
export type SubscribableEvent = Exclude<WebhookEvent, 'webhook.test'>;

/** Every event an endpoint may subscribe to, in the order the form shows them, with what it means. */
export const EVENT_CHOICES: Record<SubscribableEvent, { label: string; hint: string }> = {
  'session.started': { label: 'Session started', hint: 'An engineer starts a flow' },
  'session.completed': { label: 'Session completed', hint: 'A session ends, with its outcome and durations' },
  'session.rated': { label: 'Session rated', hint: 'A session gets or changes its rating' },
  'step.feedback': { label: 'Step feedback', hint: 'A “was this helpful?” vote is set, changed or removed' },
  'flow.published': { label: 'Flow published', hint: 'A team admin publishes a flow' },
};

export const WEBHOOK_EVENTS = Object.keys(EVENT_CHOICES) as SubscribableEvent[];

/** The statuses the deliveries log filters by, with their label; typed against the client, so a new status fails the build until named here. */
export const DELIVERY_STATUSES: Record<DeliveryStatus, string> = {
  pending: 'Pending',
  retrying: 'Retrying',
  succeeded: 'Succeeded',
  failed: 'Failed',
};
