import { lazy } from "@rax/core";
import { idSegment } from "@rax/core/zod-mini";
import * as z from "zod/mini";


/** A domain given by its id (Cloud DNS: numeric; Designate: a UUID) or any object carrying it (a `Domain`). */
export type DomainRef = string | number | { readonly id: string | number };

export const domainRef = lazy(() => z.union(
  [idSegment(), z.pipe(z.int().check(z.nonnegative()), z.transform(String)), z.pipe(z.object({ id: z.union([idSegment(), z.int().check(z.nonnegative())]) }), z.transform((o) => String(o.id)))],
  { error: "must be a domain id (not blank, no '/') or an object with an id" },
));

/** A record given by its id (`A-6817754`; Designate: a recordset UUID) or any object carrying it (a `DnsRecord`). */
export type RecordRef = string | { readonly id: string };

export const recordRef = lazy(() => z.union([idSegment(), z.pipe(z.object({ id: idSegment() }), z.transform((o) => o.id))], {
  error: "must be a record id (not blank, no '/') or an object with an id",
}));

const LABEL = "[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?";

/** A fully-qualified domain name: two or more labels, at most 253 characters; a trailing dot is dropped. */
export const fqdn = lazy(() => z.pipe(
  z.pipe(z.string(), z.transform((s) => s.replace(/\.$/, "").toLowerCase())),
  z.string().check(
    z.maxLength(253, "must be at most 253 characters"),
    z.regex(new RegExp(`^(?:${LABEL}\\.)+${LABEL}$`), "must be a fully-qualified domain name (example.edu)"),
  ),
));

/** A record's name: an FQDN, whose first label may be `*` (a wildcard record). */
export const recordName = lazy(() => z.pipe(
  z.pipe(z.string(), z.transform((s) => s.replace(/\.$/, "").toLowerCase())),
  z.string().check(
    z.maxLength(253, "must be at most 253 characters"),
    z.regex(new RegExp(`^(?:\\*\\.)?(?:${LABEL}\\.)*${LABEL}$`), "must be a domain name (www.example.edu)"),
  ),
));

/** Cloud DNS: TTL in seconds, at least 300 (the seed: "Minimum=300"). */
export const MIN_TTL = 300;
// z.int as a check (not the z.int() schema), so a non-number still reads "must be a number of seconds".
export const ttlInput = lazy(() => z.number({ error: "must be a number of seconds" }).check(
  z.int("must be a whole number of seconds"),
  z.gte(MIN_TTL, `must be at least ${MIN_TTL} seconds`),
  z.lte(2_147_483_647, "must be at most 2147483647 seconds"),
));

/** Comments are at most 160 characters (the seed, dns.md "Rules"). */
export const commentInput = lazy(() => z.string().check(z.maxLength(160, "must be at most 160 characters")));

export const emailInput = lazy(() => z.string().check(z.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, "must be an email address")));
