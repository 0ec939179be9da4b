import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  HttpStatus,
  INestApplication,
  RequestMethod,
  UnprocessableEntityException,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

import { NoNulCharactersPipe } from './common/pipes/no-nul-characters.pipe';
import { serveFrontend } from './frontend-routes';
import { installJsonBody } from './json-body';
import { ROOT_LOGGER } from './logging/logging.module';
import { installRequestLogging } from './logging/request-logging';
import { buildOpenApiDocument } from './openapi';

export interface ConfigureOptions {
  corsOrigins?: string[];
  /** Folder of the built Angular app, served at / with a fallback to index.html. */
  frontendDir?: string;
}

/**
 * Everything main.ts and the integration tests share: one app, configured one way. The app is
 * made with createHttpAdapter() and bodyParser: false (the JSON parser is ours: json-body.ts).
 */
export async function configureApp(app: NestFastifyApplication, options: ConfigureOptions = {}): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  // First, so every answer gets its X-Request-Id and its log line, a refused body's included.
  installRequestLogging(fastify, app.get(ROOT_LOGGER));
  // helmet itself, made once: @fastify/helmet builds a new helmet on every request (≈ 5 % of a
  // completion's CPU).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        // Swagger UI and the Angular app both load only their own scripts and styles.
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
  );
  if (options.corsOrigins?.length) {
    app.enableCors({
      origin: options.corsOrigins,
      credentials: false,
      // Named: @fastify/cors would allow only GET, HEAD and POST by default.
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      // So a browser client on another origin can quote the request id, honour Retry-After and name a CSV.
      exposedHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition'],
    });
  }

  installJsonBody(fastify);

  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'api/health', method: RequestMethod.GET },
      { path: 'api/health/ready', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(
    new NoNulCharactersPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      errorHttpStatusCode: HttpStatus.UNPROCESSABLE_ENTITY,
      exceptionFactory: (errors) => new UnprocessableEntityException(flattenErrors(errors)),
    }),
  );

  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'ResolutionFlow API',
  });

  if (options.frontendDir && existsSync(join(options.frontendDir, 'index.html')))
    await serveFrontend(fastify, options.frontendDir);
}

/**
 * class-validator errors as "field.path message" strings, nested fields included, each once: a
 * field's rules often share one message ("rating must be an integer from 1 to 5" from IsInt, Min
 * and Max), which a client should read once.
 */
export function flattenErrors(errors: ValidationError[], parent = ''): string[] {
  return [...new Set(fieldMessages(errors, parent))];
}

function fieldMessages(errors: ValidationError[], parent: string): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(`${error.property} `)
        ? `${path}${message.slice(error.property.length)}`
        : `${path}: ${message}`,
    );
    return [...own, ...fieldMessages(error.children ?? [], path)];
  });
}

export type App = INestApplication;
