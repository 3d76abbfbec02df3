import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { type AlarmData, toAlarm, wireAlarm } from "../alarms/models";
import { type CheckData, toCheck, wireCheck } from "../checks/models";
import { pageInput } from "../collection";
import { type EntityData, toEntity, wireEntity } from "../entities/models";
import { ref } from "../ref";

const wireState = lazy(() => z.looseObject({
  alarm_id: z.nullish(z.string()),
  check_id: z.nullish(z.string()),
  entity_id: z.nullish(z.string()),
  state: z.nullish(z.string()),
  previous_state: z.nullish(z.string()),
  status: z.nullish(z.string()),
  timestamp: z.nullish(z.number()),
  analyzed_by_monitoring_zone_id: z.nullish(z.string()),
}));

export const wireOverview = lazy(() => z.looseObject({
  entity: wireEntity(),
  checks: z.nullish(z.array(wireCheck())),
  alarms: z.nullish(z.array(wireAlarm())),
  latest_alarm_states: z.nullish(z.array(wireState())),
}));

/** The latest computed state of one (check, alarm) pair; none yet means UNKNOWN. */
export interface LatestAlarmState {
  alarmId: string;
  checkId: string;
  entityId: string;
  state: string;
  previousState?: string;
  status?: string;
  timestamp?: number;
  analyzedByMonitoringZoneId?: string;
}

/** One entity with its checks, alarms and their latest states (the seed's "Get Overview"). */
export interface OverviewRow {
  entity: EntityData;
  checks: CheckData[];
  alarms: AlarmData[];
  latestAlarmStates: LatestAlarmState[];
  raw: Record<string, unknown>;
}

export function toOverview(w: z.output<ReturnType<typeof wireOverview>>): OverviewRow {
  const entityId = w.entity.id;
  const checks = (w.checks ?? []).map((c) => toCheck(entityId, c));
  return {
    entity: toEntity(w.entity),
    checks,
    alarms: (w.alarms ?? []).map((a) => toAlarm(entityId, a)),
    latestAlarmStates: (w.latest_alarm_states ?? []).map((s) => ({
      alarmId: s.alarm_id ?? "",
      checkId: s.check_id ?? "",
      entityId: s.entity_id ?? entityId,
      state: s.state ?? "UNKNOWN",
      ...(s.previous_state ? { previousState: s.previous_state } : {}),
      ...(s.status ? { status: s.status } : {}),
      ...(typeof s.timestamp === "number" ? { timestamp: s.timestamp } : {}),
      ...(s.analyzed_by_monitoring_zone_id ? { analyzedByMonitoringZoneId: s.analyzed_by_monitoring_zone_id } : {}),
    })),
    // The checks' raw rows, not the wire's: those hide remote.http's auth_password (a bare copy printed it).
    raw: { ...w, ...(w.checks ? { checks: checks.map((c) => c.raw) } : {}) },
  };
}

export const overviewInput = lazy(() => z.optional(z.strictObject({
  /** Only these entities (one or several ids or `Entity`s): the service's repeated `entityId` filter. */
  entity: z.optional(z.union([ref(), z.array(ref()).check(z.minLength(1))], { error: "must be an entity (id or object) or a non-empty list of them" })),
  /** Only entities with this `uri` (a managed server's), or any of several: the service's repeated `uri` filter. */
  uri: z.optional(z.union([z.string().check(z.minLength(1)), z.array(z.string().check(z.minLength(1))).check(z.minLength(1))], { error: "must be a uri or a non-empty list of them" })),
  ...pageInput(),
}).check(z.refine((i) => i.entity === undefined || i.uri === undefined, { error: "give entity or uri, not both (the API takes one filter or the other)", path: ["uri"] }))));
export type OverviewInput = z.input<ReturnType<typeof overviewInput>>;
