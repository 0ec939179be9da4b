import type {
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookEndpoint,
} from '../app/features/admin/webhooks/webhook-types';

/** Sample payloads for the webhooks pages' component tests, shaped like the API's answers. */

export const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3h3KXyWcAhY=';

export const TICKETS_ENDPOINT: WebhookEndpoint = {
  id: 'hook-tickets',
  url: 'https://tickets.example.com/hooks/rf',
  events: ['session.completed', 'session.rated'],
  description: 'Zendesk: close the ticket',
  enabled: true,
  disabled_reason: null,
  consecutive_failures: 0,
  created_at: '2026-11-20T09:00:00.000Z',
};

export const BROKEN_ENDPOINT: WebhookEndpoint = {
  id: 'hook-bot',
  url: 'https://bot.example.com/rf',
  events: ['step.feedback'],
  description: null,
  enabled: false,
  disabled_reason: '20 deliveries in a row failed',
  consecutive_failures: 20,
  created_at: '2026-11-21T09:00:00.000Z',
};

export const DELIVERED: WebhookDelivery = {
  id: 'msg-delivered',
  event_type: 'session.completed',
  status: 'succeeded',
  attempts: 2,
  last_response_status: 200,
  last_error: null,
  next_attempt_at: null,
  created_at: '2026-12-01T10:00:00.000Z',
  delivered_at: '2026-12-01T10:00:12.000Z',
};

export const GAVE_UP: WebhookDelivery = {
  id: 'msg-failed',
  event_type: 'session.rated',
  status: 'failed',
  attempts: 12,
  last_response_status: null,
  last_error: 'connect ECONNREFUSED 203.0.113.7:443',
  next_attempt_at: null,
  created_at: '2026-11-30T08:00:00.000Z',
  delivered_at: null,
};

export const RETRYING: WebhookDelivery = {
  id: 'msg-retrying',
  event_type: 'session.completed',
  status: 'retrying',
  attempts: 1,
  last_response_status: 503,
  last_error: null,
  next_attempt_at: '2026-12-01T11:00:30.000Z',
  created_at: '2026-12-01T11:00:00.000Z',
  delivered_at: null,
};

export const DELIVERED_DETAIL: WebhookDeliveryDetail = {
  ...DELIVERED,
  attempt_log: [
    {
      at: '2026-12-01T10:00:01.000Z',
      response_status: 500,
      duration_ms: 87,
      error: null,
      response_excerpt: '{"error":"database is down"}',
    },
    {
      at: '2026-12-01T10:00:12.000Z',
      response_status: 200,
      duration_ms: 35,
      error: null,
      response_excerpt: 'ok',
    },
  ],
};
