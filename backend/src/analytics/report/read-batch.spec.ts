import { inlineParameters, ReadBatch, sqlLiteral } from './read-batch';

describe('sqlLiteral / inlineParameters', () => {
  it('escapes strings so a value can never end its literal', () => {
    expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(sqlLiteral('back\\slash')).toBe(" E'back\\\\slash'");
    expect(inlineParameters('SELECT $1, $2', ["x'; DROP TABLE users; --", 1])).toBe(
      "SELECT 'x''; DROP TABLE users; --', 1",
    );
  });

  it('writes dates as ISO instants, numbers, booleans and null as SQL', () => {
    expect(sqlLiteral(new Date('2026-11-24T10:00:00Z'))).toBe("'2026-11-24T10:00:00.000Z'");
    expect(sqlLiteral(-3.5)).toBe('-3.5');
    expect(sqlLiteral(true)).toBe('TRUE');
    expect(sqlLiteral(null)).toBe('NULL');
  });

  it('refuses values it cannot write faithfully, and placeholders without a value', () => {
    expect(() => sqlLiteral(Number.NaN)).toThrow(TypeError);
    expect(() => sqlLiteral({})).toThrow(TypeError);
    expect(() => inlineParameters('SELECT $2', [1])).toThrow(RangeError);
  });

  it('replaces $10 as one placeholder, not $1 followed by 0', () => {
    const values = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(inlineParameters('SELECT $1, $10', values)).toBe('SELECT 1, 10');
  });
});

describe('ReadBatch', () => {
  it('sends statements issued together as one query, after the prelude, and hands each its rows', async () => {
    const sent: string[] = [];
    const client = {
      query: async (text: string) => {
        sent.push(text);
        return text.split(';\n').map((statement, i) => ({ rows: [{ i, statement }] }));
      },
    };
    const batch = new ReadBatch(client, ['BEGIN']);
    const [a, b] = await Promise.all([batch.query('SELECT $1', ['a']), batch.query('SELECT $1', [2])]);
    expect(sent).toEqual(["BEGIN;\nSELECT 'a';\nSELECT 2"]);
    expect(a).toEqual([{ i: 1, statement: "SELECT 'a'" }]);
    expect(b).toEqual([{ i: 2, statement: 'SELECT 2' }]);

    // A later statement is a new round trip, without the prelude.
    await batch.query('SELECT 3');
    expect(sent[1]).toBe('SELECT 3');
  });

  it('rejects every statement of a failed batch', async () => {
    const batch = new ReadBatch({ query: async () => Promise.reject(new Error('boom')) });
    const results = await Promise.allSettled([batch.query('SELECT 1'), batch.query('SELECT 2')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('closes: statements not yet sent never reach the client, one on the wire is awaited', async () => {
    const sent: string[] = [];
    let release: () => void = () => undefined;
    const client = {
      query: (text: string) => {
        sent.push(text);
        return new Promise<{ rows: unknown[] }>((resolve) => (release = () => resolve({ rows: [] })));
      },
    };
    const queuedOnly = new ReadBatch(client);
    const dropped = queuedOnly.query('SELECT 1');
    await queuedOnly.close();
    await expect(dropped).rejects.toThrow('closed');
    expect(sent).toEqual([]);
    await expect(queuedOnly.query('SELECT 2')).rejects.toThrow('closed');

    const onTheWire = new ReadBatch(client);
    const answered = onTheWire.query('SELECT 3');
    await new Promise((resolve) => setImmediate(resolve));
    let closed = false;
    const closing = onTheWire.close().then(() => (closed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    release();
    await closing;
    await expect(answered).resolves.toEqual([]);
  });
});
