import { type CallOptions, encodeSegment, type Job, linkPager, type NotFound, notFoundAs, type Paginated, validate, ValidationError } from "@rax/core";
import type { DnsApi } from "../backend";
import { createZone, deleteZone, exportZone, getZone, importZone, subzones, updateZone, zonesPage } from "../designate/zones";
import * as z from "zod/mini";
import { DomainCreationFailed, DomainDeletionFailed, DomainExportFailed, DomainUpdateFailed, NoSuchDomain } from "../errors";
import type { JobCallOptions, JobData } from "../jobs/models";
import { dnsJob, responseOf, startAndFollow } from "../jobs/requests";
import { DEFAULT_PAGE_SIZE, nextHref, relativeLink } from "../paging";
import { toWireRecord } from "../records/models";
import { type DomainRef, domainRef, fqdn } from "../ref";
import {
  bindInput,
  type CreateDomainInput,
  createDomainInput,
  type DomainData,
  domainsBody,
  domainsResponse,
  exportResponse,
  type GetDomainInput,
  getDomainInput,
  type ListDomainsInput,
  listDomainsInput,
  type ListSubdomainsInput,
  listSubdomainsInput,
  toDomain,
  type UpdateDomainInput,
  updateDomainInput,
  wireDomain,
} from "./models";

// One function per domain operation, on whichever backend the client resolved. Cloud DNS paths
// and bodies per dns.md "Operations"; Designate's in ../designate/zones.ts.

const missing = (id: string) => (e: NotFound) => new NoSuchDomain(id, e);
export const domainPath = (id: string, rest = "") => `domains/${encodeSegment(id, { field: "domain" })}${rest}`;

/** A Cloud DNS collection page: rows, and the next link trimmed to this endpoint. */
async function rackspacePage(client: DnsApi, path: string, o: CallOptions): Promise<{ items: DomainData[]; next?: string }> {
  const body = await client.json({ method: "GET", path, ...o }, domainsBody());
  const next = relativeLink(nextHref(body.links), "domains");
  // A full page whose link is missing still ends here: Cloud DNS sends `next` whenever more follow (dns.md "Pagination").
  return { items: body.domains.map(toDomain), ...(next ? { next } : {}) };
}

function firstPath(path: string, q: Record<string, string | number | undefined>): string {
  const parts = Object.entries(q)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return parts.length ? `${path}?${parts.join("&")}` : path;
}

/**
 * GET /domains?limit&offset[&name] following the `next` links (Cloud DNS), or GET /v2/zones
 * (Designate). `await` gives the first page; `for await` walks every page. `from`: the cursor of
 * the page to start at (a page's `next`), for pyrax's next / previous page calls.
 */
export function listDomains(client: DnsApi, input?: ListDomainsInput, o: CallOptions = {}, from?: string): Paginated<DomainData> {
  const f = validate(listDomainsInput(), input, "filters") ?? {};
  return linkPager(
    async (cursor) => {
      const next = cursor ?? from;
      await client.ready(o.signal);
      if (client.backend === "designate") {
        if (f.offset) throw new ValidationError("filters.offset", "Designate pages by marker: omit offset (walk the pages, or pyrax's next / previous page calls)");
        return zonesPage(client, next, f, o);
      }
      return rackspacePage(client, next ?? firstPath("domains", { limit: f.pageSize ?? DEFAULT_PAGE_SIZE, offset: f.offset, name: f.name }), o);
    },
    f.limit !== undefined ? { limit: f.limit } : {},
  );
}

/** GET /domains/{id}[?showRecords&showSubdomains] (Cloud DNS) or GET /v2/zones/{id} + its name servers (Designate). */
export async function getDomain(client: DnsApi, domain: DomainRef, input?: GetDomainInput, o: CallOptions = {}): Promise<DomainData> {
  const id = validate(domainRef(), domain, "domain");
  const show = validate(getDomainInput(), input, "options") ?? {};
  if ((await client.ready(o.signal)) === "designate") return getZone(client, id, o, true);
  const query = { showRecords: show.showRecords ?? false, showSubdomains: show.showSubdomains ?? false };
  return toDomain(await notFoundAs(client.json({ method: "GET", path: domainPath(id), query, ...o }, wireDomain()), missing(id)));
}

