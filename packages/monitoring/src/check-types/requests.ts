import { type CallOptions, encodeSegment, notFoundAs, type Paginated, type ServiceClient, validate } from "@rax/core";
import { listValues, type PageOptions } from "../collection";
import { NoSuchMonitoringResource } from "../errors";
import { type Ref, ref } from "../ref";
import { type CheckTypeData, toCheckType, wireCheckType } from "./models";

/** GET /check_types. */
export function listCheckTypes(client: ServiceClient, p: PageOptions = {}, o: CallOptions = {}): Paginated<CheckTypeData> {
  return listValues(client, "check_types", wireCheckType(), toCheckType, p, {}, o);
}

/** GET /check_types/{id}. */
export async function getCheckType(client: ServiceClient, checkType: Ref, o: CallOptions = {}): Promise<CheckTypeData> {
  const id = validate(ref(), checkType, "checkType");
  return toCheckType(await notFoundAs(client.json({ method: "GET", path: `check_types/${encodeSegment(id)}`, ...o }, wireCheckType()), (e) => new NoSuchMonitoringResource("check type", id, e)));
}
