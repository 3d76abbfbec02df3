import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { pageInput } from "../collection";
import { labelInput, metadataInput, ref, wireObject, wireStringMap } from "../ref";
import { hideSecretDetails, registerSecretDetails } from "../secret-details";
import { targetHostnameInput } from "./target-hostname";

export const wireCheck = lazy(() => z.looseObject({
  id: z.string(),
  label: z.nullish(z.string()),
  type: z.nullish(z.string()),
  details: wireObject(),
  disabled: z.nullish(z.boolean()),
  monitoring_zones_poll: z.nullish(z.array(z.string())),
  timeout: z.nullish(z.number()),
  period: z.nullish(z.number()),
  target_alias: z.nullish(z.string()),
  target_hostname: z.nullish(z.string()),
  target_resolver: z.nullish(z.string()),
  metadata: wireStringMap(),
  entity_id: z.nullish(z.string()),
  created_at: z.nullish(z.number()),
  updated_at: z.nullish(z.number()),
}));
export type WireCheck = z.output<ReturnType<typeof wireCheck>>;

export interface CheckData {
  id: string;
  /** The entity the check belongs to (from the path it was read at). */
  entityId: string;
  label: string;
  /** Check type id: `remote.http`, `remote.ping`, `agent.cpu`… */
  type: string;
  details: Record<string, unknown>;
  disabled: boolean;
  monitoringZonesPoll: string[];
  /** Seconds. */
  timeout?: number;
  /** Seconds between runs. */
  period?: number;
  targetAlias?: string;
  targetHostname?: string;
  /** `IPv4` or `IPv6`, how `targetHostname` is resolved. */
  targetResolver?: string;
  metadata: Record<string, string>;
  created?: number;
  updated?: number;
  /** Every field the service sent, as sent. */
  raw: Record<string, unknown>;
}

export function toCheck(entityId: string, w: WireCheck): CheckData {
  return {
    id: w.id,
    entityId: w.entity_id ?? entityId,
    label: w.label ?? "",
    type: w.type ?? "",
    // remote.http's auth_password stays readable but is never printed (nor in raw).
    details: hideSecretDetails({ ...(w.details ?? {}) }),
    disabled: w.disabled ?? false,
    monitoringZonesPoll: [...(w.monitoring_zones_poll ?? [])],
    ...(typeof w.timeout === "number" ? { timeout: w.timeout } : {}),
    ...(typeof w.period === "number" ? { period: w.period } : {}),
    // The service sends "" for the target it does not use (seed's overview example).
    ...(w.target_alias ? { targetAlias: w.target_alias } : {}),
    ...(w.target_hostname ? { targetHostname: w.target_hostname } : {}),
    ...(w.target_resolver ? { targetResolver: w.target_resolver } : {}),
    metadata: { ...(w.metadata ?? {}) },
    ...(typeof w.created_at === "number" ? { created: w.created_at } : {}),
    ...(typeof w.updated_at === "number" ? { updated: w.updated_at } : {}),
    raw: { ...w, ...(w.details ? { details: hideSecretDetails({ ...w.details }) } : {}) },
  };
}

/** One run of a check (`test-check` and `checks/{id}/test` answers). */
export const wireCheckResult = lazy(() => z.looseObject({
  timestamp: z.nullish(z.number()),
  monitoring_zone_id: z.nullish(z.string()),
  available: z.nullish(z.boolean()),
  status: z.nullish(z.string()),
  metrics: z.nullish(z.record(z.string(), z.looseObject({ type: z.nullish(z.string()), data: z.unknown(), unit: z.nullish(z.string()) }))),
  debug_info: z.optional(z.unknown()),
}));
export const checkResultsBody = lazy(() => z.array(wireCheckResult()));

export interface CheckMetricValue {
  /** `i`/`I` (32/64-bit int), `l`/`L`, `n` (number), `s` (string) — the service's type letters. */
  type: string;
  data: unknown;
  unit?: string;
}
export interface CheckResult {
  timestamp?: number;
  monitoringZoneId?: string;
  available: boolean;
  status: string;
  metrics: Record<string, CheckMetricValue>;
  /** Only with `{ debug: true }`. */
  debugInfo?: unknown;
  raw: Record<string, unknown>;
}

export function toCheckResult(w: z.output<ReturnType<typeof wireCheckResult>>): CheckResult {
  const metrics: Record<string, CheckMetricValue> = {};
  for (const [name, m] of Object.entries(w.metrics ?? {})) metrics[name] = { type: m.type ?? "", data: m.data, ...(m.unit ? { unit: m.unit } : {}) };
  return {
    ...(typeof w.timestamp === "number" ? { timestamp: w.timestamp } : {}),
    ...(w.monitoring_zone_id ? { monitoringZoneId: w.monitoring_zone_id } : {}),
    available: w.available ?? false,
    status: w.status ?? "",
    metrics,
    ...(w.debug_info !== undefined ? { debugInfo: w.debug_info } : {}),
    raw: { ...w },
  };
}

/** The service's bounds (seed: period "can range between 30 and 1800"; timeout "must be less than the period"). */
export const PERIOD_MIN = 30;
export const PERIOD_MAX = 1800;
export const TIMEOUT_MIN = 2;

