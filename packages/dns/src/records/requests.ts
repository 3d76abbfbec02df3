import { type CallOptions, encodeSegment, type Job, linkPager, type NotFound, notFoundAs, type Paginated, validate, ValidationError } from "@rax/core";
import * as z from "zod/mini";
import type { DnsApi } from "../backend";
import { addRecordsetsAndWait, deleteRecordsets, getRecordRow, recordsetsPage, type Shown, updateRecordset } from "../designate/recordsets";
import { DomainRecordAdditionFailed, DomainRecordDeletionFailed, DomainRecordNotFound, DomainRecordNotUnique, DomainRecordUpdateFailed, NoSuchDomain } from "../errors";
import type { JobCallOptions, JobData } from "../jobs/models";
import { dnsJob, responseOf, startAndFollow } from "../jobs/requests";
import { DEFAULT_PAGE_SIZE, nextHref, relativeLink } from "../paging";
import { type DomainRef, domainRef, type RecordRef, recordRef } from "../ref";
import {
  type FindRecordInput,
  findRecordInput,
  type ListRecordsInput,
  listRecordsInput,
  oneOrMany,
  type RecordData,
  type RecordInput,
  recordsBody,
  recordsInput,
  toRecord,
  toWireRecord,
  typedChange,
  type UpdateRecordInput,
  updateManyInput,
  updateRecordInput,
  wireRecord,
} from "./models";

// One function per record operation. Cloud DNS: /domains/{id}/records (dns.md "Operations");
// Designate: /v2/zones/{id}/recordsets (../designate/recordsets.ts).

const recordsPath = (domainId: string, rest = "") => `domains/${encodeSegment(domainId, { field: "domain" })}/records${rest}`;
const recordPath = (domainId: string, id: string) => recordsPath(domainId, `/${encodeSegment(id, { field: "record" })}`);
const noDomain = (id: string) => (e: NotFound) => new NoSuchDomain(id, e);
const noRecord = (id: string) => (e: NotFound) => new DomainRecordNotFound(id, e);

/**
 * GET /domains/{id}/records?limit&offset[&type&name&data], following `next` links. On Designate
 * one row per value (a recordset of two A values lists as two records sharing the recordset id);
 * `pageSize` then counts recordsets, so a page can hold more rows than that. `from`: the cursor of
 * the page to start at (a page's `next`), for pyrax's next / previous page calls.
 */
export function listRecords(client: DnsApi, domain: DomainRef, input?: ListRecordsInput, o: CallOptions = {}, from?: string): Paginated<RecordData> {
  const domainId = validate(domainRef(), domain, "domain");
  const f = validate(listRecordsInput(), input, "filters") ?? {};
  return linkPager(
    async (cursor) => {
      const next = cursor ?? from;
      await client.ready(o.signal);
      if (client.backend === "designate") {
        if (f.offset) throw new ValidationError("filters.offset", "Designate pages by marker: omit offset (walk the pages, or pyrax's next / previous page calls)");
        return recordsetsPage(client, domainId, next, f, o);
      }
      const query = next ? undefined : { limit: f.pageSize ?? DEFAULT_PAGE_SIZE, offset: f.offset, type: f.type, name: f.name, data: f.data };
      const body = await notFoundAs(client.json({ method: "GET", path: next ?? recordsPath(domainId), ...(query ? { query } : {}), ...o }, recordsBody()), noDomain(domainId));
      const after = relativeLink(nextHref(body.links), "domains");
      return { items: (body.records ?? []).map((r) => toRecord(r, domainId)), ...(after ? { next: after } : {}) };
    },
    f.limit !== undefined ? { limit: f.limit } : {},
  );
}

/** The value a record object stands for (a Designate row is one value of its recordset); none for an id. */
export function shownData(record: unknown): Shown | undefined {
  if (typeof record !== "object" || record === null) return undefined;
  const { data, priority, records } = record as { data?: unknown; priority?: unknown; records?: unknown };
  if (typeof data !== "string") return undefined;
  return { data, ...(typeof priority === "number" ? { priority } : {}), alone: !Array.isArray(records) || records.length <= 1 };
}

