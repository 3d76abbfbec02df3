import { isIP, isIPv4, isIPv6 } from "node:net";
import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { checkOffset, linksShape, pagingShape } from "../paging";
import { commentInput, recordName, ttlInput } from "../ref";

// dns.md "Operations": records are {"name","id":"A-6817754","type","data","ttl","priority"?,"comment"?,"created","updated"}.
export const wireRecord = lazy(() => z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  data: z.string(),
  ttl: z.optional(z.number()),
  priority: z.optional(z.number()),
  comment: z.optional(z.nullable(z.string())),
  created: z.optional(z.string()),
  updated: z.optional(z.string()),
}));
export type WireRecord = z.output<ReturnType<typeof wireRecord>>;

export const recordsBody = lazy(() => z.looseObject({ records: z.optional(z.array(wireRecord())), totalEntries: z.optional(z.number()), links: linksShape() }));

/** The record types Cloud DNS supports (the seed's "DNS Records"). */
export const RECORD_TYPES = ["A", "AAAA", "CNAME", "MX", "NS", "TXT", "SRV", "PTR"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

const recordType = lazy(() => z.pipe(
  z.pipe(z.string(), z.transform((s) => s.toUpperCase())),
  z.enum(RECORD_TYPES, { error: `must be one of ${RECORD_TYPES.join(", ")}` }),
));

export interface RecordData {
  /** Cloud DNS: the record's id (`A-6817754`). Designate: its recordset's id, shared by every value of the recordset. */
  id: string;
  /** The domain (Designate: zone) the record belongs to. */
  domainId: string;
  name: string;
  type: string;
  /** The value: an address, a host name, text. MX/SRV priority is apart, in `priority`. */
  data: string;
  ttl?: number;
  priority?: number;
  comment?: string;
  /**
   * Designate only: every value of the recordset this record is one of (a listing has a row per
   * value, as Cloud DNS has a record per value; `data` is this row's).
   */
  records?: string[];
  /** Designate only: PENDING, ACTIVE, ERROR. */
  status?: string;
  created?: string;
  updated?: string;
  raw: Record<string, unknown>;
}

export function toRecord(w: WireRecord, domainId: string): RecordData {
  return {
    id: w.id,
    domainId,
    name: w.name,
    type: w.type,
    data: w.data,
    ...(w.ttl !== undefined ? { ttl: w.ttl } : {}),
    ...(w.priority !== undefined ? { priority: w.priority } : {}),
    ...(typeof w.comment === "string" ? { comment: w.comment } : {}),
    ...(w.created !== undefined ? { created: w.created } : {}),
    ...(w.updated !== undefined ? { updated: w.updated } : {}),
    raw: w,
  };
}

const HOST = /^(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.)*[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.?$/;

/** Per-type rules of the seed's "Adding DNS Records" table, checked before any request. */
function checkData(r: { type: string; data?: string | undefined; priority?: number | undefined }, ctx: z.core.$RefinementCtx, whole: boolean): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  const d = r.data;
  if (d !== undefined) {
    if (r.type === "A" && !isIPv4(d)) issue("data", "an A record's data must be an IPv4 address");
    if (r.type === "AAAA" && !isIPv6(d)) issue("data", "an AAAA record's data must be an IPv6 address");
    if (r.type === "PTR" && !isIP(d)) issue("data", "a PTR record's data must be an IPv4 or IPv6 address");
    if ((r.type === "CNAME" || r.type === "MX" || r.type === "NS") && !HOST.test(d)) issue("data", `a ${r.type} record's data must be a host name`);
    if (r.type === "SRV" && !/^\d+ \d+ \S+$/.test(d)) issue("data", 'an SRV record\'s data must be "<weight> <port> <target>"');
  }
  const needsPriority = r.type === "MX" || r.type === "SRV";
  if (whole && needsPriority && r.priority === undefined) issue("priority", `is required for ${r.type} records (0–65535)`);
  if (!needsPriority && r.priority !== undefined) issue("priority", `is only allowed on MX and SRV records, not ${r.type}`);
}

const priorityInput = lazy(() => z.number().check(z.int("must be a whole number"), z.gte(0, "must be 0–65535"), z.lte(65535, "must be 0–65535")));

/** One record to add: the seed's "Adding DNS Records" table. */
export const recordInput = lazy(() => z.strictObject({
  type: recordType(),
  name: recordName(),
  data: z.string().check(z.minLength(1, "is required")),
  ttl: z.optional(ttlInput()),
  priority: z.optional(priorityInput()),
  comment: z.optional(commentInput()),
}).check(z.superRefine((r, ctx) => checkData(r, ctx, true))));
export type RecordInput = z.input<ReturnType<typeof recordInput>>;
export type ValidRecord = z.output<ReturnType<typeof recordInput>>;

/** One record or a list of them (a single one is reported as `records.0.…`). */
export const oneOrMany = (v: unknown) => (Array.isArray(v) ? v : [v]);
export const recordsInput = lazy(() => z.pipe(z.transform(oneOrMany), z.array(recordInput()).check(z.minLength(1, "give at least one record"), z.maxLength(100, "at most 100 records per call"))));

/** What `records.update` may change: data, priority (MX/SRV), TTL, comment (the seed: nothing else). */
export const updateRecordInput = lazy(() => z
  .strictObject({ data: z.optional(z.string().check(z.minLength(1))), ttl: z.optional(ttlInput()), priority: z.optional(priorityInput()), comment: z.optional(commentInput()) })
  .check(z.refine((u) => u.data !== undefined || u.ttl !== undefined || u.priority !== undefined || u.comment !== undefined, { error: "give at least one of data, ttl, priority, comment" })));
export type UpdateRecordInput = z.input<ReturnType<typeof updateRecordInput>>;

/** One entry of `records.updateMany`: the record (its id, or the record itself) and its changes. */
export const updateManyInput = lazy(() => z
  .array(z.looseObject({ id: z.string().check(z.minLength(1)), name: z.optional(recordName()), type: z.optional(z.string()), data: z.optional(z.string().check(z.minLength(1))), ttl: z.optional(ttlInput()), priority: z.optional(priorityInput()), comment: z.optional(commentInput()) }))
  .check(z.minLength(1, "give at least one record"), z.maxLength(100, "at most 100 records per call")));

/** Checks a change against the record's type, once the type is known. */
export const typedChange = lazy(() => z
  .looseObject({ type: z.pipe(z.string(), z.transform((s) => s.toUpperCase())), data: z.optional(z.string()), priority: z.optional(z.number()) })
  .check(z.superRefine((r, ctx) => checkData(r, ctx, false))));

export const listRecordsInput = lazy(() => z.optional(z.strictObject({
  ...pagingShape(),
  /** Only this type (Cloud DNS requires it with `name` or `data`). */
  type: z.optional(recordType()),
  name: z.optional(recordName()),
  data: z.optional(z.string().check(z.minLength(1))),
}).check(z.superRefine((f, ctx) => {
  checkOffset(f, ctx);
  if ((f.name !== undefined || f.data !== undefined) && f.type === undefined) ctx.addIssue({ code: "custom", path: ["type"], message: "is required to filter by name or data (Cloud DNS searches one type)" });
}))));
export type ListRecordsInput = z.input<ReturnType<typeof listRecordsInput>>;

export const findRecordInput = lazy(() => z.strictObject({ type: recordType(), name: z.optional(recordName()), data: z.optional(z.string().check(z.minLength(1))) }));
export type FindRecordInput = z.input<ReturnType<typeof findRecordInput>>;

/** A validated record as Cloud DNS's POST body wants it (dns.md "add_records"). */
export function toWireRecord(r: { type: string; name: string; data: string; ttl?: number | undefined; priority?: number | undefined; comment?: string | undefined }): Record<string, unknown> {
  return {
    name: r.name,
    type: r.type,
    data: r.data,
    ...(r.ttl !== undefined ? { ttl: r.ttl } : {}),
    ...(r.priority !== undefined ? { priority: r.priority } : {}),
    ...(r.comment !== undefined ? { comment: r.comment } : {}),
  };
}
