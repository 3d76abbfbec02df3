import { describe, expect, it } from "vitest";
import { Conflict } from "@rax/core";
import { DomainCreationFailed, DomainRecordAdditionFailed, DomainRecordDeletionFailed, DomainRecordNotFound, DomainRecordUpdateFailed, NoMoreResults } from "../src/index";
import { serveDesignate } from "./fixture";

// Designate keeps every value of a (name, type) in one recordset; Cloud DNS (and pyrax) have a
// record per value. A listing must show each value as a record the user can update or delete alone.

const rs = (records: string[], over: Record<string, unknown> = {}) => ({ id: "rs-1", zone_id: "z-1", name: "www.example.edu.", type: "A", records, ttl: 3600, description: null, status: "ACTIVE", ...over });
const zone = (id: string, name: string) => ({ id, name, email: "hostmaster@example.edu", ttl: 3600, status: "ACTIVE" });
const PUTS = (seen: Array<{ method: string; body: unknown }>) => seen.filter((r) => r.method === "PUT").map((r) => (r.body as { records?: string[]; ttl?: number }));

describe("Designate listings: one row per value", () => {
  it("a recordset of two A values lists as two records with the recordset id and their own data; MX priority per value", async () => {
    const mx = rs(["10 mx1.example.edu.", "20 mx2.example.edu."], { id: "rs-2", name: "example.edu.", type: "MX" });
    const { dns, seen } = await serveDesignate({ method: "GET", path: "/v2/zones/z-1/recordsets", body: { recordsets: [rs(["192.0.2.1", "192.0.2.2"]), mx], links: {} } });
    const rows = await dns.records.list("z-1").toArray();
    expect(rows.map((r) => [r.id, r.type, r.data, r.priority])).toEqual([
      ["rs-1", "A", "192.0.2.1", undefined],
      ["rs-1", "A", "192.0.2.2", undefined],
      ["rs-2", "MX", "mx1.example.edu", 10],
      ["rs-2", "MX", "mx2.example.edu", 20],
    ]);
    expect(rows[1]!.records).toEqual(["192.0.2.1", "192.0.2.2"]);
    expect(seen[0]!.query.get("limit")).toBe("100");
  });

  it("pageSize is Designate's limit, which counts recordsets: a page of one recordset holds both its rows; the walk follows links.next", async () => {
    const { dns, seen } = await serveDesignate(
      { method: "GET", path: "/v2/zones/z-1/recordsets", body: { recordsets: [rs(["192.0.2.1", "192.0.2.2"])], links: { next: "http://127.0.0.1:1/v2/zones/z-1/recordsets?limit=1&marker=rs-1" } } },
      { method: "GET", path: "/v2/zones/z-1/recordsets", body: { recordsets: [rs(["192.0.2.3"], { id: "rs-3", name: "ftp.example.edu." })], links: {} } },
    );
    const pages: string[][] = [];
    for await (const p of dns.records.list("z-1", { pageSize: 1 }).pages()) pages.push(p.items.map((r) => r.data));
    expect(pages).toEqual([["192.0.2.1", "192.0.2.2"], ["192.0.2.3"]]);
    expect(seen.map((s) => s.query.get("limit"))).toEqual(["1", "1"]);
    expect(seen[1]!.query.get("marker")).toBe("rs-1");
  });

  it("a search by data lists only the row of that value (host names match without case or trailing dot)", async () => {
    const cname = rs(["a.example.edu.", "b.example.edu."], { type: "CNAME" });
    const { dns, seen } = await serveDesignate(
      { method: "GET", path: "/v2/zones/z-1/recordsets", body: { recordsets: [rs(["192.0.2.1", "192.0.2.2"])], links: {} } },
      { method: "GET", path: "/v2/zones/z-1/recordsets", body: { recordsets: [cname], links: {} } },
    );
    expect((await dns.records.list("z-1", { type: "A", data: "192.0.2.2" }).toArray()).map((r) => r.data)).toEqual(["192.0.2.2"]);
    expect((await dns.records.list("z-1", { type: "CNAME", data: "B.example.edu." }).toArray()).map((r) => r.data)).toEqual(["b.example.edu"]);
    expect(seen[1]!.query.get("data")).toBe("B.example.edu.");
  });

  it("the second row's update changes its value only, and the row still stands for it after (a TTL change reads back the first value no more)", async () => {
    const { dns, seen } = await serveDesignate(
      { method: "GET", path: "/v2/zones/z-1/recordsets", body: { recordsets: [rs(["192.0.2.1", "192.0.2.2"])], links: {} } },
      // row 2: ttl only
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", body: rs(["192.0.2.1", "192.0.2.2"]) },
      { method: "PUT", path: "/v2/zones/z-1/recordsets/rs-1", status: 202, body: rs(["192.0.2.1", "192.0.2.2"], { ttl: 600, status: "PENDING" }) },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", body: rs(["192.0.2.1", "192.0.2.2"], { ttl: 600 }) },
      // row 2 again: its data
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", body: rs(["192.0.2.1", "192.0.2.2"], { ttl: 600 }) },
      { method: "PUT", path: "/v2/zones/z-1/recordsets/rs-1", status: 202, body: rs(["192.0.2.1", "192.0.2.9"], { ttl: 600, status: "PENDING" }) },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", body: rs(["192.0.2.1", "192.0.2.9"], { ttl: 600 }) },
      // reload: still its own value
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", body: rs(["192.0.2.1", "192.0.2.9"], { ttl: 600 }) },
      // delete: its value only
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", body: rs(["192.0.2.1", "192.0.2.9"], { ttl: 600 }) },
      { method: "PUT", path: "/v2/zones/z-1/recordsets/rs-1", status: 202, body: rs(["192.0.2.1"], { ttl: 600, status: "PENDING" }) },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", body: rs(["192.0.2.1"], { ttl: 600 }) },
    );
    const [, second] = await dns.records.list("z-1").toArray();
    await second!.update({ ttl: 600 });
    expect(second).toMatchObject({ id: "rs-1", data: "192.0.2.2", ttl: 600 });
    await second!.update({ data: "192.0.2.9" });
    expect(second!.data).toBe("192.0.2.9");
    await second!.reload();
    expect(second!.data).toBe("192.0.2.9");
    await second!.delete();
    expect(PUTS(seen)).toEqual([{ ttl: 600 }, { records: ["192.0.2.1", "192.0.2.9"] }, { records: ["192.0.2.1"] }]);
    expect(seen.some((s) => s.method === "DELETE")).toBe(false);
  });

  it("deleting both rows of a recordset deletes it; a row whose value is already gone is DomainRecordNotFound and deletes nothing", async () => {
    const { dns, seen } = await serveDesignate(
      { method: "GET", path: "/v2/zones/z-1/recordsets", body: { recordsets: [rs(["192.0.2.1", "192.0.2.2"])], links: {} } },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", body: rs(["192.0.2.1", "192.0.2.3"]) },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", body: rs(["192.0.2.1", "192.0.2.3"]) },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", body: rs(["192.0.2.1", "192.0.2.2"]) },
      { method: "DELETE", path: "/v2/zones/z-1/recordsets/rs-1", status: 202 },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", status: 404, body: { code: 404, type: "recordset_not_found" } },
    );
    const rows = await dns.records.list("z-1").toArray();
    // someone changed 192.0.2.2 to .3 since the listing: neither the other value nor the recordset may go
    const e = await rows[1]!.delete().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DomainRecordNotFound);
    expect((e as Error).message).toContain('"192.0.2.2"');
    const u = await rows[1]!.update({ data: "192.0.2.8" }).catch((x: unknown) => x);
    expect(u).toBeInstanceOf(DomainRecordNotFound);
    await dns.records.delete("z-1", rows);
    expect(seen.filter((s) => s.method !== "GET").map((s) => s.method)).toEqual(["DELETE"]);
  });

  it("a record alone in its recordset stays itself by id when its data changed through another object (dom.updateRecord(rec) then rec.delete())", async () => {
    const one = (v: string) => rs([v], { id: "rs-9", name: "solo.example.edu." });
    const { dns, seen } = await serveDesignate(
      { method: "GET", path: "/v2/zones/z-1/recordsets", body: { recordsets: [one("192.0.2.20")], links: {} } },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-9", body: one("192.0.2.20") },
      { method: "PUT", path: "/v2/zones/z-1/recordsets/rs-9", status: 202, body: one("192.0.2.21") },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-9", body: one("192.0.2.21") },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-9", body: one("192.0.2.21") },
      { method: "DELETE", path: "/v2/zones/z-1/recordsets/rs-9", status: 202 },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-9", status: 404, body: { code: 404, type: "recordset_not_found" } },
    );
    const [rec] = await dns.records.list("z-1").toArray();
    expect((await dns.records.update("z-1", rec!, { data: "192.0.2.21" })).data).toBe("192.0.2.21");
    expect(rec!.data).toBe("192.0.2.20");
    await rec!.delete();
    expect(seen.filter((s) => s.method !== "GET").map((s) => s.method)).toEqual(["PUT", "DELETE"]);
  });

  it("a bulk delete with one stale row changes nothing (every value is checked first, as a Cloud DNS bulk delete)", async () => {
    const other = (records: string[]) => rs(records, { id: "rs-2", name: "ftp.example.edu." });
    const { dns, seen } = await serveDesignate(
      { method: "GET", path: "/v2/zones/z-1/recordsets", body: { recordsets: [rs(["192.0.2.1", "192.0.2.2"]), other(["192.0.2.5"])], links: {} } },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", body: rs(["192.0.2.1", "192.0.2.2"]) },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-2", body: other(["192.0.2.6", "192.0.2.7"]) },
    );
    const rows = await dns.records.list("z-1").toArray();
    await expect(dns.records.delete("z-1", [rows[0]!, rows[2]!])).rejects.toBeInstanceOf(DomainRecordNotFound);
    expect(seen.filter((s) => s.method !== "GET")).toEqual([]);
  });

  it("updateMany with rows passed whole: a row's own data is no change of data (it used to overwrite the first value)", async () => {
    const { dns, seen } = await serveDesignate(
      { method: "GET", path: "/v2/zones/z-1/recordsets", body: { recordsets: [rs(["192.0.2.1", "192.0.2.2"])], links: {} } },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", body: rs(["192.0.2.1", "192.0.2.2"]) },
      { method: "PUT", path: "/v2/zones/z-1/recordsets/rs-1", status: 202, body: rs(["192.0.2.1", "192.0.2.2"], { ttl: 900 }) },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", body: rs(["192.0.2.1", "192.0.2.2"], { ttl: 900 }) },
    );
    const rows = await dns.records.list("z-1").toArray();
    await dns.records.updateMany("z-1", [{ ...rows[1]!, ttl: 900 }]);
    expect(PUTS(seen)).toEqual([{ records: ["192.0.2.1", "192.0.2.2"], ttl: 900 }]);
  });
});

