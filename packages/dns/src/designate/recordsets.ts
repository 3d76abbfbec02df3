import { type CallOptions, Conflict, encodeSegment, type HttpError, jsonFor, sendFor } from "@rax/core";
import type { DnsApi } from "../backend";
import { DomainRecordAdditionFailed, DomainRecordDeletionFailed, DomainRecordNotFound, DomainRecordUpdateFailed, type JobFailure, NoSuchDomain } from "../errors";
import type { WaitSettings } from "../jobs/requests";
import { relativeLink } from "../paging";
import type { RecordData } from "../records/models";
import { missingAs } from "./missing";
import { dot, fromValue, recordsetsBody, recordsetToRecord, toRecordsets, toValue, type WireRecordset, wireRecordset, wireZone } from "./models";
import { refusedAs, untilActive, untilGone } from "./wait";

// Designate v2 recordsets for the record calls: one recordset per (name, type), its values in
// `records`. Cloud DNS has one value per record, so adding two A records for one name makes one
// recordset with two values here.

const setPath = (client: DnsApi, zoneId: string, id?: string) =>
  client.designatePath(`zones/${encodeSegment(zoneId, { field: "domain" })}/recordsets${id === undefined ? "" : `/${encodeSegment(id, { field: "record" })}`}`);
const noZone = (id: string) => (e: HttpError) => new NoSuchDomain(id, e);

/**
 * One page of GET /v2/zones/{id}/recordsets?limit[&type&name&data] (or the page `next` names), one
 * row per value as Cloud DNS lists one record per value: a recordset of two A values is two rows,
 * each with the recordset's id and its own `data`. Designate's `limit` counts recordsets, so a page
 * of `pageSize` recordsets can hold more rows than `pageSize`.
 */
export async function recordsetsPage(
  client: DnsApi,
  zoneId: string,
  next: string | undefined,
  f: { pageSize?: number | undefined; type?: string | undefined; name?: string | undefined; data?: string | undefined },
  o: CallOptions = {},
): Promise<{ items: RecordData[]; next?: string }> {
  const query = { limit: f.pageSize ?? 100, type: f.type, ...(f.name !== undefined ? { name: dot(f.name) } : {}), ...(f.data !== undefined && f.type ? { data: toValue({ type: f.type, data: f.data }) } : {}) };
  const call = next ? { method: "GET", path: client.designatePath(next), ...o } : { method: "GET", path: setPath(client, zoneId), query, ...o };
  const body = await missingAs(client.json(call, recordsetsBody()), noZone(zoneId));
  const after = relativeLink(body.links?.next, "zones");
  const items = body.recordsets.flatMap((w) => {
    const rows = valueRows(w);
    if (f.data === undefined) return rows;
    // A search by data answers the recordsets holding that value: only its row, as Cloud DNS finds
    // only that record (all rows when Designate matched otherwise, by a wildcard).
    const hit = rows.filter((r) => sameData(w.type, r.data, f.data!));
    return hit.length > 0 ? hit : rows;
  });
  return { items: await zoneTtl(client, zoneId, items, o), ...(after ? { next: after } : {}) };
}

/** Every value of the recordset as a row of its own (Cloud DNS's one record per value). */
function valueRows(w: WireRecordset): RecordData[] {
  return w.records.length === 0 ? [recordsetToRecord(w)] : w.records.map((_, i) => showingAt(w, i));
}

/** Whether two data strings name the same value (host names: without case or trailing dot). */
function sameData(type: string, a: string, b: string): boolean {
  if (type === "TXT") return a === b;
  const norm = (s: string) => s.replace(/\.$/, "").toLowerCase();
  return norm(a) === norm(b);
}

export async function getRecordset(client: DnsApi, zoneId: string, id: string, o: CallOptions = {}): Promise<RecordData> {
  return recordsetToRecord(await missingAs(client.json({ method: "GET", path: setPath(client, zoneId, id), ...o }, wireRecordset()), (e) => new DomainRecordNotFound(id, e)));
}

