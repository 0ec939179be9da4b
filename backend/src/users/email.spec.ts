import fc from 'fast-check';

import { normalizeEmail } from './email';

describe('normalizeEmail', () => {
  it('folds case and compatibility forms to one address', () => {
    expect(normalizeEmail('  Limit-A@Example.TEST ')).toBe('limit-a@example.test');
    // Fullwidth letters, the Kelvin sign and the long s are the plain letters under NFKC.
    expect(normalizeEmail('ｌｉｍｉｔ@example.test')).toBe('limit@example.test');
    expect(normalizeEmail('\u212Aate@example.test')).toBe('kate@example.test');
    expect(normalizeEmail('\u017Fam@example.test')).toBe('sam@example.test');
  });

  it('keeps a dotted capital I apart from i (it lower-cases to i + U+0307, another address)', () => {
    expect(normalizeEmail('L\u0130MIT@example.test')).toBe('li\u0307mit@example.test');
    expect(normalizeEmail('L\u0130MIT@example.test')).not.toBe(normalizeEmail('limit@example.test'));
  });

  it('is idempotent, for every code point of the scripts with case and compatibility forms, and for random strings', () => {
    const once = (text: string) => normalizeEmail(normalizeEmail(text)) === normalizeEmail(text);
    // Checked once for all 1.1M code points (a minute); these ranges held every failure of earlier versions.
    for (const [from, to] of [
      [0, 0x3000],
      [0xfb00, 0xfb4f],
      [0xff00, 0xffef],
      [0x1d400, 0x1d7ff],
    ]) {
      for (let code = from; code <= to; code++) {
        if (!once(String.fromCodePoint(code))) throw new Error(`not idempotent for U+${code.toString(16)}`);
      }
    }
    const codePoint = fc.integer({ min: 0, max: 0x10ffff }).filter((code) => code < 0xd800 || code > 0xdfff);
    const text = fc.array(codePoint, { maxLength: 8 }).map((codes) => String.fromCodePoint(...codes));
    fc.assert(fc.property(text, once), { numRuns: 5_000 });
  });
});
