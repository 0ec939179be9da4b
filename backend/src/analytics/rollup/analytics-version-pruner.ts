import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { PRUNE_VERSIONS_SQL } from './analytics-version';

const EVERY_MS = 10 * 60_000;

/**
 * Every ten minutes, drops the analytics version rows of database backends that have exited
 * (connections the pool closed, API restarts), so an account's version stays a few values
 * long. Any instance may run it; running it twice at once is harmless.
 */
@Injectable()
export class AnalyticsVersionPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AnalyticsVersionPruner.name);
  private timer?: NodeJS.Timeout;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.prune(), EVERY_MS);
    // Never what keeps the process alive.
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async prune(): Promise<void> {
    try {
      await this.dataSource.query(PRUNE_VERSIONS_SQL);
    } catch (error) {
      this.logger.warn(`Pruning analytics versions failed: ${(error as Error).message}`);
    }
  }
}
