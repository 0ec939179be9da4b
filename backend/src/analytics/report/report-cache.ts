import { AnalyticsWindow } from './analytics-window';

/**
 * Reports already computed, each with the account's analytics version it was computed at
 * (rollup/analytics-version.ts). A request whose snapshot shows the same version gets the same
 * report without recomputing it: same version, same data, so the same figures, and a write
 * committed before the request moved the version, so read-your-writes holds. Least recently used
 * reports go first once `capacity` is reached; 0 turns the cache off. Requests that arrive while
 * the same report is being computed at the same version wait for that computation instead of
 * repeating it: after a write, the next burst of readers computes the report once.
 *
 * Per process: API instances behind a load balancer each keep their own, and each checks the
 * version in the database, so they never disagree. Cached reports are shared between responses:
 * nothing downstream may modify them (the controller only serializes them, to JSON or CSV).
 */
export class ReportCache {
  private readonly entries = new Map<string, { version: string; report: unknown }>();
  /** Computations under way, by key and version: concurrent requests for one report share one. */
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The report computed at `version` under `key`, or what `compute` gives (then kept). */
  async through<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry?.version === version) {
      // Map order is insertion order: re-inserting marks it most recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.report as T;
    }
    if (this.capacity === 0) return compute();
    const id = `${version}\u0000${key}`;
    const shared = this.pending.get(id) as Promise<T> | undefined;
    if (shared) {
      // Someone else's failure (their connection, their timeout) is not this request's: compute then.
      return shared.catch(() => compute());
    }
    const computing = compute();
    this.pending.set(id, computing);
    try {
      const report = await computing;
      this.remember(key, version, report);
      return report;
    } finally {
      this.pending.delete(id);
    }
  }

  private remember(key: string, version: string, report: unknown): void {
    this.entries.delete(key);
    this.entries.set(key, { version, report });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
  }
}

/** What a report depends on besides the data: its kind, scope, who may see what, and the window. */
export function reportKey(
  kind: string,
  scope: (string | boolean | null | undefined)[],
  window: AnalyticsWindow,
): string {
  return JSON.stringify([
    kind,
    ...scope,
    window.period,
    window.tz,
    window.from,
    window.to,
    window.start.getTime(),
    window.end.getTime(),
    window.previousStart.getTime(),
    window.previousEnd.getTime(),
  ]);
}
