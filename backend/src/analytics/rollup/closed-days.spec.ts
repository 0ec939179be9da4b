import { ClosedDaysCache } from './closed-days';

describe('ClosedDaysCache', () => {
  const loads = () => {
    let calls = 0;
    return { load: (value: string) => async () => `${value}#${++calls}`, calls: () => calls };
  };

  it('gives the kept value only at the version it was loaded at', async () => {
    const cache = new ClosedDaysCache(10);
    const l = loads();
    expect(await cache.get('sums', 'p1', l.load('a'))).toBe('a#1');
    expect(await cache.get('sums', 'p1', l.load('a'))).toBe('a#1');
    // A write to a closed day moved the version: loaded again.
    expect(await cache.get('sums', 'p2', l.load('b'))).toBe('b#2');
    expect(l.calls()).toBe(2);
  });

  it('loads once for concurrent requests, and keeps no failed load', async () => {
    const cache = new ClosedDaysCache(10);
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error('connection lost'));
    };
    const [first, second] = [cache.get('sums', 'p', failing), cache.get('sums', 'p', failing)];
    await expect(first).rejects.toThrow('connection lost');
    await expect(second).rejects.toThrow('connection lost');
    expect(calls).toBe(1);
    expect(cache.size).toBe(0);
    expect(await cache.get('sums', 'p', async () => 'loaded')).toBe('loaded');
  });

  it('drops the least recently used value beyond its capacity', async () => {
    const cache = new ClosedDaysCache(2);
    const l = loads();
    await cache.get('a', 'p', l.load('a'));
    await cache.get('b', 'p', l.load('b'));
    await cache.get('a', 'p', l.load('a'));
    await cache.get('c', 'p', l.load('c')); // evicts b
    expect(cache.size).toBe(2);
    expect(await cache.get('a', 'p', l.load('a'))).toBe('a#1');
    expect(await cache.get('b', 'p', l.load('b'))).toBe('b#4');
  });
});
