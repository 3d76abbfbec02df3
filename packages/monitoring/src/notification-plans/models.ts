import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { pageInput } from "../collection";
import { labelInput, metadataInput, ref, wireStringMap } from "../ref";

export const wirePlan = lazy(() => z.looseObject({
  id: z.string(),
  label: z.nullish(z.string()),
  critical_state: z.nullish(z.array(z.string())),
  warning_state: z.nullish(z.array(z.string())),
  ok_state: z.nullish(z.array(z.string())),
  metadata: wireStringMap(),
}));

export interface NotificationPlanData {
  id: string;
  label: string;
  /** Notification ids run when an alarm goes CRITICAL. */
  criticalState: string[];
  warningState: string[];
  okState: string[];
  metadata: Record<string, string>;
  raw: Record<string, unknown>;
}

export function toPlan(w: z.output<ReturnType<typeof wirePlan>>): NotificationPlanData {
  return {
    id: w.id,
    label: w.label ?? "",
    criticalState: [...(w.critical_state ?? [])],
    warningState: [...(w.warning_state ?? [])],
    okState: [...(w.ok_state ?? [])],
    metadata: { ...(w.metadata ?? {}) },
    raw: { ...w },
  };
}

/** One notification or a list of them (ids or `Notification`s), as pyrax takes them. */
const notifications = lazy(() => z.pipe(z.union([ref(), z.array(ref())], { error: "must be a notification (id or object) or a list of them" }), z.transform((n) => (Array.isArray(n) ? n : [n]))));

const planFields = lazy(() => ({
  label: z.optional(labelInput()),
  criticalState: z.optional(notifications()),
  warningState: z.optional(notifications()),
  okState: z.optional(notifications()),
  metadata: z.optional(metadataInput()),
}));

export const createPlanInput = lazy(() => z.strictObject({ ...planFields(), /** pyrax's synonym for `label`. */ name: z.optional(labelInput()) }).check(z.refine((i) => i.label !== undefined || i.name !== undefined, { error: "is required (or name)", path: ["label"] })));
export type CreateNotificationPlanInput = z.input<ReturnType<typeof createPlanInput>>;

export const updatePlanInput = lazy(() => z.strictObject(planFields()));
export type UpdateNotificationPlanInput = z.input<ReturnType<typeof updatePlanInput>>;

export const listPlansInput = lazy(() => z.optional(z.strictObject({ ...pageInput() })));
export type ListNotificationPlansInput = z.input<ReturnType<typeof listPlansInput>>;

export function planBody(i: z.output<ReturnType<typeof updatePlanInput>> & { name?: string }): Record<string, unknown> {
  const label = i.label ?? i.name;
  return {
    ...(label !== undefined ? { label } : {}),
    ...(i.criticalState !== undefined ? { critical_state: i.criticalState } : {}),
    ...(i.warningState !== undefined ? { warning_state: i.warningState } : {}),
    ...(i.okState !== undefined ? { ok_state: i.okState } : {}),
    ...(i.metadata !== undefined ? { metadata: i.metadata } : {}),
  };
}