describe("pyrax's next / previous page calls on Designate (marker paging, no offsets)", () => {
  it("listRecords / listRecordsNextPage / listRecordsPreviousPage follow the pages' markers; NoMoreResults at either end", async () => {
    const next = { next: "http://127.0.0.1:1/v2/zones/z-1/recordsets?limit=1&marker=rs-1" };
    const first = { recordsets: [rs(["192.0.2.1"])], links: next };
    const second = { recordsets: [rs(["192.0.2.2"], { id: "rs-2", name: "ftp.example.edu." })], links: {} };
    const { dns, seen } = await serveDesignate(
      { method: "GET", path: "/v2/zones/z-1/recordsets", body: first },
      { method: "GET", path: "/v2/zones/z-1/recordsets", body: second },
      { method: "GET", path: "/v2/zones/z-1/recordsets", body: first },
    );
    expect((await dns.listRecords("z-1", { limit: 1 })).map((r) => r.data)).toEqual(["192.0.2.1"]);
    expect((await dns.listRecordsNextPage()).map((r) => r.data)).toEqual(["192.0.2.2"]);
    await expect(dns.listRecordsNextPage()).rejects.toBeInstanceOf(NoMoreResults);
    expect((await dns.listRecordsPreviousPage()).map((r) => r.data)).toEqual(["192.0.2.1"]);
    await expect(dns.listRecordsPreviousPage()).rejects.toBeInstanceOf(NoMoreResults);
    expect(seen.map((s) => s.query.get("marker"))).toEqual([null, "rs-1", null]);
  });

  it("listSubdomains pages by the limit asked for (it listed every subzone in one page)", async () => {
    const zones = { zones: [zone("z-1", "example.edu."), zone("z-2", "a.example.edu."), zone("z-3", "b.example.edu."), zone("z-4", "c.example.edu."), zone("z-5", "other.edu.")], links: {} };
    const { dns } = await serveDesignate(
      { method: "GET", path: "/v2/zones/z-1", body: zone("z-1", "example.edu.") },
      { method: "GET", path: "/v2/zones", body: zones },
      { method: "GET", path: "/v2/zones/z-1", body: zone("z-1", "example.edu.") },
      { method: "GET", path: "/v2/zones", body: zones },
    );
    const first = await dns.listSubdomains("z-1", { limit: 2 });
    expect(first).toHaveLength(2);
    const rest = await dns.listSubdomainsNextPage();
    expect(rest).toHaveLength(1);
    expect([...first, ...rest].map((d) => d.name).sort()).toEqual(["a.example.edu", "b.example.edu", "c.example.edu"]);
    await expect(dns.listSubdomainsNextPage()).rejects.toBeInstanceOf(NoMoreResults);
  });
});

