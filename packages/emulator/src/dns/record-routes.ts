import { jsonResponse } from "../respond";
import { DnsFault, DnsValidation } from "./dns-errors";
import { type DnsRequest, isObject, jsonBody, page, recordProblems } from "./dns-request";
import { addRecordsTo, requireDomain } from "./domain-routes";
import { failure, startJob } from "./jobs";
import type { DomainRec, JobOutcome, RecordRec } from "./model";
import { recordView } from "./views";

// Records: dns.md "Operations" (/domains/{id}/records[/{recordId}]). A domain keeps at least one NS
// record (the seed's "Deleting a DNS Record"); name and type never change (the seed's "Updating a DNS Record").

function requireRecord(d: DomainRec, rid: string): RecordRec {
  const rec = d.records.get(rid);
  if (!rec) throw new DnsFault(404, "Not Found", `Record ID ${rid} not found`);
  return rec;
}

/** GET /domains/{id}/records[?type&name&data]: `type` is required to search by name or data (dns.md "search_records"). */
export function listRecords(r: DnsRequest, id: string): Response {
  const d = requireDomain(r, id);
  const q = r.url.searchParams;
  const type = q.get("type")?.toUpperCase() ?? null;
  const name = q.get("name")?.toLowerCase().replace(/\.$/, "") ?? null;
  const data = q.get("data");
  if ((name !== null || data !== null) && type === null) throw new DnsValidation(["type: is required to search records by name or data"]);
  const rows = [...d.records.values()]
    .filter((x) => (type === null || x.type === type) && (name === null || x.name === name) && (data === null || x.data === data))
    .sort((a, b) => a.created - b.created || a.id.localeCompare(b.id));
  const keep: Record<string, string> = { ...(type ? { type } : {}), ...(name ? { name } : {}), ...(data ? { data } : {}) };
  const p = page(r, rows, `domains/${d.id}/records`, keep);
  return jsonResponse(200, { records: p.rows.map(recordView), totalEntries: p.totalEntries, ...(p.links ? { links: p.links } : {}) });
}

export function showRecord(r: DnsRequest, id: string, rid: string): Response {
  return jsonResponse(200, recordView(requireRecord(requireDomain(r, id), rid)));
}

/** POST /domains/{id}/records {"records": [...]} → job whose response is `{"records": [...]}`. */
export async function addRecords(r: DnsRequest, id: string): Promise<Response> {
  const d = requireDomain(r, id);
  const { body, text } = await jsonBody(r);
  const recs = body.records;
  if (!Array.isArray(recs) || recs.length === 0) throw new DnsValidation(['records: must be a non-empty list ({"records": [...]})']);
  if (recs.length > 100) throw new DnsValidation(["records: at most 100 per call"]);
  const problems = recs.flatMap((x, i) => (isObject(x) ? recordProblems(x, i, true) : [`records[${i}]: must be an object`]));
  if (problems.length) throw new DnsValidation(problems);
  return startJob(r, text, () => {
    if (!r.account.domains.has(d.id)) return failure(404, "Not Found", `Domain ID ${id} not found`);
    const made = addRecordsTo(r.account, d, recs as Array<Record<string, unknown>>);
    return { response: { records: made.map(recordView) } };
  });
}

/** Applies one record's changes; the name (if sent) must be the record's own. */
function change(d: DomainRec, x: Record<string, unknown>, now: number): void {
  const rec = requireRecord(d, String(x.id));
  if (x.name !== undefined && String(x.name).toLowerCase().replace(/\.$/, "") !== rec.name) throw new DnsFault(400, "Bad Request", `Record ${rec.id}: name cannot be changed`);
  if (x.type !== undefined && String(x.type).toUpperCase() !== rec.type) throw new DnsFault(400, "Bad Request", `Record ${rec.id}: type cannot be changed`);
  const problems = recordProblems({ ...x, type: rec.type }, 0, false);
  if (problems.length) throw new DnsFault(400, "Bad Request", problems.join("; "));
  if (typeof x.data === "string") rec.data = x.data.replace(/\.$/, "");
  if (typeof x.ttl === "number") rec.ttl = x.ttl;
  if (typeof x.priority === "number") rec.priority = x.priority;
  if (typeof x.comment === "string") rec.comment = x.comment;
  rec.updated = now;
}

/** PUT /domains/{id}/records {"records": [{id, name, data?, ttl?, priority?, comment?}]} → job (pyrax's only update). */
export async function updateRecords(r: DnsRequest, id: string): Promise<Response> {
  const d = requireDomain(r, id);
  const { body, text } = await jsonBody(r);
  const recs = body.records;
  if (!Array.isArray(recs) || recs.length === 0 || !recs.every((x) => isObject(x) && typeof x.id === "string")) throw new DnsValidation(['records: must be a non-empty list of {"id", …}']);
  return startJob(r, text, () => {
    for (const x of recs as Array<Record<string, unknown>>) change(d, x, r.account.now);
    return {};
  });
}

/** PUT /domains/{id}/records/{recordId} {name?, data?, ttl?, priority?, comment?} → job (the docs' single update). */
export async function updateRecord(r: DnsRequest, id: string, rid: string): Promise<Response> {
  const d = requireDomain(r, id);
  requireRecord(d, rid);
  const { body, text } = await jsonBody(r);
  return startJob(r, text, () => {
    change(d, { ...body, id: rid }, r.account.now);
    return {};
  });
}

/** Whether deleting `ids` would leave the domain without an NS record. */
function lastNs(d: DomainRec, ids: Set<string>): boolean {
  const ns = [...d.records.values()].filter((x) => x.type === "NS");
  return ns.length > 0 && ns.every((x) => ids.has(x.id));
}

/** DELETE /domains/{id}/records/{recordId} → job. */
export function deleteRecord(r: DnsRequest, id: string, rid: string): Response {
  const d = requireDomain(r, id);
  requireRecord(d, rid);
  return startJob(r, "", () => {
    if (!d.records.has(rid)) return failure(404, "Not Found", `Record ID ${rid} not found`);
    if (lastNs(d, new Set([rid]))) return failure(400, "Bad Request", "A domain must keep at least one NS record");
    d.records.delete(rid);
    return {};
  });
}

/**
 * DELETE /domains/{id}/records?id=A-1&id=NS-2 → job; any item that cannot go fails the job with
 * the `deleteFault` shape (dns.md), one fault per item, and nothing is deleted (inferred).
 */
export function deleteRecords(r: DnsRequest, id: string): Response {
  const d = requireDomain(r, id);
  const ids = r.url.searchParams.getAll("id");
  if (ids.length === 0) throw new DnsValidation(["id: give at least one record id (?id=A-1&id=NS-2)"]);
  return startJob(r, "", (): JobOutcome => {
    const faults = ids.filter((x) => !d.records.has(x)).map((x) => ({ message: "Not Found", code: 404, details: `Record ID ${x} not found` }));
    if (lastNs(d, new Set(ids))) faults.push({ message: "Bad Request", code: 400, details: "A domain must keep at least one NS record" });
    if (faults.length) return { error: { failedItems: { faults }, message: "One or more items could not be deleted.", code: 500, details: "See errors list for details." } };
    for (const x of ids) d.records.delete(x);
    return {};
  });
}
