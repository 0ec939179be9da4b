import { inject, Injectable } from '@angular/core';

import { Api } from '../../api/api';
import { createToken, listTokens, revokeToken } from '../../api/functions';
import type { ApiToken, CreatedApiToken, NewApiToken } from './token-types';

/** Personal API tokens: the signed-in person's, and for team admins the whole account's. */
@Injectable({ providedIn: 'root' })
export class ApiTokensService {
  private readonly api = inject(Api);

  /** Yours; with `all`, every live token of the account with its owner (team admins only). */
  list(all = false): Promise<ApiToken[]> {
    return this.api.invoke(listTokens, all ? { all: 'true' } : {});
  }

  /** The answer holds the secret: the only time the server shows it. */
  create(input: NewApiToken): Promise<CreatedApiToken> {
    return this.api.invoke(createToken, { body: input });
  }

  revoke(id: string): Promise<void> {
    return this.api.invoke(revokeToken, { id });
  }
}
