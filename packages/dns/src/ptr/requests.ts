import { type CallOptions, type Job, lookupMiss, NotFound, validate } from "@rax/core";
import type { DnsApi } from "../backend";
import { InvalidDeviceType, NotSupportedByBackend, PTRRecordCreationFailed, PTRRecordDeletionFailed, PTRRecordUpdateFailed } from "../errors";
import type { JobCallOptions, JobData } from "../jobs/models";
import { dnsJob, responseOf, startAndFollow } from "../jobs/requests";
import { ipInput, PTR_SERVICES, type PtrDevice, type PtrInput, ptrBody, type PtrRecordData, ptrRows, type PtrServiceName, ptrsInput, toPtr, type UpdatePtrInput, updatePtrInput } from "./models";

// Reverse DNS for a Cloud Server or Cloud Load Balancer: /rdns (dns.md "list_ptr_records" …
// "delete_ptr_records"). The device travels as its URL (`href`) and its service's catalog name.

interface Device {
  href: string;
  service: PtrServiceName;
}

function serviceOf(href: string): PtrServiceName | undefined {
  if (/\/servers\/[^/]+\/?$/.test(href)) return PTR_SERVICES.server;
  if (/\/loadbalancers\/[^/]+\/?$/.test(href)) return PTR_SERVICES.loadBalancer;
  return undefined;
}

/** `server 4f1…` / `load balancer 12`: the device by kind and id, not its URL (which holds the service endpoint). */
function deviceLabel(d: Device): string {
  const id = d.href.replace(/\/+$/, "").split("/").pop() ?? "";
  return `${d.service === PTR_SERVICES.server ? "server" : "load balancer"} ${id}`;
}

const bad = (message: string) => new InvalidDeviceType("device", message);

/** The device's URL and service name, or `InvalidDeviceType` (a `ValidationError`) before any request. */
export function resolveDevice(client: DnsApi, device: PtrDevice): Device {
  if (!device || typeof device !== "object") throw bad("must be a server or load balancer (an object with links, { href }, or { id, type })");
  const d = device as Record<string, unknown>;
  if (typeof d.href === "string") {
    const service = (d.serviceName as PtrServiceName | undefined) ?? serviceOf(d.href);
    if (!service || !Object.values(PTR_SERVICES).includes(service)) throw bad('serviceName must be "cloudServersOpenStack" or "cloudLoadBalancers" (or the href a …/servers/{id} or …/loadbalancers/{id} URL)');
    return { href: d.href, service };
  }
  if ((d.type === "server" || d.type === "loadBalancer") && (typeof d.id === "string" || typeof d.id === "number") && String(d.id) !== "") {
    const region = typeof d.region === "string" ? d.region : undefined;
    const href = d.type === "server" ? `${client.deviceEndpoint("compute", PTR_SERVICES.server, region)}/servers/${encodeURIComponent(String(d.id))}` : `${client.deviceEndpoint("rax:load-balancer", PTR_SERVICES.loadBalancer, region)}/loadbalancers/${encodeURIComponent(String(d.id))}`;
    return { href, service: PTR_SERVICES[d.type] };
  }
  const raw = d.raw as Record<string, unknown> | undefined;
  const links = (Array.isArray(d.links) ? d.links : Array.isArray(raw?.links) ? raw.links : undefined) as Array<{ rel?: string; href?: string }> | undefined;
  if (links) {
    const self = links.find((l) => l?.rel === "self" && typeof l.href === "string") ?? links.find((l) => typeof l?.href === "string");
    const service = self?.href ? serviceOf(self.href) : undefined;
    if (self?.href && service) return { href: self.href, service };
  }
  throw bad("must be a Cloud Server or Cloud Load Balancer: an object with a self link, { href, serviceName }, or { id, type: \"server\" | \"loadBalancer\" }");
}

async function rackspaceOnly(client: DnsApi, call: string, signal?: AbortSignal): Promise<void> {
  if ((await client.ready(signal)) !== "rackspace") throw new NotSupportedByBackend(call, client.backend);
}

