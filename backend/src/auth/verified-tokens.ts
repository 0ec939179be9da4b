/** What a verified token carries that the cache needs: its expiry, in seconds since the epoch. */
export interface ExpiringPayload {
  exp?: number;
}

/**
 * Bearer tokens whose signature and claims were verified, kept by their exact text until they
 * expire, so a client's next request skips the HMAC and the claim checks (≈ a tenth of an
 * authenticated request's CPU). Only a token byte-for-byte identical to one that verified is
 * found; the user behind it is still read on every request. Bounded: the oldest entry goes first.
 */
export class VerifiedTokens<Payload extends ExpiringPayload> {
  private readonly entries = new Map<string, Payload>();

  constructor(
    private readonly capacity: number,
    // Read at each call (not Date.now captured once), so a test's fake clock reaches it.
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The payload of a token verified before, unless it has expired since (jsonwebtoken's rule). */
  get(token: string): Payload | undefined {
    const payload = this.entries.get(token);
    if (payload === undefined) return undefined;
    if (Math.floor(this.now() / 1000) >= (payload.exp as number)) {
      this.entries.delete(token);
      return undefined;
    }
    return payload;
  }

  /** Keeps a token that just verified; one without an expiry is never kept. */
  remember(token: string, payload: Payload): void {
    if (typeof payload.exp !== 'number' || this.entries.has(token) || this.capacity <= 0) return;
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, payload);
  }

  get size(): number {
    return this.entries.size;
  }
}
