import { isIP } from "node:net";
import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { commentInput, recordName, ttlInput } from "../ref";

// dns.md "list_ptr_records" / "add_ptr_records": {"recordsList": {"records": [{name, id: "PTR-…",
// type: "PTR", data, ttl, created, updated}]}, "link": {content, href, rel}}.
export const wirePtr = lazy(() => z.looseObject({
  id: z.optional(z.string()),
  name: z.string(),
  type: z.optional(z.string()),
  data: z.string(),
  ttl: z.optional(z.number()),
  comment: z.optional(z.nullable(z.string())),
  created: z.optional(z.string()),
  updated: z.optional(z.string()),
}));
export type WirePtr = z.output<ReturnType<typeof wirePtr>>;

/** PTR bodies: `recordsList.records` as the docs show; a bare `records` too (what pyrax reads). */
export const ptrBody = lazy(() => z.looseObject({
  recordsList: z.optional(z.looseObject({ records: z.optional(z.array(wirePtr())) })),
  records: z.optional(z.array(wirePtr())),
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

const ip = lazy(() => z.string().check(z.refine((s) => isIP(s) !== 0, { error: "must be an IPv4 or IPv6 address" })));

/** A PTR record to add (the seed's "Adding PTR Records" table). */
export const ptrInput = lazy(() => z.strictObject({
  type: z.optional(z.string().check(z.refine((t) => t.toUpperCase() === "PTR", { error: 'must be "PTR"' }))),
  name: recordName(),
  data: ip(),
  ttl: z.optional(ttlInput()),
  comment: z.optional(commentInput()),
}));
export type PtrInput = z.input<ReturnType<typeof ptrInput>>;
export const ptrsInput = lazy(() => z.pipe(z.transform((v: unknown) => (Array.isArray(v) ? v : [v])), z.array(ptrInput()).check(z.minLength(1, "give at least one record"))));

/** `ptr.update`: the record is found by name + address (which cannot change); TTL and comment can. */
export const updatePtrInput = lazy(() => z.strictObject({ name: recordName(), data: ip(), ttl: z.optional(ttlInput()), comment: z.optional(commentInput()) }));
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