/** GET /rdns/{serviceName}?href=<device>: the device's PTR records; none (404) → [] as pyrax does. */
export async function listPtrRecords(client: DnsApi, device: PtrDevice, o: CallOptions = {}): Promise<PtrRecordData[]> {
  const d = resolveDevice(client, device);
  await rackspaceOnly(client, "ptr.list", o.signal);
  try {
    const body = await client.json({ method: "GET", path: `rdns/${d.service}`, query: { href: d.href }, ...o }, ptrBody());
    return ptrRows(body).map(toPtr);
  } catch (e) {
    if (e instanceof NotFound) return [];
    throw e;
  }
}

const link = (d: Device) => ({ content: "", href: d.href, rel: d.service });

/** POST /rdns {recordsList, link} → 202 job (or 200 with the records, as the docs' example shows). ERROR → `PTRRecordCreationFailed`. */
export function addPtrRecords(client: DnsApi, device: PtrDevice, records: PtrInput | PtrInput[], o?: JobCallOptions): Job<PtrRecordData[], JobData> {
  return dnsJob(client, o, async (w, ctx) => {
    const d = resolveDevice(client, device);
    const recs = validate(ptrsInput(), records, "records");
    await rackspaceOnly(client, "ptr.add", ctx.signal);
    const json = { recordsList: { records: recs.map(({ type: _t, ...r }) => ({ ...r, type: "PTR" })) }, link: link(d) };
    // pyrax reads `response.records`; the documented key is `recordsList.records` (dns.md): both are read.
    const plan = { result: (j: JobData) => ptrRows(responseOf(ptrBody(), { ...j, response: j.response ?? {} })).map(toPtr), failure: PTRRecordCreationFailed };
    return startAndFollow(client, { method: "POST", path: "rdns", json }, plan, w, ctx, [200]);
  });
}

/**
 * PUT /rdns → 202 job: changes the TTL or comment of the device's PTR record for `name` + `data`
 * (found by listing; neither can change). ERROR → `PTRRecordUpdateFailed`. Resolves with the record.
 */
export function updatePtrRecord(client: DnsApi, device: PtrDevice, input: UpdatePtrInput, o?: JobCallOptions): Job<PtrRecordData, JobData> {
  return dnsJob(client, o, async (w, ctx) => {
    const d = resolveDevice(client, device);
    const u = validate(updatePtrInput(), input, "record");
    await rackspaceOnly(client, "ptr.update", ctx.signal);
    const req = { ...w.perRequest, signal: ctx.signal };
    const cur = (await listPtrRecords(client, device, req)).find((r) => r.name.toLowerCase() === u.name && r.data === u.data);
    if (!cur) throw new NotFound(lookupMiss("PTR record", `${u.name} → ${u.data}`, { in: client, by: "for", on: deviceLabel(d) }));
    const rec = { name: u.name, id: cur.id, type: "PTR", data: u.data, ...(u.ttl !== undefined ? { ttl: u.ttl } : {}), ...(u.comment !== undefined ? { comment: u.comment } : {}) };
    await startAndFollow(client, { method: "PUT", path: "rdns", json: { recordsList: { records: [rec] }, link: link(d) } }, { result: () => undefined, failure: PTRRecordUpdateFailed }, w, ctx);
    const now = (await listPtrRecords(client, device, req)).find((r) => r.id === cur.id);
    return now ?? { ...cur, ...(u.ttl !== undefined ? { ttl: u.ttl } : {}), ...(u.comment !== undefined ? { comment: u.comment } : {}) };
  });
}

/** DELETE /rdns/{serviceName}?href=<device>[&ip=<address>] → 202 job: one address's record, or all of the device's. */
export function deletePtrRecords(client: DnsApi, device: PtrDevice, ipAddress?: string, o?: JobCallOptions): Job<void, JobData> {
  return dnsJob(client, o, async (w, ctx) => {
    const d = resolveDevice(client, device);
    const ip = ipAddress === undefined ? undefined : validate(ipInput(), ipAddress, "ipAddress");
    await rackspaceOnly(client, "ptr.delete", ctx.signal);
    const call = { method: "DELETE", path: `rdns/${d.service}`, query: { href: d.href, ...(ip ? { ip } : {}) } };
    await startAndFollow(client, call, { result: () => undefined, failure: PTRRecordDeletionFailed }, w, ctx);
  });
}
