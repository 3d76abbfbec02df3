import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { pageInput } from "../collection";
import { ref, timeInput } from "../ref";

export const wireChangelog = lazy(() => z.looseObject({
  id: z.string(),
  timestamp: z.number(),
  entity_id: z.nullish(z.string()),
  alarm_id: z.nullish(z.string()),
  check_id: z.nullish(z.string()),
  state: z.nullish(z.string()),
  previous_state: z.nullish(z.string()),
  status: z.nullish(z.string()),
  analyzed_by_monitoring_zone_id: z.nullish(z.string()),
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

export const changelogsInput = lazy(() => z.optional(z.strictObject({
  /** Only this entity's alarms (id or `Entity`). */
  entity: z.optional(ref()),
  /** From (default: the service's, 7 days ago). */
  from: z.optional(timeInput()),
  to: z.optional(timeInput()),
  /** Newest first (the API's time series `reverse`; oldest first by default). */
  reverse: z.optional(z.boolean()),
  ...pageInput(),
}).check(z.refine((i) => i.from === undefined || i.to === undefined || i.from < i.to, { error: "must be after from", path: ["to"] }))));
export type ChangelogsInput = z.input<ReturnType<typeof changelogsInput>>;
