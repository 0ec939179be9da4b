import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';

import { DialogComponent } from '../../../shared/dialog.component';
import { LoadErrorComponent } from '../../../shared/load-error/load-error.component';
import { NoticeComponent } from '../../../shared/notice.component';
import { RowActionComponent } from '../../../shared/row-action/row-action.component';
import { RowActionsComponent } from '../../../shared/row-actions/row-actions.component';
import { errorMessage } from '../api-errors';
import { WebhookFormDialogComponent } from './webhook-form-dialog.component';
import { WebhookSecretComponent, type ShownSecret } from './webhook-secret.component';
import { WebhookStatusComponent } from './webhook-status.component';
import type { CreatedWebhookEndpoint, WebhookEndpoint } from './webhook-types';
import { WebhooksService } from './webhooks.service';

/** What the confirmation dialog asks about. */
interface Confirming {
  action: 'delete' | 'rotate';
  endpoint: WebhookEndpoint;
}

/**
 * A team admin's webhook endpoints: where events go, which ones, and whether each still receives
 * them (the server turns an endpoint off after repeated failures, and says why). Add, edit, send a
 * test, rotate the signing secret (shown once), turn off and on, delete; the deliveries log of each
 * endpoint is a page of its own.
 */
@Component({
  selector: 'rf-webhooks-page',
  imports: [
    DatePipe,
    RouterLink,
    DialogComponent,
    LoadErrorComponent,
    NoticeComponent,
    RowActionComponent,
    RowActionsComponent,
    WebhookFormDialogComponent,
    WebhookSecretComponent,
    WebhookStatusComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './webhooks-page.component.html',
  styleUrl: './webhooks-page.component.scss',
})
export class WebhooksPageComponent implements OnInit {
  private readonly webhooks = inject(WebhooksService);

  protected readonly endpoints = signal<WebhookEndpoint[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly success = signal<string | null>(null);
  /** A failed action, shown under the row it concerns. */
  protected readonly rowError = signal<{ endpointId: string; message: string } | null>(null);
  protected readonly busyId = signal<string | null>(null);
  /** The form dialog: 'new', an endpoint to edit, or closed. */
  protected readonly editing = signal<WebhookEndpoint | 'new' | null>(null);
  /** A secret just made or rotated: shown until dismissed, then never again. */
  protected readonly shownSecret = signal<ShownSecret | null>(null);
  protected readonly confirming = signal<Confirming | null>(null);
  protected readonly confirmError = signal<string | null>(null);

  async ngOnInit(): Promise<void> {
    await this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      this.endpoints.set(await this.webhooks.list());
    } catch (error) {
      this.loadError.set(errorMessage(error, 'Could not load the webhook endpoints.'));
    } finally {
      this.loading.set(false);
    }
  }

  protected openCreate(): void {
    this.clearMessages();
    this.shownSecret.set(null);
    this.editing.set('new');
  }

  protected openEdit(endpoint: WebhookEndpoint): void {
    this.clearMessages();
    this.editing.set(endpoint);
  }

  protected editedEndpoint(): WebhookEndpoint | null {
    const editing = this.editing();
    return editing === 'new' ? null : editing;
  }

  protected onCreated(created: CreatedWebhookEndpoint): void {
    this.editing.set(null);
    const { secret, ...endpoint } = created;
    this.endpoints.update((endpoints) => [...endpoints, endpoint]);
    this.shownSecret.set({ endpointId: endpoint.id, endpointUrl: endpoint.url, secret, rotated: false });
  }

  protected onSaved(endpoint: WebhookEndpoint): void {
    this.editing.set(null);
    this.replace(endpoint);
    this.success.set(`The endpoint ${endpoint.url} is saved.`);
  }

  protected async sendTest(endpoint: WebhookEndpoint): Promise<void> {
    await this.act(endpoint, async () => {
      await this.webhooks.sendTest(endpoint.id);
      this.success.set(`A webhook.test event is on its way to ${endpoint.url}: see its deliveries.`);
    });
  }

  protected async setEnabled(endpoint: WebhookEndpoint, enabled: boolean): Promise<void> {
    await this.act(endpoint, async () => {
      const updated = await this.webhooks.update(endpoint.id, { enabled });
      this.replace(updated);
      this.success.set(
        enabled
          ? `${endpoint.url} receives events again.`
          : `${endpoint.url} is turned off: it receives nothing until you turn it on.`,
      );
    });
  }

  protected ask(action: Confirming['action'], endpoint: WebhookEndpoint): void {
    this.clearMessages();
    this.confirming.set({ action, endpoint });
  }

  protected async confirm(): Promise<void> {
    const confirming = this.confirming();
    if (!confirming || this.busyId()) {
      return;
    }
    const { action, endpoint } = confirming;
    this.busyId.set(endpoint.id);
    this.confirmError.set(null);
    try {
      if (action === 'delete') {
        await this.webhooks.remove(endpoint.id);
        this.endpoints.update((endpoints) => endpoints.filter((candidate) => candidate.id !== endpoint.id));
        if (this.shownSecret()?.endpointId === endpoint.id) {
          this.shownSecret.set(null);
        }
        this.success.set(`The endpoint ${endpoint.url} is deleted, with its deliveries log.`);
      } else {
        const { secret } = await this.webhooks.rotateSecret(endpoint.id);
        this.shownSecret.set({ endpointId: endpoint.id, endpointUrl: endpoint.url, secret, rotated: true });
      }
      this.confirming.set(null);
    } catch (error) {
      this.confirmError.set(
        errorMessage(error, action === 'delete' ? 'Could not delete the endpoint.' : 'Could not rotate the secret.'),
      );
    } finally {
      this.busyId.set(null);
    }
  }

  /** Runs a row's action with the row marked busy; a failure is shown under the row. */
  private async act(endpoint: WebhookEndpoint, action: () => Promise<void>): Promise<void> {
    if (this.busyId()) {
      return;
    }
    this.clearMessages();
    this.busyId.set(endpoint.id);
    try {
      await action();
    } catch (error) {
      this.rowError.set({ endpointId: endpoint.id, message: errorMessage(error, 'That did not work. Try again.') });
    } finally {
      this.busyId.set(null);
    }
  }

  private replace(endpoint: WebhookEndpoint): void {
    this.endpoints.update((endpoints) =>
      endpoints.map((candidate) => (candidate.id === endpoint.id ? endpoint : candidate)),
    );
  }

  private clearMessages(): void {
    this.success.set(null);
    this.rowError.set(null);
    this.confirmError.set(null);
  }
}
