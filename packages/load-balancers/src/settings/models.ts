import { lazy } from "@rax/core";
import * as z from "zod";

// Health monitor, session persistence, connection throttle, connection logging, content caching
// and the error page: one setting each under /loadbalancers/{id}, read and written whole.

export const HEALTH_MONITOR_TYPES = ["CONNECT", "HTTP", "HTTPS"] as const;
export const PERSISTENCE_TYPES = ["HTTP_COOKIE", "SOURCE_IP"] as const;
export type PersistenceType = (typeof PERSISTENCE_TYPES)[number];

const int = (min: number, max: number) => z.number().int("must be a whole number").min(min, `must be ${min}–${max}`).max(max, `must be ${min}–${max}`);

/** The seed's table: CONNECT needs delay/timeout/attempts; HTTP(S) also path, statusRegex, bodyRegex (hostHeader optional). */
export const healthMonitorInput = lazy(() => z
  .strictObject({
    type: z.enum(HEALTH_MONITOR_TYPES, { error: `must be one of ${HEALTH_MONITOR_TYPES.join(", ")}` }),
    /** Seconds between probes, 1–3600. Default 10. */
    delay: int(1, 3600).default(10),
    /** Seconds to wait for a connection, 1–300. Default 10. */
    timeout: int(1, 300).default(10),
    /** Failures before a node leaves rotation, 1–10. Default 3. */
    attemptsBeforeDeactivation: int(1, 10).default(3),
    path: z.string().startsWith("/", "must start with /").optional(),
    statusRegex: z.string().min(1).optional(),
    bodyRegex: z.string().min(1).optional(),
    hostHeader: z.string().min(1).optional(),
  })
  .superRefine((h, ctx) => {
    if (h.type === "CONNECT") {
      for (const k of ["path", "statusRegex", "bodyRegex", "hostHeader"] as const)
        if (h[k] !== undefined) ctx.addIssue({ code: "custom", path: [k], message: "applies to HTTP and HTTPS monitors only" });
      return;
    }
    // pyrax's MissingHealthMonitorSettings: an HTTP(S) monitor needs what it compares against.
    for (const k of ["statusRegex", "bodyRegex"] as const) if (h[k] === undefined) ctx.addIssue({ code: "custom", path: [k], message: `is required for an ${h.type} monitor` });
    for (const k of ["statusRegex", "bodyRegex"] as const) {
      const v = h[k];
      if (v === undefined) continue;
      try {
        new RegExp(v);
      } catch {
        ctx.addIssue({ code: "custom", path: [k], message: "must be a valid regular expression" });
      }
    }
  })
  .transform((h) => (h.type === "CONNECT" ? h : { ...h, path: h.path ?? "/" })));
export type HealthMonitorInput = z.input<ReturnType<typeof healthMonitorInput>>;

export const wireHealthMonitor = lazy(() => z.looseObject({
  type: z.string().optional(),
  delay: z.number().optional(),
  timeout: z.number().optional(),
  attemptsBeforeDeactivation: z.number().optional(),
  path: z.string().optional(),
  statusRegex: z.string().optional(),
  bodyRegex: z.string().optional(),
  hostHeader: z.string().optional(),
}));
export const healthMonitorBody = lazy(() => z.looseObject({ healthMonitor: wireHealthMonitor().nullish() }));

/** The load balancer's health monitor; `{}` when it has none (as pyrax returns). */
export type HealthMonitorData = Partial<z.output<ReturnType<typeof healthMonitorInput>>> & Record<string, unknown>;

export const connectionThrottleInput = lazy(() => z
  .strictObject({
    /** Most connections from one IP address, 0–100000 (0: no limit). */
    maxConnections: int(0, 100_000).optional(),
    /** Deprecated by CLB; still accepted. */
    minConnections: int(0, 1000).optional(),
    /** Most connections per rateInterval from one IP, 0–100000. */
    maxConnectionRate: int(0, 100_000).optional(),
    /** Seconds over which maxConnectionRate counts, 1–3600. */
    rateInterval: int(1, 3600).optional(),
  })
  .refine((t) => Object.values(t).some((v) => v !== undefined), "must set at least one limit"));
export type ConnectionThrottleInput = z.input<ReturnType<typeof connectionThrottleInput>>;
export const connectionThrottleBody = lazy(() => z.looseObject({ connectionThrottle: z.record(z.string(), z.unknown()).nullish() }));
export type ConnectionThrottleData = Record<string, unknown> & { maxConnections?: number; minConnections?: number; maxConnectionRate?: number; rateInterval?: number };

export const persistenceInput = lazy(() => z.enum(PERSISTENCE_TYPES, { error: `must be one of ${PERSISTENCE_TYPES.join(", ")}` }));
export const sessionPersistenceBody = lazy(() => z.looseObject({ sessionPersistence: z.looseObject({ persistenceType: z.string().nullish() }).nullish() }));

// CLB's docs write booleans; pyrax sent the strings "true"/"false": both are read.
const flag = lazy(() => z.union([z.boolean(), z.enum(["true", "false"]).transform((s) => s === "true")]));
export const connectionLoggingBody = lazy(() => z.looseObject({ connectionLogging: z.looseObject({ enabled: flag().optional() }).nullish() }));
export const contentCachingBody = lazy(() => z.looseObject({ contentCaching: z.looseObject({ enabled: flag().optional() }).nullish() }));

export const errorPageBody = lazy(() => z.looseObject({ errorpage: z.looseObject({ content: z.string().optional() }) }));
export const errorPageInput = lazy(() => z.string().min(1, "must not be empty").max(65_536, "must be at most 64 KiB"));
