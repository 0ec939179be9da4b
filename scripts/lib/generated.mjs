// Every artefact generated from the code, and how to regenerate them all (`npm run generate`).
// Never edited by hand: regenerate, review the diff, commit it. `npm run drift:check` (CI)
// regenerates them and fails when git sees a difference.
import { spawnSync } from 'node:child_process';

/** What the steps below write. */
export const GENERATED = [
  'backend/openapi.json', // the OpenAPI spec (backend/src/bin/generate-openapi.ts)
  'frontend/src/app/api', // the Angular client generated from it (ng-openapi-gen)
  // The schema the migrations make (schema.sql, backend/src/bin/generate-schema-snapshot.ts) and the SQL
  // the running code issues (analytics/, rollup/, writes/; backend/src/bin/generate-sql.ts).
  'backend/sql',
];

const env = { ...process.env, NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_DAEMON: 'false' };

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export function generate() {
  // Builds the backend (dependsOn), writes the spec without a database, then the client.
  run('npx', ['nx', 'run', 'frontend:gen-api', '--skip-nx-cache', '--outputStyle=static']);
  // Each migrates an empty database (on DATABASE_URL's server, else a throwaway one): one reads its
  // catalog, the other records what the code sends it over a demo account built at a fixed clock.
  run('node', [
    'scripts/with-database.mjs',
    'node',
    'dist/backend/bin/generate-schema-snapshot.js',
    'backend/sql/schema.sql',
  ]);
  run('node', ['scripts/with-database.mjs', 'node', 'dist/backend/bin/generate-sql.js', 'backend/sql']);
}
