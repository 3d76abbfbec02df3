import { assignData, type CallOptions, type Paginated, type ServiceClient } from "@rax/core";
import type { PageOptions } from "../collection";
import type { Ref } from "../ref";
import type { MonitoringZoneData, TracerouteHop, TracerouteInput } from "./models";
import * as api from "./requests";

/** `monitoring.zones`: where remote checks run from (`mzdfw`, `mzlon`…). */
export class MonitoringZones {
  constructor(readonly client: ServiceClient) {}

  /** Every monitoring zone (pyrax `list_monitoring_zones`). */
  list(options?: PageOptions, o?: CallOptions): Paginated<MonitoringZone> {
    return api.listMonitoringZones(this.client, options, o).map((d) => new MonitoringZone(this, d));
  }
  /** One zone (pyrax `get_monitoring_zone`). */
  async get(zone: Ref, o?: CallOptions): Promise<MonitoringZone> {
    return new MonitoringZone(this, await api.getMonitoringZone(this.client, zone, o));
  }
  /** The route from the zone to `target`, hop by hop. */
  traceroute(zone: Ref, input: TracerouteInput, o?: CallOptions): Promise<TracerouteHop[]> {
    return api.traceroute(this.client, zone, input, o);
  }
}

export interface MonitoringZone extends MonitoringZoneData {}
/** pyrax's `CloudMonitorZone`. */
export class MonitoringZone {
  readonly #zones: MonitoringZones;
  constructor(zones: MonitoringZones, data: MonitoringZoneData) {
    this.#zones = zones;
    assignData(this, data);
  }
  traceroute(input: TracerouteInput, o?: CallOptions): Promise<TracerouteHop[]> {
    return this.#zones.traceroute(this, input, o);
  }
}
