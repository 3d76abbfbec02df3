import { isIP } from "node:net";
import { lazy } from "@rax/core";
import * as z from "zod";
import { commentInput, recordName, ttlInput } from "../ref";

// dns.md "list_ptr_records" / "add_ptr_records": {"recordsList": {"records": [{name, id: "PTR-…",
// type: "PTR", data, ttl, created, updated}]}, "link": {content, href, rel}}.
export const wirePtr = lazy(() => z.looseObject({
  id: z.string().optional(),
  name: z.string(),
  type: z.string().optional(),
  data: z.string(),
  ttl: z.number().optional(),
  comment: z.string().nullable().optional(),
  created: z.string().optional(),
  updated: z.string().optional(),
}));
export type WirePtr = z.output<ReturnType<typeof wirePtr>>;

/** PTR bodies: `recordsList.records` as the docs show; a bare `records` too (what pyrax reads). */
export const ptrBody = lazy(() => z.looseObject({
  recordsList: z.looseObject({ records: z.array(wirePtr()).optional() }).optional(),
  records: z.array(wirePtr()).optional(),
}));
export const ptrRows = (b: z.output<ReturnType<typeof ptrBody>>): WirePtr[] => b.recordsList?.records ?? b.records ?? [];

export interface PtrRecordData {
  id: string;
  /** The host name the address resolves to. */
  name: string;
  type: "PTR";
  /** The IPv4 or IPv6 address. */
  data: string;
  ttl?: number;
  comment?: string;
  created?: string;
  updated?: string;
  raw: Record<string, unknown>;
}

export function toPtr(w: WirePtr): PtrRecordData {
  return {
    id: w.id ?? "",
    name: w.name,
    type: "PTR",
    data: w.data,
    ...(w.ttl !== undefined ? { ttl: w.ttl } : {}),
    ...(typeof w.comment === "string" ? { comment: w.comment } : {}),
    ...(w.created !== undefined ? { created: w.created } : {}),
    ...(w.updated !== undefined ? { updated: w.updated } : {}),
    raw: w,
  };
}

const ip = lazy(() => z.string().refine((s) => isIP(s) !== 0, { error: "must be an IPv4 or IPv6 address" }));

/** A PTR record to add (the seed's "Adding PTR Records" table). */
export const ptrInput = lazy(() => z.strictObject({
  type: z
    .string()
    .refine((t) => t.toUpperCase() === "PTR", { error: 'must be "PTR"' })
    .optional(),
  name: recordName(),
  data: ip(),
  ttl: ttlInput().optional(),
  comment: commentInput().optional(),
}));
export type PtrInput = z.input<ReturnType<typeof ptrInput>>;
export const ptrsInput = lazy(() => z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(ptrInput()).min(1, "give at least one record")));

/** `ptr.update`: the record is found by name + address (which cannot change); TTL and comment can. */
export const updatePtrInput = lazy(() => z.strictObject({ name: recordName(), data: ip(), ttl: ttlInput().optional(), comment: commentInput().optional() }));
export type UpdatePtrInput = z.input<ReturnType<typeof updatePtrInput>>;

export const ipInput = lazy(() => ip());

/** Cloud DNS's names for the services whose devices have PTR records (dns.md, pyrax `_get_ptr_details`). */
export const PTR_SERVICES = { server: "cloudServersOpenStack", loadBalancer: "cloudLoadBalancers" } as const;
export type PtrServiceName = (typeof PTR_SERVICES)[keyof typeof PTR_SERVICES];

/**
 * A device with PTR records, with no import of the compute or load-balancer packages: an object
 * with `links` (a compute `Server`: its `self` link), a device URL with its service, or an id and
 * its kind (the URL is built from the catalog's compute / load-balancer endpoint).
 */
export type PtrDevice =
  | { readonly links: ReadonlyArray<{ readonly rel?: string; readonly href?: string }> }
  | { readonly raw: { readonly links?: unknown } }
  | { readonly href: string; readonly serviceName?: PtrServiceName }
  | { readonly id: string | number; readonly type: "server" | "loadBalancer"; readonly region?: string };
