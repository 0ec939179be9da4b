import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  inject,
  InjectionToken,
  input,
  signal,
  type OnDestroy,
  type OnInit,
} from '@angular/core';
import { RouterLink } from '@angular/router';

import { LoadErrorComponent } from '../../../shared/load-error/load-error.component';
import { NoticeComponent } from '../../../shared/notice.component';
import { errorMessage } from '../api-errors';
import { DeliveryDetailDialogComponent } from './delivery-detail-dialog.component';
import { DeliveryStatusComponent } from './delivery-status.component';
import { WebhookStatusComponent } from './webhook-status.component';
import { DELIVERY_STATUSES, type DeliveryStatus, type WebhookDelivery, type WebhookEndpoint } from './webhook-types';
import { WebhooksService } from './webhooks.service';

/** How often the log looks again while a delivery is on its way (tests shorten it). */
export const DELIVERIES_POLL_MS = new InjectionToken<number>('DELIVERIES_POLL_MS', { factory: () => 2000 });

/** A retry further off than this is not waited for: the log stops looking until asked. */
const POLL_HORIZON_MS = 30_000;

/**
 * One endpoint's deliveries log, newest first: each event sent, whether it arrived, after how many
 * attempts and with which answer; filtered by status. A delivery opens on its attempts, and one
 * that failed (or any other) can be sent again. While a delivery is pending or due to be retried
 * shortly, the log refreshes itself.
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
export class WebhookDeliveriesPageComponent implements OnInit, OnDestroy {
  private readonly webhooks = inject(WebhooksService);
  private readonly pollMs = inject(DELIVERIES_POLL_MS);
  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

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

  ngOnDestroy(): void {
    this.destroyed = true;
    this.stopPolling();
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
      this.showDeliveries(deliveries);
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
      this.showDeliveries(await this.webhooks.deliveries(this.id(), this.status()));
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

  /** Shows the log and, while something is on its way, looks again shortly (quietly: no "Refreshing…"). */
  private showDeliveries(deliveries: WebhookDelivery[]): void {
    this.deliveries.set(deliveries);
    this.stopPolling();
    const now = Date.now();
    const waiting = deliveries.some(
      (delivery) =>
        delivery.status === 'pending' ||
        (delivery.status === 'retrying' &&
          (delivery.next_attempt_at === null || Date.parse(delivery.next_attempt_at) - now < POLL_HORIZON_MS)),
    );
    if (waiting) {
      this.pollTimer = setTimeout(() => void this.poll(), this.pollMs);
    }
  }

  private async poll(): Promise<void> {
    this.pollTimer = null;
    const status = this.status();
    try {
      const deliveries = await this.webhooks.deliveries(this.id(), status);
      // Gone, filtered otherwise or refreshed by hand meanwhile: this answer is stale.
      if (!this.destroyed && status === this.status() && this.pollTimer === null) {
        this.showDeliveries(deliveries);
      }
    } catch {
      // A missed look is not worth a message: Refresh is still there.
    }
  }

  private stopPolling(): void {
    if (this.pollTimer !== null) {
      clearTimeout(this.pollTimer);
      this.pollTimer = null;
    }
  }
}
