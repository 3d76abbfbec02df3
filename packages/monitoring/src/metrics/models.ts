import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { pageInput } from "../collection";
import { timeInput } from "../ref";

export const wireMetric = lazy(() => z.looseObject({ name: z.string(), type: z.nullish(z.string()), unit: z.nullish(z.string()) }));

export interface MetricData {
  /** `<monitoringZone>.<metric>` for remote checks (`mzdfw.average`), the metric name for agent checks. */
  name: string;
  type?: string;
  unit?: string;
  raw: Record<string, unknown>;
}

export function toMetric(w: z.output<ReturnType<typeof wireMetric>>): MetricData {
  return { name: w.name, ...(w.type ? { type: w.type } : {}), ...(w.unit ? { unit: w.unit } : {}), raw: { ...w } };
}

export const wireDataPoint = lazy(() => z.looseObject({
  timestamp: z.number(),
  numPoints: z.nullish(z.number()),
  average: z.nullish(z.number()),
  variance: z.nullish(z.number()),
  min: z.nullish(z.number()),
  max: z.nullish(z.number()),
}));

export interface DataPoint {
  /** ms since the epoch. */
  timestamp: number;
  numPoints?: number;
  average?: number;
  variance?: number;
  min?: number;
  max?: number;
  raw: Record<string, unknown>;
}

export function toDataPoint(w: z.output<ReturnType<typeof wireDataPoint>>): DataPoint {
  const n = (k: "numPoints" | "average" | "variance" | "min" | "max") => (typeof w[k] === "number" ? { [k]: w[k] } : {});
  return { timestamp: w.timestamp, ...n("numPoints"), ...n("average"), ...n("variance"), ...n("min"), ...n("max"), raw: { ...w } };
}

/** Rollups the service keeps (monitoring.md get_metric_data_points). */
export const RESOLUTIONS = ["FULL", "MIN5", "MIN20", "MIN60", "MIN240", "MIN1440"] as const;
export const STATS = ["average", "variance", "min", "max"] as const;
/** The service returns at most this many points per request. */
export const MAX_POINTS = 1440;

export const dataPointsInput = lazy(() => z.strictObject({
  /** Start: a `Date` or ms since the epoch (whole ms: the service refuses fractions). */
  from: timeInput(),
  /** End, after `from`. */
  to: timeInput(),
  /** How many points to spread over the range (1–1440); or give `resolution`. */
  points: z.optional(z.int().check(z.gte(1), z.lte(MAX_POINTS, `must be at most ${MAX_POINTS} (the service's maximum per request)`))),
  /** A fixed rollup; or give `points`. */
  resolution: z.optional(z.enum(RESOLUTIONS)),
  /** Which statistics to return (default: the service's, average). */
  select: z.optional(z.array(z.enum(STATS)).check(z.minLength(1))),
}).check(z.superRefine((i, ctx) => {
  if (i.to <= i.from) ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
  // pyrax: MissingMonitoringCheckGranularity when neither is given.
  if ((i.points === undefined) === (i.resolution === undefined)) ctx.addIssue({ code: "custom", path: ["points"], message: "give exactly one of points or resolution" });
})));
export type DataPointsInput = z.input<ReturnType<typeof dataPointsInput>>;

export const listMetricsInput = lazy(() => z.optional(z.strictObject({ ...pageInput() })));
export type ListMetricsInput = z.input<ReturnType<typeof listMetricsInput>>;
