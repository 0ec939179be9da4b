// A throwaway PostgreSQL for test runs when DATABASE_URL is unset: a scratch directory (data
// and log), a free port, fsync off; everything is removed when it stops — and, through the
// server's watchdog, also when the process that started it is killed.
// (The app's persistent embedded database is backend/src/database/embedded-postgres.ts.)
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PostgresServer } from '../../backend/src/database/embedded/postgres-server.mjs';
import { ensureSharedDir, serverUser, SHARED_DIR, userCan } from '../../backend/src/database/embedded/server-user.mjs';

/** A new directory the server's user owns (so its watchdog can delete it), where that user can reach it. */
async function scratchDir() {
  const user = await serverUser();
  const make = (parent) => {
    const dir = mkdtempSync(join(parent, 'rf-pg-'));
    if (user) chownSync(dir, user.uid, user.gid);
    chmodSync(dir, 0o700);
    return dir;
  };
  const dir = make(tmpdir());
  if (!user || (await userCan(user, dir, '-w'))) return dir;
  // TMPDIR is private (e.g. under a mode-700 home): use the shared directory instead.
  rmSync(dir, { recursive: true, force: true });
  ensureSharedDir();
  mkdirSync(join(SHARED_DIR, 'tmp'), { recursive: true, mode: 0o755 });
  return make(join(SHARED_DIR, 'tmp'));
}

/**
 * @returns {Promise<{ url: string, logFile: string, server: PostgresServer, keepLog(to: string): void, stop(): Promise<void> }>}
 */
export async function startThrowawayPostgres() {
  const dir = await scratchDir();
  const logFile = join(dir, 'postgres.log');
  const server = new PostgresServer({ dataDir: join(dir, 'data'), logFile, throwaway: true, removeAfterExit: dir });
  try {
    await server.start();
  } catch (error) {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: server.url(),
    logFile,
    server,
    /** Copies the server's log out of the scratch directory (which goes at stop) to `to`. */
    keepLog(to) {
      if (existsSync(logFile)) copyFileSync(logFile, to);
    },
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
