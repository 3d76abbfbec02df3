import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { type TypeField, toField, wireField } from "../check-types/models";

export const wireNotificationType = lazy(() => z.looseObject({ id: z.string(), fields: z.nullish(z.array(wireField())) }));

export interface NotificationTypeData {
  /** `email`, `webhook`, `pagerduty`, `sms`… */
  id: string;
  fields: TypeField[];
  raw: Record<string, unknown>;
}
export const toNotificationType = (w: z.output<ReturnType<typeof wireNotificationType>>): NotificationTypeData => ({ id: w.id, fields: (w.fields ?? []).map(toField), raw: { ...w } });
