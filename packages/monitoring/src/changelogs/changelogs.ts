import type { CallOptions, Paginated, ServiceClient } from "@rax/core";
import type { AlarmChangelog, ChangelogsInput } from "./models";
import * as api from "./requests";

/** `monitoring.changelogs`: how alarms changed state (by default the last 7 days). */
export class Changelogs {
  constructor(readonly client: ServiceClient) {}

  /** Alarm state changes, optionally one entity's (pyrax `get_changelogs(entity)`). */
  list(options?: ChangelogsInput, o?: CallOptions): Paginated<AlarmChangelog> {
    return api.listChangelogs(this.client, options, o);
  }
}
