import { DatabaseError } from 'pg';

import { byIndex, coalescedInput } from './coalesced-input';
import { WriteCoalescer } from './write-coalescer';

/** A fake statement: records each batch and finishes when the test says so. */
function fakeStatement(
  fail: (item: string) => boolean = () => false,
  failure: (items: string[]) => Error = statementError,
) {
  const batches: string[][] = [];
  const pending: (() => void)[] = [];
  const run = (items: string[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push(items);
      pending.push(() => (items.some(fail) ? reject(failure(items)) : resolve(items.map((i) => `${i}!`))));
    });
  /** Lets the oldest running statement finish, then lets the coalescer start the next one. */
  const finishOne = async () => {
    pending.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { run, batches, finishOne, running: () => pending.length };
}

const key = (item: string) => item.split(':')[0];
const oneAccount = { tenant: () => 'acme' };

/** An error PostgreSQL raised for the statement, as pg reports it (here: a check constraint). */
function statementError(items: string[]): Error {
  return Object.assign(new DatabaseError(`batch ${items.join(',')} failed`, 0, 'error'), { code: '23514' });
}

describe('WriteCoalescer', () => {
  it('sends a lone call at once, as a batch of one', async () => {
    const statement = fakeStatement();
    const coalescer = new WriteCoalescer(statement.run, oneAccount);
    const answer = coalescer.run('a');
    expect(statement.batches).toEqual([['a']]);
    await statement.finishOne();
    await expect(answer).resolves.toBe('a!');
  });

  it('takes the calls that queued while a statement ran into the next one, in order, each answered with its own result', async () => {
    const statement = fakeStatement();
    const coalescer = new WriteCoalescer(statement.run, oneAccount);
    const answers = ['a', 'b', 'c', 'd'].map((item) => coalescer.run(item));
    expect(statement.batches).toEqual([['a']]);
    await statement.finishOne();
    expect(statement.batches).toEqual([['a'], ['b', 'c', 'd']]);
    await statement.finishOne();
    await expect(Promise.all(answers)).resolves.toEqual(['a!', 'b!', 'c!', 'd!']);
  });

  it('never puts more than maxBatch calls in one statement, nor runs more than maxInFlight statements', async () => {
    const statement = fakeStatement();
    const coalescer = new WriteCoalescer(statement.run, { ...oneAccount, maxBatch: 2, maxInFlight: 2 });
    const answers = ['a', 'b', 'c', 'd', 'e', 'f'].map((item) => coalescer.run(item));
    expect(statement.batches).toEqual([['a'], ['b']]);
    expect(statement.running()).toBe(2);
    await statement.finishOne();
    expect(statement.batches).toEqual([['a'], ['b'], ['c', 'd']]);
    while (statement.running()) await statement.finishOne();
    expect(statement.batches.slice(3)).toEqual([['e', 'f']]);
    await expect(Promise.all(answers)).resolves.toHaveLength(6);
  });

  it('keeps calls with one key in separate statements, in the order they came', async () => {
    const statement = fakeStatement();
    const coalescer = new WriteCoalescer(statement.run, { ...oneAccount, key, maxInFlight: 2 });
    const answers = ['s1:up', 's2:up', 's1:down', 's1:up', 's3:up'].map((item) => coalescer.run(item));
    expect(statement.batches).toEqual([['s1:up'], ['s2:up']]);
    await statement.finishOne();
    // s1's later calls wait for the one before them: one goes with s3, the last waits again.
    expect(statement.batches[2]).toEqual(['s1:down', 's3:up']);
    await statement.finishOne();
    expect(statement.batches).toHaveLength(3);
    await statement.finishOne();
    expect(statement.batches[3]).toEqual(['s1:up']);
    await statement.finishOne();
    await expect(Promise.all(answers)).resolves.toEqual(['s1:up!', 's2:up!', 's1:down!', 's1:up!', 's3:up!']);
  });

  it('never mixes accounts in one statement, and runs different accounts’ statements at once', async () => {
    const statement = fakeStatement();
    const coalescer = new WriteCoalescer(statement.run, {
      tenant: (item: string) => item.split(':')[0],
      maxStatements: 2,
    });
    const answers = ['a:1', 'b:1', 'a:2', 'c:1', 'b:2', 'a:3', 'c:2'].map((item) => coalescer.run(item));
    // a and b each run at once; c waits for a free statement; each account's later calls queue.
    expect(statement.batches).toEqual([['a:1'], ['b:1']]);
    await statement.finishOne();
    expect(statement.batches[2]).toEqual(['a:2', 'a:3']);
    await statement.finishOne();
    expect(statement.batches[3]).toEqual(['c:1', 'c:2']);
    while (statement.running()) await statement.finishOne();
    expect(statement.batches[4]).toEqual(['b:2']);
    await expect(Promise.all(answers)).resolves.toEqual(['a:1!', 'b:1!', 'a:2!', 'c:1!', 'b:2!', 'a:3!', 'c:2!']);
  });

  it("answers a failed statement's calls one by one, so only the failing call sees the error", async () => {
    const statement = fakeStatement((item) => item === 'bad');
    const coalescer = new WriteCoalescer(statement.run, oneAccount);
    const first = coalescer.run('first');
    const answers = ['a', 'bad', 'b'].map((item) => coalescer.run(item).catch((error: Error) => error.message));
    await statement.finishOne(); // 'first'; then a, bad, b go together and fail
    await statement.finishOne();
    expect(statement.batches.slice(2)).toEqual([['a'], ['bad'], ['b']]);
    while (statement.running()) await statement.finishOne();
    await expect(first).resolves.toBe('first!');
    await expect(Promise.all(answers)).resolves.toEqual(['a!', 'batch bad failed', 'b!']);
  });

  it('fails every call of a statement that lost its connection at once, without trying each again', async () => {
    const lost = () =>
      Object.assign(new DatabaseError('terminating connection due to administrator command', 0, 'error'), {
        code: '57P01',
      });
    const statement = fakeStatement(() => true, lost);
    const coalescer = new WriteCoalescer(statement.run, oneAccount);
    const answers = ['a', 'b', 'c'].map((item) => coalescer.run(item).catch((error: Error) => error.message));
    await statement.finishOne();
    await statement.finishOne();
    expect(statement.batches).toEqual([['a'], ['b', 'c']]);
    await expect(Promise.all(answers)).resolves.toEqual(
      Array(3).fill('terminating connection due to administrator command'),
    );
  });
});

describe('coalescedInput', () => {
  it('passes one array per column, with each item’s position as idx, and scalars after them', () => {
    const input = coalescedInput(
      [
        { id: 'x', n: 1 },
        { id: 'y', n: 2 },
      ],
      { id: ['uuid', (i) => i.id], n: ['int', (i) => i.n] },
    );
    expect(input.sql).toBe('SELECT * FROM unnest($1::int[], $2::uuid[], $3::int[]) AS i(idx, id, n)');
    expect(input.params).toEqual([
      [0, 1],
      ['x', 'y'],
      [1, 2],
    ]);
    expect(input.scalar('uuid', 'the-account')).toBe('$4::uuid');
    expect(input.params[3]).toBe('the-account');
  });

  it('hands rows back in the items’ order, with a gap where an item has no row', () => {
    expect(
      byIndex(
        [
          { idx: 2, v: 'c' },
          { idx: 0, v: 'a' },
        ],
        3,
      ),
    ).toEqual([{ idx: 0, v: 'a' }, undefined, { idx: 2, v: 'c' }]);
  });
});
