#!/usr/bin/env node
// `npm start`: build the API and the web app, then run the server (which migrates, and on the
// embedded database seeds the demo account on first start).
import { spawnSync, spawn } from 'node:child_process';

const env = { ...process.env, NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_DAEMON: 'false' };
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'backend', 'frontend', '--outputStyle=static'], {
  stdio: 'inherit',
  env,
});
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(process.execPath, ['dist/backend/main.js'], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
