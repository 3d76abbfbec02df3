import { type CallOptions, type Paginated, type ServiceClient, validate } from "@rax/core";
import { listValues } from "../collection";
import { type OverviewInput, type OverviewRow, overviewInput, toOverview, wireOverview } from "./models";

/** GET /views/overview[?entityId=…&uri=…]: every entity with its checks, alarms and latest alarm states. */
export function getOverview(client: ServiceClient, options?: OverviewInput, o: CallOptions = {}): Paginated<OverviewRow> {
  const { entity, uri, ...p } = validate(overviewInput, options, "options") ?? {};
  return listValues(client, "views/overview", wireOverview, toOverview, p, { entityId: entity, uri }, o);
}
