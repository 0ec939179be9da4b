// Each browser spec runs on a copy of the demo account of its own (the built seed-demo, under its
// own name and email domain, in the run's database), so no spec sees another's writes and the
// specs may run in any order.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED_ENTRY = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'backend', 'bin', 'seed-demo.js');
export const DEMO_PASSWORD = 'demo1234';

/** Seeds "Northwind IT (<slug>)" with users at <slug>.northwind.example; answers their logins. */
export async function demoAccount(slug) {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl) throw new Error('E2E_DATABASE_URL is not set: run the specs through e2e/run-e2e.mjs');
  const domain = `${slug}.northwind.example`;
  const child = spawn(
    process.execPath,
    [SEED_ENTRY, '--account-name', `Northwind IT (${slug})`, '--email-domain', domain],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`seeding the demo account "${slug}" failed (exit ${code}):\n${output}`);
  if (!output.includes('Seeded'))
    throw new Error(`the demo account "${slug}" already existed: each spec needs its own slug\n${output}`);
  return {
    domain,
    password: DEMO_PASSWORD,
    admin: `admin@${domain}`,
    /** engineer1 … engineer5 */
    engineer: (n) => `engineer${n}@${domain}`,
  };
}
