// Several API processes (the built dist/backend/main.js) on one database, for tests of what holds
// across instances: read-your-writes, the rollup folder, limits, and (webhooks) one delivery per
// attempt. Each process is started with its own PORT and stopped by PID; nothing is left running.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import pg from 'pg';

import { startThrowawayPostgres } from '../../../../scripts/lib/throwaway-postgres.mjs';

const root = resolve(import.meta.dirname, '../../../..');

export const freePort = () =>
  new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });

/**
 * A database for the test: a scratch one on DATABASE_URL's server when set (dropped by stop()),
 * else a throwaway embedded PostgreSQL.
 */
export async function startDatabase() {
  if (!process.env.DATABASE_URL) {
    const throwaway = await startThrowawayPostgres();
    return { url: throwaway.url, stop: () => throwaway.stop() };
  }
  const name = `rf_instances_${randomBytes(5).toString('hex')}`;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(process.env.DATABASE_URL), { pathname: `/${name}` }).toString();
  return { url, stop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Environment every instance of a test gets; `env` adds to it (limits, secrets). */
const baseEnv = (databaseUrl) => ({
  DATABASE_URL: databaseUrl,
  JWT_SECRET: 'instances-test-secret-0123456789abcdefghij',
  THROTTLE_GLOBAL_PER_MINUTE: '0',
  THROTTLE_AUTH_PER_MINUTE: '0',
  THROTTLE_LOGIN_PER_EMAIL: '0',
  LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'fatal',
});

async function startOne(databaseUrl, env) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'dist/backend/main.js')], {
    env: { ...process.env, ...baseEnv(databaseUrl), ...env, PORT: String(port) },
    stdio: ['ignore', process.env.FAULTS_LOG_LEVEL ? 'inherit' : 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`API instance exited with ${child.exitCode} before it was healthy`);
    const ok = await fetch(`${url}/api/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, url, api: apiClient(url) };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`API instance on ${url} did not become ready`);
}

/**
 * `count` API processes on the database at `databaseUrl`: the first applies the migrations, the
 * rest start once it is ready (instances of one version never migrate concurrently).
 */
export async function startApiInstances(count, { databaseUrl, env = {} }) {
  const instances = [await startOne(databaseUrl, env)];
  try {
    instances.push(...(await Promise.all(Array.from({ length: count - 1 }, () => startOne(databaseUrl, env)))));
  } catch (error) {
    await stopApiInstances(instances);
    throw error;
  }
  return instances;
}

/** SIGTERM (graceful), then SIGKILL after 10 s; each by its own PID. */
export async function stopApiInstances(instances) {
  await Promise.all(
    instances.map(
      ({ child }) =>
        new Promise((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            done();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

/** fetch for one instance: JSON in and out, a token, extra headers. */
export function apiClient(base) {
  return async (path, { token, body, method, headers = {} } = {}) => {
    const res = await fetch(`${base}${path}`, {
      method: method ?? (body ? 'POST' : 'GET'),
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.status, headers: res.headers, body: json };
  };
}