/**
 * A record as `records.get` reads it: the row of the value a record object stands for (a reloaded
 * row stays the record it was; a value no longer there is `DomainRecordNotFound`, see `locate`), or
 * by id alone the recordset's first value.
 */
export async function getRecordRow(client: DnsApi, zoneId: string, id: string, shown: Shown | undefined, o: CallOptions = {}): Promise<RecordData> {
  const cur = await getRecordset(client, zoneId, id, o);
  if (shown === undefined) return (await zoneTtl(client, zoneId, [cur], o))[0]!;
  const w = cur.raw as WireRecordset;
  const i = locate(w, shown);
  if (i < 0) throw new DomainRecordNotFound(shown.data, { in: client, by: "with data", on: `recordset ${id}` });
  return (await zoneTtl(client, zoneId, [showingAt(w, i)], o))[0]!;
}

/**
 * Rows of recordsets without a TTL of their own show the zone's, which Designate serves them with
 * (Cloud DNS gives each record the domain's TTL when none is asked for): one GET of the zone, only
 * when a row lacks it.
 */
async function zoneTtl(client: DnsApi, zoneId: string, rows: RecordData[], o: CallOptions): Promise<RecordData[]> {
  if (rows.every((r) => r.ttl !== undefined)) return rows;
  const zone = await missingAs(client.json({ method: "GET", path: client.designatePath(`zones/${encodeSegment(zoneId, { field: "domain" })}`), ...o }, wireZone()), noZone(zoneId));
  const ttl = zone.ttl;
  return typeof ttl === "number" ? rows.map((r) => (r.ttl === undefined ? { ...r, ttl } : r)) : rows;
}

/** Where value `data` (with `priority`, when given: two MX values can name one host) sits in the recordset (-1: not there). */
function valueIndex(w: WireRecordset, data: string, priority?: number): number {
  return w.records.findIndex((v) => {
    const x = fromValue(w.type, v);
    return sameData(w.type, x.data, data) && (priority === undefined || x.priority === undefined || x.priority === priority);
  });
}

/**
 * What a record object says about the value it stands for: its `data`, and whether its recordset
 * held that value alone when it was read (`records` of one value, or none: an object built by hand).
 */
export interface Shown {
  data: string;
  /** MX / SRV: the value's priority, which tells two values naming one host apart. */
  priority?: number;
  alone: boolean;
}

/**
 * Where the value a record stands for sits now (-1: gone). A value changed elsewhere (the record
 * updated through another object) is still the record when its recordset held it alone and still
 * holds one value, as a Cloud DNS record stays itself by id whatever its data; among several values
 * there is no telling which one it became, and standing for another would let a delete remove it.
 */
function locate(w: WireRecordset, s: Shown): number {
  const i = valueIndex(w, s.data, s.priority);
  return i < 0 && s.alone && w.records.length === 1 ? 0 : i;
}

/**
 * POST one recordset per (name, type) → 201/202 PENDING. What Cloud DNS fails in the call's job,
 * Designate refuses at once — a value the name already has (Cloud DNS: 409 "already exists"), a
 * record Designate will not place (400: a CNAME beside other records, a second CNAME value) — and
 * both become `failure` (the call's `DNSJobFailed` subclass), with the HTTP error as `cause`.
 */
