import { VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  let now = 1_700_000_000_000;
  const clock = () => now;

  it('finds a remembered token until the second it expires, as jsonwebtoken counts it', () => {
    const tokens = new VerifiedTokens<{ exp?: number; sub: string }>(10, clock);
    const exp = now / 1000 + 60;
    tokens.remember('a.b.c', { exp, sub: 'u1' });
    expect(tokens.get('a.b.c')).toEqual({ exp, sub: 'u1' });
    expect(tokens.get('a.b.d')).toBeUndefined();
    now += 59_999;
    expect(tokens.get('a.b.c')?.sub).toBe('u1');
    now += 1;
    expect(tokens.get('a.b.c')).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('never keeps a token without an expiry', () => {
    const tokens = new VerifiedTokens<{ exp?: number }>(10, clock);
    tokens.remember('forever', {});
    expect(tokens.get('forever')).toBeUndefined();
  });

  it('holds at most its capacity, letting the oldest go first', () => {
    const tokens = new VerifiedTokens<{ exp?: number }>(2, clock);
    const exp = now / 1000 + 60;
    tokens.remember('one', { exp });
    tokens.remember('two', { exp });
    tokens.remember('one', { exp });
    tokens.remember('three', { exp });
    expect(tokens.size).toBe(2);
    expect(tokens.get('one')).toBeUndefined();
    expect(tokens.get('two')).toBeDefined();
    expect(tokens.get('three')).toBeDefined();
  });
});