/**
 * GET /domains/{id}/records/{recordId}. On Designate a record object (a row) reads back as the
 * row of its own value; an id alone as the recordset's first value (`records` lists them all).
 */
export async function getRecord(client: DnsApi, domain: DomainRef, record: RecordRef, o: CallOptions = {}): Promise<RecordData> {
  const domainId = validate(domainRef(), domain, "domain");
  const id = validate(recordRef(), record, "record");
  if ((await client.ready(o.signal)) === "designate") return getRecordRow(client, domainId, id, shownData(record), o);
  return toRecord(await notFoundAs(client.json({ method: "GET", path: recordPath(domainId, id), ...o }, wireRecord()), noRecord(id)), domainId);
}

/**
 * The one record of `type` (and `name`, `data`) — pyrax `find_record`: none → `DomainRecordNotFound`,
 * several → `DomainRecordNotUnique`. The server filters; rax then matches name and data exactly.
 * On Designate each value of a recordset is a record, as listed.
 */
export async function findRecord(client: DnsApi, domain: DomainRef, input: FindRecordInput, o: CallOptions = {}): Promise<RecordData> {
  const domainId = validate(domainRef(), domain, "domain");
  const q = validate(findRecordInput(), input, "filters");
  const rows = (await listRecords(client, domainId, q, o).toArray()).filter(
    (r) => r.type.toUpperCase() === q.type && (q.name === undefined || r.name.toLowerCase() === q.name) && (q.data === undefined || r.data === q.data),
  );
  if (rows.length === 1) return rows[0]!;
  if (rows.length > 1) throw new DomainRecordNotUnique(rows.map((m) => m.id), rows.map((m) => m.data));
  const what = `${q.type}${q.name ? ` ${q.name}` : ""}${q.data ? ` ${q.data}` : ""}`;
  throw new DomainRecordNotFound(what, { in: client, by: "matching", on: `domain ${domainId}` });
}

/** POST /domains/{id}/records {"records": [...]} → 202 job; resolves with the new records. ERROR → `DomainRecordAdditionFailed`. */
export function addRecords(client: DnsApi, domain: DomainRef, records: RecordInput | RecordInput[], o?: JobCallOptions): Job<RecordData[], JobData> {
  return dnsJob(client, o, async (w, ctx) => {
    const domainId = validate(domainRef(), domain, "domain");
    const recs = validate(recordsInput(), records, "records");
    if ((await client.ready(ctx.signal)) === "designate") return addRecordsetsAndWait(client, domainId, recs, w, ctx.signal);
    const plan = { result: (j: JobData) => (responseOf(recordsBody(), j).records ?? []).map((r) => toRecord(r, domainId)), failure: DomainRecordAdditionFailed };
    return notFoundAs(startAndFollow(client, { method: "POST", path: recordsPath(domainId), json: { records: recs.map(toWireRecord) } }, plan, w, ctx), noDomain(domainId));
  });
}

type Known = { id: string; name?: string; type?: string };

/** What each update needs on the wire: Cloud DNS's bulk PUT wants every record's name (pyrax sends it). */
async function named(client: DnsApi, domainId: string, r: Known, o: CallOptions): Promise<{ id: string; name: string; type: string }> {
  if (r.name !== undefined && r.type !== undefined) return { id: r.id, name: r.name, type: r.type };
  const cur = await getRecord(client, domainId, r.id, o);
  return { id: r.id, name: cur.name, type: cur.type };
}

/** A change checked against the record's type (an A record's new data must be IPv4; priority only on MX/SRV). */
function checked(type: string, u: { data?: string | undefined; priority?: number | undefined }, field: string): void {
  validate(typedChange(), { type, ...u }, field);
}

/**
 * Updates records in one call: PUT /domains/{id}/records {"records": [{id, name, data?, ttl?,
 * priority?, comment?}]} → 202 job (pyrax always updates this way). ERROR → `DomainRecordUpdateFailed`.
 */
