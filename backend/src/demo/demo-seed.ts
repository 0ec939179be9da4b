import { DataSource, EntityManager } from 'typeorm';

import { PasswordService } from '../auth/password.service';
import { normalizeEmail } from '../users/email';
import { DEMO_ACCOUNT } from './demo-content';
import { buildDemoDataset, DEMO_SEED, DemoDataset, DemoDatasetOptions, outcomeCounts } from './demo-dataset';
import { generateDemoFeedback } from './demo-feedback';
import { Rng } from './prng';

export const DEMO_PASSWORD = 'demo1234';

/** Rows per INSERT statement: ~10 columns each keeps a statement well under PostgreSQL's 65,535 parameters. */
const CHUNK_ROWS = 500;

/**
 * Creates the demo account "Northwind IT": an admin and five engineers (password DEMO_PASSWORD),
 * a step library, six published flows and 90 days of sessions up to now. Runs in one transaction
 * with a few multi-row INSERTs. Does nothing if the account already exists. `options` fix the
 * clock and the ids (the committed SQL is generated from a demo account built that way), or
 * seed another copy under its own name and email domain (the browser tests give each spec one).
 */
export async function seedDemoData(
  dataSource: DataSource,
  log: (line: string) => void = () => undefined,
  options: DemoDatasetOptions = {},
): Promise<void> {
  const started = Date.now();
  const accountName = options.accountName ?? DEMO_ACCOUNT.name;
  const dataset = await dataSource.transaction(async (manager) => {
    // Two seeds started at once (e.g. two app instances on first start) must not both insert.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('resolutionflow:demo-seed'))`);
    const existing: unknown[] = await manager.query('SELECT 1 FROM accounts WHERE name = $1 LIMIT 1', [accountName]);
    if (existing.length) return null;

    const data = buildDemoDataset(options);
    const taken: { email: string }[] = await manager.query(
      'SELECT email FROM user_logins WHERE email = ANY($1::text[])',
      [data.users.map((u) => normalizeEmail(u.email))],
    );
    if (taken.length) {
      throw new Error(
        `Cannot seed the demo account: ${taken.map((u) => u.email).join(', ')} already belong to another account`,
      );
    }
    // argon2id is deliberately slow: hash once, share it across the demo users.
    const passwordHash = await new PasswordService().hash(DEMO_PASSWORD);
    await insertDataset(manager, data, passwordHash);
    const feedback = await insertFeedback(manager, data);
    return { ...data, feedback };
  });

  if (!dataset) {
    log(`Demo account "${accountName}" already exists: nothing seeded`);
    return;
  }
  const counts = outcomeCounts(dataset.sessions);
  const total = dataset.sessions.length;
  const pct = (n: number) => `${Math.round((100 * n) / Math.max(1, total))}%`;
  log(
    `Seeded "${dataset.account.name}": ${dataset.users.length} users, ${dataset.steps.length} library steps, ` +
      `${dataset.flows.length} flows (${dataset.flows.reduce((n, f) => n + f.nodes.length, 0)} nodes), ${total} sessions ` +
      `(${pct(counts.resolved)} resolved, ${pct(counts.workaround)} workaround, ${pct(counts.escalated)} escalated, ` +
      `${pct(counts.unresolved)} unresolved, ${counts.unfinished} unfinished), ${dataset.feedback.ratings} CSAT ratings, ` +
      `${dataset.feedback.votes} step votes in ${Date.now() - started} ms`,
  );
}

