import { lazy } from "@rax/core";
import * as z from "zod";
import { pageInput } from "../collection";
import { ref, timeInput } from "../ref";

export const wireChangelog = lazy(() => z.looseObject({
  id: z.string(),
  timestamp: z.number(),
  entity_id: z.string().nullish(),
  alarm_id: z.string().nullish(),
  check_id: z.string().nullish(),
  state: z.string().nullish(),
  previous_state: z.string().nullish(),
  status: z.string().nullish(),
  analyzed_by_monitoring_zone_id: z.string().nullish(),
}));

/** One change of an alarm's state (the seed's "List Alarm Changelogs"). */
export interface AlarmChangelog {
  id: string;
  /** ms since the epoch. */
  timestamp: number;
  entityId: string;
  alarmId: string;
  checkId: string;
  /** OK, WARNING or CRITICAL. */
  state: string;
  previousState?: string;
  status?: string;
  analyzedByMonitoringZoneId?: string;
  raw: Record<string, unknown>;
}

export function toChangelog(w: z.output<ReturnType<typeof wireChangelog>>): AlarmChangelog {
  return {
    id: w.id,
    timestamp: w.timestamp,
    entityId: w.entity_id ?? "",
    alarmId: w.alarm_id ?? "",
    checkId: w.check_id ?? "",
    state: w.state ?? "",
    ...(w.previous_state ? { previousState: w.previous_state } : {}),
    ...(w.status ? { status: w.status } : {}),
    ...(w.analyzed_by_monitoring_zone_id ? { analyzedByMonitoringZoneId: w.analyzed_by_monitoring_zone_id } : {}),
    raw: { ...w },
  };
}

export const changelogsInput = lazy(() => z
  .strictObject({
    /** Only this entity's alarms (id or `Entity`). */
    entity: ref().optional(),
    /** From (default: the service's, 7 days ago). */
    from: timeInput().optional(),
    to: timeInput().optional(),
    ...pageInput(),
  })
  .refine((i) => i.from === undefined || i.to === undefined || i.from < i.to, { error: "must be after from", path: ["to"] })
  .optional());
export type ChangelogsInput = z.input<ReturnType<typeof changelogsInput>>;
