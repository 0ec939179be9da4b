import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document: served at /api/docs and written to backend/openapi.json for the client generator. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('ResolutionFlow API')
    .setDescription(
      'Guided troubleshooting flows, sessions, feedback and analytics. JSON is snake_case. ' +
        'Authenticate with POST /api/v1/auth/login and send the token as `Authorization: Bearer <token>`. ' +
        'Errors are {statusCode, message, error}: 422 names the invalid field; ids of other accounts answer 404.',
    )
    .setVersion('1.0')
    .addBearerAuth()
    .build();
  // Operation ids are the controller method names, so the generated client reads naturally.
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (_controller, method) => method });
}

/** Recursively sorts object keys so the checked-in spec diffs cleanly. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
