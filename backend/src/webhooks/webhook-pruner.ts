import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';

const EVERY_MS = 10 * 60_000;
export const KEEP_DAYS = 30;
const BATCH = 5000;

/**
 * Every ten minutes, deletes deliveries (and their attempts) older than 30 days, in batches so
 * no statement holds many locks. Any instance may run it; running it twice at once is harmless.
 */
@Injectable()
export class WebhookPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookPruner.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly deliveries: WebhookDeliveriesRepository) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.prune(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Deletes old deliveries until none is left; how many. */
  async prune(): Promise<number> {
    let total = 0;
    try {
      for (let n = BATCH; n === BATCH; total += n) n = await this.deliveries.prune(KEEP_DAYS, BATCH);
    } catch (error) {
      this.logger.warn(`Pruning webhook deliveries failed: ${(error as Error).message}`);
    }
    return total;
  }
}
