import 'reflect-metadata';

import { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';

import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/app-config';
import { configureApp } from './configure-app';
import { EmbeddedDatabase, startEmbeddedDatabase } from './database/embedded-postgres';
import { pgPool } from './database/pg-pool';
import { DEMO_PASSWORD, seedDemoData } from './demo/demo-seed';
import { createHttpAdapter } from './http-adapter';
import { AppLogger } from './logging/app-logger';
import { assertPortFree, PortInUseError, StartupError } from './startup-errors';

const logger = new Logger('Bootstrap');
let embedded: EmbeddedDatabase | null = null;
const DRAIN_TIMEOUT_MS = 10_000;

function drain(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, timeoutMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * Waits until no database connection is checked out of the pool (or the timeout passes). A
 * request whose client hung up has left the HTTP server's books but may still be running its
 * queries; closing the pool under it would fail them halfway.
 */
async function poolSettled(dataSource: DataSource, timeoutMs: number): Promise<void> {
  const pool = pgPool(dataSource);
  const deadline = Date.now() + timeoutMs;
  // Idle twice in a row: a handler between two queries holds no connection for a moment.
  for (let quiet = 0; pool && quiet < 2 && Date.now() < deadline;) {
    quiet = pool.totalCount > pool.idleCount || pool.waitingCount > 0 ? 0 : quiet + 1;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Starts ResolutionFlow. Without DATABASE_URL it runs its own PostgreSQL under .data/ and seeds
 * the demo account on first start; with DATABASE_URL it uses that server and never seeds by itself.
 */
async function bootstrap(): Promise<void> {
  const requestedPort = Number(process.env.PORT || 3000);
  if (Number.isInteger(requestedPort) && requestedPort > 0) await assertPortFree(requestedPort); // an invalid PORT is loadConfig's to report
  const root = process.env.RESOLUTIONFLOW_HOME ?? process.cwd();
  embedded = process.env.DATABASE_URL ? null : await startEmbeddedDatabase(join(root, '.data'));
  if (embedded) {
    process.env.DATABASE_URL = embedded.databaseUrl;
    process.env.JWT_SECRET ??= embedded.jwtSecret;
    const port = new URL(embedded.databaseUrl).port;
    logger.log(
      `Embedded PostgreSQL on 127.0.0.1:${port} (user postgres, database resolutionflow, data in ${embedded.clusterDir}, log ${embedded.logFile})`,
    );
  }

  const config = loadConfig(process.env);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createHttpAdapter(), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(AppLogger));
  await configureApp(app, {
    corsOrigins: config.corsOrigins,
    frontendDir: resolve(__dirname, '..', 'frontend', 'browser'),
  });

  const dataSource = app.get(DataSource);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (applied.length) logger.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);

  let seeded = false;
  if (embedded) {
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM accounts');
    if (count === 0) {
      logger.log('First start: seeding the demo account (Northwind IT)…');
      await seedDemoData(dataSource, (line) => logger.log(line));
      seeded = true;
    }
  }

  // Graceful shutdown: finish in-flight requests, close the pool, then stop the embedded server.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: draining in-flight requests`);
    // Stop accepting first and let running requests finish while the database is still there;
    // Nest's own close would tear the pool down before the HTTP server stops.
    await drain(app.getHttpServer(), DRAIN_TIMEOUT_MS);
    await poolSettled(dataSource, DRAIN_TIMEOUT_MS);
    await app.close().catch((error) => logger.error(String(error)));
    await embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // Every interface, as a container needs (Fastify alone would listen on localhost only).
  await app.listen(config.port, '0.0.0.0').catch(async (error: NodeJS.ErrnoException) => {
    await app.close().catch(() => undefined); // its timers and pool go before the database does
    throw error.code === 'EADDRINUSE' ? new PortInUseError(config.port) : error;
  });
  const url = `http://localhost:${config.port}`;
  logger.log(`ResolutionFlow is ready: app ${url}  ·  API ${url}/api/v1  ·  Swagger ${url}/api/docs`);
  if (embedded) {
    logger.log(
      `Demo logins (password "${DEMO_PASSWORD}"): admin@northwind.example (team_admin), engineer1@northwind.example … engineer5@northwind.example (engineers)${seeded ? '' : ' — seeded on first start'}`,
    );
  }
}

bootstrap().catch(async (error) => {
  if (error instanceof ConfigError || error instanceof StartupError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  // Stop the embedded server before exiting, so no PostgreSQL outlives the command.
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
});
