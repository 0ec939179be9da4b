/**
 * When to try a failed delivery again: the first retry after about `baseMs` (5 s by default, so
 * within 10 s), each next one 3× later, capped at an eighth of the window (3 h of 24 h), with
 * ±20 % jitter so receivers coming back are not hit by every sender at once. A Retry-After from
 * a 429 or 503 replaces the computed delay. Null when the next try would fall after the window:
 * the delivery has failed.
 */
export function nextAttemptAt(options: {
  /** Attempts made, this one included. */
  attempts: number;
  at: Date;
  windowStart: Date;
  baseMs: number;
  windowMs: number;
  retryAfterMs?: number | null;
  random?: () => number;
}): Date | null {
  const random = options.random ?? Math.random;
  const computed = Math.min(options.baseMs * 3 ** (options.attempts - 1), options.windowMs / 8);
  const delay = options.retryAfterMs ?? computed * (0.8 + 0.4 * random());
  const next = options.at.getTime() + delay;
  return next > options.windowStart.getTime() + options.windowMs ? null : new Date(next);
}

/** A Retry-After header (seconds or an HTTP date) in milliseconds from `now`; null when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
