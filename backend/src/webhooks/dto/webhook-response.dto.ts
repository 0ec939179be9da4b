import { ApiProperty } from '@nestjs/swagger';

import type { AttemptRow, DeliveryRow } from '../webhook-deliveries.repository';
import type { EndpointRow } from '../webhook-endpoints.repository';
import { DELIVERY_STATUSES, DeliveryStatus, WEBHOOK_EVENTS, WebhookEvent } from '../webhook-events';

const iso = (value: Date | string | null): string | null => (value ? new Date(value).toISOString() : null);

/** An endpoint as lists show it: never the secret. */
export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uri' }) url: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true }) events: WebhookEvent[];
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ description: 'false: nothing is sent (disabled by an admin or after failures)' }) enabled: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '20 deliveries in a row failed',
    description: 'Why the endpoint is disabled; null while enabled',
  })
  disabled_reason: string | null;
  @ApiProperty({ description: 'Failed deliveries in a row; 20 disable the endpoint' }) consecutive_failures: number;
  @ApiProperty({ format: 'date-time' }) created_at: string;

  static from(row: EndpointRow): WebhookDto {
    return {
      id: row.id,
      url: row.url,
      events: row.events,
      description: row.description,
      enabled: row.enabled,
      disabled_reason: row.disabled_reason,
      consecutive_failures: row.consecutive_failures,
      created_at: iso(row.created_at) as string,
    };
  }
}

/** The answer to queueing a delivery (send test, redeliver): its id, to follow it in the log. */
export class QueuedDeliveryDto {
  @ApiProperty({
    format: 'uuid',
    description:
      "The queued delivery: follow it at GET /webhooks/{id}/deliveries/{delivery_id}. A redelivery keeps the delivery's id (the webhook-id header).",
  })
  delivery_id: string;
}

export class WebhookSecretDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwSKc5Qkzc5Ls=',
    description:
      'The signing secret: `whsec_` and 32 random bytes in base64; sign with the decoded bytes. Shown only when created or rotated.',
  })
  secret: string;
}

/** The answer to creating an endpoint: the only time, with rotation, the secret is shown. */
export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwSKc5Qkzc5Ls=',
    description: 'The signing secret (see WebhookSecret); shown only now',
  })
  secret: string;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'Sent as webhook-id, the same on every attempt' }) id: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS }) event_type: WebhookEvent;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status: DeliveryStatus;
  @ApiProperty({ description: 'Attempts made so far' }) attempts: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The HTTP status of the last attempt' })
  last_response_status: number | null;
  @ApiProperty({ nullable: true, type: String }) last_error: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When it is tried next' })
  next_attempt_at: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) delivered_at: string | null;

  static from(row: DeliveryRow): WebhookDeliveryDto {
    const waiting = row.status === 'pending' || row.status === 'retrying';
    return {
      id: row.id,
      event_type: row.event_type,
      status: row.status,
      attempts: row.attempts,
      last_response_status: row.last_response_status,
      last_error: row.last_error,
      next_attempt_at: waiting ? iso(row.next_attempt_at) : null,
      created_at: iso(row.created_at) as string,
      delivered_at: iso(row.delivered_at),
    };
  }
}

export class WebhookAttemptDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, type: Number, description: 'null: no answer (refused, timed out, address refused)' })
  response_status: number | null;
  @ApiProperty() duration_ms: number;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty({ nullable: true, type: String, maxLength: 1024, description: 'The first kilobyte of the answer' })
  response_excerpt: string | null;

  static from(row: AttemptRow): WebhookAttemptDto {
    return { ...row, at: iso(row.at) as string };
  }
}

export class WebhookDeliveryDetailDto extends WebhookDeliveryDto {
  @ApiProperty({ type: [WebhookAttemptDto], description: 'Every attempt, oldest first' })
  attempt_log: WebhookAttemptDto[];
}
