import { inject, Injectable } from '@angular/core';

import { Api } from '../../api/api';
import { listTrees } from '../../api/functions';
import type { FlowSummary } from '../api-types';

/** Troubleshooting flows (the API calls them trees). */
@Injectable({ providedIn: 'root' })
export class FlowsService {
  private readonly api = inject(Api);

  listPublished(): Promise<FlowSummary[]> {
    return this.api.invoke(listTrees, { status: 'published' });
  }
}
