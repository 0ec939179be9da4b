#!/usr/bin/env node
// `npm run generate`: regenerates every generated artefact (scripts/lib/generated.mjs).
import { generate } from './lib/generated.mjs';

generate();
console.log('Generated artefacts written; review and commit the diff.');
