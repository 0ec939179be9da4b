import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { StartupError } from '../startup-errors';

export interface EmbeddedDatabase {
  databaseUrl: string;
  jwtSecret: string;
  /** True when the data directory was created by this start: the demo data is seeded then. */
  freshlyCreated: boolean;
  /** Where the cluster lives: `.data/pg`, or where `.data/pg` links to (root in a private directory). */
  clusterDir: string;
  logFile: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'resolutionflow';

// The launcher is plain JavaScript (ESM) shared with the scripts, so it is loaded with import().
type Launcher = typeof import('./embedded/postgres-server.mjs', { with: { 'resolution-mode': 'import' } });
type ServerUserModule = typeof import('./embedded/server-user.mjs', { with: { 'resolution-mode': 'import' } });

/**
 * Where the cluster goes. Normally `.data/pg`. When we are root and the `postgres` user (who runs
 * the server) cannot enter `.data` — a clone under a mode-700 home — the cluster lives under the
 * shared directory and `.data/pg` is a link to it, made once, so every start finds the same data.
 */
async function clusterDirectory(dataDir: string, users: ServerUserModule): Promise<string> {
  const link = join(dataDir, 'pg');
  if (existsSync(link) && lstatSync(link).isSymbolicLink()) return resolve(dataDir, readlinkSync(link));
  const user = await users.serverUser();
  if (await users.userCan(user, dataDir, '-x')) return link;
  if (existsSync(link)) {
    throw new StartupError(
      `The postgres user, who runs the embedded PostgreSQL, cannot reach ${link} (a parent directory is private). Move ${link} to ${users.SHARED_DIR} and link it back, or make its parents traversable (chmod o+x).`,
    );
  }
  users.ensureSharedDir();
  const slug = resolve(dataDir, '..')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const target = join(users.SHARED_DIR, 'data', `${slug}-${randomBytes(3).toString('hex')}`);
  mkdirSync(dirname(target), { recursive: true, mode: 0o755 });
  symlinkSync(target, link);
  return target;
}

/**
 * Starts the zero-setup PostgreSQL used when DATABASE_URL is unset. Data lives in
 * `<dataDir>/pg`, its log in `<dataDir>/postgres.log`; a JWT secret is generated once and kept
 * beside them so tokens survive restarts.
 */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  // The server runs as the `postgres` user when we are root: it must be able to traverse here.
  chmodSync(dataDir, 0o755);

  const secretFile = join(dataDir, 'jwt-secret');
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(48).toString('base64url'), { mode: 0o600 });
  const jwtSecret = readFileSync(secretFile, 'utf8').trim();

  const { PostgresServer }: Launcher = await import('./embedded/postgres-server.mjs');
  const users: ServerUserModule = await import('./embedded/server-user.mjs');
  const clusterDir = await clusterDirectory(dataDir, users);
  const logFile = join(dataDir, 'postgres.log');
  const server = new PostgresServer({ dataDir: clusterDir, logFile });
  const freshlyCreated = server.fresh;
  try {
    await server.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!message.startsWith('another PostgreSQL')) throw error;
    throw new StartupError(
      `The embedded database is in use: ${message}. Is \`npm start\` already running in ${resolve(dataDir, '..')}? Stop it first.`,
    );
  }
  if (freshlyCreated) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: server.url() });
    await client.connect();
    await client.query(`CREATE DATABASE ${DATABASE_NAME}`).finally(() => client.end());
  }

  return {
    databaseUrl: server.url(DATABASE_NAME),
    jwtSecret,
    freshlyCreated,
    clusterDir,
    logFile,
    stop: () => server.stop(),
  };
}
