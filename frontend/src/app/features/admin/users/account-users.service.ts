import { inject, Injectable } from '@angular/core';

import { Api } from '../../../api/api';
import { createUser, listUsers, updateUser } from '../../../api/functions';
import type { CreateUserDto, UpdateUserDto } from '../../../api/models';
import type { AccountUser } from '../admin-api-types';

/** The people of the signed-in admin's account. */
@Injectable({ providedIn: 'root' })
export class AccountUsersService {
  private readonly api = inject(Api);

  list(): Promise<AccountUser[]> {
    return this.api.invoke(listUsers);
  }

  create(input: CreateUserDto): Promise<AccountUser> {
    return this.api.invoke(createUser, { body: input });
  }

  /** Refused with 409 when it would leave the account without an active team admin. */
  update(id: string, changes: UpdateUserDto): Promise<AccountUser> {
    return this.api.invoke(updateUser, { id, body: changes });
  }
}
