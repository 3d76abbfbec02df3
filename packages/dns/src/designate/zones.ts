import { type CallOptions, encodeSegment, type HttpError, jsonFor, linkPager, type Paginated, sendFor } from "@rax/core";
import type { DnsApi } from "../backend";
import type { DomainData } from "../domains/models";
import { DomainCreationFailed, DomainDeletionFailed, DomainExportFailed, DomainUpdateFailed, NoSuchDomain } from "../errors";
import type { WaitSettings } from "../jobs/requests";
import { relativeLink } from "../paging";
import { missingAs } from "./missing";
import { addRecordsets } from "./recordsets";
import { dot, nameserversBody, wireTask, wireZone, zonesBody, zoneToDomain } from "./models";
import { failedJob, refusedAs, untilActive, untilGone } from "./wait";

// Designate v2 zones for the domain calls. Writes answer 202 with the zone PENDING; each call
// waits for ACTIVE (or gone), as a Cloud DNS call waits for its job.

const missing = (id: string) => (e: HttpError) => new NoSuchDomain(id, e);
export const zonePath = (client: DnsApi, id?: string, rest = "") => client.designatePath(id === undefined ? `zones${rest}` : `zones/${encodeSegment(id, { field: "domain" })}${rest}`);

/** One page of GET /v2/zones?limit[&name=x.] (or the page `next` names); `links.next` says whether more follow. */
export async function zonesPage(client: DnsApi, next: string | undefined, f: { pageSize?: number | undefined; name?: string | undefined }, o: CallOptions = {}): Promise<{ items: DomainData[]; next?: string }> {
  const call = next
    ? { method: "GET", path: client.designatePath(next), ...o }
    : { method: "GET", path: zonePath(client), query: { limit: f.pageSize ?? 100, ...(f.name !== undefined ? { name: dot(f.name) } : {}) }, ...o };
  const body = await client.json(call, zonesBody());
  const after = relativeLink(body.links?.next, "zones");
  return { items: body.zones.map(zoneToDomain), ...(after ? { next: after } : {}) };
}

/** Every zone, page after page. */
export function listZones(client: DnsApi, f: { pageSize?: number | undefined; name?: string | undefined; limit?: number | undefined }, o: CallOptions = {}): Paginated<DomainData> {
  return linkPager((next) => zonesPage(client, next, f, o), f.limit !== undefined ? { limit: f.limit } : {});
}

/** GET /v2/zones/{id} (+ its name servers, as Cloud DNS lists them on the domain). */
export async function getZone(client: DnsApi, id: string, o: CallOptions = {}, withNameservers = false): Promise<DomainData> {
  const zone = zoneToDomain(await missingAs(client.json({ method: "GET", path: zonePath(client, id), ...o }, wireZone()), missing(id)));
  return withNameservers ? nameserversOf(client, zone, o) : zone;
}

/** The zone with its name servers (GET /v2/zones/{id}/nameservers), as Cloud DNS lists them on a domain. */
async function nameserversOf(client: DnsApi, zone: DomainData, o: CallOptions): Promise<DomainData> {
  const id = zone.id;
  const ns = await client.json({ method: "GET", path: zonePath(client, id, "/nameservers"), ...o }, nameserversBody());
  return { ...zone, nameservers: ns.nameservers.map((n) => n.hostname.replace(/\.$/, "")) };
}

async function postZone(client: DnsApi, d: { name: string; emailAddress: string; ttl?: number | undefined; comment?: string | undefined }, o: CallOptions): Promise<DomainData> {
  const json = { name: dot(d.name), email: d.emailAddress, type: "PRIMARY", ...(d.ttl !== undefined ? { ttl: d.ttl } : {}), ...(d.comment !== undefined ? { description: d.comment } : {}) };
  // Cloud DNS fails the job with code 409 when the domain exists; Designate answers 409 at once.
  return zoneToDomain(await refusedAs(jsonFor(client, { method: "POST", path: zonePath(client), json, ...o }, [201, 202], wireZone()), DomainCreationFailed, json.name, [409]));
}

