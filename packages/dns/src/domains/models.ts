import { lazy } from "@rax/core";
import * as z from "zod";
import { commentInput, emailInput, fqdn, ttlInput } from "../ref";
import { checkOffset, linksShape, pagingShape } from "../paging";
import { recordInput } from "../records/models";

// dns.md "Operations": GET /domains → {"domains": [{name, id, comment, accountId, emailAddress,
// created, updated}], "links": [...], "totalEntries"}; GET /domains/{id} adds ttl and nameservers.
export const wireDomain = lazy(() => z.looseObject({
  id: z.union([z.string(), z.number()]),
  name: z.string(),
  ttl: z.number().optional(),
  emailAddress: z.string().optional(),
  comment: z.string().nullable().optional(),
  accountId: z.union([z.string(), z.number()]).optional(),
  nameservers: z.array(z.looseObject({ name: z.string() })).optional(),
  created: z.string().optional(),
  updated: z.string().optional(),
}));
export type WireDomain = z.output<ReturnType<typeof wireDomain>>;

export const domainsBody = lazy(() => z.looseObject({ domains: z.array(wireDomain()), totalEntries: z.number().optional(), links: linksShape() }));
/** A finished create/import job's `response`. */
export const domainsResponse = lazy(() => z.looseObject({ domains: z.array(wireDomain()).min(1) }));
/** A finished export job's `response` (dns.md: `{id, accountId, contentType: "BIND_9", contents}`). */
export const exportResponse = lazy(() => z.looseObject({ contents: z.string(), contentType: z.string().optional() }));

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
  ttl: ttlInput().optional(),
  comment: commentInput().optional(),
}));
export type SubdomainInput = z.input<ReturnType<typeof subdomainInput>>;

/** `domains.create`: the seed's "Adding Domains" table; records and subdomains go in the same call. */
export const createDomainInput = lazy(() => z.strictObject({
  name: fqdn(),
  emailAddress: emailInput(),
  /** Default 3600 (Cloud DNS's default). */
  ttl: ttlInput().optional(),
  comment: commentInput().optional(),
  subdomains: z.array(subdomainInput()).optional(),
  records: z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(recordInput()).max(100, "at most 100 records per call").optional()),
}));
export type CreateDomainInput = z.input<ReturnType<typeof createDomainInput>>;

/** `domains.update`: contact email, TTL, comment (at least one; pyrax's MissingDNSSettings). */
export const updateDomainInput = lazy(() => z
  .strictObject({ emailAddress: emailInput().optional(), ttl: ttlInput().optional(), comment: commentInput().optional() })
  .refine((u) => u.emailAddress !== undefined || u.ttl !== undefined || u.comment !== undefined, { error: "give at least one of emailAddress, ttl, comment" }));
export type UpdateDomainInput = z.input<ReturnType<typeof updateDomainInput>>;

export const listDomainsInput = lazy(() => z
  .strictObject({ ...pagingShape(), /** Only the domain with this name (the server filters). */ name: fqdn().optional() })
  .superRefine(checkOffset)
  .optional());
export type ListDomainsInput = z.input<ReturnType<typeof listDomainsInput>>;

export const listSubdomainsInput = lazy(() => z.strictObject(pagingShape()).superRefine(checkOffset).optional());
export type ListSubdomainsInput = z.input<ReturnType<typeof listSubdomainsInput>>;

export const getDomainInput = lazy(() => z.strictObject({ showRecords: z.boolean().optional(), showSubdomains: z.boolean().optional() }).optional());
export type GetDomainInput = z.input<ReturnType<typeof getDomainInput>>;

/** BIND 9 zone text for `domains.importDomain`. */
export const bindInput = lazy(() => z.string().refine((s) => /\S/.test(s), { error: "must be BIND 9 zone text" }));
