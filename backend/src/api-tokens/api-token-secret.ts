import { hash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * The secret of an API token: `rf_pat_` + 32 random base62 characters (190 bits) + a 6-character
 * base62 CRC32 of those 32. The fixed prefix lets secret scanners find leaked tokens; the checksum
 * lets them (and us, before any database read) tell a real token from a typo or an altered one.
 * Only the SHA-256 digest is stored; the secret is shown once, when the token is created.
 */
export const TOKEN_PREFIX = 'rf_pat_';
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
/** Characters of the random part shown in lists, after the prefix, so people can tell tokens apart. */
const SHOWN_LENGTH = 6;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SHAPE = new RegExp(`^${TOKEN_PREFIX}[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}$`);

/** Uniform base62: bytes ≥ 248 (= 4 × 62) are skipped, so no character is likelier than another. */
function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

function checksum(random: string): string {
  let value = crc32(random);
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

export interface NewTokenSecret {
  token: string;
  /** What lists show: the prefix and the first characters of the random part. */
  prefix: string;
  digest: Buffer;
}

export function newTokenSecret(): NewTokenSecret {
  const random = randomBase62(RANDOM_LENGTH);
  const token = `${TOKEN_PREFIX}${random}${checksum(random)}`;
  return { token, prefix: token.slice(0, TOKEN_PREFIX.length + SHOWN_LENGTH), digest: tokenDigest(token) };
}

/** `Bearer rf_pat_…` (any case of "Bearer", as passport-jwt reads it). */
const API_TOKEN_BEARER = /^bearer\s+(rf_pat_\S*)\s*$/i;

/**
 * The API token of an Authorization header (well-formed or not), or undefined when the header
 * holds something else (a JWT, nothing). Cheap for the common case: no regex without the prefix.
 */
export function apiTokenOf(authorization: string | undefined): string | undefined {
  return authorization?.includes(TOKEN_PREFIX) ? API_TOKEN_BEARER.exec(authorization)?.[1] : undefined;
}

/** Well-formed: the prefix, base62 of the right length, and a checksum that matches. */
export function isWellFormedToken(token: string): boolean {
  if (!SHAPE.test(token)) return false;
  const random = token.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + RANDOM_LENGTH);
  return token.slice(TOKEN_PREFIX.length + RANDOM_LENGTH) === checksum(random);
}

/**
 * The SHA-256 digest, base64: what the per-process cache is keyed by. One-shot `hash` to a string
 * is the cheap form, several times cheaper than createHash (docs/performance.md, API tokens).
 */
export function tokenDigestKey(token: string): string {
  return hash('sha256', token, 'base64');
}

/** The SHA-256 digest as stored (api_tokens.token_digest). */
export function tokenDigest(token: string): Buffer {
  return Buffer.from(tokenDigestKey(token), 'base64');
}
