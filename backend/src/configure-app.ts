import { HttpStatus, INestApplication, RequestMethod, UnprocessableEntityException, ValidationError, ValidationPipe } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { errorName } from './common/filters/all-exceptions.filter';
import { frontendMiddleware } from './frontend-middleware';
import { ROOT_LOGGER } from './logging/logging.module';
import { requestLogging } from './logging/request-logging';
import { buildOpenApiDocument } from './openapi';

export const BODY_LIMIT = '100kb';

export interface ConfigureOptions {
  corsOrigins?: string[];
  /** Folder of the built Angular app, served at / with a fallback to index.html. */
  frontendDir?: string;
}

/** Everything main.ts and the integration tests share: one app, configured one way. */
export function configureApp(app: NestExpressApplication, options: ConfigureOptions = {}): void {
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // First, so every answer gets its X-Request-Id and its log line, a refused body's included.
  app.use(requestLogging(app.get(ROOT_LOGGER)));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Swagger UI and the Angular app both load only their own scripts and styles.
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  if (options.corsOrigins?.length) app.enableCors({ origin: options.corsOrigins, credentials: false });

  app.use(express.json({ limit: BODY_LIMIT, reviver: refusePrototypeKeys }));
  app.use(bodyErrors);

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

  if (options.frontendDir && existsSync(join(options.frontendDir, 'index.html'))) app.use(frontendMiddleware(options.frontendDir));
}

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const PROTOTYPE_KEY_MESSAGE = 'JSON keys __proto__, constructor and prototype are not allowed';

/** Prototype-pollution payloads are refused while parsing, before any code sees the object. */
function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (PROTOTYPE_KEYS.has(key)) throw new SyntaxError(PROTOTYPE_KEY_MESSAGE);
  return value;
}

/** Malformed JSON is the client's 400 and an oversized body its 413, answered in the API's error shape. */
function bodyErrors(error: { type?: string; status?: number; message?: string }, _req: Request, res: Response, next: NextFunction): void {
  if (!error) return next();
  const status =
    error.type === 'entity.too.large' ? 413 : error.type === 'entity.parse.failed' ? 400 : (error.status ?? 400);
  const message =
    status === 413
      ? `Request body is larger than ${BODY_LIMIT}`
      : error.message === PROTOTYPE_KEY_MESSAGE
        ? PROTOTYPE_KEY_MESSAGE
        : status === 400
          ? 'Malformed JSON in request body'
          : 'Unreadable request body';
  res.status(status).json({ statusCode: status, message, error: errorName(status) });
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