/**
 * POST /v2/zones → 202 (PENDING), then the records (one recordset per name and type) and each
 * subdomain as its own zone; resolves once every zone is ACTIVE, with the parent zone.
 */
export async function createZone(client: DnsApi, i: CreateDomainInputOut, w: WaitSettings, signal: AbortSignal, setId: (id: string) => void): Promise<DomainData> {
  const o = { ...w.perRequest, signal };
  const zone = await postZone(client, i, o);
  setId(zone.id);
  const subs: DomainData[] = [];
  try {
    if (i.records?.length) await addRecordsets(client, zone.id, i.records, o, DomainCreationFailed);
    for (const s of i.subdomains ?? []) subs.push(await postZone(client, s, o));
    for (const s of subs) await untilActive(w, signal, "zone", () => getZone(client, s.id, o), DomainCreationFailed);
  } catch (e) {
    // Cloud DNS creates domain, records and subdomains in one job: refused, it leaves none of them. Designate
    // took the zone (and any subzones) before refusing a record or subdomain; left there, the caller's retry
    // would be a 409 for a domain they were told was not created. A timeout or abort is no refusal: the work
    // may still finish, so nothing is taken back then (nor when the zone itself goes to ERROR: that one is
    // Designate's to show).
    if (e instanceof DomainCreationFailed) await takeBack(client, [...subs].reverse().concat(zone), w, signal, e);
    throw e;
  }
  return nameserversOf(client, await untilActive(w, signal, "zone", () => getZone(client, zone.id, o), DomainCreationFailed), o);
}

