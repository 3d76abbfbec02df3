import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { pageInput } from "../collection";
import { metadataInput, timeInput, wireStringMap } from "../ref";

export const wireAccount = lazy(() => z.looseObject({ id: z.string(), webhook_token: z.nullish(z.string()), metadata: wireStringMap() }));
export type WireAccount = z.output<ReturnType<typeof wireAccount>>;

export interface AccountData {
  id: string;
  metadata: Record<string, string>;
  /** Every field the service sent except `webhook_token` (a secret: `Account.webhookToken`). */
  raw: Record<string, unknown>;
}

export function toAccount(w: WireAccount): { data: AccountData; webhookToken?: string } {
  const { webhook_token: token, ...raw } = w;
  return { data: { id: w.id, metadata: { ...(w.metadata ?? {}) }, raw }, ...(token ? { webhookToken: token } : {}) };
}

export const updateAccountInput = lazy(() => z.strictObject({
  metadata: z.optional(metadataInput()),
  /** The token webhook notifications are signed with (`X-RSE-Signature`); set your own or rotate it. */
  webhookToken: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
}));
export type UpdateAccountInput = z.input<ReturnType<typeof updateAccountInput>>;

export const wireAudit = lazy(() => z.looseObject({
  id: z.string(),
  timestamp: z.number(),
  method: z.nullish(z.string()),
  url: z.nullish(z.string()),
  app: z.nullish(z.string()),
  statusCode: z.nullish(z.number()),
  txnId: z.nullish(z.string()),
  who: z.nullish(z.string()),
  why: z.nullish(z.string()),
}));

/** One change made to the account (the service's audit trail). */
export interface Audit {
  id: string;
  timestamp: number;
  method: string;
  url: string;
  app: string;
  statusCode?: number;
  txnId?: string;
  who?: string;
  why?: string;
  raw: Record<string, unknown>;
}

export function toAudit(w: z.output<ReturnType<typeof wireAudit>>): Audit {
  return {
    id: w.id,
    timestamp: w.timestamp,
    method: w.method ?? "",
    url: w.url ?? "",
    app: w.app ?? "",
    ...(typeof w.statusCode === "number" ? { statusCode: w.statusCode } : {}),
    ...(w.txnId ? { txnId: w.txnId } : {}),
    ...(w.who ? { who: w.who } : {}),
    ...(w.why ? { why: w.why } : {}),
    raw: { ...w },
  };
}

export const auditsInput = lazy(() => z.optional(z.strictObject({ from: z.optional(timeInput()), to: z.optional(timeInput()), /** Newest first (the API's time series `reverse`). */ reverse: z.optional(z.boolean()), ...pageInput() }).check(z.refine((i) => i.from === undefined || i.to === undefined || i.from < i.to, { error: "must be after from", path: ["to"] }))));
export type AuditsInput = z.input<ReturnType<typeof auditsInput>>;

const wireRate = lazy(() => z.looseObject({ limit: z.number(), used: z.nullish(z.number()), window: z.nullish(z.string()) }));
export const wireLimits = lazy(() => z.looseObject({ resource: z.nullish(z.record(z.string(), z.number())), rate: z.nullish(z.record(z.string(), wireRate())) }));

export interface MonitoringLimits {
  /** Most of each resource the account may have (`checks`, `alarms`). */
  resource: Record<string, number>;
  /** Request budgets per window (`global`, `test_check`, `test_alarm`, `test_notification`…). */
  rate: Record<string, { limit: number; used?: number; window?: string }>;
  raw: Record<string, unknown>;
}

export function toLimits(w: z.output<ReturnType<typeof wireLimits>>): MonitoringLimits {
  const rate: MonitoringLimits["rate"] = {};
  for (const [k, r] of Object.entries(w.rate ?? {})) rate[k] = { limit: r.limit, ...(typeof r.used === "number" ? { used: r.used } : {}), ...(r.window ? { window: r.window } : {}) };
  return { resource: { ...(w.resource ?? {}) }, rate, raw: { ...w } };
}