/** Inserts a built dataset. Exported so a later seed step (e.g. ratings) can reuse the same data. */
export async function insertDataset(manager: EntityManager, data: DemoDataset, passwordHash: string): Promise<void> {
  const accountId = data.account.id;
  const createdAt = data.createdAt.toISOString();
  // Set-up happened in the days before the first session, in this order.
  const later = (hours: number) => new Date(data.createdAt.getTime() + hours * 3_600_000).toISOString();

  await insertRows(
    manager,
    'accounts',
    ['id::uuid', 'name', 'timezone', 'created_at::timestamptz'],
    [[accountId, data.account.name, data.account.timezone, createdAt]],
  );

  await insertRows(
    manager,
    'users',
    ['id::uuid', 'account_id::uuid', 'email', 'name', 'password_hash', 'role', 'created_at::timestamptz'],
    data.users.map((user, i) => [
      user.id,
      accountId,
      normalizeEmail(user.email),
      user.name,
      passwordHash,
      user.role,
      later(1 + i),
    ]),
  );

  await insertRows(
    manager,
    'step_library',
    [
      'id::uuid',
      'account_id::uuid',
      'title',
      'instructions',
      'created_by::uuid',
      'created_at::timestamptz',
      'updated_at::timestamptz',
    ],
    data.steps.map((step, i) => [
      step.id,
      accountId,
      step.title,
      step.instructions,
      data.admin.id,
      later(24 + i),
      later(24 + i),
    ]),
  );

  await insertRows(
    manager,
    'trees',
    [
      'id::uuid',
      'account_id::uuid',
      'name',
      'description',
      'kind',
      'status',
      'start_node_id::uuid',
      'usage_count::integer',
      'created_by::uuid',
      'created_at::timestamptz',
      'updated_at::timestamptz',
    ],
    data.flows.map((flow, i) => [
      flow.id,
      accountId,
      flow.def.name,
      flow.def.description,
      flow.def.kind,
      'published',
      flow.startNodeId,
      flow.usageCount,
      data.admin.id,
      later(48 + 4 * i),
      later(72 + 4 * i),
    ]),
  );

  await insertRows(
    manager,
    'tree_nodes',
    [
      'id::uuid',
      'account_id::uuid',
      'tree_id::uuid',
      'type',
      'title',
      'body',
      'help_text',
      'step_id::uuid',
      'options::jsonb',
      'position::integer',
    ],
    data.flows.flatMap((flow) =>
      flow.nodes.map((node) => [
        node.id,
        accountId,
        flow.id,
        node.type,
        node.title,
        node.body,
        node.helpText,
        node.stepId,
        JSON.stringify(node.options),
        node.position,
      ]),
    ),
  );

  await insertRows(
    manager,
    'sessions',
    [
      'id::uuid',
      'account_id::uuid',
      'tree_id::uuid',
      // Every demo flow is at its first version, and every demo session started on it.
      'tree_version::int',
      'user_id::uuid',
      'started_at::timestamptz',
      'completed_at::timestamptz',
      'outcome',
      'current_node_id::uuid',
      'path::jsonb',
      'notes',
    ],
    data.sessions.map((s) => [
      s.id,
      accountId,
      s.treeId,
      1,
      s.userId,
      s.startedAt.toISOString(),
      s.completedAt?.toISOString() ?? null,
      s.outcome,
      s.currentNodeId,
      JSON.stringify(s.path),
      s.notes,
    ]),
  );
}

/**
 * CSAT ratings and step thumbs for the seeded sessions; the library's helpful counters are then
 * set from the stored votes, so they agree exactly as the live feedback path keeps them.
 */
async function insertFeedback(manager: EntityManager, data: DemoDataset): Promise<{ ratings: number; votes: number }> {
  const accountId = data.account.id;
  const { ratings, votes } = generateDemoFeedback(data, new Rng(DEMO_SEED + 1));
  await insertRows(
    manager,
    'session_ratings',
    [
      'account_id::uuid',
      'session_id::uuid',
      'user_id::uuid',
      'tree_id::uuid',
      'rating::smallint',
      'comment',
      'created_at::timestamptz',
    ],
    ratings.map((r) => [accountId, r.sessionId, r.userId, r.treeId, r.rating, r.comment, r.createdAt.toISOString()]),
  );
  await insertRows(
    manager,
    'step_ratings',
    [
      'account_id::uuid',
      'session_id::uuid',
      'tree_id::uuid',
      'node_id::uuid',
      'step_id::uuid',
      'user_id::uuid',
      'was_helpful::boolean',
      'created_at::timestamptz',
      'updated_at::timestamptz',
    ],
    votes.map((v) => [
      accountId,
      v.sessionId,
      v.treeId,
      v.nodeId,
      v.stepId,
      v.userId,
      v.wasHelpful,
      v.at.toISOString(),
      v.at.toISOString(),
    ]),
  );
  // step_library.helpful_yes / helpful_no follow from the votes by trigger (StepVoteCounters).
  return { ratings: ratings.length, votes: votes.length };
}

/**
 * Multi-row INSERTs of at most CHUNK_ROWS rows each. Columns are written `name::type` when the
 * parameter needs a cast (values travel as text or JSON strings).
 */
async function insertRows(manager: EntityManager, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const names = columns.map((c) => c.split('::')[0]);
  const casts = columns.map((c) => (c.includes('::') ? `::${c.split('::')[1]}` : ''));
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      if (row.length !== columns.length)
        throw new Error(`${table}: row has ${row.length} values for ${columns.length} columns`);
      return `(${row.map((value, i) => `$${params.push(value)}${casts[i]}`).join(', ')})`;
    });
    await manager.query(`INSERT INTO ${table} (${names.join(', ')}) VALUES ${tuples.join(', ')}`, params);
  }
}
