/** One column of a batch's input: its PostgreSQL type and how to read it off an item. */
export type InputColumn<Item> = [pgType: string, value: (item: Item) => unknown];

/**
 * A batch's items as a relation for one statement: `unnest` of one array parameter per column,
 * plus `idx`, each item's position, so every result row can be handed back to its caller.
 */
export function coalescedInput<Item>(items: Item[], columns: Record<string, InputColumn<Item>>): CoalescedInput {
  const names = Object.keys(columns);
  const arrays = names.map((name, i) => `$${i + 2}::${columns[name][0]}[]`);
  const params: unknown[] = [items.map((_, idx) => idx), ...names.map((name) => items.map(columns[name][1]))];
  return {
    sql: `SELECT * FROM unnest($1::int[], ${arrays.join(', ')}) AS i(idx, ${names.join(', ')})`,
    params,
    scalar(pgType, value) {
      params.push(value);
      return `$${params.length}::${pgType}`;
    },
  };
}

export interface CoalescedInput {
  /** The relation of the items, to use as `input`. */
  sql: string;
  params: unknown[];
  /** One more parameter, the same for every item (the account): its placeholder, typed. */
  scalar(pgType: string, value: unknown): string;
}

/** Result rows (at most one per `idx`) in the items' order; undefined where a row is missing. */
export function byIndex<Row extends { idx: number }>(rows: Row[], count: number): (Row | undefined)[] {
  const ordered: (Row | undefined)[] = new Array(count).fill(undefined);
  for (const row of rows) ordered[row.idx] = row;
  return ordered;
}
