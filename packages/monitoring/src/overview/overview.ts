import type { CallOptions, Paginated, ServiceClient } from "@rax/core";
import type { OverviewInput, OverviewRow } from "./models";
import * as api from "./requests";

/** `monitoring.overview`: one call for every entity's checks, alarms and latest states (plain data). */
export class Overview {
  constructor(readonly client: ServiceClient) {}

  /** pyrax `get_overview(entity)`; filter by `entity` (one or many) or `uri`. */
  get(options?: OverviewInput, o?: CallOptions): Paginated<OverviewRow> {
    return api.getOverview(this.client, options, o);
  }
}
