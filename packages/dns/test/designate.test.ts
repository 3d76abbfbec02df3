import { describe, expect, it } from "vitest";
import { BadRequest } from "@rax/core";
import { DomainCreationFailed, DomainRecordNotFound, DomainRecordNotUnique, NoSuchDomain, NotSupportedByBackend } from "../src/index";
import { serveDesignate } from "./fixture";

const zone = (over: Record<string, unknown> = {}) => ({ id: "z-1", name: "example.edu.", email: "sample@example.edu", ttl: 3600, description: null, status: "ACTIVE", action: "NONE", project_id: "p", created_at: "c", updated_at: null, ...over });
const rs = (over: Record<string, unknown> = {}) => ({ id: "rs-1", zone_id: "z-1", name: "example.edu.", type: "MX", records: ["50 mail.example.edu."], ttl: 3600, description: "Backup", status: "ACTIVE", ...over });

describe("the Designate v2 backend", () => {
  it("domains.list follows links.next on this endpoint; names lose their trailing dot", async () => {
    const { dns, seen } = await serveDesignate(
      { method: "GET", path: "/v2/zones", body: { zones: [zone()], links: { self: "x", next: "http://designate.elsewhere.test:9001/v2/zones?limit=1&marker=z-1" }, metadata: { total_count: 2 } } },
      { method: "GET", path: "/v2/zones", body: { zones: [zone({ id: "z-2", name: "b.edu." })], links: { self: "x" } } },
    );
    expect((await dns.domains.list({ pageSize: 1 }).toArray()).map((d) => d.name)).toEqual(["example.edu", "b.edu"]);
    expect(seen[1]!.query.get("marker")).toBe("z-1");
  });

  it("create: POST /v2/zones, recordsets per name+type (MX priority and TXT quotes in the value), waits for ACTIVE", async () => {
    const { dns, seen } = await serveDesignate(
      { method: "POST", path: "/v2/zones", status: 202, body: zone({ status: "PENDING", action: "CREATE" }) },
      { method: "POST", path: "/v2/zones/z-1/recordsets", status: 201, body: rs({ status: "PENDING" }) },
      { method: "POST", path: "/v2/zones/z-1/recordsets", status: 201, body: rs({ id: "rs-2", type: "TXT", records: ['"hello world"'], status: "PENDING" }) },
      { method: "GET", path: "/v2/zones/z-1", body: zone({ status: "PENDING" }) },
      { method: "GET", path: "/v2/zones/z-1", body: zone() },
      { method: "GET", path: "/v2/zones/z-1/nameservers", body: { nameservers: [{ hostname: "ns1.example.org.", priority: 1 }] } },
    );
    const j = dns.domains.create({
      name: "example.edu",
      emailAddress: "sample@example.edu",
      records: [
        { type: "MX", name: "example.edu", data: "mail.example.edu", priority: 50, comment: "Backup" },
        { type: "TXT", name: "example.edu", data: "hello world" },
      ],
    });
    const d = await j;
    expect(j.id).toBe("z-1");
    expect(d).toMatchObject({ id: "z-1", name: "example.edu", status: "ACTIVE", nameservers: ["ns1.example.org"] });
    expect(seen[0]!.body).toEqual({ name: "example.edu.", email: "sample@example.edu", type: "PRIMARY" });
    expect(seen[1]!.body).toEqual({ name: "example.edu.", type: "MX", records: ["50 mail.example.edu."], description: "Backup" });
    expect(seen[2]!.body).toEqual({ name: "example.edu.", type: "TXT", records: ['"hello world"'] });
  });

  it("a create whose record Designate refuses takes back the zone it made (Cloud DNS's one job leaves nothing), then raises DomainCreationFailed", async () => {
    const { dns, seen } = await serveDesignate(
      { method: "POST", path: "/v2/zones", status: 202, body: zone({ status: "PENDING" }) },
      { method: "POST", path: "/v2/zones/z-1/recordsets", status: 201, body: rs({ type: "A", name: "www.example.edu.", records: ["192.0.2.1"], status: "PENDING" }) },
      { method: "POST", path: "/v2/zones/z-1/recordsets", status: 400, body: { code: 400, type: "invalid_recordset_location", message: "CNAME recordsets may not share a name with any other records" } },
      { method: "DELETE", path: "/v2/zones/z-1", status: 202, body: zone({ status: "PENDING", action: "DELETE" }) },
      { method: "GET", path: "/v2/zones/z-1", status: 404, body: { code: 404, type: "zone_not_found", message: "Could not find Zone" } },
    );
    const e = await dns.domains
      .create({ name: "example.edu", emailAddress: "sample@example.edu", records: [{ type: "A", name: "www.example.edu", data: "192.0.2.1" }, { type: "CNAME", name: "www.example.edu", data: "x.example.edu" }] })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DomainCreationFailed);
    expect(e).toMatchObject({ code: 400, details: "CNAME recordsets may not share a name with any other records" });
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v2/zones", "POST /v2/zones/z-1/recordsets", "POST /v2/zones/z-1/recordsets", "DELETE /v2/zones/z-1", "GET /v2/zones/z-1"]);
  });

  it("a zone that cannot be taken back is named in the refusal, not hidden", async () => {
    const { dns } = await serveDesignate(
      { method: "POST", path: "/v2/zones", status: 202, body: zone({ status: "PENDING" }) },
      { method: "POST", path: "/v2/zones/z-1/recordsets", status: 400, body: { code: 400, type: "invalid_recordset_location", message: "CNAME recordsets may not share a name with any other records" } },
      { method: "DELETE", path: "/v2/zones/z-1", status: 403, body: { code: 403, type: "forbidden", message: "Forbidden" } },
    );
    const e = await dns.domains.create({ name: "example.edu", emailAddress: "sample@example.edu", records: [{ type: "CNAME", name: "example.edu", data: "x.example.org" }] }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DomainCreationFailed);
    expect((e as Error).message).toContain("zone example.edu (z-1) it made is still there");
  });

  it("a zone that goes to ERROR → DomainCreationFailed; a missing zone → NoSuchDomain", async () => {
    const { dns } = await serveDesignate(
      { method: "POST", path: "/v2/zones", status: 202, body: zone({ status: "PENDING" }) },
      { method: "GET", path: "/v2/zones/z-1", body: zone({ status: "ERROR" }) },
      { method: "GET", path: "/v2/zones/nope", status: 404, body: { code: 404, type: "zone_not_found", message: "Could not find Zone" } },
    );
    await expect(dns.domains.create({ name: "example.edu", emailAddress: "sample@example.edu" })).rejects.toBeInstanceOf(DomainCreationFailed);
    await expect(dns.domains.get("nope")).rejects.toBeInstanceOf(NoSuchDomain);
  });

  it("an id that is not a UUID (Designate's 400 invalid_uuid) is NoSuchDomain / DomainRecordNotFound too, as on Cloud DNS", async () => {
    const invalid = (what: string, id: string) => ({ status: 400, body: { code: 400, type: "invalid_uuid", message: `Invalid UUID ${what}: ${id}` } });
    const { dns } = await serveDesignate(
      { method: "GET", path: "/v2/zones/example.edu", ...invalid("zone_id", "example.edu") },
      { method: "GET", path: "/v2/zones/z-1/recordsets/www", ...invalid("recordset_id", "www") },
      { method: "GET", path: "/v2/zones/z-1", status: 400, body: { code: 400, type: "invalid_object", message: "Invalid Object" } },
    );
    const e = await dns.domains.get("example.edu").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NoSuchDomain);
    expect((e as NoSuchDomain).message).toContain("example.edu");
    await expect(dns.records.get("z-1", "www")).rejects.toBeInstanceOf(DomainRecordNotFound);
    await expect(dns.domains.get("z-1")).rejects.toBeInstanceOf(BadRequest); // any other 400 stays what it is
  });

  it("records read back as Cloud DNS shows them: MX priority apart, host without the dot", async () => {
    const { dns } = await serveDesignate({ method: "GET", path: "/v2/zones/z-1/recordsets", body: { recordsets: [rs()], links: {} } });
    expect((await dns.records.list("z-1")).items[0]).toMatchObject({ id: "rs-1", domainId: "z-1", name: "example.edu", type: "MX", data: "mail.example.edu", priority: 50, comment: "Backup" });
  });

  it("updating one value of a recordset keeps its other values (a PUT of one value deleted them)", async () => {
    const a = (records: string[], over: Record<string, unknown> = {}) => rs({ type: "A", name: "www.example.edu.", records, description: null, ...over });
    const { dns, seen } = await serveDesignate(
      { method: "GET", path: "/v2/zones/z-1/recordsets", body: { recordsets: [a(["192.0.2.2", "192.0.2.1"])], links: {} } },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", body: a(["192.0.2.2", "192.0.2.1"]) },
      { method: "PUT", path: "/v2/zones/z-1/recordsets/rs-1", status: 202, body: a(["192.0.2.2", "192.0.2.5"], { status: "PENDING" }) },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", body: a(["192.0.2.2", "192.0.2.5"]) },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", body: a(["192.0.2.2", "192.0.2.5"]) },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", body: a(["192.0.2.2", "192.0.2.5"]) },
      { method: "PUT", path: "/v2/zones/z-1/recordsets/rs-1", status: 202, body: a(["192.0.2.7", "192.0.2.5"], { status: "PENDING" }) },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", body: a(["192.0.2.7", "192.0.2.5"]) },
    );
    // a search by data shows the value searched for, and an update of that row changes that value
    const [row] = await dns.records.list("z-1", { type: "A", name: "www.example.edu", data: "192.0.2.1" }).toArray();
    expect(row).toMatchObject({ data: "192.0.2.1", records: ["192.0.2.2", "192.0.2.1"] });
    await dns.records.update("z-1", row!, { data: "192.0.2.5" });
    // by id alone: the first value
    await dns.records.update("z-1", "rs-1", { data: "192.0.2.7" });
    expect(seen.filter((r) => r.method === "PUT").map((r) => (r.body as { records: string[] }).records)).toEqual([
      ["192.0.2.2", "192.0.2.5"],
      ["192.0.2.7", "192.0.2.5"],
    ]);
  });

  it("a value added at a name that has a recordset joins it (Designate's 409); deleting one row of two removes that value only", async () => {
    const a = (records: string[], over: Record<string, unknown> = {}) => rs({ type: "A", name: "www.example.edu.", records, description: null, ...over });
    const { dns, seen } = await serveDesignate(
      { method: "POST", path: "/v2/zones/z-1/recordsets", status: 409, body: { code: 409, type: "duplicate_recordset", message: "Duplicate RecordSet" } },
      { method: "GET", path: "/v2/zones/z-1/recordsets", body: { recordsets: [a(["192.0.2.1"])], links: {} } },
      { method: "PUT", path: "/v2/zones/z-1/recordsets/rs-1", status: 202, body: a(["192.0.2.1", "192.0.2.2"], { status: "PENDING" }) },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", body: a(["192.0.2.1", "192.0.2.2"]) },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", body: a(["192.0.2.1", "192.0.2.2"]) },
      { method: "PUT", path: "/v2/zones/z-1/recordsets/rs-1", status: 202, body: a(["192.0.2.1"], { status: "PENDING" }) },
      { method: "GET", path: "/v2/zones/z-1/recordsets/rs-1", body: a(["192.0.2.1"]) },
    );
    const [added] = await dns.records.add("z-1", { type: "A", name: "www.example.edu", data: "192.0.2.2" });
    expect(added).toMatchObject({ id: "rs-1", data: "192.0.2.2", records: ["192.0.2.1", "192.0.2.2"] });
    await dns.records.delete("z-1", added!);
    expect(seen.filter((r) => r.method !== "GET").map((r) => [r.method, (r.body as { records?: string[] } | undefined)?.records])).toEqual([
      ["POST", ["192.0.2.2"]],
      ["PUT", ["192.0.2.1", "192.0.2.2"]],
      ["PUT", ["192.0.2.1"]],
    ]);
  });

  it("find by name and type: a recordset of two values is two records (DomainRecordNotUnique, as pyrax with two records); with data, that value", async () => {
    const a = rs({ type: "A", name: "www.example.edu.", records: ["192.0.2.1", "192.0.2.2"], description: null });
    const { dns, seen } = await serveDesignate(
      { method: "GET", path: "/v2/zones/z-1/recordsets", body: { recordsets: [a], links: {} } },
      { method: "GET", path: "/v2/zones/z-1/recordsets", body: { recordsets: [a], links: {} } },
    );
    const e = await dns.records.find("z-1", { type: "A", name: "www.example.edu" }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(DomainRecordNotUnique);
    expect((e as DomainRecordNotUnique).values).toEqual(["192.0.2.1", "192.0.2.2"]);
    expect((e as Error).message).toContain("2 records match");
    const one = await dns.records.find("z-1", { type: "A", name: "www.example.edu", data: "192.0.2.2" });
    expect(one).toMatchObject({ id: "rs-1", data: "192.0.2.2" });
    expect(seen[1]!.query.get("data")).toBe("192.0.2.2");
  });

  it("PTR calls say they are Cloud DNS only", async () => {
    const { dns } = await serveDesignate();
    await expect(dns.ptr.list({ href: "http://x/servers/1" })).rejects.toBeInstanceOf(NotSupportedByBackend);
  });
});

