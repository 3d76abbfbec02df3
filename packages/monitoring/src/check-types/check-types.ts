import { assignData, type CallOptions, type Paginated, type ServiceClient } from "@rax/core";
import type { PageOptions } from "../collection";
import type { Ref } from "../ref";
import type { CheckTypeData } from "./models";
import * as api from "./requests";

/** `monitoring.checkTypes`: what checks can do (`remote.http`, `remote.ping`, `agent.*`), read-only. */
export class CheckTypes {
  constructor(readonly client: ServiceClient) {}

  /** Every check type (pyrax `list_check_types`). */
  list(options?: PageOptions, o?: CallOptions): Paginated<CheckType> {
    return api.listCheckTypes(this.client, options, o).map((d) => new CheckType(d));
  }
  /** One check type (pyrax `get_check_type`). */
  async get(checkType: Ref, o?: CallOptions): Promise<CheckType> {
    return new CheckType(await api.getCheckType(this.client, checkType, o));
  }
}

export interface CheckType extends CheckTypeData {}
/** pyrax's `CloudMonitorCheckType`: an id and the `fields` its `details` take. */
export class CheckType {
  constructor(data: CheckTypeData) {
    assignData(this, data);
  }
  /** Names of the fields a check of this type must have in `details`. */
  get requiredFields(): string[] {
    return this.fields.filter((f) => !f.optional).map((f) => f.name);
  }
}
