import { Global, Module } from '@nestjs/common';

import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { WebhookOutbox } from './webhook-outbox';
import { WebhookPruner } from './webhook-pruner';
import { WebhookWorker } from './webhook-worker';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Webhooks: the endpoints API, the outbox every write statement queues into, the worker and the pruner. */
@Global()
@Module({
  controllers: [WebhooksController],
  providers: [
    WebhookOutbox,
    WebhookEndpointsRepository,
    WebhookDeliveriesRepository,
    WebhooksService,
    WebhookWorker,
    WebhookPruner,
  ],
  // For the repositories of sessions, feedback and flows, which queue events in their statements.
  exports: [WebhookOutbox],
})
export class WebhooksModule {}
