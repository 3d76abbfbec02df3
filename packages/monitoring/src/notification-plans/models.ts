import { lazy } from "@rax/core";
import * as z from "zod";
import { pageInput } from "../collection";
import { labelInput, metadataInput, ref, wireStringMap } from "../ref";

export const wirePlan = lazy(() => z.looseObject({
  id: z.string(),
  label: z.string().nullish(),
  critical_state: z.array(z.string()).nullish(),
  warning_state: z.array(z.string()).nullish(),
  ok_state: z.array(z.string()).nullish(),
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
const notifications = lazy(() => z.union([ref(), z.array(ref())]).transform((n) => (Array.isArray(n) ? n : [n])));

const planFields = lazy(() => ({
  label: labelInput().optional(),
  criticalState: notifications().optional(),
  warningState: notifications().optional(),
  okState: notifications().optional(),
  metadata: metadataInput().optional(),
}));

export const createPlanInput = lazy(() => z
  .strictObject({ ...planFields(), /** pyrax's synonym for `label`. */ name: labelInput().optional() })
  .refine((i) => i.label !== undefined || i.name !== undefined, { error: "is required (or name)", path: ["label"] }));
export type CreateNotificationPlanInput = z.input<ReturnType<typeof createPlanInput>>;

export const updatePlanInput = lazy(() => z.strictObject(planFields()));
export type UpdateNotificationPlanInput = z.input<ReturnType<typeof updatePlanInput>>;

export const listPlansInput = lazy(() => z.strictObject({ ...pageInput() }).optional());
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
