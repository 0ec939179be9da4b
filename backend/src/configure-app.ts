import { BadRequestException, HttpStatus, INestApplication, RequestMethod, UnprocessableEntityException, ValidationError, ValidationPipe } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveFrontend } from './frontend-routes';
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
 * made with createHttpAdapter() and bodyParser: false (the JSON parser is ours, below).
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
  fastify.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)));
  if (options.corsOrigins?.length) app.enableCors({ origin: options.corsOrigins, credentials: false });

  installJsonBody(fastify);

  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'api/health', method: RequestMethod.GET },
      { path: 'api/health/ready', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(
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

  if (options.frontendDir && existsSync(join(options.frontendDir, 'index.html'))) await serveFrontend(fastify, options.frontendDir);
}

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const PROTOTYPE_KEY_MESSAGE = 'JSON keys __proto__, constructor and prototype are not allowed';

/** Prototype-pollution payloads are refused while parsing, before any code sees the object. */
function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (PROTOTYPE_KEYS.has(key)) throw new SyntaxError(PROTOTYPE_KEY_MESSAGE);
  return value;
}

/**
 * JSON is the only body the API reads (another type is answered 415, one over the size limit 413,
 * common/filters/refused-body-message.ts); malformed JSON is the client's 400 in the API's error
 * shape. An empty body is no body.
 */
function installJsonBody(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body as string, refusePrototypeKeys));
    } catch (error) {
      const message = error instanceof Error && error.message === PROTOTYPE_KEY_MESSAGE ? PROTOTYPE_KEY_MESSAGE : 'Malformed JSON in request body';
      done(new BadRequestException(message), undefined);
    }
  });
}

/** class-validator errors as "field.path message" strings, nested fields included. */
export function flattenErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(`${error.property} `) ? `${path}${message.slice(error.property.length)}` : `${path}: ${message}`,
    );
    return [...own, ...flattenErrors(error.children ?? [], path)];
  });
}

export type App = INestApplication;
