import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { AppModule } from '../../../src/app.module';
import { configureApp, ConfigureOptions } from '../../../src/configure-app';
import { createHttpAdapter } from '../../../src/http-adapter';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  databaseUrl: string;
  close(): Promise<void>;
}

export function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      'DATABASE_URL is not set: run integration tests with `npm test` or `node scripts/with-database.mjs`',
    );
  return url;
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(serverUrl(), 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the test server, named at random. */
export async function createScratchDatabase(): Promise<{ name: string; url: string }> {
  const name = `rf_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return { name, url: withDatabase(serverUrl(), name) };
}

/**
 * Boots the real Nest app, configured exactly as in production, on a fresh database of its
 * own (created, migrated, and dropped by close()) — or on `database`, a scratch database already
 * made, which it migrates and drops alike. One per test file.
 */
export async function createTestApp(options: ConfigureOptions = {}, database?: { name: string }): Promise<TestApp> {
  const name = database?.name ?? (await createScratchDatabase()).name;
  const databaseUrl = withDatabase(serverUrl(), name);
  process.env.JWT_SECRET = 'integration-test-secret-0123456789abcdef';
  process.env.LOG_LEVEL ??= 'fatal';
  // Tests fire many requests from one IP; the throttling spec sets its own low limits.
  process.env.THROTTLE_GLOBAL_PER_MINUTE ??= '0';
  process.env.THROTTLE_AUTH_PER_MINUTE ??= '0';
  process.env.THROTTLE_LOGIN_PER_EMAIL ??= '0';

  const previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  process.env.DATABASE_URL = previousUrl;

  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), {
    bodyParser: false,
    logger: ['error'],
  });
  await configureApp(app, options);
  await app.init();
  // supertest calls the Node server directly: Fastify must have loaded its plugins and routes.
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get(DataSource);
  await dataSource.runMigrations({ transaction: 'each' });

  return {
    app,
    http: request(app.getHttpServer()),
    dataSource,
    databaseUrl,
    async close() {
      await app.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
