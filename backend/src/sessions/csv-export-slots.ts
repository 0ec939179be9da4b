import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';

import { appConfig } from '../config/app.config';

/**
 * How many sessions CSV exports each account runs at once on this instance. An export holds a
 * pooled connection and a read snapshot while it streams (SessionsRepository.all), so without a
 * cap one account's parallel downloads could take every connection of the pool.
 */
@Injectable()
export class CsvExportSlots {
  private readonly running = new Map<string, number>();

  constructor(@Inject(appConfig.KEY) private readonly config: ConfigType<typeof appConfig>) {}

  /** How long an export may move nothing before it is ended (sessionsCsv). */
  get idleMs(): number {
    return this.config.sessionsExport.idleMs;
  }

  /** Takes one of the account's slots; the function given back returns it (once). 429 when all are taken. */
  take(accountId: string): () => void {
    const running = this.running.get(accountId) ?? 0;
    if (running >= this.config.sessionsExport.perAccount) {
      throw new HttpException(
        `Your account already runs ${running} sessions export${running === 1 ? '' : 's'} at once, the most allowed; retry when one has finished`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    this.running.set(accountId, running + 1);
    let returned = false;
    return () => {
      if (returned) return;
      returned = true;
      const left = (this.running.get(accountId) ?? 1) - 1;
      if (left) this.running.set(accountId, left);
      else this.running.delete(accountId);
    };
  }
}
