#!/usr/bin/env node
// Fails when a checked-in generated artefact (the OpenAPI spec, the Angular client, the schema
// snapshot, the committed SQL; scripts/lib/generated.mjs) differs from what the code produces now: regenerate
// them all, then ask git whether anything changed.
import { execFileSync } from 'node:child_process';

import { generate, GENERATED } from './lib/generated.mjs';

generate();
const changes = execFileSync('git', ['status', '--porcelain', '--', ...GENERATED], { encoding: 'utf8' }).trim();
if (changes) {
  console.error('\nGenerated artefacts are out of date with the code:\n' + changes);
  console.error('\nRun `npm run generate` and commit the result (never edit these files by hand).');
  process.exit(1);
}
console.log('Generated artefacts (OpenAPI spec, API client, schema snapshot, committed SQL) match the code.');
