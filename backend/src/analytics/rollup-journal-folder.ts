import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { foldJournal } from './rollup/rollup-fold';

/** Often enough that readers, who add the journal to every rollup they read, find it short. */
const EVERY_MS = 200;

/**
 * Folds the rollup journal into the rollup tables (rollup-fold.ts) every 200 ms while the API
 * runs. Reads are exact whether or not a fold has run, so this only keeps the journal short.
 * Any number of instances may fold at once: each takes journal rows the others do not hold.
 */
@Injectable()
export class RollupJournalFolder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RollupJournalFolder.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  /** Set while folds fail (the database is away): one warning per outage, not five a second. */
  private failing = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.fold(), EVERY_MS);
    // Never what keeps the process alive.
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    // The pool closes after this: a fold in flight finishes first.
    await this.running;
  }

  /** One round of folding, unless the last one is still running. */
  fold(): Promise<void> {
    this.running ??= this.foldAll().finally(() => (this.running = undefined));
    return this.running;
  }

  private async foldAll(): Promise<void> {
    try {
      // Prepared: the statement is large, and planning it five times a second on an idle journal would cost more than folding.
      await foldJournal({ query: (sql) => preparedQuery(this.dataSource, 'rf_fold_journal', sql, []) });
      if (this.failing) this.logger.log('Folding the rollup journal works again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`Folding the rollup journal failed (retrying every ${EVERY_MS} ms): ${(error as Error).message}`);
      this.failing = true;
    }
  }
}
