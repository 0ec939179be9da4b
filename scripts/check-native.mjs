#!/usr/bin/env node
// Checks the native parts on the Node that runs this script (.ci/run runs it on the machine's Node
// and on Node 24): argon2's addon hashes and verifies, and the embedded PostgreSQL binaries
// initialise, start, answer and stop. Exits non-zero, naming the part, when one does not.
import argon2 from 'argon2';
import pg from 'pg';

import { startThrowawayPostgres } from './lib/throwaway-postgres.mjs';

const node = `Node ${process.version} (modules ABI ${process.versions.modules}, N-API ${process.versions.napi})`;
try {
  const hash = await argon2.hash('check-native');
  if (!(await argon2.verify(hash, 'check-native')) || (await argon2.verify(hash, 'other')))
    throw new Error('argon2 verified wrongly');
  console.log(`${node}: argon2 hashes and verifies`);
} catch (error) {
  console.error(`${node}: argon2 FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

let database;
try {
  database = await startThrowawayPostgres();
  const client = new pg.Client(database.url);
  await client.connect();
  const { rows } = await client.query('SELECT version()');
  await client.end();
  console.log(`${node}: embedded PostgreSQL answers: ${rows[0].version.split(' on ')[0]}`);
} catch (error) {
  console.error(`${node}: embedded PostgreSQL FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database?.stop();
}
