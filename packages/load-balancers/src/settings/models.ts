import { lazy } from "@rax/core";
import * as z from "zod/mini";

// Health monitor, session persistence, connection throttle, connection logging, content caching
// and the error page: one setting each under /loadbalancers/{id}, read and written whole.

export const HEALTH_MONITOR_TYPES = ["CONNECT", "HTTP", "HTTPS"] as const;
export const PERSISTENCE_TYPES = ["HTTP_COOKIE", "SOURCE_IP"] as const;
export type PersistenceType = (typeof PERSISTENCE_TYPES)[number];

const int = (min: number, max: number) => z.number().check(z.int("must be a whole number"), z.gte(min, `must be ${min}–${max}`), z.lte(max, `must be ${min}–${max}`));

/**
 * CONNECT takes delay/timeout/attempts; HTTP(S) also path (default "/", as pyrax) and statusRegex, with
 * bodyRegex and hostHeader optional — CLB's update-health-monitor table marks bodyRegex "Required: No"
 * (the seed's table and pyrax's MissingHealthMonitorSettings demand it; CLB takes a monitor without it).
 */
export const healthMonitorInput = lazy(() => z.pipe(z
  .strictObject({
    type: z.enum(HEALTH_MONITOR_TYPES, { error: `must be one of ${HEALTH_MONITOR_TYPES.join(", ")}` }),
    /** Seconds between probes, 1–3600. Default 10. */
    delay: z._default(int(1, 3600), 10),
    /** Seconds to wait for a connection, 1–300. Default 10. */
    timeout: z._default(int(1, 300), 10),
    /** Failures before a node leaves rotation, 1–10. Default 3. */
    attemptsBeforeDeactivation: z._default(int(1, 10), 3),
    path: z.optional(z.string().check(z.startsWith("/", "must start with /"))),
    statusRegex: z.optional(z.string().check(z.minLength(1))),
    bodyRegex: z.optional(z.string().check(z.minLength(1))),
    hostHeader: z.optional(z.string().check(z.minLength(1))),
  }).check(z.superRefine((h, ctx) => {
    if (h.type === "CONNECT") {
      for (const k of ["path", "statusRegex", "bodyRegex", "hostHeader"] as const)
        if (h[k] !== undefined) ctx.addIssue({ code: "custom", path: [k], message: "applies to HTTP and HTTPS monitors only" });
      return;
    }
    // CLB requires the status pattern an HTTP(S) probe's answer is checked against (pyrax's MissingHealthMonitorSettings).
    if (h.statusRegex === undefined) ctx.addIssue({ code: "custom", path: ["statusRegex"], message: `is required for an ${h.type} monitor` });
    for (const k of ["statusRegex", "bodyRegex"] as const) {
      const v = h[k];
      if (v === undefined) continue;
      try {
        new RegExp(v);
      } catch {
        ctx.addIssue({ code: "custom", path: [k], message: "must be a valid regular expression" });
      }
    }
  })), z.transform((h) => (h.type === "CONNECT" ? h : { ...h, path: h.path ?? "/" }))));
export type HealthMonitorInput = z.input<ReturnType<typeof healthMonitorInput>>;

export const wireHealthMonitor = lazy(() => z.looseObject({
  type: z.optional(z.string()),
  delay: z.optional(z.number()),
  timeout: z.optional(z.number()),
  attemptsBeforeDeactivation: z.optional(z.number()),
  path: z.optional(z.string()),
  statusRegex: z.optional(z.string()),
  bodyRegex: z.optional(z.string()),
  hostHeader: z.optional(z.string()),
}));
export const healthMonitorBody = lazy(() => z.looseObject({ healthMonitor: z.nullish(wireHealthMonitor()) }));

/** The load balancer's health monitor; `{}` when it has none (as pyrax returns). */
export type HealthMonitorData = Partial<z.output<ReturnType<typeof healthMonitorInput>>> & Record<string, unknown>;

export const connectionThrottleInput = lazy(() => z
  .strictObject({
    /** Most connections from one IP address, 0–100000 (0: no limit) — the one setting CLB still acts on. */
    maxConnections: z.optional(int(0, 100_000)),
    /** Deprecated by CLB (v1.22): still accepted, no effect. */
    minConnections: z.optional(int(0, 1000)),
    /** Deprecated by CLB (v1.22): still accepted, no effect. */
    maxConnectionRate: z.optional(int(0, 100_000)),
    /** Deprecated by CLB (v1.22): still accepted, no effect. */
    rateInterval: z.optional(int(1, 3600)),
  }).check(z.refine((t) => Object.values(t).some((v) => v !== undefined), "must set at least one limit")));
export type ConnectionThrottleInput = z.input<ReturnType<typeof connectionThrottleInput>>;
export const connectionThrottleBody = lazy(() => z.looseObject({ connectionThrottle: z.nullish(z.record(z.string(), z.unknown())) }));
export type ConnectionThrottleData = Record<string, unknown> & { maxConnections?: number; minConnections?: number; maxConnectionRate?: number; rateInterval?: number };

export const persistenceInput = lazy(() => z.enum(PERSISTENCE_TYPES, { error: `must be one of ${PERSISTENCE_TYPES.join(", ")}` }));
export const sessionPersistenceBody = lazy(() => z.looseObject({ sessionPersistence: z.nullish(z.looseObject({ persistenceType: z.nullish(z.string()) })) }));

// CLB's docs write booleans; pyrax sent the strings "true"/"false": both are read.
const flag = lazy(() => z.union([z.boolean(), z.pipe(z.enum(["true", "false"]), z.transform((s) => s === "true"))]));
export const connectionLoggingBody = lazy(() => z.looseObject({ connectionLogging: z.nullish(z.looseObject({ enabled: z.optional(flag()) })) }));
export const contentCachingBody = lazy(() => z.looseObject({ contentCaching: z.nullish(z.looseObject({ enabled: z.optional(flag()) })) }));

export const errorPageBody = lazy(() => z.looseObject({ errorpage: z.looseObject({ content: z.optional(z.string()) }) }));
export const errorPageInput = lazy(() => z.string().check(z.minLength(1, "must not be empty"), z.maxLength(65_536, "must be at most 64 KiB")));
