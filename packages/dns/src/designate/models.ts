import { lazy } from "@rax/core";
import * as z from "zod/mini";
import type { DomainData } from "../domains/models";
import type { RecordData, ValidRecord } from "../records/models";

// OpenStack Designate v2 (api-ref "Zones", "Recordsets"): names are absolute, with a trailing dot;
// a recordset holds every value of one (name, type); MX/SRV values carry their priority in front.
const links = lazy(() => z.optional(z.looseObject({ next: z.optional(z.nullable(z.string())) })));

export const wireZone = lazy(() => z.looseObject({
  id: z.string(),
  name: z.string(),
  email: z.optional(z.nullable(z.string())),
  ttl: z.optional(z.nullable(z.number())),
  description: z.optional(z.nullable(z.string())),
  status: z.optional(z.string()),
  action: z.optional(z.string()),
  project_id: z.optional(z.string()),
  created_at: z.optional(z.nullable(z.string())),
  updated_at: z.optional(z.nullable(z.string())),
}));
export type WireZone = z.output<ReturnType<typeof wireZone>>;
export const zonesBody = lazy(() => z.looseObject({ zones: z.array(wireZone()), links: links() }));

export const wireRecordset = lazy(() => z.looseObject({
  id: z.string(),
  zone_id: z.string(),
  name: z.string(),
  type: z.string(),
  records: z.array(z.string()),
  ttl: z.optional(z.nullable(z.number())),
  description: z.optional(z.nullable(z.string())),
  status: z.optional(z.string()),
  action: z.optional(z.string()),
  created_at: z.optional(z.nullable(z.string())),
  updated_at: z.optional(z.nullable(z.string())),
}));
export type WireRecordset = z.output<ReturnType<typeof wireRecordset>>;
export const recordsetsBody = lazy(() => z.looseObject({ recordsets: z.array(wireRecordset()), links: links() }));

export const nameserversBody = lazy(() => z.looseObject({ nameservers: z.array(z.looseObject({ hostname: z.string() })) }));

/** Zone import/export tasks: PENDING → COMPLETE or ERROR. */
export const wireTask = lazy(() => z.looseObject({ id: z.string(), status: z.string(), message: z.optional(z.nullable(z.string())), zone_id: z.optional(z.nullable(z.string())) }));
export type WireTask = z.output<ReturnType<typeof wireTask>>;

const undot = (s: string) => s.replace(/\.$/, "");
export const dot = (s: string) => (s.endsWith(".") ? s : `${s}.`);

export function zoneToDomain(w: WireZone): DomainData {
  return {
    id: w.id,
    name: undot(w.name),
    ...(w.email ? { emailAddress: w.email } : {}),
    ...(typeof w.ttl === "number" ? { ttl: w.ttl } : {}),
    ...(typeof w.description === "string" ? { comment: w.description } : {}),
    ...(w.project_id ? { accountId: w.project_id } : {}),
    nameservers: [],
    ...(w.status ? { status: w.status } : {}),
    ...(w.created_at ? { created: w.created_at } : {}),
    ...(w.updated_at ? { updated: w.updated_at } : {}),
    raw: w,
  };
}

/** Types whose value names a host: Designate wants it absolute (trailing dot). */
const HOST_VALUED = new Set(["CNAME", "MX", "NS", "SRV", "PTR"]);

/** One Cloud DNS-style record → a Designate value (`10 mail.example.edu.`, `"some text"`). */
export function toValue(r: { type: string; data: string; priority?: number | undefined }): string {
  const t = r.type.toUpperCase();
  let data = r.data;
  if (t === "TXT" && !/^".*"$/s.test(data)) data = `"${data.replace(/(["\\])/g, "\\$1")}"`;
  if (HOST_VALUED.has(t) && t !== "SRV") data = dot(data);
  if (t === "SRV") data = data.replace(/(\S+)$/, (h) => dot(h));
  return r.priority !== undefined && (t === "MX" || t === "SRV") ? `${r.priority} ${data}` : data;
}

/** A Designate value → data (+ priority for MX/SRV), as Cloud DNS shows a record. */
export function fromValue(type: string, value: string): { data: string; priority?: number } {
  let v = value;
  let priority: number | undefined;
  if (type === "MX" || type === "SRV") {
    const m = /^(\d+)\s+(.*)$/s.exec(v);
    if (m) {
      priority = Number(m[1]);
      v = m[2]!;
    }
  }
  if (type === "TXT" && /^".*"$/s.test(v)) v = v.slice(1, -1).replace(/\\(["\\])/g, "$1");
  if (HOST_VALUED.has(type)) v = type === "SRV" ? v.replace(/\.$/, "") : undot(v);
  return { data: v, ...(priority !== undefined ? { priority } : {}) };
}

export function recordsetToRecord(w: WireRecordset): RecordData {
  const first = fromValue(w.type, w.records[0] ?? "");
  return {
    id: w.id,
    domainId: w.zone_id,
    name: undot(w.name),
    type: w.type,
    data: first.data,
    ...(typeof w.ttl === "number" ? { ttl: w.ttl } : {}),
    ...(first.priority !== undefined ? { priority: first.priority } : {}),
    ...(typeof w.description === "string" ? { comment: w.description } : {}),
    records: w.records.map((v) => fromValue(w.type, v).data),
    ...(w.status ? { status: w.status } : {}),
    ...(w.created_at ? { created: w.created_at } : {}),
    ...(w.updated_at ? { updated: w.updated_at } : {}),
    raw: w,
  };
}

/** Records to add, grouped by (name, type): Designate keeps one recordset per pair. */
export function toRecordsets(records: Array<Pick<ValidRecord, "name" | "data" | "ttl" | "priority" | "comment"> & { type: string }>): Array<{ name: string; type: string; records: string[]; ttl?: number; description?: string }> {
  const out = new Map<string, { name: string; type: string; records: string[]; ttl?: number; description?: string }>();
  for (const r of records) {
    const key = `${r.name}\n${r.type}`;
    let set = out.get(key);
    if (!set) {
      set = { name: dot(r.name), type: r.type, records: [], ...(r.ttl !== undefined ? { ttl: r.ttl } : {}), ...(r.comment !== undefined ? { description: r.comment } : {}) };
      out.set(key, set);
    }
    set.records.push(toValue(r));
  }
  return [...out.values()];
}
