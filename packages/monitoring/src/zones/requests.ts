import { type CallOptions, encodeSegment, type HttpError, jsonFor, type LookupMiss, notFoundAs, type Paginated, type ServiceClient, validate } from "@rax/core";
import { getOrFindInList, listValues, type PageOptions } from "../collection";
import { NoSuchMonitoringResource } from "../errors";
import { type Ref, ref } from "../ref";
import { type MonitoringZoneData, type TracerouteHop, type TracerouteInput, toHop, toZone, tracerouteBody, tracerouteInput, wireZone } from "./models";

const path = (id: string, rest = "") => `monitoring_zones/${encodeSegment(id)}${rest}`;

/** GET /monitoring_zones. */
export function listMonitoringZones(client: ServiceClient, p: PageOptions = {}, o: CallOptions = {}): Paginated<MonitoringZoneData> {
  return listValues(client, "monitoring_zones", wireZone(), toZone, p, {}, o);
}

/** GET /monitoring_zones/{id}; where that is not routed (Rackspace's mock: 404 or 405), the zone from the list. */
export async function getMonitoringZone(client: ServiceClient, zone: Ref, o: CallOptions = {}): Promise<MonitoringZoneData> {
  const id = validate(ref(), zone, "zone");
  const missing = (from: HttpError | LookupMiss) => new NoSuchMonitoringResource("monitoring zone", id, from);
  const get = async () => toZone(await notFoundAs(client.json({ method: "GET", path: path(id), ...o }, wireZone()), missing));
  return getOrFindInList(client, get, () => listMonitoringZones(client, {}, o), id, [404, 405], missing);
}

/**
 * POST /monitoring_zones/{id}/traceroute → 200 `{"result":[{number, ip, hostname, rtts}]}`: the route
 * from the zone's collectors to `target` (Rackspace docs; not in pyrax, so not in monitoring.md's table).
 */
export async function traceroute(client: ServiceClient, zone: Ref, input: TracerouteInput, o: CallOptions = {}): Promise<TracerouteHop[]> {
  const id = validate(ref(), zone, "zone");
  const i = validate(tracerouteInput(), input, "traceroute");
  const json = { target: i.target, ...(i.targetResolver ? { target_resolver: i.targetResolver } : {}) };
  const body = await notFoundAs(jsonFor(client, { method: "POST", path: path(id, "/traceroute"), json, ...o }, [200], tracerouteBody()), (e) => new NoSuchMonitoringResource("monitoring zone", id, e));
  return body.result.map(toHop);
}
