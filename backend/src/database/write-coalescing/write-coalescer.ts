import { DatabaseError } from 'pg';

/**
 * An error PostgreSQL raised for the statement itself (a constraint, a deadlock…), which one
 * call may have caused. Not one of lost connections, exhausted resources or a server shutting
 * down (SQLSTATE classes 08, 53, 57, 58), nor a pool timeout: those would fail each call alone
 * just the same, only later.
 */
function isStatementError(error: unknown): boolean {
  return error instanceof DatabaseError && !/^(08|53|57|58)/.test(error.code ?? '');
}

export interface WriteCoalescerOptions<Item> {
  /** The account a call acts in: calls of different accounts never share a statement. */
  tenant: (item: Item) => string;
  /** Calls with equal keys (within an account) run one after another, never in one statement. */
  key?: (item: Item) => string;
  /** Rows per statement at most. */
  maxBatch?: number;
  /**
   * Statements of one account running at once at most (default 1). More would contend for the
   * account's rollup rows and commit smaller batches: measured slower at every setting above 1.
   */
  maxInFlight?: number;
  /** Statements running at once across accounts at most (default 4; each holds a pooled connection). */
  maxStatements?: number;
}

interface Call<Item, Result> {
  item: Item;
  tenant: string;
  key: string | undefined;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs concurrent calls of one statement as one statement over many rows.
 *
 * A call goes to the database at once when no statement of its account is running, so a quiet
 * API adds no delay. Under load, calls queue while a statement runs and the next statement takes
 * them all (up to `maxBatch`): one round trip, one trigger run and one commit for many writes.
 *
 * `run` must be a single statement (autocommit), so a batch is atomic: when PostgreSQL refuses it,
 * nothing of it was written, and each call is tried again alone, so one caller's error never
 * fails another.
 *
 * A statement holds the calls of one account (`tenant`), so it stays scoped to that account like
 * every other query. Calls with the same `key` never share a batch and run in the order they
 * came: a vote and its flip back, or two ratings of one session, stay two statements, one after
 * the other.
 */
export class WriteCoalescer<Item, Result> {
  private readonly queue: Call<Item, Result>[] = [];
  private readonly busyKeys = new Set<string>();
  /** Statements running, per account. */
  private readonly running = new Map<string, number>();
  private statements = 0;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;
  private readonly maxStatements: number;

  /** `run` answers one result per item, in the items' order; all items are of `tenant`. */
  constructor(
    private readonly runBatch: (items: Item[], tenant: string) => Promise<Result[]>,
    private readonly options: WriteCoalescerOptions<Item>,
  ) {
    this.maxBatch = options.maxBatch ?? 64;
    this.maxInFlight = options.maxInFlight ?? 1;
    this.maxStatements = options.maxStatements ?? 4;
  }

  run(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      const tenant = this.options.tenant(item);
      const key = this.options.key?.(item);
      this.queue.push({ item, tenant, key: key === undefined ? undefined : `${tenant}/${key}`, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.statements < this.maxStatements) {
      const batch = this.take();
      if (!batch) return;
      const { tenant, calls } = batch;
      this.statements++;
      this.running.set(tenant, (this.running.get(tenant) ?? 0) + 1);
      void this.execute(tenant, calls).finally(() => {
        this.statements--;
        const left = (this.running.get(tenant) ?? 1) - 1;
        if (left) this.running.set(tenant, left);
        else this.running.delete(tenant);
        for (const call of calls) if (call.key !== undefined) this.busyKeys.delete(call.key);
        this.pump();
      });
    }
  }

  /**
   * The oldest call that may run (its account below maxInFlight, its key not running), and the
   * calls of the same account after it whose keys are neither running nor already taken.
   */
  private take(): { tenant: string; calls: Call<Item, Result>[] } | undefined {
    let tenant: string | undefined;
    const calls: Call<Item, Result>[] = [];
    for (let i = 0; i < this.queue.length && calls.length < this.maxBatch;) {
      const call = this.queue[i];
      const sameStatement =
        tenant === undefined ? (this.running.get(call.tenant) ?? 0) < this.maxInFlight : call.tenant === tenant;
      if (!sameStatement || (call.key !== undefined && this.busyKeys.has(call.key))) {
        i++;
        continue;
      }
      tenant = call.tenant;
      if (call.key !== undefined) this.busyKeys.add(call.key);
      calls.push(call);
      this.queue.splice(i, 1);
    }
    return tenant === undefined ? undefined : { tenant, calls };
  }

  private async execute(tenant: string, batch: Call<Item, Result>[]): Promise<void> {
    try {
      const results = await this.runBatch(
        batch.map((call) => call.item),
        tenant,
      );
      batch.forEach((call, i) => call.resolve(results[i]));
    } catch (error) {
      if (batch.length === 1 || !isStatementError(error)) return batch.forEach((call) => call.reject(error));
      // The statement wrote nothing: each call alone tells whose error it was.
      await Promise.all(
        batch.map((call) => this.runBatch([call.item], tenant).then(([result]) => call.resolve(result), call.reject)),
      );
    }
  }
}
