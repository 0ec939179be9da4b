import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, output, signal, type OnInit } from '@angular/core';

import { DialogComponent } from '../../../shared/dialog.component';
import { NoticeComponent } from '../../../shared/notice.component';
import { errorMessage } from '../api-errors';
import { DeliveryStatusComponent } from './delivery-status.component';
import type { WebhookDelivery, WebhookDeliveryDetail } from './webhook-types';
import { WebhooksService } from './webhooks.service';

/**
 * Every attempt of one delivery — when, the receiver's answer, how long it took, the error, the
 * start of the response body — and a button to send it again (a new attempt with the same
 * webhook-id, so a receiver that already has it can tell).
 */
@Component({
  selector: 'rf-delivery-detail-dialog',
  imports: [DatePipe, DialogComponent, NoticeComponent, DeliveryStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './delivery-detail-dialog.component.html',
  styleUrl: './delivery-detail-dialog.component.scss',
})
export class DeliveryDetailDialogComponent implements OnInit {
  private readonly webhooks = inject(WebhooksService);

  readonly endpointId = input.required<string>();
  /** The row that was opened: shown at once while its attempts load. */
  readonly delivery = input.required<WebhookDelivery>();
  readonly redelivered = output<WebhookDelivery>();
  readonly closed = output<void>();

  protected readonly detail = signal<WebhookDeliveryDetail | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly redelivering = signal(false);
  protected readonly redeliverError = signal<string | null>(null);

  async ngOnInit(): Promise<void> {
    await this.load();
  }

  protected async load(): Promise<void> {
    this.loadError.set(null);
    try {
      this.detail.set(await this.webhooks.delivery(this.endpointId(), this.delivery().id));
    } catch (error) {
      this.loadError.set(errorMessage(error, 'Could not load the attempts of this delivery.'));
    }
  }

  protected async redeliver(): Promise<void> {
    if (this.redelivering()) {
      return;
    }
    this.redelivering.set(true);
    this.redeliverError.set(null);
    try {
      await this.webhooks.redeliver(this.endpointId(), this.delivery().id);
      this.redelivered.emit(this.delivery());
    } catch (error) {
      this.redeliverError.set(errorMessage(error, 'Could not send it again.'));
    } finally {
      this.redelivering.set(false);
    }
  }

  protected isSuccess(status: number | null): boolean {
    return status !== null && status >= 200 && status < 300;
  }
}
