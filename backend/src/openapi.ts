import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

import { SCOPE_DESCRIPTIONS, TOKEN_SCOPES } from './api-tokens/token-scopes';
import { ANY_SCOPE, PERSON_ONLY, PUBLIC_ROUTE, SCOPE_EXTENSION } from './common/decorators/required-scope.decorator';

const SCOPE_LIST = TOKEN_SCOPES.map((scope) => `\`${scope}\` (${SCOPE_DESCRIPTIONS[scope]})`).join('; ');

/** The OpenAPI document: served at /api/docs and written to backend/openapi.json for the client generator. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('ResolutionFlow API')
    .setDescription(
      'Guided troubleshooting flows, sessions, feedback and analytics. JSON is snake_case. ' +
        'Integrations authenticate with a personal API token (`rf_pat_…`, made on the "API tokens" page or with POST /api/v1/tokens) ' +
        'sent as `Authorization: Bearer <token>`; it acts as its owner, narrowed to its scopes. The web app signs in with ' +
        'POST /api/v1/auth/login and sends the JWT it gets the same way. Every operation names the token scope it needs ' +
        `(\`${SCOPE_EXTENSION}\`): ${SCOPE_LIST}. ` +
        'Errors are {statusCode, message, error}: 422 names the invalid field; ids of other accounts answer 404; ' +
        'a token without the needed scope gets 403 with `required_scope`.',
    )
    .setVersion('1.0')
    .addBearerAuth()
    .build();
  // Operation ids are the controller method names, so the generated client reads naturally.
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: (_controller, method) => method });
  describeScopes(document);
  return document;
}

const SCOPE_SENTENCE: Record<string, string> = {
  [PUBLIC_ROUTE]: 'No authentication.',
  [ANY_SCOPE]: 'API tokens: any scope.',
  [PERSON_ONLY]: 'API tokens: not allowed (403); only a signed-in person.',
};

/** Writes each operation's token requirement into its description, where Swagger UI and the generated client show it. */
function describeScopes(document: OpenAPIObject): void {
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations) as { description?: string; [SCOPE_EXTENSION]?: string }[]) {
      const needed = operation?.[SCOPE_EXTENSION];
      if (typeof needed !== 'string') continue;
      const sentence = SCOPE_SENTENCE[needed] ?? `API tokens: needs the scope \`${needed}\`.`;
      operation.description = operation.description ? `${operation.description}\n\n${sentence}` : sentence;
    }
  }
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
