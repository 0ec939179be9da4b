import { escapeLiteral } from 'pg';

import { SqlRunner } from './sections/sql';

/** The part of a node-postgres client a batch needs. */
export interface SimpleQueryClient {
  // A text without parameters goes over the simple query protocol: one round trip for many statements.
  query(text: string): Promise<{ rows: unknown[] } | { rows: unknown[] }[]>;
}

interface Pending {
  text: string;
  resolve: (rows: unknown[]) => void;
  reject: (error: unknown) => void;
}

/** A value as an SQL literal; typed by its context in the statement, as a $n parameter is. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date) return escapeLiteral(value.toISOString());
  if (typeof value === 'string') return escapeLiteral(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new TypeError(`cannot write ${typeof value} as an SQL literal`);
}

/** A statement with its $n placeholders replaced by the values as literals. */
export function inlineParameters(sql: string, values: readonly unknown[] = []): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index >= values.length) throw new RangeError(`no value for $${n}`);
    return sqlLiteral(values[index]);
  });
}

/**
 * Runs the statements a report issues in the same turn of the event loop as one round trip.
 * An analytics response is ≈ 10 independent statements; sent one by one, each costs a round
 * trip, a parse and (on loopback) the kernel's work for both ends, which together cost more
 * than the statements themselves. Sections started together (Promise.all) land in one batch.
 *
 * Statements go over the simple query protocol, which takes no parameters: values are
 * inlined as escaped literals (sqlLiteral). `prelude` statements (BEGIN …) open the first batch.
 */
export class ReadBatch implements SqlRunner {
  readonly sent = new Map<string, Promise<unknown[]>>();
  private queue: Pending[] = [];
  private scheduled?: NodeJS.Immediate;
  private inFlight: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly client: SimpleQueryClient,
    private prelude: string[] = [],
  ) {}

  query(sql: string, parameters?: unknown[]): Promise<unknown[]> {
    if (this.closed) return Promise.reject(new Error('This statement batch is closed'));
    return new Promise((resolve, reject) => {
      try {
        this.queue.push({ text: inlineParameters(sql, parameters), resolve, reject });
      } catch (error) {
        return reject(error);
      }
      // After the current microtasks: every section started in this turn has queued its statement.
      this.scheduled ??= setImmediate(() => {
        this.scheduled = undefined;
        this.inFlight = this.flush();
      });
    });
  }

  /**
   * No more statements: those queued but not sent are dropped (rejected), and the one batch
   * on the wire, if any, is awaited. Call it before COMMIT or ROLLBACK, so neither can overtake
   * statements of the transaction it ends.
   */
  async close(): Promise<void> {
    this.closed = true;
    if (this.scheduled) {
      clearImmediate(this.scheduled);
      this.scheduled = undefined;
      for (const pending of this.queue.splice(0)) pending.reject(new Error('This statement batch is closed'));
    }
    await this.inFlight;
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0);
    const prelude = this.prelude.splice(0);
    try {
      const result = await this.client.query([...prelude, ...batch.map((pending) => pending.text)].join(';\n'));
      const results = Array.isArray(result) ? result : [result];
      batch.forEach((pending, i) => pending.resolve(results[prelude.length + i].rows));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  }
}