// A failed union alone says "Invalid input": each says what it takes.
const zones = lazy(() => z.pipe(z.union([ref(), z.array(ref()).check(z.minLength(1, "must name at least one monitoring zone"))], { error: "must be a monitoring zone (id or object) or a non-empty list of them" }), z.transform((zs) => (Array.isArray(zs) ? zs : [zs]))));

const checkFields = lazy(() => ({
  label: z.optional(labelInput()),
  /** pyrax's synonym for `label` (create_check and update_check take both). */
  name: z.optional(labelInput()),
  disabled: z.optional(z.boolean()),
  metadata: z.optional(metadataInput()),
  /** Monitoring zone ids or `MonitoringZone`s (one or a list). */
  monitoringZonesPoll: z.optional(zones()),
  /** Seconds, at least 2 and less than `period`. */
  timeout: z.optional(z.int().check(z.gte(TIMEOUT_MIN, `must be at least ${TIMEOUT_MIN} seconds`), z.lte(PERIOD_MAX))),
  /** Seconds between runs, 30–1800. */
  period: z.optional(z.int().check(z.gte(PERIOD_MIN, `must be at least ${PERIOD_MIN} seconds (the service's minimum)`), z.lte(PERIOD_MAX, `must be at most ${PERIOD_MAX} seconds`))),
  /** A key of the entity's `ipAddresses`, 1–64 characters (the API's bound). */
  targetAlias: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  /** A hostname or IP address; a URL's host is taken (pyrax's docs pass `http://example.com`). */
  targetHostname: z.optional(targetHostnameInput()),
  targetResolver: z.optional(z.enum(["IPv4", "IPv6"])),
  details: z.optional(z.record(z.string(), z.unknown())),
}));

/** `timeout < period` and one target at most (checked on create and on an update that gives both). */
function checkRules(i: { label?: string; name?: string; timeout?: number; period?: number; targetAlias?: string; targetHostname?: string }, ctx: z.core.$RefinementCtx): void {
  if (i.label !== undefined && i.name !== undefined && i.label !== i.name) ctx.addIssue({ code: "custom", path: ["name"], message: "label and name differ: give one" });
  if (i.timeout !== undefined && i.period !== undefined && i.timeout >= i.period) ctx.addIssue({ code: "custom", path: ["timeout"], message: `must be less than the period (${i.period} s)` });
  if (i.targetAlias !== undefined && i.targetHostname !== undefined) ctx.addIssue({ code: "custom", path: ["targetHostname"], message: "targetAlias and targetHostname are mutually exclusive: give one" });
}

export const createCheckInput = lazy(() => z.strictObject({
  ...checkFields(),
  /** A check type id (`remote.http`) or a `CheckType`; 1–64 characters (the API's bound). */
  type: z.pipe(ref(), z.string().check(z.maxLength(64))),
  /** Run the check once without creating it (pyrax `test_only=True`). */
  test: z.optional(z.boolean()),
  /** With `test`: ask for the service's debug output (pyrax `include_debug`). */
  debug: z.optional(z.boolean()),
}).check(z.superRefine((i, ctx) => {
  checkRules(i, ctx);
  // pyrax's rule for remote checks: they run from monitoring zones against a target.
  if (i.type.startsWith("remote.")) {
    if (!i.monitoringZonesPoll) ctx.addIssue({ code: "custom", path: ["monitoringZonesPoll"], message: "is required for remote checks" });
    if (i.targetAlias === undefined && i.targetHostname === undefined) ctx.addIssue({ code: "custom", path: ["targetAlias"], message: "remote checks need targetAlias or targetHostname" });
  }
  if (i.debug && !i.test) ctx.addIssue({ code: "custom", path: ["debug"], message: "applies only with test: true" });
})));
export type CreateCheckInput = z.input<ReturnType<typeof createCheckInput>>;

export const updateCheckInput = lazy(() => z.strictObject(checkFields()).check(z.superRefine(checkRules)));
export type UpdateCheckInput = z.input<ReturnType<typeof updateCheckInput>>;

export const listChecksInput = lazy(() => z.optional(z.strictObject({ ...pageInput() })));
export type ListChecksInput = z.input<ReturnType<typeof listChecksInput>>;

/** The wire body of a create/test/update from validated input. */
export function checkBody(i: z.output<ReturnType<typeof updateCheckInput>> & { type?: string }): Record<string, unknown> {
  const label = i.label ?? i.name;
  registerSecretDetails(i.details);
  return {
    ...(label !== undefined ? { label } : {}),
    ...(i.type !== undefined ? { type: i.type } : {}),
    ...(i.details !== undefined ? { details: i.details } : {}),
    ...(i.disabled !== undefined ? { disabled: i.disabled } : {}),
    ...(i.metadata !== undefined ? { metadata: i.metadata } : {}),
    ...(i.monitoringZonesPoll !== undefined ? { monitoring_zones_poll: i.monitoringZonesPoll } : {}),
    ...(i.timeout !== undefined ? { timeout: i.timeout } : {}),
    ...(i.period !== undefined ? { period: i.period } : {}),
    ...(i.targetAlias !== undefined ? { target_alias: i.targetAlias } : {}),
    ...(i.targetHostname !== undefined ? { target_hostname: i.targetHostname } : {}),
    ...(i.targetResolver !== undefined ? { target_resolver: i.targetResolver } : {}),
  };
}
