// The built API as the single-purpose benches run it (sessions-explorer.mjs,
// node-times-write-ab.mjs): a child process on its own port over the bench database, throttling
// off, LOG_LEVEL=warn and the old-space heap bounded as deployed; its peak RSS sampled.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { BENCH_PASSWORD, BUILD_DIR } from '../generate-dataset.mjs';

/** Starts the API and waits until /api/health answers; `stop()` ends it. */
export async function startBenchApi({ port, databaseUrl, cwd }) {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--max-old-space-size=192', resolve(BUILD_DIR, 'main.js')], {
    cwd,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      JWT_SECRET: randomBytes(24).toString('hex'),
      THROTTLE_GLOBAL_PER_MINUTE: '0',
      THROTTLE_AUTH_PER_MINUTE: '0',
      THROTTLE_LOGIN_PER_EMAIL: '0',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const rss = { max: 0 };
  const sampler = setInterval(() => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
      rss.max = Math.max(rss.max, kb / 1024);
    } catch {
      /* not running */
    }
  }, 100);
  const stop = () => {
    clearInterval(sampler);
    child.kill('SIGTERM');
  };
  for (let i = 0; ; i++) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { base, rss, stop };
    if (i > 120) {
      stop();
      throw new Error('the API did not come up');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A bench user's access token (every bench user has BENCH_PASSWORD). */
export async function benchLogin(base, email) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  return (await res.json()).access_token;
}
