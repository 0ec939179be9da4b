import { inject, Injectable } from '@angular/core';

import { Api } from '../../../api/api';
import { createStep, deleteStep, listSteps, updateStep } from '../../../api/functions';
import type { LibraryStep } from '../admin-api-types';

export interface StepInput {
  title: string;
  instructions: string;
}

/** The account's reusable steps (the flow editor links step nodes to them). */
@Injectable({ providedIn: 'root' })
export class StepLibraryService {
  private readonly api = inject(Api);

  list(search = ''): Promise<LibraryStep[]> {
    const query = search.trim();
    return this.api.invoke(listSteps, query ? { search: query } : {});
  }

  create(input: StepInput): Promise<LibraryStep> {
    return this.api.invoke(createStep, { body: input });
  }

  update(id: string, input: StepInput): Promise<LibraryStep> {
    return this.api.invoke(updateStep, { id, body: input });
  }

  /** Refused with 409 while a draft or published flow uses the step; the message names them. */
  remove(id: string): Promise<void> {
    return this.api.invoke(deleteStep, { id });
  }
}
