import { nextAttemptAt, retryAfterMs } from './webhook-retry';

const DAY = 24 * 3600_000;
const start = new Date('2026-12-05T00:00:00Z');

describe('webhook retry schedule', () => {
  it('retries first within 10 s, then 3× later each time with jitter, up to 24 h', () => {
    const at = (attempts: number, random: number) =>
      nextAttemptAt({ attempts, at: start, windowStart: start, baseMs: 5000, windowMs: DAY, random: () => random });
    expect(at(1, 1)!.getTime() - start.getTime()).toBe(6000);
    expect(at(1, 0)!.getTime() - start.getTime()).toBe(4000);
    expect(at(2, 0.5)!.getTime() - start.getTime()).toBe(15_000);
    // Capped at 3 h.
    expect(at(12, 0.5)!.getTime() - start.getTime()).toBe(3 * 3600_000);
  });

  it('gives up when the next try would fall after the window', () => {
    const late = new Date(start.getTime() + DAY - 1000);
    expect(
      nextAttemptAt({ attempts: 14, at: late, windowStart: start, baseMs: 5000, windowMs: DAY, random: () => 0.5 }),
    ).toBeNull();
  });

  it('follows Retry-After, in seconds or as a date', () => {
    expect(
      nextAttemptAt({ attempts: 1, at: start, windowStart: start, baseMs: 5000, windowMs: DAY, retryAfterMs: 120_000 }),
    ).toEqual(new Date(start.getTime() + 120_000));
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(start.getTime() + 10_000).toUTCString(), start.getTime())).toBe(10_000);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(undefined)).toBeNull();
  });
});
