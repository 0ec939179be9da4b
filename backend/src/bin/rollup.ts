import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { BUMP_ALL_VERSIONS_SQL } from '../analytics/rollup/analytics-version';
import { rebuildRollups, verifyRollups } from '../analytics/rollup/rollup-recount';
import { dataSourceOptions } from '../database/data-source-options';

/**
 * `rollup verify`: recounts every analytics rollup from the raw tables and compares; exits 1 on
 * any difference (printing the first ones). `rollup rebuild`: recomputes them all from the raw
 * tables in one transaction (writes wait meanwhile; reads go on) and moves every account's
 * analytics version, so no API process serves a report cached from the old rollups. Needs DATABASE_URL.
 */
async function main(): Promise<number> {
  const command = process.argv[2] ?? 'verify';
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  if (command !== 'verify' && command !== 'rebuild') throw new Error('usage: rollup verify|rebuild');
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    const started = Date.now();
    if (command === 'rebuild') {
      await dataSource.transaction(async (manager) => {
        await rebuildRollups(manager);
        // Reports cached by running API processes were computed from the old rollups.
        for (const sql of BUMP_ALL_VERSIONS_SQL) await manager.query(sql);
      });
      process.stdout.write(`Rollups rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      return 0;
    }
    const { differences, total } = await dataSource.transaction('REPEATABLE READ', (manager) => verifyRollups(manager));
    if (!total) {
      process.stdout.write(`Rollups exact (checked in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
      return 0;
    }
    process.stdout.write(`${total} rollup bucket(s) differ from the raw tables; first ones:\n`);
    for (const d of differences) process.stdout.write(`${JSON.stringify(d)}\n`);
    return 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
