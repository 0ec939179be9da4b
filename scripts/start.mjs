#!/usr/bin/env node
// `npm start`: build the API and the web app, then run the server (which migrates, and on the
// embedded database seeds the demo account on first start).
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

const port = Number(process.env.PORT || 3000);

/** Whether the app could listen on `port` as it will (every interface). */
function portFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve(true)));
  });
}

// Said before the build, not a minute later (the server says the same if the port goes meanwhile).
if (Number.isInteger(port) && port > 0 && !(await portFree(port))) {
  console.error(
    `Port ${port} is already in use (another ResolutionFlow, or another program). Stop it, or start on another port: PORT=${port + 1} npm start`,
  );
  process.exit(1);
}

const env = { ...process.env, NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_DAEMON: 'false' };
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'backend', 'frontend', '--outputStyle=static'], {
  stdio: 'inherit',
  env,
});
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(process.execPath, ['dist/backend/main.js'], { stdio: 'inherit', env: process.env });
// Ctrl-C reaches the server from the terminal too; a signal sent to this process alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