describe("Designate refusals read as Cloud DNS's failed jobs", () => {
  it("creating a domain that exists: DomainCreationFailed with code 409 (Designate's 409 Conflict as its cause), as the README promises", async () => {
    const { dns } = await serveDesignate({ method: "POST", path: "/v2/zones", status: 409, body: { code: 409, type: "duplicate_zone", message: "Duplicate Zone" } });
    const e = await dns.domains.create({ name: "example.edu", emailAddress: "sample@example.edu" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DomainCreationFailed);
    expect(e).toMatchObject({ code: 409, details: "Duplicate Zone" });
    expect((e as Error).cause).toBeInstanceOf(Conflict);
  });

  it("deleting the zone's NS record (Designate: 400 'Managed records may not be deleted'): DomainRecordDeletionFailed, as Cloud DNS's failed job", async () => {
    const ns = rs(["ns1.example.org."], { id: "rs-ns", name: "example.edu.", type: "NS" });
    const { dns } = await serveDesignate(
      { method: "GET", path: "/v2/zones/z-1/recordsets", body: { recordsets: [ns], links: {} } },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-ns", body: ns },
      { method: "DELETE", path: "/v2/zones/z-1/recordsets/rs-ns", status: 400, body: { code: 400, type: "bad_request", message: "Managed records may not be deleted" } },
    );
    const rows = await dns.records.list("z-1", { type: "NS" }).toArray();
    const e = await dns.records.delete("z-1", rows).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DomainRecordDeletionFailed);
    expect(e).toMatchObject({ code: 400, details: "Managed records may not be deleted" });
  });

  it("adding a value the name already has (Cloud DNS: job error 409) or a CNAME Designate will not place (400): DomainRecordAdditionFailed", async () => {
    const { dns, seen } = await serveDesignate(
      { method: "POST", path: "/v2/zones/z-1/recordsets", status: 409, body: { code: 409, type: "duplicate_recordset", message: "Duplicate RecordSet" } },
      { method: "GET", path: "/v2/zones/z-1/recordsets", body: { recordsets: [rs(["192.0.2.1", "192.0.2.2"])], links: {} } },
      { method: "POST", path: "/v2/zones/z-1/recordsets", status: 400, body: { code: 400, type: "invalid_recordset_location", message: "CNAME recordsets may not share a name with any other records" } },
    );
    const dup = await dns.records.add("z-1", { type: "A", name: "www.example.edu", data: "192.0.2.2" }).catch((x: unknown) => x);
    expect(dup).toBeInstanceOf(DomainRecordAdditionFailed);
    expect((dup as DomainRecordAdditionFailed).code).toBe(409);
    const cname = await dns.records.add("z-1", { type: "CNAME", name: "www.example.edu", data: "a.example.edu" }).catch((x: unknown) => x);
    expect(cname).toBeInstanceOf(DomainRecordAdditionFailed);
    expect(cname).toMatchObject({ code: 400, details: "CNAME recordsets may not share a name with any other records" });
    expect(seen.some((s) => s.method === "PUT")).toBe(false);
  });

  it("two MX values naming one host are told apart by priority: the row of priority 20 changes that value; the zone's NS is DomainRecordUpdateFailed", async () => {
    const mx = (records: string[]) => rs(records, { id: "rs-mx", name: "example.edu.", type: "MX" });
    const ns = rs(["ns1.example.org."], { id: "rs-ns", name: "example.edu.", type: "NS" });
    const { dns, seen } = await serveDesignate(
      { method: "GET", path: "/v2/zones/z-1/recordsets", body: { recordsets: [mx(["10 mail.example.edu.", "20 mail.example.edu."]), ns], links: {} } },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-mx", body: mx(["10 mail.example.edu.", "20 mail.example.edu."]) },
      { method: "PUT", path: "/v2/zones/z-1/recordsets/rs-mx", status: 202, body: mx(["10 mail.example.edu.", "30 mail.example.edu."]) },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-mx", body: mx(["10 mail.example.edu.", "30 mail.example.edu."]) },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-ns", body: ns },
      { method: "PUT", path: "/v2/zones/z-1/recordsets/rs-ns", status: 400, body: { code: 400, type: "bad_request", message: "Managed records may not be updated" } },
    );
    const rows = await dns.records.list("z-1").toArray();
    const second = rows.find((r) => r.priority === 20)!;
    await second.update({ priority: 30 });
    expect(second).toMatchObject({ data: "mail.example.edu", priority: 30 });
    expect(PUTS(seen)).toEqual([{ records: ["10 mail.example.edu.", "30 mail.example.edu."] }]);
    const e = await rows.find((r) => r.type === "NS")!.update({ ttl: 600 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DomainRecordUpdateFailed);
    expect(e).toMatchObject({ code: 400 });
  });

  it("a recordset without a TTL of its own shows the zone's (Designate serves it so; Cloud DNS gives each record the domain's): one zone GET, only then", async () => {
    const { dns, seen } = await serveDesignate(
      { method: "GET", path: "/v2/zones/z-1/recordsets", body: { recordsets: [rs(["192.0.2.1"], { ttl: null }), rs(["192.0.2.5"], { id: "rs-2", ttl: 6000 })], links: {} } },
      { method: "GET", path: "/v2/zones/z-1", body: { ...zone("z-1", "example.edu."), ttl: 1200 } },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-2", body: rs(["192.0.2.5"], { id: "rs-2", ttl: 6000 }) },
    );
    expect((await dns.records.list("z-1").toArray()).map((r) => r.ttl)).toEqual([1200, 6000]);
    expect((await dns.records.get("z-1", "rs-2")).ttl).toBe(6000);
    expect(seen.map((s) => s.path)).toEqual(["/v2/zones/z-1/recordsets", "/v2/zones/z-1", "/v2/zones/z-1/recordsets/rs-2"]);
  });
});
