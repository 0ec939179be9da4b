import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';

import { appConfig } from '../config/app.config';
import { AttemptResult, ClaimedDelivery, WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookOutbox } from './webhook-outbox';
import { deliveryBody } from './webhook-payload';
import { nextAttemptAt, retryAfterMs } from './webhook-retry';
import { SEND_TIMEOUT_MS, SendOutcome, WebhookSender } from './webhook-sender';
import { signedHeaders } from './webhook-signature';

/** Sends at once at most this many per instance. */
const CONCURRENCY = 64;
/**
 * A claimed delivery is not due again for this long: the send's 10 s and ample time to record
 * it. Only when its claimer died (SIGKILL) does another instance send it after the lease.
 */
export const LEASE_MS = 30_000;
/** On shutdown, in-flight sends get this long to finish before they are aborted and given back. */
const SHUTDOWN_GRACE_MS = 2000;

interface InFlight {
  delivery: ClaimedDelivery;
  abort: AbortController;
  done: Promise<void>;
}

/**
 * The webhook worker of this instance: claims due deliveries from the outbox (SKIP LOCKED, see
 * WebhookDeliveriesRepository.claim), sends each signed, outside any transaction, and records
 * the attempt. Woken at once by a commit of this instance that queued events (WebhookOutbox),
 * and every WEBHOOK_POLL_MS for the other instances' events and due retries.
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookWorker.name);
  private readonly sender: WebhookSender;
  private readonly inFlight = new Map<string, InFlight>();
  private timer?: NodeJS.Timeout;
  private claiming?: Promise<void>;
  private again = false;
  private stopping = false;
  private failing = false;
  private readonly results: { delivery: ClaimedDelivery; result: AttemptResult; done: () => void }[] = [];
  private recording?: Promise<void>;

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly outbox: WebhookOutbox,
    @Inject(appConfig.KEY) private readonly config: ConfigType<typeof appConfig>,
  ) {
    this.sender = new WebhookSender(config.webhooks.allowPrivateTargets);
  }

  onApplicationBootstrap(): void {
    // WEBHOOK_WORKER=false: this instance only queues; the others send.
    if (!this.config.webhooks.worker) return;
    this.outbox.onQueued(() => this.wake());
    this.timer = setInterval(() => this.wake(), this.config.webhooks.pollMs);
    // Never what keeps the process alive.
    this.timer.unref();
    this.wake();
  }

  /**
   * Stops claiming, lets in-flight sends finish for a moment, then aborts the rest and gives
   * them back (due now, for any instance) so a restart or another instance sends them at once.
   */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.claiming;
    const grace = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
    await Promise.race([Promise.allSettled([...this.inFlight.values()].map((f) => f.done)), grace]);
    const left = [...this.inFlight.values()];
    for (const flight of left) flight.abort.abort();
    await this.deliveries.release(left.map((f) => f.delivery)).catch(() => undefined);
    this.sender.close();
  }

  /** Claims what is due, unless a claim is running (then it claims again after). */
  wake(): void {
    if (this.stopping || !this.config.webhooks.worker) return;
    if (this.claiming) {
      this.again = true;
      return;
    }
    this.claiming = this.claimAll().finally(() => {
      this.claiming = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async claimAll(): Promise<void> {
    while (!this.stopping) {
      const room = CONCURRENCY - this.inFlight.size;
      if (room <= 0) return;
      let claimed: ClaimedDelivery[];
      try {
        claimed = await this.deliveries.claim(room, LEASE_MS);
        if (this.failing) this.logger.log('Claiming webhook deliveries works again');
        this.failing = false;
      } catch (error) {
        if (!this.failing) this.logger.warn(`Claiming webhook deliveries failed: ${(error as Error).message}`);
        this.failing = true;
        return;
      }
      for (const delivery of claimed) this.start(delivery);
      if (claimed.length < room) return;
    }
  }

  private start(delivery: ClaimedDelivery): void {
    const abort = new AbortController();
    const done = this.attempt(delivery, abort.signal).finally(() => {
      this.inFlight.delete(delivery.id);
      // Room again: claim more once half the slots are free (not one statement per finished send).
      if (this.inFlight.size <= CONCURRENCY / 2) this.wake();
    });
    this.inFlight.set(delivery.id, { delivery, abort, done });
  }

  private async attempt(delivery: ClaimedDelivery, signal: AbortSignal): Promise<void> {
    const at = new Date();
    let outcome: SendOutcome;
    try {
      const body = deliveryBody(delivery.event_type, delivery.payload, delivery.created_at);
      const secrets = delivery.previous_secret ? [delivery.secret, delivery.previous_secret] : [delivery.secret];
      outcome = await this.sender.send(delivery.url, signedHeaders(secrets, delivery.id, body), body, signal);
    } catch (error) {
      // A payload that cannot be rendered is a failed attempt in the log, never a crash of the worker.
      outcome = { status: null, error: `Not sent: ${(error as Error).message}`, excerpt: null, durationMs: 0 };
    }
    // Aborted by a shutdown: given back, not recorded.
    if (signal.aborted) return;
    await this.record(delivery, this.decide(delivery, outcome, at));
  }

  /**
   * Queues a result for the next recording statement: the results that arrive while one is
   * written go together in the next (one statement per moment, not one per delivery).
   */
  private record(delivery: ClaimedDelivery, result: AttemptResult): Promise<void> {
    return new Promise((done) => {
      this.results.push({ delivery, result, done });
      if (!this.recording) this.recording = this.recordAll();
    });
  }

  private async recordAll(): Promise<void> {
    while (this.results.length) {
      const batch = this.results.splice(0, 500);
      try {
        await this.deliveries.record(batch);
      } catch (error) {
        // Their leases run out and they are tried again: at least once, never lost.
        this.logger.warn(`Recording ${batch.length} webhook attempts failed: ${(error as Error).message}`);
      }
      for (const entry of batch) entry.done();
    }
    this.recording = undefined;
  }

  private decide(delivery: ClaimedDelivery, outcome: SendOutcome, at: Date): AttemptResult {
    const common = {
      responseStatus: outcome.status,
      error: outcome.error,
      excerpt: outcome.excerpt,
      durationMs: Math.min(outcome.durationMs, SEND_TIMEOUT_MS * 10),
      at,
    };
    const status = outcome.status ?? 0;
    if (status >= 200 && status < 300) return { ...common, status: 'succeeded', nextAttemptAt: null, disable: null };
    if (status === 410)
      return { ...common, status: 'failed', nextAttemptAt: null, disable: 'The endpoint answered 410 Gone' };
    const next = nextAttemptAt({
      attempts: delivery.attempts + 1,
      at: new Date(),
      windowStart: new Date(delivery.window_start),
      baseMs: this.config.webhooks.retryBaseMs,
      windowMs: this.config.webhooks.retryWindowMs,
      retryAfterMs: status === 429 || status === 503 ? retryAfterMs(outcome.retryAfter) : null,
    });
    return { ...common, status: next ? 'retrying' : 'failed', nextAttemptAt: next, disable: null };
  }
}
