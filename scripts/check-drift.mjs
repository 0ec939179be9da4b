#!/usr/bin/env node
// Fails when the checked-in OpenAPI spec or the generated Angular client differ from what the
// code produces now: regenerate both, then ask git whether anything changed.
import { execFileSync, spawnSync } from 'node:child_process';

const generated = ['backend/openapi.json', 'frontend/src/app/api'];
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_DAEMON: 'false' };

const run = spawnSync('npx', ['nx', 'run', 'frontend:gen-api', '--skip-nx-cache', '--outputStyle=static'], { stdio: 'inherit', env });
if (run.status !== 0) process.exit(run.status ?? 1);

const changes = execFileSync('git', ['status', '--porcelain', '--', ...generated], { encoding: 'utf8' }).trim();
if (changes) {
  console.error('\nGenerated code is out of date with the backend:\n' + changes);
  console.error('\nRun `npm run openapi` and commit the result (never edit these files by hand).');
  process.exit(1);
}
console.log('OpenAPI spec and API client match the code.');
