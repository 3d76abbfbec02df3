import { type CallOptions, type NotFound, type Paginated, type ServiceClient, validate } from "@rax/core";
import { NoSuchEntity } from "../errors";
import { listValues } from "../collection";
import { type OverviewInput, type OverviewRow, overviewInput, toOverview, wireOverview } from "./models";

/** GET /views/overview[?entityId=…&uri=…]: every entity with its checks, alarms and latest alarm states. */
export function getOverview(client: ServiceClient, options?: OverviewInput, o: CallOptions = {}): Paginated<OverviewRow> {
  const { entity, uri, ...p } = validate(overviewInput(), options, "options") ?? {};
  // Asking for entities none of which exist is a 404 (Rackspace's mock): say which.
  const missing = entity === undefined ? undefined : (e: NotFound) => new NoSuchEntity(Array.isArray(entity) ? entity.join(", ") : entity, e);
  return listValues(client, "views/overview", wireOverview(), toOverview, p, { entityId: entity, uri }, o, missing);
}
