import { lazy } from "@rax/core";
import * as z from "zod/mini";

const pad = (n: number) => String(n).padStart(2, "0");
const wireTime = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

/** True when every field is in range (JS's Date.parse would take 2012-02-30 as March 1). */
function realDate(s: string): boolean {
  const [y, mo, d, h = 0, mi = 0, sec = 0] = s.split(/[-T :]/).map(Number) as number[];
  const t = new Date(Date.UTC(y!, mo! - 1, d!, h, mi, sec));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo! - 1 && t.getUTCDate() === d && t.getUTCHours() === h && t.getUTCMinutes() === mi && t.getUTCSeconds() === sec;
}

const USAGE_TIME_FORMS = 'must be a Date, "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" (UTC)';

/** The seed's forms: a Date, "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" (UTC) → CLB's `YYYY-MM-DDTHH:MM:SS` (pyrax's InvalidDateTimeString otherwise). */
export const usageTime = lazy(() => z.union([
  z.pipe(z.date().check(z.refine((d) => !Number.isNaN(d.getTime()), "must be a valid date")), z.transform(wireTime)),
  z.pipe(z
    .string().check(z.regex(/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}:\d{2})?$/, USAGE_TIME_FORMS), z.refine(realDate, "must be a real date")), z.transform((s) => (s.length === 10 ? `${s}T00:00:00` : s.replace(" ", "T")))),
  // A union that fails says only "Invalid input": name the forms it takes.
], { error: USAGE_TIME_FORMS }));

export const usageRangeInput = lazy(() => z.optional(z
  .strictObject({ start: z.optional(usageTime()), end: z.optional(usageTime()) }).check(z.refine((r) => r.start === undefined || r.end === undefined || r.start <= r.end, { path: ["end"], message: "must not be before start" }))));
export type UsageRangeInput = z.input<ReturnType<typeof usageRangeInput>>;

// Nullish: the running hour's record may have no end yet, and eventType is null on most records.
export const wireUsageRecord = lazy(() => z.looseObject({ id: z.nullish(z.union([z.number(), z.string()])), startTime: z.nullish(z.string()), endTime: z.nullish(z.string()) }));
export const lbUsageBody = lazy(() => z.looseObject({ loadBalancerUsageRecords: z.nullish(z.array(wireUsageRecord())) }));
export const accountUsageBody = lazy(() => z.looseObject({
  accountUsage: z.nullish(z.looseObject({ accountUsageRecords: z.nullish(z.array(z.looseObject({ startTime: z.nullish(z.string()) }))) })),
  loadBalancerUsages: z.nullish(z.array(z.looseObject({ loadBalancerId: z.optional(z.union([z.number(), z.string()])), loadBalancerUsageRecords: z.nullish(z.array(wireUsageRecord())) }))),
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
