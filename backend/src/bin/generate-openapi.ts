import 'reflect-metadata';

import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

import { AppModule } from '../app.module';
import { createHttpAdapter } from '../http-adapter';
import { buildOpenApiDocument, sortKeys } from '../openapi';

/**
 * Writes the OpenAPI spec without a database: `preview` builds the module graph without
 * instantiating providers. Keys are sorted so the checked-in file diffs cleanly.
 */
async function main(): Promise<void> {
  const output = process.argv[2] ?? 'backend/openapi.json';
  process.env.DATABASE_URL ??= 'postgres://unused@127.0.0.1:1/unused';
  process.env.JWT_SECRET ??= 'openapi-generation-only-secret-000000000';
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createHttpAdapter(), {
    preview: true,
    logger: false,
  });
  app.setGlobalPrefix('api/v1', { exclude: ['api/health', 'api/health/ready'] });
  const document = buildOpenApiDocument(app);
  writeFileSync(output, `${JSON.stringify(sortKeys(document), null, 2)}\n`);
  await app.close();
  process.stdout.write(`OpenAPI spec written to ${output}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
