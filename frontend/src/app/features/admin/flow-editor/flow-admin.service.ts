import { inject, Injectable } from '@angular/core';

import { Api } from '../../../api/api';
import { archiveTree, createTree, getTree, listTrees, updateTree } from '../../../api/functions';
import type { FlowBody, FlowDetail, FlowSummary } from '../admin-api-types';

/** Flows as authors see them: drafts and published (or the archive), with their nodes. */
@Injectable({ providedIn: 'root' })
export class FlowAdminService {
  private readonly api = inject(Api);

  /** Without a status the API lists drafts and published flows. */
  list(archived = false): Promise<FlowSummary[]> {
    return this.api.invoke(listTrees, archived ? { status: 'archived' } : {});
  }

  get(id: string): Promise<FlowDetail> {
    return this.api.invoke(getTree, { id });
  }

  create(body: FlowBody): Promise<FlowDetail> {
    return this.api.invoke(createTree, { body });
  }

  /** `body.version` must be the version that was loaded; a newer one on the server answers 409. */
  update(id: string, body: FlowBody): Promise<FlowDetail> {
    return this.api.invoke(updateTree, { id, body });
  }

  archive(id: string): Promise<FlowDetail> {
    return this.api.invoke(archiveTree, { id });
  }
}