describe("Designate: no jobs", () => {
  it("jobs.get / resume / list say they are Cloud DNS only", async () => {
    const { dns, seen } = await serveDesignate();
    await expect(dns.jobs.get("x")).rejects.toBeInstanceOf(NotSupportedByBackend);
    await expect(dns.jobs.resume("x")).rejects.toBeInstanceOf(NotSupportedByBackend);
    await expect(dns.jobs.list().toArray()).rejects.toBeInstanceOf(NotSupportedByBackend);
    expect(seen).toHaveLength(0);
  });
});

describe("backend choice without a catalog entry type", () => {
  it("…/v1.0/{tenant} is Cloud DNS (jobs wait 5 s); another URL is Designate (60 s: zones take longer to go)", async () => {
    const { StaticSession } = await import("@rax/core");
    const { CloudDNS } = await import("../src/index");
    const rax = new CloudDNS(new StaticSession({ token: "t", endpoint: "http://127.0.0.1:9/v1.0/123456" }));
    const os = new CloudDNS(new StaticSession({ token: "t", endpoint: "http://127.0.0.1:9001" }));
    expect(await rax.ready()).toBe("rackspace");
    expect(await os.ready()).toBe("designate");
    expect([rax.jobTimeout, os.jobTimeout]).toEqual([5000, 60_000]);
    expect(os.designatePath("zones")).toBe("v2/zones");
    expect(new CloudDNS(new StaticSession({ token: "t", endpoint: "http://127.0.0.1:9001" }), { jobTimeout: 0 }).jobTimeout).toBe(0);
    expect(() => new CloudDNS(new StaticSession({ token: "t", endpoint: "http://x" }), { backend: "bind" as never })).toThrow(expect.objectContaining({ field: "backend" }));
  });
});

describe("BIND text for Designate's importer", () => {
  it("adds $ORIGIN from the SOA owner when the text has none; leaves text that has one alone", async () => {
    const { withOrigin } = await import("../src/designate/zones");
    const bind = "example.edu.\t3600\tIN\tSOA\tns.rackspace.com. sample.rackspace.edu. 1 21600 3600 1814400 500\nwww.example.edu. 3600 IN A 192.0.2.1\n";
    expect(withOrigin(bind)).toBe(`$ORIGIN example.edu.\n${bind}`);
    const has = `; a comment\n$ORIGIN example.edu.\n${bind}`;
    expect(withOrigin(has)).toBe(has);
    expect(withOrigin("@ IN SOA ns. host. 1 2 3 4 5\n")).toBe("@ IN SOA ns. host. 1 2 3 4 5\n");
  });
});
