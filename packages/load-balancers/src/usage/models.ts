import { lazy } from "@rax/core";
import * as z from "zod";

const pad = (n: number) => String(n).padStart(2, "0");
const wireTime = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

/** True when every field is in range (JS's Date.parse would take 2012-02-30 as March 1). */
function realDate(s: string): boolean {
  const [y, mo, d, h = 0, mi = 0, sec = 0] = s.split(/[-T :]/).map(Number) as number[];
  const t = new Date(Date.UTC(y!, mo! - 1, d!, h, mi, sec));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo! - 1 && t.getUTCDate() === d && t.getUTCHours() === h && t.getUTCMinutes() === mi && t.getUTCSeconds() === sec;
}

/** The seed's forms: a Date, "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" (UTC) → CLB's `YYYY-MM-DDTHH:MM:SS` (pyrax's InvalidDateTimeString otherwise). */
export const usageTime = lazy(() => z.union([
  z.date().refine((d) => !Number.isNaN(d.getTime()), "must be a valid date").transform(wireTime),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}:\d{2})?$/, 'must be a Date, "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS"')
    .refine(realDate, "must be a real date")
    .transform((s) => (s.length === 10 ? `${s}T00:00:00` : s.replace(" ", "T"))),
]));

export const usageRangeInput = lazy(() => z
  .strictObject({ start: usageTime().optional(), end: usageTime().optional() })
  .refine((r) => r.start === undefined || r.end === undefined || r.start <= r.end, { path: ["end"], message: "must not be before start" })
  .optional());
export type UsageRangeInput = z.input<ReturnType<typeof usageRangeInput>>;

// Nullish: the running hour's record may have no end yet, and eventType is null on most records.
export const wireUsageRecord = lazy(() => z.looseObject({ id: z.union([z.number(), z.string()]).nullish(), startTime: z.string().nullish(), endTime: z.string().nullish() }));
export const lbUsageBody = lazy(() => z.looseObject({ loadBalancerUsageRecords: z.array(wireUsageRecord()).nullish() }));
export const accountUsageBody = lazy(() => z.looseObject({
  accountUsage: z.looseObject({ accountUsageRecords: z.array(z.looseObject({ startTime: z.string().nullish() })).nullish() }).nullish(),
  loadBalancerUsages: z.array(z.looseObject({ loadBalancerId: z.union([z.number(), z.string()]).optional(), loadBalancerUsageRecords: z.array(wireUsageRecord()).nullish() })).nullish(),
}));

/**
 * One hourly usage record (the seed's dict): averageNumConnections, incomingTransfer,
 * outgoingTransfer and their *Ssl twins, numVips, numPolls, vipType, sslMode, eventType, with
 * `startTime`/`endTime` as Dates (pyrax gave datetimes).
 */
export interface UsageRecord {
  id?: number;
  averageNumConnections?: number;
  incomingTransfer?: number;
  outgoingTransfer?: number;
  averageNumConnectionsSsl?: number;
  incomingTransferSsl?: number;
  outgoingTransferSsl?: number;
  numVips?: number;
  numPolls?: number;
  /** PUBLIC or SERVICENET. */
  vipType?: string;
  /** OFF, ON, MIXED. */
  sslMode?: string;
  eventType?: string;
  /** Account records: numLoadBalancers, numPublicVips, numServicenetVips. */
  numLoadBalancers?: number;
  numPublicVips?: number;
  numServicenetVips?: number;
  startTime?: Date;
  endTime?: Date;
  /** Anything else the service sent, as sent. */
  [field: string]: unknown;
}

const NUMBERS = ["averageNumConnections", "incomingTransfer", "outgoingTransfer", "averageNumConnectionsSsl", "incomingTransferSsl", "outgoingTransferSsl", "numVips", "numPolls", "numLoadBalancers", "numPublicVips", "numServicenetVips"] as const;
const STRINGS = ["vipType", "sslMode", "eventType"] as const;

const asDate = (s: string | undefined) => {
  if (!s) return undefined;
  const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
};

export function toUsageRecord(w: Record<string, unknown>): UsageRecord {
  const out: UsageRecord = { ...w };
  // A typed field holds only a value of its type: anything else (null included) is left out.
  for (const k of NUMBERS) if (typeof w[k] !== "number") delete out[k];
  for (const k of STRINGS) if (typeof w[k] !== "string") delete out[k];
  if (w.id !== undefined && w.id !== null) out.id = Number(w.id);
  else delete out.id;
  const s = asDate((w.startTime as string | null | undefined) ?? undefined);
  const e = asDate((w.endTime as string | null | undefined) ?? undefined);
  if (s) out.startTime = s;
  else delete out.startTime;
  if (e) out.endTime = e;
  else delete out.endTime;
  return out;
}

/** The account's usage (pyrax `clb.get_usage()`): per-hour account records and each load balancer's. */
export interface AccountUsageData {
  accountUsageRecords: UsageRecord[];
  loadBalancerUsages: Array<{ loadBalancerId: number; records: UsageRecord[] }>;
  raw: Record<string, unknown>;
}
