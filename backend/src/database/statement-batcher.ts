import { DatabaseError } from 'pg';

/**
 * Runs concurrent calls of one statement as one statement over many rows.
 *
 * A call goes to the database at once when fewer than `maxInFlight` batches are running, so a
 * quiet API adds no delay. Under load, calls queue while batches run and the next batch takes
 * them all (up to `maxBatch`): one round trip, one trigger run and one commit for many writes.
 *
 * `run` must be a single statement (autocommit), so a batch is atomic: when PostgreSQL refuses it,
 * nothing of it was written, and each call is tried again alone, so one caller's error never
 * fails another.
 *
 * Calls with the same `key` never share a batch and run in the order they came: a vote and its
 * flip back, or two ratings of one session, stay two statements, one after the other.
 */
/**
 * An error PostgreSQL raised for the statement itself (a constraint, a deadlock…), which one
 * call may have caused. Not one of lost connections, exhausted resources or a server shutting
 * down (SQLSTATE classes 08, 53, 57, 58), nor a pool timeout: those would fail each call alone
 * just the same, only later.
 */
function isStatementError(error: unknown): boolean {
  return error instanceof DatabaseError && !/^(08|53|57|58)/.test(error.code ?? '');
}

export interface BatcherOptions<Item> {
  /** Rows per statement at most. */
  maxBatch?: number;
  /**
   * Statements of this batcher running at once at most (default 1). More would contend for the
   * same rollup rows and commit smaller batches: measured slower at every setting above 1.
   */
  maxInFlight?: number;
  /** Calls with equal keys run one after another, never in one statement. */
  key?: (item: Item) => string;
}

interface Call<Item, Result> {
  item: Item;
  key: string | undefined;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

export class StatementBatcher<Item, Result> {
  private readonly queue: Call<Item, Result>[] = [];
  private readonly busyKeys = new Set<string>();
  private inFlight = 0;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;

  /** `run` answers one result per item, in the items' order. */
  constructor(
    private readonly runBatch: (items: Item[]) => Promise<Result[]>,
    private readonly options: BatcherOptions<Item> = {},
  ) {
    this.maxBatch = options.maxBatch ?? 64;
    this.maxInFlight = options.maxInFlight ?? 1;
  }

  run(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ item, key: this.options.key?.(item), resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight) {
      const batch = this.take();
      if (!batch.length) return;
      this.inFlight++;
      void this.execute(batch).finally(() => {
        this.inFlight--;
        for (const call of batch) if (call.key !== undefined) this.busyKeys.delete(call.key);
        this.pump();
      });
    }
  }

  /** The oldest calls whose keys are neither running nor already in this batch. */
  private take(): Call<Item, Result>[] {
    const batch: Call<Item, Result>[] = [];
    for (let i = 0; i < this.queue.length && batch.length < this.maxBatch; ) {
      const call = this.queue[i];
      if (call.key !== undefined && this.busyKeys.has(call.key)) {
        i++;
        continue;
      }
      if (call.key !== undefined) this.busyKeys.add(call.key);
      batch.push(call);
      this.queue.splice(i, 1);
    }
    return batch;
  }

  private async execute(batch: Call<Item, Result>[]): Promise<void> {
    try {
      const results = await this.runBatch(batch.map((call) => call.item));
      batch.forEach((call, i) => call.resolve(results[i]));
    } catch (error) {
      if (batch.length === 1 || !isStatementError(error)) return batch.forEach((call) => call.reject(error));
      // The statement wrote nothing: each call alone tells whose error it was.
      await Promise.all(batch.map((call) => this.runBatch([call.item]).then(([result]) => call.resolve(result), call.reject)));
    }
  }
}
