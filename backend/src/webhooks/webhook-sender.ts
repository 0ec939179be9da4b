import { Agent as HttpAgent, request as httpRequest, IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

import { RefusedTargetError, resolveTarget } from './webhook-target';

/** A receiver has this long to answer, headers and body. */
export const SEND_TIMEOUT_MS = 10_000;
const EXCERPT_BYTES = 1024;

export interface SendOutcome {
  /** The HTTP status, or null when there was no answer (refused, timeout, bad address). */
  status: number | null;
  retryAfter?: string;
  error: string | null;
  /** The first ≤ 1 kB of the answer, as text. */
  excerpt: string | null;
  durationMs: number;
}

/**
 * One HTTP POST of a delivery. The host is resolved and every address checked (webhook-target.ts)
 * right before the request, which connects to the address checked (no second lookup a changed
 * DNS answer could slip through). Redirects are not followed (a 3xx is a failed attempt); 10 s
 * for the whole exchange; only the first kilobyte of the answer is kept.
 */
export class WebhookSender {
  // Kept-alive connections: a receiver taking many deliveries is not a new TCP (and TLS) handshake each.
  private readonly http = new HttpAgent({ keepAlive: true, maxSockets: 64 });
  private readonly https = new HttpsAgent({ keepAlive: true, maxSockets: 64 });

  constructor(private readonly allowPrivate: boolean) {}

  async send(url: string, headers: Record<string, string>, body: string, signal?: AbortSignal): Promise<SendOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let target: URL;
    try {
      target = new URL(url);
      const addresses = await resolveTarget(target.hostname, this.allowPrivate);
      const response = await this.post(target, addresses, headers, body, signal);
      return { ...response, durationMs: elapsed() };
    } catch (error) {
      const message =
        error instanceof RefusedTargetError
          ? `Refused target: ${error.message}`
          : ((error as Error).message ?? String(error));
      return { status: null, error: message.slice(0, 500), excerpt: null, durationMs: elapsed() };
    }
  }

  close(): void {
    this.http.destroy();
    this.https.destroy();
  }

  private post(
    target: URL,
    addresses: { address: string; family: 4 | 6 }[],
    headers: Record<string, string>,
    body: string,
    signal?: AbortSignal,
  ): Promise<Omit<SendOutcome, 'durationMs'>> {
    const secure = target.protocol === 'https:';
    const lookup: LookupFunction = (_host, options, callback) => {
      if (options.all) (callback as (e: null, a: typeof addresses) => void)(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    };
    return new Promise((resolve, reject) => {
      const timeout = AbortSignal.timeout(SEND_TIMEOUT_MS);
      const abort = signal ? AbortSignal.any([signal, timeout]) : timeout;
      const req = (secure ? httpsRequest : httpRequest)(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': Buffer.byteLength(body), 'user-agent': 'ResolutionFlow-Webhooks/1' },
          agent: secure ? this.https : this.http,
          lookup,
          signal: abort,
        },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          let kept = 0;
          res.on('data', (chunk: Buffer) => {
            if (kept < EXCERPT_BYTES) {
              chunks.push(chunk.subarray(0, EXCERPT_BYTES - kept));
              kept += Math.min(chunk.length, EXCERPT_BYTES - kept);
            }
          });
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            resolve({
              status,
              retryAfter: res.headers['retry-after'],
              error: status >= 200 && status < 300 ? null : `HTTP ${status}`,
              excerpt: chunks.length ? excerptOf(Buffer.concat(chunks)) : null,
            });
          });
          res.on('error', reject);
        },
      );
      req.on('error', (error) =>
        reject(timeout.aborted ? new Error(`No answer within ${SEND_TIMEOUT_MS / 1000} s`) : error),
      );
      req.end(body);
    });
  }
}

/** At most 1 kB as UTF-8 text, a character cut in half dropped. */
function excerptOf(bytes: Buffer): string {
  let text = bytes.toString('utf8').replace(/\uFFFD+$/, '');
  while (Buffer.byteLength(text) > EXCERPT_BYTES) text = text.slice(0, -1);
  // PostgreSQL text cannot hold NUL.
  return text.split('\u0000').join('');
}
