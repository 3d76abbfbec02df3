import { lazy } from "@rax/core";
import * as z from "zod";
import { type AlarmData, toAlarm, wireAlarm } from "../alarms/models";
import { type CheckData, toCheck, wireCheck } from "../checks/models";
import { pageInput } from "../collection";
import { type EntityData, toEntity, wireEntity } from "../entities/models";
import { ref } from "../ref";

const wireState = lazy(() => z.looseObject({
  alarm_id: z.string().nullish(),
  check_id: z.string().nullish(),
  entity_id: z.string().nullish(),
  state: z.string().nullish(),
  previous_state: z.string().nullish(),
  status: z.string().nullish(),
  timestamp: z.number().nullish(),
  analyzed_by_monitoring_zone_id: z.string().nullish(),
}));

export const wireOverview = lazy(() => z.looseObject({
  entity: wireEntity(),
  checks: z.array(wireCheck()).nullish(),
  alarms: z.array(wireAlarm()).nullish(),
  latest_alarm_states: z.array(wireState()).nullish(),
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
  return {
    entity: toEntity(w.entity),
    checks: (w.checks ?? []).map((c) => toCheck(entityId, c)),
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
    raw: { ...w },
  };
}

export const overviewInput = lazy(() => z
  .strictObject({
    /** Only these entities (one or several ids or `Entity`s): the service's repeated `entityId` filter. */
    entity: z.union([ref(), z.array(ref()).min(1)]).optional(),
    /** Only entities with this `uri` (a managed server's). */
    uri: z.string().min(1).optional(),
    ...pageInput(),
  })
  .optional());
export type OverviewInput = z.input<ReturnType<typeof overviewInput>>;
