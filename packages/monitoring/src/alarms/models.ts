import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { pageInput } from "../collection";
import { labelInput, metadataInput, ref, wireStringMap } from "../ref";

export const wireAlarm = lazy(() => z.looseObject({
  id: z.string(),
  check_id: z.nullish(z.string()),
  notification_plan_id: z.nullish(z.string()),
  criteria: z.nullish(z.string()),
  disabled: z.nullish(z.boolean()),
  label: z.nullish(z.string()),
  metadata: wireStringMap(),
  entity_id: z.nullish(z.string()),
  created_at: z.nullish(z.number()),
  updated_at: z.nullish(z.number()),
}));
export type WireAlarm = z.output<ReturnType<typeof wireAlarm>>;

export interface AlarmData {
  id: string;
  entityId: string;
  checkId: string;
  notificationPlanId: string;
  /** The alarm language program (`if (metric['average'] > 10) { return new AlarmStatus(WARNING); } …`). */
  criteria: string;
  disabled: boolean;
  label: string;
  metadata: Record<string, string>;
  created?: number;
  updated?: number;
  raw: Record<string, unknown>;
}

export function toAlarm(entityId: string, w: WireAlarm): AlarmData {
  return {
    id: w.id,
    entityId: w.entity_id ?? entityId,
    checkId: w.check_id ?? "",
    notificationPlanId: w.notification_plan_id ?? "",
    criteria: w.criteria ?? "",
    disabled: w.disabled ?? false,
    label: w.label ?? "",
    metadata: { ...(w.metadata ?? {}) },
    ...(typeof w.created_at === "number" ? { created: w.created_at } : {}),
    ...(typeof w.updated_at === "number" ? { updated: w.updated_at } : {}),
    raw: { ...w },
  };
}

/** Alarm criteria: a program, never blank (an empty one would alarm on nothing). */
export const criteriaInput = lazy(() => z.string().check(z.maxLength(16_384), z.refine((s) => s.trim() !== "", { error: "must not be empty (write e.g. \"if (metric['average'] > 10) { return new AlarmStatus(WARNING); } return new AlarmStatus(OK);\")" })));

/** `label` and its pyrax synonym `name` may both be given only when they agree. */
function sameLabel(i: { label?: string; name?: string }, ctx: z.core.$RefinementCtx): void {
  if (i.label !== undefined && i.name !== undefined && i.label !== i.name) ctx.addIssue({ code: "custom", path: ["name"], message: "label and name differ: give one" });
}

export const createAlarmInput = lazy(() => z.strictObject({
  /** The check whose metrics the criteria read (id or `Check`). */
  check: ref(),
  /** The notification plan to run (id or `NotificationPlan`). */
  notificationPlan: ref(),
  /**
   * The alarm-language program; optional (the API: "If criteria is not specified, the availability
   * of the check determines the alarm state"), but never blank when given.
   */
  criteria: z.optional(criteriaInput()),
  disabled: z.optional(z.boolean()),
  label: z.optional(labelInput()),
  /** pyrax's synonym for `label` (create_alarm takes both). */
  name: z.optional(labelInput()),
  metadata: z.optional(metadataInput()),
}).check(z.superRefine(sameLabel)));
export type CreateAlarmInput = z.input<ReturnType<typeof createAlarmInput>>;

export const updateAlarmInput = lazy(() => z.strictObject({
  criteria: z.optional(criteriaInput()),
  notificationPlan: z.optional(ref()),
  disabled: z.optional(z.boolean()),
  label: z.optional(labelInput()),
  /** pyrax's synonym for `label` (update_alarm takes both). */
  name: z.optional(labelInput()),
  metadata: z.optional(metadataInput()),
}).check(z.superRefine(sameLabel)));
export type UpdateAlarmInput = z.input<ReturnType<typeof updateAlarmInput>>;

export const listAlarmsInput = lazy(() => z.optional(z.strictObject({ ...pageInput() })));
export type ListAlarmsInput = z.input<ReturnType<typeof listAlarmsInput>>;

/** Check data to run criteria over: `checks.test()` results, or rows shaped as the service's test-check answer. */
const checkDataRow = lazy(() => z.union([z.pipe(z.object({ raw: z.record(z.string(), z.unknown()) }), z.transform((r) => r.raw)), z.record(z.string(), z.unknown())]));
export const testAlarmInput = lazy(() => z.strictObject({
  criteria: criteriaInput(),
  checkData: z.array(checkDataRow()).check(z.minLength(1, "needs at least one check result (from checks.test)")),
}));
export type TestAlarmInput = z.input<ReturnType<typeof testAlarmInput>>;

export const wireAlarmResult = lazy(() => z.looseObject({ timestamp: z.nullish(z.number()), state: z.string(), status: z.nullish(z.string()) }));
export interface AlarmTestResult {
  timestamp?: number;
  /** OK, WARNING or CRITICAL. */
  state: string;
  /** The message the criteria returned. */
  status: string;
  raw: Record<string, unknown>;
}
export function toAlarmResult(w: z.output<ReturnType<typeof wireAlarmResult>>): AlarmTestResult {
  return { ...(typeof w.timestamp === "number" ? { timestamp: w.timestamp } : {}), state: w.state, status: w.status ?? "", raw: { ...w } };
}
