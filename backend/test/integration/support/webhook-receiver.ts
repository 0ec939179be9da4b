import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export type Responder = (request: Received, index: number) => { status: number; headers?: Record<string, string> };

/** A real HTTP server on loopback that records every webhook request and answers as `respond` says. */
export class WebhookReceiver {
  readonly received: Received[] = [];
  respond: Responder = () => ({ status: 200 });
  private server?: Server;

  async start(): Promise<this> {
    this.server = createServer((req, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
        this.received.push(request);
        const answer = this.respond(request, this.received.length - 1);
        res.writeHead(answer.status, answer.headers).end(`answer ${answer.status}`);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/hook`;
  }

  /** Requests whose body has this type (and matches `where`). */
  of(type: string, where: (data: Record<string, unknown>) => boolean = () => true): Received[] {
    return this.received.filter((r) => {
      const body = JSON.parse(r.body);
      return body.type === type && where(body.data);
    });
  }

  /** Waits until `count` requests match, or fails after `ms`. */
  async waitFor(count: number, match: () => Received[], ms = 10_000): Promise<Received[]> {
    const until = Date.now() + ms;
    while (match().length < count) {
      if (Date.now() > until) throw new Error(`Expected ${count} webhook requests, got ${match().length}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return match();
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/**
 * The receiver's check, as docs/webhooks.md documents it: HMAC-SHA256 of `id.timestamp.body`,
 * keyed with the base64-decoded part of the secret after `whsec_`, against each `v1,` signature.
 */
export function verifies(secret: string, request: Received): boolean {
  const id = request.headers['webhook-id'] as string;
  const timestamp = request.headers['webhook-timestamp'] as string;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${request.body}`).digest();
  return String(request.headers['webhook-signature'])
    .split(' ')
    .some((sig) => {
      const [version, value] = sig.split(',');
      const given = Buffer.from(value ?? '', 'base64');
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    });
}
