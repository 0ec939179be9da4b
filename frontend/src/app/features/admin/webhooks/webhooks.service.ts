import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { ApiConfiguration } from '../../../api/api-configuration';
import type {
  CreatedWebhookEndpoint,
  DeliveryStatus,
  NewWebhookEndpoint,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookEndpoint,
  WebhookEndpointChanges,
} from './webhook-types';

/** A team admin's webhook endpoints and their deliveries log. */
@Injectable({ providedIn: 'root' })
export class WebhooksService {
  private readonly http = inject(HttpClient);
  private readonly config = inject(ApiConfiguration);

  private url(path = ''): string {
    return `${this.config.rootUrl}/api/v1/webhooks${path}`;
  }

  list(): Promise<WebhookEndpoint[]> {
    return firstValueFrom(this.http.get<WebhookEndpoint[]>(this.url()));
  }

  get(id: string): Promise<WebhookEndpoint> {
    return firstValueFrom(this.http.get<WebhookEndpoint>(this.url(`/${id}`)));
  }

  /** The answer holds the signing secret: the only time, with rotate, that the server shows it. */
  create(input: NewWebhookEndpoint): Promise<CreatedWebhookEndpoint> {
    return firstValueFrom(this.http.post<CreatedWebhookEndpoint>(this.url(), input));
  }

  update(id: string, changes: WebhookEndpointChanges): Promise<WebhookEndpoint> {
    return firstValueFrom(this.http.patch<WebhookEndpoint>(this.url(`/${id}`), changes));
  }

  remove(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(this.url(`/${id}`)));
  }

  rotateSecret(id: string): Promise<{ secret: string }> {
    return firstValueFrom(this.http.post<{ secret: string }>(this.url(`/${id}/rotate-secret`), {}));
  }

  sendTest(id: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(this.url(`/${id}/test`), {}));
  }

  deliveries(id: string, status: DeliveryStatus | null): Promise<WebhookDelivery[]> {
    const params: Record<string, string> = status ? { status } : {};
    return firstValueFrom(this.http.get<WebhookDelivery[]>(this.url(`/${id}/deliveries`), { params }));
  }

  delivery(id: string, deliveryId: string): Promise<WebhookDeliveryDetail> {
    return firstValueFrom(this.http.get<WebhookDeliveryDetail>(this.url(`/${id}/deliveries/${deliveryId}`)));
  }

  redeliver(id: string, deliveryId: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(this.url(`/${id}/deliveries/${deliveryId}/redeliver`), {}));
  }
}
