import { analyticsWindow } from './analytics-window';
import { ReportCache, reportKey } from './report-cache';

describe('ReportCache', () => {
  const counting = () => {
    let calls = 0;
    return { compute: (value: string) => async () => `${value}#${++calls}`, calls: () => calls };
  };

  it('serves a report again only at the version it was computed at', async () => {
    const cache = new ReportCache(10);
    const c = counting();
    expect(await cache.through('team', 'v1', c.compute('a'))).toBe('a#1');
    expect(await cache.through('team', 'v1', c.compute('a'))).toBe('a#1');
    expect(await cache.through('team', 'v2', c.compute('b'))).toBe('b#2');
    // The newest computation replaced the older one: going back recomputes too.
    expect(await cache.through('team', 'v1', c.compute('c'))).toBe('c#3');
    expect(c.calls()).toBe(3);
  });

  it('drops the least recently used report beyond its capacity', async () => {
    const cache = new ReportCache(2);
    const c = counting();
    await cache.through('a', 'v', c.compute('a'));
    await cache.through('b', 'v', c.compute('b'));
    await cache.through('a', 'v', c.compute('a')); // a is now the most recent
    await cache.through('c', 'v', c.compute('c')); // evicts b
    expect(cache.size).toBe(2);
    expect(await cache.through('a', 'v', c.compute('a'))).toBe('a#1');
    expect(await cache.through('b', 'v', c.compute('b'))).toBe('b#4');
  });

  it('computes a report once for concurrent requests at the same version', async () => {
    const cache = new ReportCache(10);
    let calls = 0;
    let finish!: (value: string) => void;
    const slow = () => {
      calls++;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const requests = [
      cache.through('team', 'v1', slow),
      cache.through('team', 'v1', slow),
      cache.through('team', 'v1', slow),
    ];
    finish('report');
    expect(await Promise.all(requests)).toEqual(['report', 'report', 'report']);
    expect(calls).toBe(1);
  });

  it('lets waiting requests compute for themselves when the shared computation fails', async () => {
    const cache = new ReportCache(10);
    let fail!: (error: Error) => void;
    const first = cache.through('team', 'v1', () => new Promise<string>((_, reject) => (fail = reject)));
    const second = cache.through('team', 'v1', async () => 'own report');
    fail(new Error('connection reset'));
    await expect(first).rejects.toThrow('connection reset');
    expect(await second).toBe('own report');
  });

  it('keeps nothing with capacity 0, and nothing from a failed computation', async () => {
    const off = new ReportCache(0);
    const c = counting();
    await off.through('a', 'v', c.compute('a'));
    expect(await off.through('a', 'v', c.compute('a'))).toBe('a#2');
    expect(off.size).toBe(0);

    const cache = new ReportCache(5);
    await expect(cache.through('a', 'v', () => Promise.reject(new Error('database gone')))).rejects.toThrow(
      'database gone',
    );
    expect(cache.size).toBe(0);
  });
});

describe('reportKey', () => {
  const now = new Date('2026-11-24T12:00:00Z');

  it('tells apart scopes, zones and days', () => {
    const berlin = analyticsWindow({ period: '7d', tz: 'Europe/Berlin', now });
    const key = reportKey('team', ['acct', undefined], berlin);
    expect(reportKey('team', ['acct', undefined], analyticsWindow({ period: '7d', tz: 'Europe/Berlin', now }))).toBe(
      key,
    );
    expect(reportKey('team', ['acct', 'engineer'], berlin)).not.toBe(key);
    expect(reportKey('me', ['acct', undefined], berlin)).not.toBe(key);
    expect(
      reportKey('team', ['acct', undefined], analyticsWindow({ period: '7d', tz: 'America/New_York', now })),
    ).not.toBe(key);
    const tomorrow = new Date(now.getTime() + 86_400_000);
    expect(
      reportKey('team', ['acct', undefined], analyticsWindow({ period: '7d', tz: 'Europe/Berlin', now: tomorrow })),
    ).not.toBe(key);
  });
});