/** The domain named exactly `name` (pyrax `find(name=)`): the server filters by name, rax matches exactly. */
export async function findDomain(client: DnsApi, name: string, o: CallOptions = {}): Promise<DomainData> {
  const n = validate(fqdn(), name, "name");
  const rows = await listDomains(client, { name: n }, o).toArray();
  const hit = rows.find((d) => d.name.toLowerCase() === n);
  if (hit) return hit;
  throw new NoSuchDomain(n, { in: client });
}

/**
 * POST /domains → 202 job (Cloud DNS: the domain, its records and its subdomains in one atomic
 * call) or POST /v2/zones + recordsets + subzones (Designate). Resolves with the new domain; an
 * ERROR job rejects with `DomainCreationFailed` (code 409 when the domain exists).
 */
export function createDomain(client: DnsApi, input: CreateDomainInput, o?: JobCallOptions): Job<DomainData, JobData> {
  return dnsJob(client, o, async (w, ctx) => {
    const i = validate(createDomainInput(), input, "domain");
    if ((await client.ready(ctx.signal)) === "designate") return createZone(client, i, w, ctx.signal, (id) => ctx.setId(id));
    // dns.md "Create domain body"; Cloud DNS's TTL default is 3600.
    const sub = (d: { name: string; emailAddress: string; ttl?: number | undefined; comment?: string | undefined }) => ({
      name: d.name,
      emailAddress: d.emailAddress,
      ...(d.ttl !== undefined ? { ttl: d.ttl } : {}),
      ...(d.comment !== undefined ? { comment: d.comment } : {}),
    });
    const json = {
      domains: [
        {
          ...sub(i),
          ttl: i.ttl ?? 3600,
          ...(i.subdomains?.length ? { subdomains: { domains: i.subdomains.map(sub) } } : {}),
          ...(i.records?.length ? { recordsList: { records: i.records.map(toWireRecord) } } : {}),
        },
      ],
    };
    const plan = { result: (j: JobData) => toDomain(responseOf(domainsResponse(), j).domains[0]!), failure: DomainCreationFailed };
    return startAndFollow(client, { method: "POST", path: "domains", json }, plan, w, ctx);
  });
}

/**
 * PUT /domains/{id} {emailAddress, ttl, comment} → 202 job (Cloud DNS) or PATCH /v2/zones/{id}
 * (Designate); resolves with the domain as it now is. ERROR → `DomainUpdateFailed`.
 */
export function updateDomain(client: DnsApi, domain: DomainRef, changes: UpdateDomainInput, o?: JobCallOptions): Job<DomainData, JobData> {
  return dnsJob(client, o, async (w, ctx) => {
    const id = validate(domainRef(), domain, "domain");
    const u = validate(updateDomainInput(), changes, "changes");
    if ((await client.ready(ctx.signal)) === "designate") return updateZone(client, id, u, w, ctx.signal);
    const plan = { result: () => undefined, failure: DomainUpdateFailed };
    await notFoundAs(startAndFollow(client, { method: "PUT", path: domainPath(id), json: u }, plan, w, ctx), missing(id));
    return getDomain(client, id, undefined, { ...w.perRequest, signal: ctx.signal });
  });
}

/**
 * DELETE /domains/{id}[?deleteSubdomains=true] → 202 job (Cloud DNS) or DELETE /v2/zones/{id}
 * (Designate; subzones first when asked). ERROR → `DomainDeletionFailed`.
 */