export function updateRecords(client: DnsApi, domain: DomainRef, updates: Array<{ id: string; name?: string; type?: string } & UpdateRecordInput>, o?: JobCallOptions): Job<void, JobData> {
  return dnsJob(client, o, async (w, ctx) => {
    const domainId = validate(domainRef(), domain, "domain");
    const list = validate(updateManyInput(), updates, "records");
    const req = { ...w.perRequest, signal: ctx.signal };
    const designate = (await client.ready(ctx.signal)) === "designate";
    const rows: Array<Record<string, unknown>> = [];
    for (const [n, u] of list.entries()) {
      const { id, name: _n, type: _t, ...change } = u;
      const c = validate(updateRecordInput(), pick(change), `records.${n}`);
      const k = await named(client, domainId, u, req);
      checked(k.type, c, `records.${n}`);
      if (designate) await updateRecordset(client, domainId, id, c, w, ctx.signal);
      else rows.push({ id, name: k.name, ...c });
    }
    if (designate) return;
    await notFoundAs(startAndFollow(client, { method: "PUT", path: recordsPath(domainId), json: { records: rows } }, { result: () => undefined, failure: DomainRecordUpdateFailed }, w, ctx), noDomain(domainId));
  });
}

/** Keeps the keys `updateRecordInput` knows (a `DnsRecord` passed whole carries more). */
function pick(u: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ["data", "ttl", "priority", "comment"]) if (u[k] !== undefined) out[k] = u[k];
  return out;
}

/** One record's update; resolves with the record as it now is. */
export function updateRecord(client: DnsApi, domain: DomainRef, record: RecordRef & Partial<Known>, changes: UpdateRecordInput, o?: JobCallOptions): Job<RecordData, JobData> {
  return dnsJob(client, o, async (w, ctx) => {
    const domainId = validate(domainRef(), domain, "domain");
    const id = validate(recordRef(), record, "record");
    const u = validate(updateRecordInput(), changes, "changes");
    const req = { ...w.perRequest, signal: ctx.signal };
    const k = await named(client, domainId, typeof record === "string" ? { id } : { id, ...(record.name ? { name: record.name } : {}), ...(record.type ? { type: record.type } : {}) }, req);
    checked(k.type, u, "changes");
    // Which of a Designate recordset's values this record stands for (a row shows one).
    if ((await client.ready(ctx.signal)) === "designate") return updateRecordset(client, domainId, id, u, w, ctx.signal, shownData(record));
    const plan = { result: () => undefined, failure: DomainRecordUpdateFailed };
    await notFoundAs(startAndFollow(client, { method: "PUT", path: recordsPath(domainId), json: { records: [{ id, name: k.name, ...u }] } }, plan, w, ctx), noDomain(domainId));
    return getRecord(client, domainId, id, req);
  });
}

/**
 * DELETE /domains/{id}/records/{recordId} (one) or DELETE /domains/{id}/records?id=…&id=… (many)
 * → 202 job. ERROR → `DomainRecordDeletionFailed` (a bulk failure lists each item in `faults`).
 */
export function deleteRecords(client: DnsApi, domain: DomainRef, records: RecordRef | RecordRef[], o?: JobCallOptions): Job<void, JobData> {
  return dnsJob(client, o, async (w, ctx) => {
    const domainId = validate(domainRef(), domain, "domain");
    const ids = validate(z.pipe(z.transform(oneOrMany), z.array(recordRef()).check(z.minLength(1, "give at least one record"), z.maxLength(100, "at most 100 records per call"))), records, "records");
    if ((await client.ready(ctx.signal)) === "designate") {
      // the value each record object stands for (a Designate row shows one of its recordset's values)
      return deleteRecordsets(client, domainId, ids, w, ctx.signal, oneOrMany(records).map(shownData));
    }
    const call = ids.length === 1 ? { method: "DELETE", path: recordPath(domainId, ids[0]!) } : { method: "DELETE", path: recordsPath(domainId), query: { id: ids } };
    const missing = ids.length === 1 ? noRecord(ids[0]!) : noDomain(domainId);
    await notFoundAs(startAndFollow(client, call, { result: () => undefined, failure: DomainRecordDeletionFailed }, w, ctx), missing);
  });
}