/** Deletes the zones a refused create made; what cannot be deleted is named in the refusal's message, not hidden. */
async function takeBack(client: DnsApi, made: DomainData[], w: WaitSettings, signal: AbortSignal, refusal: DomainCreationFailed): Promise<void> {
  const o = { ...w.perRequest, signal };
  for (const d of made) {
    try {
      const res = await sendFor(client, { method: "DELETE", path: zonePath(client, d.id), ...o }, [202, 204]);
      await res.dump();
      await untilGone(w, signal, d.id, "zone", () => getZone(client, d.id, o), DomainDeletionFailed);
    } catch (e) {
      refusal.message += `; zone ${d.name} (${d.id}) it made is still there: deleting it failed: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
}

/** Shape of a validated create input (the schema's output). */
export interface CreateDomainInputOut {
  name: string;
  emailAddress: string;
  ttl?: number | undefined;
  comment?: string | undefined;
  subdomains?: Array<{ name: string; emailAddress: string; ttl?: number | undefined; comment?: string | undefined }> | undefined;
  records?: Array<{ type: string; name: string; data: string; ttl?: number | undefined; priority?: number | undefined; comment?: string | undefined }> | undefined;
}

/** PATCH /v2/zones/{id} {email, ttl, description} → 202; waits for ACTIVE. */
export async function updateZone(client: DnsApi, id: string, u: { emailAddress?: string | undefined; ttl?: number | undefined; comment?: string | undefined }, w: WaitSettings, signal: AbortSignal): Promise<DomainData> {
  const o = { ...w.perRequest, signal };
  const json = { ...(u.emailAddress !== undefined ? { email: u.emailAddress } : {}), ...(u.ttl !== undefined ? { ttl: u.ttl } : {}), ...(u.comment !== undefined ? { description: u.comment } : {}) };
  await missingAs(jsonFor(client, { method: "PATCH", path: zonePath(client, id), json, ...o }, [200, 202], wireZone()), missing(id));
  return nameserversOf(client, await untilActive(w, signal, "zone", () => getZone(client, id, o), DomainUpdateFailed), o);
}

/** Zones whose names end in `.<name>.`: Designate's subzones of a zone (deepest first). */
export async function subzones(client: DnsApi, name: string, o: CallOptions): Promise<DomainData[]> {
  const all = await listZones(client, {}, o).toArray();
  const suffix = `.${name.replace(/\.$/, "")}`;
  return all.filter((d) => d.name.endsWith(suffix)).sort((a, b) => b.name.length - a.name.length);
}

/** DELETE /v2/zones/{id} → 202; with `deleteSubdomains`, its subzones first; waits until each is gone. */
export async function deleteZone(client: DnsApi, id: string, deleteSubdomains: boolean, w: WaitSettings, signal: AbortSignal): Promise<void> {
  const o = { ...w.perRequest, signal };
  const zone = await getZone(client, id, o);
  const doomed = deleteSubdomains ? [...(await subzones(client, zone.name, o)), zone] : [zone];
  for (const d of doomed) {
    const res = await missingAs(sendFor(client, { method: "DELETE", path: zonePath(client, d.id), ...o }, [202, 204]), missing(d.id));
    await res.dump();
    await untilGone(w, signal, d.id, "zone", () => getZone(client, d.id, o), DomainDeletionFailed);
  }
}

/**
 * Designate refuses a zone file whose first statement is not `$ORIGIN` (Cloud DNS and the seed's
 * BIND examples have none): one is added from the SOA record's owner name when missing.
 */
export function withOrigin(bind: string): string {
  const first = bind.split(/\r?\n/).find((l) => l.trim() !== "" && !l.trim().startsWith(";"));
  if (first?.trim().toUpperCase().startsWith("$ORIGIN")) return bind;
  const soa = /^(\S+)\s+(?:\d+\s+)?(?:IN\s+)?(?:\d+\s+)?SOA\s/im.exec(bind);
  if (!soa || soa[1] === "@") return bind;
  return `$ORIGIN ${dot(soa[1]!)}\n${bind}`;
}

/** POST /v2/zones/tasks/imports (text/dns) → 202 task; waits for COMPLETE, then for the zone. */
export async function importZone(client: DnsApi, bind: string, w: WaitSettings, signal: AbortSignal, setId: (id: string) => void): Promise<DomainData> {
  const o = { ...w.perRequest, signal };
  const headers = { ...w.perRequest.headers, "content-type": "text/dns" };
  const task = await jsonFor(client, { method: "POST", path: client.designatePath("zones/tasks/imports"), body: withOrigin(bind), ...o, headers }, [201, 202], wireTask());
  setId(task.id);
  const load = async () => {
    const t = await client.json({ method: "GET", path: client.designatePath(`zones/tasks/imports/${encodeSegment(task.id)}`), ...o }, wireTask());
    return { ...t, status: t.status === "COMPLETE" ? "ACTIVE" : t.status, raw: t as Record<string, unknown> };
  };
  const done = await untilActive(w, signal, "zone import", load, DomainCreationFailed);
  if (!done.zone_id) throw new DomainCreationFailed(failedJob(task.id, "zone import", done.message ?? "no zone", done.raw));
  return nameserversOf(client, await untilActive(w, signal, "zone", () => getZone(client, done.zone_id!, o), DomainCreationFailed), o);
}

/** POST /v2/zones/{id}/tasks/export → 202 task; waits for COMPLETE; GET …/exports/{id}/export (text/dns). */
export async function exportZone(client: DnsApi, id: string, w: WaitSettings, signal: AbortSignal, setId: (id: string) => void): Promise<string> {
  const o = { ...w.perRequest, signal };
  const task = await missingAs(jsonFor(client, { method: "POST", path: zonePath(client, id, "/tasks/export"), json: {}, ...o }, [201, 202], wireTask()), missing(id));
  setId(task.id);
  const base = `zones/tasks/exports/${encodeSegment(task.id)}`;
  const load = async () => {
    const t = await client.json({ method: "GET", path: client.designatePath(base), ...o }, wireTask());
    return { ...t, status: t.status === "COMPLETE" ? "ACTIVE" : t.status, raw: t as Record<string, unknown> };
  };
  await untilActive(w, signal, "zone export", load, DomainExportFailed);
  const res = await sendFor(client, { method: "GET", path: client.designatePath(`${base}/export`), ...o, headers: { ...w.perRequest.headers, accept: "text/dns" } }, [200]);
  return res.text();
}
