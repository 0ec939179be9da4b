import { Logger } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { DataSource } from 'typeorm';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One fixed window per key in PostgreSQL (table rate_limits), counted and decided in one
 * statement under the row's lock, so N instances share one count: 10 guesses per e-mail stay 10,
 * not 10 × N. Past the limit the key is blocked for `blockDuration`, and blocked hits do not
 * extend it. `now()` is the database's clock: instances with skewed clocks agree.
 */
const INCREMENT_SQL = `
  INSERT INTO rate_limits AS r (key, hits, window_ends, blocked_until)
  VALUES ($1, 1, now() + $2 * interval '1 millisecond', CASE WHEN $3::int < 1 THEN now() + $4 * interval '1 millisecond' END)
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN r.blocked_until > now() THEN r.hits WHEN r.window_ends <= now() THEN 1 ELSE r.hits + 1 END,
    window_ends = CASE WHEN r.blocked_until > now() OR r.window_ends > now() THEN r.window_ends ELSE EXCLUDED.window_ends END,
    blocked_until = CASE
      WHEN r.blocked_until > now() THEN r.blocked_until
      WHEN (CASE WHEN r.window_ends <= now() THEN 1 ELSE r.hits + 1 END) > $3::int THEN now() + $4 * interval '1 millisecond'
    END
  RETURNING hits, blocked_until > now() AS blocked,
            greatest(0, ceil(extract(epoch FROM window_ends - now())))::int AS window_seconds,
            greatest(0, ceil(extract(epoch FROM blocked_until - now())))::int AS block_seconds`;

/** Keys whose window and block have both ended, a while ago. */
const SWEEP_SQL = `DELETE FROM rate_limits WHERE window_ends < now() - interval '5 minutes' AND coalesce(blocked_until, '-infinity') < now()`;
const SWEEP_EVERY_MS = 60_000;

/**
 * The throttler's storage: the limits named in `shared` (login and register, per IP and per
 * e-mail) count in PostgreSQL across instances; the rest (the global per-IP ceiling, on every
 * request) in this instance's memory, where a database write per request would cost more than
 * the ceiling is worth (enforce a strict global one at the proxy; docs/security.md).
 */
export class SharedThrottlerStorage implements ThrottlerStorage {
  private readonly local = new ThrottlerStorageService();
  private readonly logger = new Logger('Throttling');
  private lastSweep = Date.now();

  constructor(
    private readonly dataSource: DataSource,
    private readonly shared: ReadonlySet<string>,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    if (!this.shared.has(throttlerName)) return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    this.sweepNowAndThen();
    const [row]: { hits: number; blocked: boolean | null; window_seconds: number; block_seconds: number | null }[] =
      await this.dataSource.query(INCREMENT_SQL, [`${throttlerName}:${key}`, ttl, limit, blockDuration]);
    const isBlocked = row.blocked === true;
    return {
      totalHits: isBlocked ? limit + 1 : row.hits,
      timeToExpire: row.window_seconds,
      isBlocked,
      timeToBlockExpire: isBlocked ? (row.block_seconds ?? 0) : 0,
    };
  }

  private sweepNowAndThen(): void {
    if (Date.now() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = Date.now();
    this.dataSource
      .query(SWEEP_SQL)
      .catch((error: unknown) => this.logger.warn(`rate_limits sweep failed: ${String(error)}`));
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
  }
}
