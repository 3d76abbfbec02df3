import { isIP } from "node:net";
import { jsonResponse } from "../respond";
import { DnsFault, DnsValidation } from "./dns-errors";
import { commentProblems, type DnsRequest, isHost, isObject, jsonBody, ttlProblems } from "./dns-request";
import { failure, startJob } from "./jobs";
import type { PtrRec } from "./model";
import { ptrView } from "./views";

// Reverse DNS: dns.md "list_ptr_records" … "delete_ptr_records". A PTR record belongs to a device
// named by its URL (`href`) and its service (`cloudServersOpenStack` → …/servers/{id},
// `cloudLoadBalancers` → …/loadbalancers/{id}); 401 when the device is not the account's.

const SERVICES: Record<string, RegExp> = {
  cloudServersOpenStack: /\/servers\/[^/?#]+$/,
  cloudLoadBalancers: /\/loadbalancers\/[^/?#]+$/,
};

/** Checks the device link: a known service, a URL of that service's kind, owned by this account. */
function device(r: DnsRequest, service: string, href: string | null | undefined): string {
  const shape = SERVICES[service];
  if (!shape) throw new DnsFault(404, "Not Found", `Unknown service ${service}; use cloudServersOpenStack or cloudLoadBalancers`);
  if (!href) throw new DnsValidation(["href: the device URL is required"]);
  let path: string;
  try {
    path = new URL(href).pathname.replace(/\/+$/, "");
  } catch {
    throw new DnsValidation([`href: ${href} is not a URL`]);
  }
  if (!shape.test(path)) throw new DnsValidation([`href: ${href} is not a ${service === "cloudServersOpenStack" ? "server" : "load balancer"} URL`]);
  // Compute and load-balancer URLs carry the tenant (`/v2/{tenant}/servers/{id}`, `/v1.0/{tenant}/loadbalancers/{id}`).
  const tenant = /\/v[\d.]+\/([^/]+)\/(?:servers|loadbalancers)\//.exec(path)?.[1];
  if (tenant !== undefined && tenant !== r.account.tenantId) throw new DnsFault(401, "Unauthorized", "You do not have access to this device");
  return href.replace(/\/+$/, "");
}

/** GET /rdns/{service}?href=: the device's PTR records; a device with none → 404 (mimic). */
export function listPtr(r: DnsRequest, service: string, rid?: string): Response {
  const href = device(r, service, r.url.searchParams.get("href"));
  const entry = r.account.ptr.get(href);
  if (!entry || entry.records.length === 0) throw new DnsFault(404, "Not Found", "No PTR records found for this device");
  if (rid !== undefined) {
    const one = entry.records.find((p) => p.id === rid);
    if (!one) throw new DnsFault(404, "Not Found", `PTR record ${rid} not found`);
    return jsonResponse(200, ptrView(one));
  }
  return jsonResponse(200, { recordsList: { records: entry.records.map(ptrView), totalEntries: entry.records.length }, link: { content: "", href, rel: service } });
}

function ptrBody(body: Record<string, unknown>, r: DnsRequest, forUpdate: boolean): { href: string; service: string; records: Array<Record<string, unknown>> } {
  const link = isObject(body.link) ? body.link : undefined;
  const recs = isObject(body.recordsList) ? body.recordsList.records : undefined;
  if (!link || typeof link.rel !== "string") throw new DnsValidation(['link: must be {"content": "", "href": <device URL>, "rel": <service>}']);
  if (!Array.isArray(recs) || recs.length === 0) throw new DnsValidation(['recordsList: must be {"records": [...]}']);
  const href = device(r, link.rel, typeof link.href === "string" ? link.href : undefined);
  const problems = recs.flatMap((x, i) => {
    const at = `recordsList.records[${i}]`;
    if (!isObject(x)) return [`${at}: must be an object`];
    const out: string[] = [];
    if (x.type !== undefined && String(x.type).toUpperCase() !== "PTR") out.push(`${at}.type: must be PTR`);
    if (typeof x.name !== "string" || !isHost(x.name)) out.push(`${at}.name: must be a valid domain name`);
    if (typeof x.data !== "string" || !isIP(x.data)) out.push(`${at}.data: must be an IPv4 or IPv6 address`);
    if (forUpdate && typeof x.id !== "string") out.push(`${at}.id: is required`);
    return [...out, ...ttlProblems(x.ttl, at), ...commentProblems(x.comment, at)];
  });
  if (problems.length) throw new DnsValidation(problems);
  return { href, service: link.rel, records: recs as Array<Record<string, unknown>> };
}

/** POST /rdns → job whose response is `{"recordsList": {"records": [...]}}` (the docs' key). */
export async function addPtr(r: DnsRequest): Promise<Response> {
  const { body, text } = await jsonBody(r);
  const p = ptrBody(body, r, false);
  const a = r.account;
  return startJob(r, text, () => {
    const entry = a.ptr.get(p.href) ?? { service: p.service, records: [] };
    const made: PtrRec[] = [];
    for (const x of p.records) {
      const data = String(x.data);
      if (entry.records.some((e) => e.data === data && e.name === String(x.name).toLowerCase())) throw new DnsFault(409, "Conflict", `A PTR record for ${data} already exists on this device`);
      const now = a.now;
      made.push({ id: `PTR-${a.dns.nextRecordId++}`, name: String(x.name).toLowerCase(), data, ttl: typeof x.ttl === "number" ? x.ttl : 3600, ...(typeof x.comment === "string" ? { comment: x.comment } : {}), created: now, updated: now });
    }
    entry.records.push(...made);
    a.ptr.set(p.href, entry);
    return { response: { recordsList: { records: made.map(ptrView) } } };
  });
}

/** PUT /rdns: TTL and comment of existing records (by id); name and address must match (the seed). */
export async function updatePtr(r: DnsRequest): Promise<Response> {
  const { body, text } = await jsonBody(r);
  const p = ptrBody(body, r, true);
  return startJob(r, text, () => {
    const entry = r.account.ptr.get(p.href);
    for (const x of p.records) {
      const rec = entry?.records.find((e) => e.id === x.id);
      if (!rec) return failure(404, "Not Found", `PTR record ${String(x.id)} not found`);
      if (rec.name !== String(x.name).toLowerCase() || rec.data !== x.data) return failure(400, "Bad Request", "The name and address of a PTR record cannot be changed");
      if (typeof x.ttl === "number") rec.ttl = x.ttl;
      if (typeof x.comment === "string") rec.comment = x.comment;
      rec.updated = r.account.now;
    }
    return {};
  });
}

/** DELETE /rdns/{service}?href=[&ip=]: one address's record, or every record of the device. */
export function deletePtr(r: DnsRequest, service: string): Response {
  const href = device(r, service, r.url.searchParams.get("href"));
  const ip = r.url.searchParams.get("ip");
  const entry = r.account.ptr.get(href);
  if (!entry || entry.records.length === 0 || (ip !== null && !entry.records.some((e) => e.data === ip))) throw new DnsFault(404, "Not Found", "No PTR records found for this device");
  return startJob(r, "", () => {
    entry.records = ip === null ? [] : entry.records.filter((e) => e.data !== ip);
    return {};
  });
}
