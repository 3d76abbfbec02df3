import { type CallOptions, Conflict, encodeSegment, type HttpError, jsonFor, sendFor } from "@rax/core";
import type { DnsApi } from "../backend";
import { DomainRecordAdditionFailed, DomainRecordDeletionFailed, DomainRecordNotFound, DomainRecordUpdateFailed, NoSuchDomain } from "../errors";
import type { WaitSettings } from "../jobs/requests";
import { relativeLink } from "../paging";
import type { RecordData } from "../records/models";
import { missingAs } from "./missing";
import { dot, fromValue, recordsetsBody, recordsetToRecord, toRecordsets, toValue, type WireRecordset, wireRecordset } from "./models";
import { untilActive, untilGone } from "./wait";

// Designate v2 recordsets for the record calls: one recordset per (name, type), its values in
// `records`. Cloud DNS has one value per record, so adding two A records for one name makes one
// recordset with two values here.

const setPath = (client: DnsApi, zoneId: string, id?: string) =>
  client.designatePath(`zones/${encodeSegment(zoneId, { field: "domain" })}/recordsets${id === undefined ? "" : `/${encodeSegment(id, { field: "record" })}`}`);
const noZone = (id: string) => (e: HttpError) => new NoSuchDomain(id, e);

/** One page of GET /v2/zones/{id}/recordsets?limit[&type&name&data] (or the page `next` names). */
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
  // A search by data answers the recordsets holding that value: the row shows it (not the
  // recordset's first value), so an update of the row changes that value.
  const items = body.recordsets.map((w) => (f.data !== undefined ? showing(w, f.data) : recordsetToRecord(w)));
  return { items, ...(after ? { next: after } : {}) };
}

export async function getRecordset(client: DnsApi, zoneId: string, id: string, o: CallOptions = {}): Promise<RecordData> {
  return recordsetToRecord(await missingAs(client.json({ method: "GET", path: setPath(client, zoneId, id), ...o }, wireRecordset()), (e) => new DomainRecordNotFound(id, e)));
}