export function deleteDomain(client: DnsApi, domain: DomainRef, opts: { deleteSubdomains?: boolean } = {}, o?: JobCallOptions): Job<void, JobData> {
  return dnsJob(client, o, async (w, ctx) => {
    const id = validate(domainRef(), domain, "domain");
    // Strict: call options given here (`delete(d, { signal })`) are refused, not dropped while the DELETE goes out.
    const subs = validate(z.optional(z.strictObject({ deleteSubdomains: z.optional(z.boolean()) })), opts, "options")?.deleteSubdomains ?? false;
    if ((await client.ready(ctx.signal)) === "designate") return deleteZone(client, id, subs, w, ctx.signal);
    const call = { method: "DELETE", path: domainPath(id), ...(subs ? { query: { deleteSubdomains: true } } : {}) };
    await notFoundAs(startAndFollow(client, call, { result: () => undefined, failure: DomainDeletionFailed }, w, ctx), missing(id));
  });
}

/**
 * POST /domains/import {"domains": [{"contentType": "BIND_9", "contents"}]} → 202 job (Cloud DNS)
 * or a zone import task (Designate). Resolves with the new domain.
 */
export function importDomain(client: DnsApi, bind: string, o?: JobCallOptions): Job<DomainData, JobData> {
  return dnsJob(client, o, async (w, ctx) => {
    const contents = validate(bindInput(), bind, "contents");
    if ((await client.ready(ctx.signal)) === "designate") return importZone(client, contents, w, ctx.signal, (id) => ctx.setId(id));
    const json = { domains: [{ contentType: "BIND_9", contents }] };
    const plan = { result: (j: JobData) => toDomain(responseOf(domainsResponse(), j).domains[0]!), failure: DomainCreationFailed };
    return startAndFollow(client, { method: "POST", path: "domains/import", json }, plan, w, ctx);
  });
}

/** GET /domains/{id}/export → 202 job whose response holds the BIND 9 text (Cloud DNS), or a zone export task (Designate). */
export function exportDomain(client: DnsApi, domain: DomainRef, o?: JobCallOptions): Job<string, JobData> {
  return dnsJob(client, o, async (w, ctx) => {
    const id = validate(domainRef(), domain, "domain");
    if ((await client.ready(ctx.signal)) === "designate") return exportZone(client, id, w, ctx.signal, (x) => ctx.setId(x));
    const plan = { result: (j: JobData) => responseOf(exportResponse(), j).contents, failure: DomainExportFailed };
    return notFoundAs(startAndFollow(client, { method: "GET", path: domainPath(id, "/export") }, plan, w, ctx), missing(id));
  });
}

/**
 * The domain's subdomains: GET /domains/{id}/subdomains (Cloud DNS's documented call; pyrax's
 * name search is a guess, dns.md), or the zones named `*.<name>` (Designate: every zone is listed
 * once, then handed out `pageSize` at a time). `from`: the cursor of the page to start at.
 */
export function listSubdomains(client: DnsApi, domain: DomainRef, input?: ListSubdomainsInput, o: CallOptions = {}, from?: string): Paginated<DomainData> {
  const id = validate(domainRef(), domain, "domain");
  const f = validate(listSubdomainsInput(), input, "filters") ?? {};
  let designate: DomainData[] | undefined;
  return linkPager(
    async (cursor) => {
      const next = cursor ?? from;
      await client.ready(o.signal);
      if (client.backend === "designate") {
        if (f.offset) throw new ValidationError("filters.offset", "Designate pages by marker: omit offset (walk the pages, or pyrax's next / previous page calls)");
        designate ??= await subzones(client, (await getZone(client, id, o)).name, o);
        const at = next === undefined ? 0 : Number(next);
        const end = at + (f.pageSize ?? DEFAULT_PAGE_SIZE);
        return { items: designate.slice(at, end), ...(end < designate.length ? { next: String(end) } : {}) };
      }
      return notFoundAs(rackspacePage(client, next ?? firstPath(domainPath(id, "/subdomains"), { limit: f.pageSize ?? DEFAULT_PAGE_SIZE, offset: f.offset }), o), missing(id));
    },
    f.limit !== undefined ? { limit: f.limit } : {},
  );
}
