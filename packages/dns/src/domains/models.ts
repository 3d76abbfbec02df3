import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { commentInput, emailInput, fqdn, ttlInput } from "../ref";
import { checkOffset, linksShape, pagingShape } from "../paging";
import { recordInput } from "../records/models";

// dns.md "Operations": GET /domains → {"domains": [{name, id, comment, accountId, emailAddress,
// created, updated}], "links": [...], "totalEntries"}; GET /domains/{id} adds ttl and nameservers.
export const wireDomain = lazy(() => z.looseObject({
  id: z.union([z.string(), z.number()]),
  name: z.string(),
  ttl: z.optional(z.number()),
  emailAddress: z.optional(z.string()),
  comment: z.optional(z.nullable(z.string())),
  accountId: z.optional(z.union([z.string(), z.number()])),
  nameservers: z.optional(z.array(z.looseObject({ name: z.string() }))),
  created: z.optional(z.string()),
  updated: z.optional(z.string()),
}));
export type WireDomain = z.output<ReturnType<typeof wireDomain>>;

export const domainsBody = lazy(() => z.looseObject({ domains: z.array(wireDomain()), totalEntries: z.optional(z.number()), links: linksShape() }));
/** A finished create/import job's `response`. */
export const domainsResponse = lazy(() => z.looseObject({ domains: z.array(wireDomain()).check(z.minLength(1)) }));
/** A finished export job's `response` (dns.md: `{id, accountId, contentType: "BIND_9", contents}`). */
export const exportResponse = lazy(() => z.looseObject({ contents: z.string(), contentType: z.optional(z.string()) }));

export interface DomainData {
  id: string;
  /** The FQDN, without a trailing dot. */
  name: string;
  emailAddress?: string;
  /** Seconds. */
  ttl?: number;
  comment?: string;
  accountId?: string;
  /** Name servers that serve the zone. */
  nameservers: string[];
  /** Designate only: PENDING, ACTIVE, ERROR. */
  status?: string;
  created?: string;
  updated?: string;
  /** Every field the server sent, as sent. */
  raw: Record<string, unknown>;
}

export function toDomain(w: WireDomain): DomainData {
  return {
    id: String(w.id),
    name: w.name,
    ...(w.emailAddress !== undefined ? { emailAddress: w.emailAddress } : {}),
    ...(w.ttl !== undefined ? { ttl: w.ttl } : {}),
    ...(typeof w.comment === "string" ? { comment: w.comment } : {}),
    ...(w.accountId !== undefined ? { accountId: String(w.accountId) } : {}),
    nameservers: (w.nameservers ?? []).map((n) => n.name),
    ...(w.created !== undefined ? { created: w.created } : {}),
    ...(w.updated !== undefined ? { updated: w.updated } : {}),
    raw: w,
  };
}

/** A subdomain created together with its parent (same keys as a domain, no records). */
export const subdomainInput = lazy(() => z.strictObject({
  name: fqdn(),
  emailAddress: emailInput(),
  ttl: z.optional(ttlInput()),
  comment: z.optional(commentInput()),
}));
export type SubdomainInput = z.input<ReturnType<typeof subdomainInput>>;

/** `domains.create`: the seed's "Adding Domains" table; records and subdomains go in the same call. */
export const createDomainInput = lazy(() => z.strictObject({
  name: fqdn(),
  emailAddress: emailInput(),
  /** Default 3600 (Cloud DNS's default). */
  ttl: z.optional(ttlInput()),
  comment: z.optional(commentInput()),
  subdomains: z.optional(z.array(subdomainInput())),
  // One record or a list; optional outside the pipe so the key stays optional in the input type.
  records: z.optional(z.pipe(z.transform((v: unknown) => (Array.isArray(v) ? v : [v])), z.array(recordInput()).check(z.maxLength(100, "at most 100 records per call")))),
}));
export type CreateDomainInput = z.input<ReturnType<typeof createDomainInput>>;

/** `domains.update`: contact email, TTL, comment (at least one; pyrax's MissingDNSSettings). */
export const updateDomainInput = lazy(() => z
  .strictObject({ emailAddress: z.optional(emailInput()), ttl: z.optional(ttlInput()), comment: z.optional(commentInput()) })
  .check(z.refine((u) => u.emailAddress !== undefined || u.ttl !== undefined || u.comment !== undefined, { error: "give at least one of emailAddress, ttl, comment" })));
export type UpdateDomainInput = z.input<ReturnType<typeof updateDomainInput>>;

export const listDomainsInput = lazy(() => z.optional(z
  .strictObject({ ...pagingShape(), /** Only the domain with this name (the server filters). */ name: z.optional(fqdn()) })
  .check(z.superRefine(checkOffset))));
export type ListDomainsInput = z.input<ReturnType<typeof listDomainsInput>>;

export const listSubdomainsInput = lazy(() => z.optional(z.strictObject(pagingShape()).check(z.superRefine(checkOffset))));
export type ListSubdomainsInput = z.input<ReturnType<typeof listSubdomainsInput>>;

export const getDomainInput = lazy(() => z.optional(z.strictObject({ showRecords: z.optional(z.boolean()), showSubdomains: z.optional(z.boolean()) })));
export type GetDomainInput = z.input<ReturnType<typeof getDomainInput>>;

/** BIND 9 zone text for `domains.importDomain`. */
export const bindInput = lazy(() => z.string().check(z.refine((s) => /\S/.test(s), { error: "must be BIND 9 zone text" })));
