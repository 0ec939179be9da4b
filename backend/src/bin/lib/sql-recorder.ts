import { AsyncLocalStorage } from 'node:async_hooks';
import { Client } from 'pg';

/** A statement as it went to the database: its text, and its prepared statement's name if it had one. */
export interface RecordedStatement {
  text: string;
  name?: string;
  values?: readonly unknown[];
}

const recording = new AsyncLocalStorage<RecordedStatement[]>();
let installed = false;

/**
 * Records every statement node-postgres sends while `work` runs, and only those: a call made in
 * `work`'s asynchronous context, whatever issues it (TypeORM, a prepared statement, a read batch).
 * Statements of timers running beside it (the journal folder…) are not in that context. For the
 * committed SQL (generate-sql.ts), never in the running app.
 */
export async function recordStatements(work: () => Promise<unknown>): Promise<RecordedStatement[]> {
  if (!installed) {
    installed = true;
    const query = Client.prototype.query as (...args: unknown[]) => unknown;
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      const statements = recording.getStore();
      if (statements) {
        const [first, second] = args as [string | { text: string; name?: string; values?: unknown[] }, unknown];
        if (typeof first === 'string')
          statements.push({ text: first, values: Array.isArray(second) ? second : undefined });
        else if (first && typeof first.text === 'string')
          statements.push({ text: first.text, name: first.name, values: first.values });
      }
      return query.apply(this, args);
    } as typeof Client.prototype.query;
  }
  const statements: RecordedStatement[] = [];
  await recording.run(statements, async () => {
    try {
      await work();
    } catch {
      // A call the rules refuse still issued its statements: they are what is recorded.
    }
  });
  return statements;
}

/**
 * A runner that records what it is asked to run, then runs it on `db`: the statements a function
 * builds, with their parameters. One at a time, so statements issued after others' answers (a
 * median's second read) come in the same order on every run.
 */
export function recordingRunner(db: { query(sql: string, parameters?: unknown[]): Promise<unknown> }) {
  const statements: RecordedStatement[] = [];
  let last: Promise<unknown> = Promise.resolve();
  return {
    statements,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    query(sql: string, parameters?: unknown[]): Promise<any> {
      statements.push({ text: sql, values: parameters });
      const result = last.then(() => db.query(sql, parameters));
      last = result.catch(() => undefined);
      return result;
    },
  };
}

/** A parameter as an SQL literal, for the comment above a statement. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  if (Array.isArray(value)) return `{${value.map(literal).join(', ')}}`;
  return String(value);
}

/**
 * One statement for a .sql file: a title line, its parameters when `withValues` (values that
 * depend on ids or clocks a run picks are left out), then the text as it was sent, ending in ';'.
 */
export function formatStatement(title: string, statement: RecordedStatement, withValues = true): string {
  const lines = [`-- ${title}${statement.name ? ` (prepared as ${statement.name})` : ''}`];
  if (withValues && statement.values?.length) {
    lines.push(`-- ${statement.values.map((value, i) => `$${i + 1} = ${literal(value)}`).join(', ')}`);
  }
  const text = statement.text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim()
    .replace(/;$/, '');
  lines.push(`${text};`);
  return lines.join('\n');
}
