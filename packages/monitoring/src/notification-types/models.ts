import * as z from "zod";
import { type TypeField, toField, wireField } from "../check-types/models";

export const wireNotificationType = z.looseObject({ id: z.string(), fields: z.array(wireField).nullish() });

export interface NotificationTypeData {
  /** `email`, `webhook`, `pagerduty`, `sms`… */
  id: string;
  fields: TypeField[];
  raw: Record<string, unknown>;
}
export const toNotificationType = (w: z.output<typeof wireNotificationType>): NotificationTypeData => ({ id: w.id, fields: (w.fields ?? []).map(toField), raw: { ...w } });
