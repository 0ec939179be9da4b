import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, signal, type OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';

import { LoadErrorComponent } from '../../../shared/load-error/load-error.component';
import { NoticeComponent } from '../../../shared/notice.component';
import { errorMessage } from '../api-errors';
import { DeliveryDetailDialogComponent } from './delivery-detail-dialog.component';
import { DeliveryStatusComponent } from './delivery-status.component';
import { WebhookStatusComponent } from './webhook-status.component';
import { DELIVERY_STATUSES, type DeliveryStatus, type WebhookDelivery, type WebhookEndpoint } from './webhook-types';
import { WebhooksService } from './webhooks.service';

/**
 * One endpoint's deliveries log, newest first: each event sent, whether it arrived, after how many
 * attempts and with which answer; filtered by status. A delivery opens on its attempts, and one
 * that failed (or any other) can be sent again.
 */
@Component({
  selector: 'rf-webhook-deliveries-page',
  imports: [
    DatePipe,
    RouterLink,
    LoadErrorComponent,
    NoticeComponent,
    DeliveryDetailDialogComponent,
    DeliveryStatusComponent,
    WebhookStatusComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './webhook-deliveries-page.component.html',
  styleUrl: './webhook-deliveries-page.component.scss',
})
export class WebhookDeliveriesPageComponent implements OnInit {
  private readonly webhooks = inject(WebhooksService);

  /** The endpoint's id, from the route. */
  readonly id = input.required<string>();

  protected readonly statuses = Object.entries(DELIVERY_STATUSES) as [DeliveryStatus, string][];
  protected readonly endpoint = signal<WebhookEndpoint | null>(null);
  protected readonly deliveries = signal<WebhookDelivery[]>([]);
  protected readonly status = signal<DeliveryStatus | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly success = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly testing = signal(false);
  /** The delivery whose attempts are open. */
  protected readonly opened = signal<WebhookDelivery | null>(null);

  async ngOnInit(): Promise<void> {
    await this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const [endpoint, deliveries] = await Promise.all([
        this.webhooks.get(this.id()),
        this.webhooks.deliveries(this.id(), this.status()),
      ]);
      this.endpoint.set(endpoint);
      this.deliveries.set(deliveries);
    } catch (error) {
      this.loadError.set(errorMessage(error, 'Could not load the deliveries.'));
    } finally {
      this.loading.set(false);
    }
  }

  protected async filter(event: Event): Promise<void> {
    const value = (event.target as HTMLSelectElement).value;
    this.status.set(value === '' ? null : (value as DeliveryStatus));
    await this.refresh();
  }

  /** The log again, as it is now (pending deliveries move on by themselves). */
  protected async refresh(): Promise<void> {
    this.loading.set(true);
    this.actionError.set(null);
    try {
      this.deliveries.set(await this.webhooks.deliveries(this.id(), this.status()));
    } catch (error) {
      this.actionError.set(errorMessage(error, 'Could not load the deliveries.'));
    } finally {
      this.loading.set(false);
    }
  }

  protected async sendTest(): Promise<void> {
    if (this.testing()) {
      return;
    }
    this.testing.set(true);
    this.success.set(null);
    this.actionError.set(null);
    try {
      await this.webhooks.sendTest(this.id());
      this.success.set('A webhook.test event is on its way. Refresh to follow its delivery.');
    } catch (error) {
      this.actionError.set(errorMessage(error, 'Could not send a test event.'));
    } finally {
      this.testing.set(false);
    }
    await this.refresh();
  }

  protected async onRedelivered(delivery: WebhookDelivery): Promise<void> {
    this.opened.set(null);
    this.success.set(`The ${delivery.event_type} event is queued to be sent again.`);
    await this.refresh();
  }
}
