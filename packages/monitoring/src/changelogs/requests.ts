import { type CallOptions, type Paginated, type ServiceClient, validate } from "@rax/core";
import { listValues } from "../collection";
import { type AlarmChangelog, type ChangelogsInput, changelogsInput, toChangelog, wireChangelog } from "./models";

/** GET /changelogs/alarms[?entityId=&from=&to=]: alarm state changes, newest last, page after page. */
export function listChangelogs(client: ServiceClient, options?: ChangelogsInput, o: CallOptions = {}): Paginated<AlarmChangelog> {
  const { entity, from, to, reverse, ...p } = validate(changelogsInput(), options, "options") ?? {};
  return listValues(client, "changelogs/alarms", wireChangelog(), toChangelog, p, { entityId: entity, from, to, reverse: reverse ? "true" : undefined }, o);
}
