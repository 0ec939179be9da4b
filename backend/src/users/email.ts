/**
 * The one form of an e-mail address: what is stored, looked up, kept unique (user_logins) and
 * rate-limited under. NFKC folds compatibility forms (fullwidth letters, the Kelvin sign, ſ…) to
 * their plain letters; lower-casing is JavaScript's, here and nowhere else — never PostgreSQL's
 * lower(), whose answer depends on the database's collation. NFKC again after lower-casing and
 * trimming last (NFKC turns some marks into a space + mark) make it idempotent, checked for
 * every code point and random strings in email.spec.ts.
 *
 * Addresses that differ after this (a dotted İ lower-cases to i + U+0307, not to i) are
 * different addresses: a different user, and a different limiter key that guards nothing.
 */
export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').toLowerCase().normalize('NFKC').trim();
}
