import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { pageInput } from "../collection";
import { labelInput, metadataInput, ref, wireObject, wireStringMap } from "../ref";
import { hideSecretDetails } from "../secret-details";

export const wireNotification = lazy(() => z.looseObject({
  id: z.string(),
  label: z.nullish(z.string()),
  type: z.nullish(z.string()),
  details: wireObject(),
  metadata: wireStringMap(),
}));
export type WireNotification = z.output<ReturnType<typeof wireNotification>>;

export interface NotificationData {
  id: string;
  label: string;
  /** `email`, `webhook`, `pagerduty`, `sms`… (a notification type id). */
  type: string;
  /** Per type: `{ address }`, `{ url }`, `{ service_key }`, `{ phone_number }`. */
  details: Record<string, unknown>;
  metadata: Record<string, string>;
  raw: Record<string, unknown>;
}

export function toNotification(w: WireNotification): NotificationData {
  // PagerDuty's service_key and a webhook's url stay readable but are never printed (nor in raw).
  const type = w.type ?? "";
  const raw = { ...w, ...(w.details ? { details: hideSecretDetails({ ...w.details }, type) } : {}) };
  return { id: w.id, label: w.label ?? "", type, details: hideSecretDetails({ ...(w.details ?? {}) }, type), metadata: { ...(w.metadata ?? {}) }, raw };
}

const details = lazy(() => z.record(z.string(), z.unknown()));

/** The details each built-in type needs (monitoring.md create_notification), checked before sending. */
const REQUIRED_DETAIL: Record<string, string> = { email: "address", webhook: "url", pagerduty: "service_key", sms: "phone_number" };

function typeRules(i: { type?: string; details?: Record<string, unknown> }, ctx: z.core.$RefinementCtx): void {
  const key = i.type === undefined ? undefined : REQUIRED_DETAIL[i.type];
  if (key === undefined || i.details === undefined) return;
  const v = i.details[key];
  if (typeof v !== "string" || v.trim() === "") ctx.addIssue({ code: "custom", path: ["details", key], message: `is required for ${i.type} notifications` });
  else if (i.type === "webhook" && !/^https?:\/\//i.test(v)) ctx.addIssue({ code: "custom", path: ["details", "url"], message: "must be an http:// or https:// URL" });
  else if (i.type === "email" && !/^[^@\s]+@[^@\s]+$/.test(v)) ctx.addIssue({ code: "custom", path: ["details", "address"], message: "must be an email address" });
}

export const notificationType = ref;

export const createNotificationInput = lazy(() => z.strictObject({
  /** A notification type id (`email`) or a `NotificationType`. */
  type: ref(),
  label: z.optional(labelInput()),
  details: details(),
  metadata: z.optional(metadataInput()),
}).check(z.superRefine(typeRules)));
export type CreateNotificationInput = z.input<ReturnType<typeof createNotificationInput>>;

export const updateNotificationInput = lazy(() => z.strictObject({ type: z.optional(ref()), label: z.optional(labelInput()), details: z.optional(details()), metadata: z.optional(metadataInput()) }).check(z.superRefine(typeRules)));
export type UpdateNotificationInput = z.input<ReturnType<typeof updateNotificationInput>>;

/** `POST /test-notification`: a type and details, nothing created. */
export const testNotificationInput = lazy(() => z.strictObject({ type: ref(), details: details() }).check(z.superRefine(typeRules)));
export type TestNotificationInput = z.input<ReturnType<typeof testNotificationInput>>;

export const listNotificationsInput = lazy(() => z.optional(z.strictObject({ ...pageInput() })));
export type ListNotificationsInput = z.input<ReturnType<typeof listNotificationsInput>>;

export const wireTestResult = lazy(() => z.looseObject({ status: z.string(), message: z.nullish(z.string()) }));
export interface NotificationTestResult {
  /** `success` when the service delivered it. */
  status: string;
  message: string;
  raw: Record<string, unknown>;
}
export const toTestResult = (w: z.output<ReturnType<typeof wireTestResult>>): NotificationTestResult => ({ status: w.status, message: w.message ?? "", raw: { ...w } });
