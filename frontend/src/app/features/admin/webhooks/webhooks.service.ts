import { inject, Injectable } from '@angular/core';

import { Api } from '../../../api/api';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  getWebhookDelivery,
  listWebhookDeliveries,
  listWebhooks,
  redeliverWebhookDelivery,
  rotateWebhookSecret,
  testWebhook,
  updateWebhook,
} from '../../../api/functions';
import type {
  CreatedWebhookEndpoint,
  DeliveryStatus,
  NewWebhookEndpoint,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookEndpoint,
  WebhookEndpointChanges,
} from './webhook-types';

/** How many deliveries the log shows, newest first (the API allows up to 200). */
export const DELIVERIES_SHOWN = 100;

/** A team admin's webhook endpoints and their deliveries log. */
@Injectable({ providedIn: 'root' })
export class WebhooksService {
  private readonly api = inject(Api);

  list(): Promise<WebhookEndpoint[]> {
    return this.api.invoke(listWebhooks);
  }

  get(id: string): Promise<WebhookEndpoint> {
    return this.api.invoke(getWebhook, { id });
  }

  /** The answer holds the signing secret: the only time, with rotate, that the server shows it. */
  create(input: NewWebhookEndpoint): Promise<CreatedWebhookEndpoint> {
    return this.api.invoke(createWebhook, { body: input });
  }

  update(id: string, changes: WebhookEndpointChanges): Promise<WebhookEndpoint> {
    return this.api.invoke(updateWebhook, { id, body: changes });
  }

  remove(id: string): Promise<void> {
    return this.api.invoke(deleteWebhook, { id });
  }

  rotateSecret(id: string): Promise<{ secret: string }> {
    return this.api.invoke(rotateWebhookSecret, { id });
  }

  /** The queued delivery's id: it shows up in the deliveries log. */
  sendTest(id: string): Promise<{ delivery_id: string }> {
    return this.api.invoke(testWebhook, { id });
  }

  deliveries(id: string, status: DeliveryStatus | null): Promise<WebhookDelivery[]> {
    return this.api.invoke(listWebhookDeliveries, {
      id,
      limit: DELIVERIES_SHOWN,
      ...(status ? { status } : {}),
    });
  }

  delivery(id: string, deliveryId: string): Promise<WebhookDeliveryDetail> {
    return this.api.invoke(getWebhookDelivery, { id, delivery_id: deliveryId });
  }

  redeliver(id: string, deliveryId: string): Promise<{ delivery_id: string }> {
    return this.api.invoke(redeliverWebhookDelivery, { id, delivery_id: deliveryId });
  }
}