export async function addRecordsets(
  client: DnsApi,
  zoneId: string,
  records: Array<{ type: string; name: string; data: string; ttl?: number | undefined; priority?: number | undefined; comment?: string | undefined }>,
  o: CallOptions,
  failure: JobFailure = DomainRecordAdditionFailed,
): Promise<RecordData[]> {
  const out: RecordData[] = [];
  for (const json of toRecordsets(records)) {
    const post = missingAs(jsonFor(client, { method: "POST", path: setPath(client, zoneId), json, ...o }, [201, 202], wireRecordset()), noZone(zoneId)).catch(async (e: unknown) => {
      // Cloud DNS takes another A record at a name that has one; Designate keeps one recordset per
      // name and type and answers 409 "Duplicate RecordSet": the values are added to that recordset.
      if (!(e instanceof Conflict)) throw e;
      const page = await client.json({ method: "GET", path: setPath(client, zoneId), query: { name: json.name, type: json.type }, ...o }, recordsetsBody());
      const existing = page.recordsets.find((r) => r.name === json.name && r.type === json.type);
      if (!existing) throw e;
      const dup = json.records.find((v) => existing.records.includes(v));
      if (dup !== undefined) throw e; // that very record exists: Cloud DNS's 409 too
      const put = { records: [...existing.records, ...json.records], ...(json.ttl !== undefined ? { ttl: json.ttl } : {}), ...(json.description !== undefined ? { description: json.description } : {}) };
      return jsonFor(client, { method: "PUT", path: setPath(client, zoneId, existing.id), json: put, ...o }, [200, 202], wireRecordset());
    });
    const made = await refusedAs(post, failure, `${json.type} ${json.name}`, [400, 409]);
    // one row per value given, as Cloud DNS answers one record per value
    for (const v of json.records) {
      const x = fromValue(json.type, v);
      out.push(showing(made, x.data, x.priority));
    }
  }
  return out;
}

/** Adds the recordsets and waits until each is ACTIVE. */
export async function addRecordsetsAndWait(client: DnsApi, zoneId: string, records: Parameters<typeof addRecordsets>[2], w: WaitSettings, signal: AbortSignal): Promise<RecordData[]> {
  const o = { ...w.perRequest, signal };
  const made = await addRecordsets(client, zoneId, records, o);
  const active = new Map<string, WireRecordset>();
  for (const r of made) {
    if (!active.has(r.id)) active.set(r.id, (await untilActive(w, signal, "recordset", () => getRecordset(client, zoneId, r.id, o), DomainRecordAdditionFailed)).raw as WireRecordset);
  }
  return zoneTtl(client, zoneId, made.map((r) => showing(active.get(r.id)!, r.data, r.priority)), o);
}

/** The recordset as a record showing `data` when it holds that value (else its first value). */
function showing(w: WireRecordset, data: string, priority?: number): RecordData {
  return showingAt(w, Math.max(0, valueIndex(w, data, priority)));
}

/** The recordset as the record of its `i`-th value (`records` still lists them all). */
function showingAt(w: WireRecordset, i: number): RecordData {
  const r = recordsetToRecord(w);
  if (i <= 0) return r;
  const v = fromValue(w.type, w.records[i]!);
  const { priority: _p, ...rest } = r;
  return { ...rest, data: v.data, ...(v.priority !== undefined ? { priority: v.priority } : {}) };
}

/**
 * PUT /v2/zones/{zone}/recordsets/{id} → 202: Designate replaces the recordset's values, so a
 * change of `data` (or `priority`) rewrites the one value the record stands for (`shown`: a row's
 * data; by id alone the first value, or the value `data` already names) and sends the others back
 * unchanged — PUTting one value alone deleted the rest. A row whose value is gone from its
 * recordset is `DomainRecordNotFound` (see `locate`): rewriting another value would lose it. TTL and
 * comment belong to the recordset: they change for every value. Resolves with the row of the value.
 */
