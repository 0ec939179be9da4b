import { createHash } from 'node:crypto';

import { apiTokenOf, isWellFormedToken, newTokenSecret, tokenDigest } from './api-token-secret';

describe('API token secrets', () => {
  it('look like rf_pat_ + 32 base62 characters + a 6-character checksum', () => {
    const { token, prefix, digest } = newTokenSecret();
    expect(token).toMatch(/^rf_pat_[0-9A-Za-z]{38}$/);
    expect(prefix).toBe(token.slice(0, 13));
    expect(digest.equals(createHash('sha256').update(token).digest())).toBe(true);
    expect(isWellFormedToken(token)).toBe(true);
  });

  it('are different every time', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newTokenSecret().token));
    expect(tokens.size).toBe(200);
  });

  it('refuse any altered character, through the checksum', () => {
    const { token } = newTokenSecret();
    for (let i = 7; i < token.length; i++) {
      const replacement = token[i] === 'a' ? 'b' : 'a';
      const altered = token.slice(0, i) + replacement + token.slice(i + 1);
      expect(isWellFormedToken(altered)).toBe(false);
    }
    expect(isWellFormedToken(token.slice(0, -1))).toBe(false);
    expect(isWellFormedToken(`${token}x`)).toBe(false);
    expect(isWellFormedToken(token.replace('rf_pat_', 'rf_pak_'))).toBe(false);
  });

  it('are read from an Authorization header as passport-jwt reads a bearer JWT', () => {
    const { token } = newTokenSecret();
    expect(apiTokenOf(`Bearer ${token}`)).toBe(token);
    expect(apiTokenOf(`bearer  ${token} `)).toBe(token);
    expect(apiTokenOf('Bearer rf_pat_short')).toBe('rf_pat_short');
    expect(apiTokenOf('Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig')).toBeUndefined();
    expect(apiTokenOf(`Basic ${token}`)).toBeUndefined();
    expect(apiTokenOf(`Bearer x ${token}`)).toBeUndefined();
    expect(apiTokenOf(undefined)).toBeUndefined();
  });

  it('digest the whole token text', () => {
    const { token } = newTokenSecret();
    expect(tokenDigest(token).toString('hex')).toHaveLength(64);
    expect(tokenDigest(token).equals(tokenDigest(`${token} `))).toBe(false);
  });

  it('use every base62 character about equally', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      for (const ch of newTokenSecret().token.slice(7, 39)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(62);
    // 64,000 characters over 62 symbols: about 1,032 each; a modulo bias would skew the first 8 by ~3 %.
    for (const count of counts.values()) expect(Math.abs(count - 1032)).toBeLessThan(160);
  });
});
