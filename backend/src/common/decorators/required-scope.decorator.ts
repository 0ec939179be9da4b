import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

import type { TokenScope } from '../../api-tokens/token-scopes';

export const REQUIRED_SCOPE = 'requiredScope';
/** The OpenAPI extension on every operation that names what an API token needs to call it. */
export const SCOPE_EXTENSION = 'x-required-scope';

/** Any valid API token may call the route, whatever its scopes (e.g. "who am I"). */
export const ANY_SCOPE = 'any';
/** Only a signed-in person may call the route; every API token gets 403. */
export const PERSON_ONLY = 'person-only';
/** No authentication at all (@Public). */
export const PUBLIC_ROUTE = 'public';

export type ScopeRequirement = TokenScope | typeof ANY_SCOPE | typeof PERSON_ONLY;

const requirement = (value: ScopeRequirement) =>
  applyDecorators(SetMetadata(REQUIRED_SCOPE, value), ApiExtension(SCOPE_EXTENSION, value));

/**
 * The scope an API token needs for this route (method or controller), enforced by
 * TokenScopeGuard and stated in the OpenAPI spec. A token only narrows its owner: @Roles and the
 * services' own rules still apply. A route without a requirement refuses every token.
 * Controllers of other features declare theirs the same way, e.g. `@RequiresScope('webhooks:manage')`.
 */
export const RequiresScope = (scope: TokenScope) => requirement(scope);

/** Any API token may call this route. */
export const AnyScope = () => requirement(ANY_SCOPE);

/** API tokens may not call this route, whatever their scopes: only a signed-in person may. */
export const PersonOnly = () => requirement(PERSON_ONLY);