export async function updateRecordset(
  client: DnsApi,
  zoneId: string,
  id: string,
  u: { data?: string | undefined; ttl?: number | undefined; priority?: number | undefined; comment?: string | undefined },
  w: WaitSettings,
  signal: AbortSignal,
  shown?: Shown,
): Promise<RecordData> {
  const o = { ...w.perRequest, signal };
  const cur = await getRecordset(client, zoneId, id, o);
  const set = cur.raw as WireRecordset;
  const wire = set.records;
  // the value this record stands for: the row's, else one `data` already names (no data change), else the first
  const at = shown !== undefined ? locate(set, shown) : u.data !== undefined ? Math.max(0, valueIndex(set, u.data)) : 0;
  if (at < 0) throw new DomainRecordNotFound(shown!.data, { in: client, by: "with data", on: `recordset ${id}` });
  let values: string[] | undefined;
  let now = wire[at] === undefined ? { data: cur.data } : fromValue(set.type, wire[at]!);
  if (u.data !== undefined || u.priority !== undefined) {
    const old = wire[at] === undefined ? { data: cur.data } : fromValue(set.type, wire[at]!);
    values = [...wire];
    values[at] = toValue({ type: cur.type, data: u.data ?? old.data, priority: u.priority ?? old.priority });
    now = fromValue(set.type, values[at]!);
  }
  const json = { ...(values ? { records: values } : {}), ...(u.ttl !== undefined ? { ttl: u.ttl } : {}), ...(u.comment !== undefined ? { description: u.comment } : {}) };
  // Designate refuses its managed records (the zone's NS: "Managed records may not be updated") at once
  const put = missingAs(jsonFor(client, { method: "PUT", path: setPath(client, zoneId, id), json, ...o }, [200, 202], wireRecordset()), (e) => new DomainRecordNotFound(id, e));
  await refusedAs(put, DomainRecordUpdateFailed, id, [400]);
  const done = await untilActive(w, signal, "recordset", () => getRecordset(client, zoneId, id, o), DomainRecordUpdateFailed);
  return (await zoneTtl(client, zoneId, [showing(done.raw as WireRecordset, now.data, now.priority)], o))[0]!;
}

/**
 * DELETE each recordset → 202; waits until each is gone. A record that names the value it stands
 * for (`shown[i]`, a row's data) removes that value only (a PUT of the rest), and the recordset when
 * it was the last: deleting one of two A records must not delete both. A value the recordset no
 * longer holds is `DomainRecordNotFound` (see `locate`: removing another value, or the recordset,
 * would lose data), as deleting a deleted Cloud DNS record is. By id alone, the whole recordset goes.
 */
export async function deleteRecordsets(client: DnsApi, zoneId: string, given: string[], w: WaitSettings, signal: AbortSignal, shown: Array<Shown | undefined> = []): Promise<void> {
  const o = { ...w.perRequest, signal };
  const drop = new Map<string, Shown[] | undefined>();
  given.forEach((id, i) => {
    const v = shown[i];
    if (drop.has(id) && drop.get(id) === undefined) return;
    drop.set(id, v === undefined ? undefined : [...(drop.get(id) ?? []), v]);
  });
  // every value is checked before anything changes, as a Cloud DNS bulk delete with a bad item deletes nothing
  const ids: string[] = [];
  const puts: Array<{ id: string; keep: string[] }> = [];
  for (const [id, values] of drop) {
    if (values) {
      const set = (await getRecordset(client, zoneId, id, o)).raw as WireRecordset;
      const at = new Set<number>();
      for (const v of values) {
        const i = locate(set, v);
        if (i < 0) throw new DomainRecordNotFound(v.data, { in: client, by: "with data", on: `recordset ${id}` });
        at.add(i);
      }
      const keep = set.records.filter((_, i) => !at.has(i));
      if (keep.length > 0) {
        puts.push({ id, keep });
        continue;
      }
    }
    ids.push(id);
  }
  // Designate refuses its managed records (the zone's NS, its SOA) with 400 at once, where Cloud DNS
  // fails the job ("a domain keeps at least one NS record"): DomainRecordDeletionFailed on both.
  for (const { id, keep } of puts) {
    await refusedAs(missingAs(jsonFor(client, { method: "PUT", path: setPath(client, zoneId, id), json: { records: keep }, ...o }, [200, 202], wireRecordset()), (e) => new DomainRecordNotFound(id, e)), DomainRecordDeletionFailed, id, [400]);
    await untilActive(w, signal, "recordset", () => getRecordset(client, zoneId, id, o), DomainRecordDeletionFailed);
  }
  for (const id of ids) {
    const res = await refusedAs(missingAs(sendFor(client, { method: "DELETE", path: setPath(client, zoneId, id), ...o }, [202, 204]), (e) => new DomainRecordNotFound(id, e)), DomainRecordDeletionFailed, id, [400]);
    await res.dump();
  }
  for (const id of ids) await untilGone(w, signal, id, "recordset", () => getRecordset(client, zoneId, id, o), DomainRecordDeletionFailed);
}