/** POST one recordset per (name, type) → 201/202 PENDING. */
export async function addRecordsets(client: DnsApi, zoneId: string, records: Array<{ type: string; name: string; data: string; ttl?: number | undefined; priority?: number | undefined; comment?: string | undefined }>, o: CallOptions): Promise<RecordData[]> {
  const out: RecordData[] = [];
  for (const json of toRecordsets(records)) {
    const made = await missingAs(jsonFor(client, { method: "POST", path: setPath(client, zoneId), json, ...o }, [201, 202], wireRecordset()), noZone(zoneId)).catch(async (e: unknown) => {
      // Cloud DNS takes another A record at a name that has one; Designate keeps one recordset per
      // name and type and answers 409 "Duplicate RecordSet": the values are added to that recordset.
      if (!(e instanceof Conflict)) throw e;
      const page = await client.json({ method: "GET", path: setPath(client, zoneId), query: { name: json.name, type: json.type }, ...o }, recordsetsBody());
      const existing = page.recordsets.find((r) => r.name === json.name && r.type === json.type);
      if (!existing) throw e;
      const values = [...existing.records, ...json.records.filter((v) => !existing.records.includes(v))];
      const put = { records: values, ...(json.ttl !== undefined ? { ttl: json.ttl } : {}), ...(json.description !== undefined ? { description: json.description } : {}) };
      return jsonFor(client, { method: "PUT", path: setPath(client, zoneId, existing.id), json: put, ...o }, [200, 202], wireRecordset());
    });
    // one row per value given, as Cloud DNS answers one record per value
    for (const v of json.records) out.push(showing(made, fromValue(json.type, v).data));
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
  return made.map((r) => showing(active.get(r.id)!, r.data));
}

/** The recordset as a record showing `data` when it holds that value (else its first value). */
function showing(w: WireRecordset, data: string): RecordData {
  const r = recordsetToRecord(w);
  const i = r.records?.indexOf(data) ?? -1;
  if (i <= 0) return r;
  const v = fromValue(w.type, w.records[i]!);
  const { priority: _p, ...rest } = r;
  return { ...rest, data: v.data, ...(v.priority !== undefined ? { priority: v.priority } : {}) };
}

/**
 * PUT /v2/zones/{zone}/recordsets/{id} → 202: Designate replaces the recordset's values, so a
 * change of `data` (or `priority`) rewrites the one value the record shows (`shown`: the caller's
 * record's data, else the first value) and sends the others back unchanged — a recordset holds
 * every value of its name and type, and PUTting one value alone deleted the rest. TTL and comment
 * change in place.
 */
export async function updateRecordset(
  client: DnsApi,
  zoneId: string,
  id: string,
  u: { data?: string | undefined; ttl?: number | undefined; priority?: number | undefined; comment?: string | undefined },
  w: WaitSettings,
  signal: AbortSignal,
  shown?: string,
): Promise<RecordData> {
  const o = { ...w.perRequest, signal };
  const cur = await getRecordset(client, zoneId, id, o);
  const wire = (cur.raw as WireRecordset).records;
  let values: string[] | undefined;
  if (u.data !== undefined || u.priority !== undefined) {
    const held = wire.map((v) => fromValue(cur.type, v));
    const at = Math.max(0, shown === undefined ? 0 : held.findIndex((v) => v.data === shown));
    const old = held[at] ?? { data: cur.data };
    values = [...wire];
    values[at] = toValue({ type: cur.type, data: u.data ?? old.data, priority: u.priority ?? old.priority });
  }
  const json = { ...(values ? { records: values } : {}), ...(u.ttl !== undefined ? { ttl: u.ttl } : {}), ...(u.comment !== undefined ? { description: u.comment } : {}) };
  await missingAs(jsonFor(client, { method: "PUT", path: setPath(client, zoneId, id), json, ...o }, [200, 202], wireRecordset()), (e) => new DomainRecordNotFound(id, e));
  return untilActive(w, signal, "recordset", () => getRecordset(client, zoneId, id, o), DomainRecordUpdateFailed);
}

/**
 * DELETE each recordset → 202; waits until each is gone. A record that names the value it stands
 * for (`shown[i]`, a row's data) in a recordset holding others removes that value only (a PUT of the
 * rest): deleting one of two A records must not delete both.
 */
export async function deleteRecordsets(client: DnsApi, zoneId: string, given: string[], w: WaitSettings, signal: AbortSignal, shown: Array<string | undefined> = []): Promise<void> {
  const o = { ...w.perRequest, signal };
  const drop = new Map<string, Set<string> | undefined>();
  given.forEach((id, i) => {
    const v = shown[i];
    if (drop.has(id) && drop.get(id) === undefined) return;
    drop.set(id, v === undefined ? undefined : (drop.get(id) ?? new Set<string>()).add(v));
  });
  const ids: string[] = [];
  for (const [id, values] of drop) {
    if (values) {
      const cur = await getRecordset(client, zoneId, id, o);
      const wire = (cur.raw as WireRecordset).records;
      const keep = wire.filter((v) => !values.has(fromValue(cur.type, v).data));
      if (keep.length > 0 && keep.length < wire.length) {
        await missingAs(jsonFor(client, { method: "PUT", path: setPath(client, zoneId, id), json: { records: keep }, ...o }, [200, 202], wireRecordset()), (e) => new DomainRecordNotFound(id, e));
        await untilActive(w, signal, "recordset", () => getRecordset(client, zoneId, id, o), DomainRecordDeletionFailed);
        continue;
      }
    }
    ids.push(id);
  }
  for (const id of ids) {
    const res = await missingAs(sendFor(client, { method: "DELETE", path: setPath(client, zoneId, id), ...o }, [202, 204]), (e) => new DomainRecordNotFound(id, e));
    await res.dump();
  }
  for (const id of ids) await untilGone(w, signal, id, "recordset", () => getRecordset(client, zoneId, id, o), DomainRecordDeletionFailed);
}
