import { inspect } from "node:util";
import { AbortError, ValidationError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { Domain, DomainRecordNotFound, DomainRecordNotUnique, NoMoreResults, NoSuchDomain } from "../src/index";
import { job, serve, TOKEN, wireDomain } from "./fixture";

const page = (names: string[], next?: string, total = 5) => ({
  domains: names.map((n, i) => wireDomain({ name: n, id: 100 + i })),
  totalEntries: total,
  ...(next ? { links: [{ content: "", href: `https://dns.api.rackspacecloud.com/v1.0/123456${next}`, rel: "next" }] } : {}),
});

describe("domains", () => {
  it("list pages by limit/offset and follows the next link on this endpoint (pyrax trims it to /domains)", async () => {
    const { dns, seen } = await serve(
      { method: "GET", path: "/domains", body: page(["a.edu", "b.edu"], "/domains?limit=2&offset=2") },
      { method: "GET", path: "/domains", body: page(["c.edu", "d.edu"], "/domains?limit=2&offset=4") },
      { method: "GET", path: "/domains", body: page(["e.edu"]) },
    );
    const names = (await dns.domains.list({ pageSize: 2 }).toArray()).map((d) => d.name);
    expect(names).toEqual(["a.edu", "b.edu", "c.edu", "d.edu", "e.edu"]);
    expect(seen.map((s) => `${s.query.get("limit")}/${s.query.get("offset")}`)).toEqual(["2/null", "2/2", "2/4"]);
    expect(seen.every((s) => s.headers["x-auth-token"] === TOKEN)).toBe(true);
  });

  it("pyrax's list / listNextPage / listPreviousPage, and NoMoreResults at either end", async () => {
    const { dns, seen } = await serve(
      { method: "GET", path: "/domains", body: page(["a.edu", "b.edu"], "/domains?limit=2&offset=2", 4) },
      { method: "GET", path: "/domains", body: page(["c.edu", "d.edu"], undefined, 4) },
      { method: "GET", path: "/domains", body: page(["a.edu", "b.edu"], "/domains?limit=2&offset=2", 4) },
    );
    expect((await dns.list({ limit: 2 })).map((d) => d.name)).toEqual(["a.edu", "b.edu"]);
    expect((await dns.listNextPage()).map((d) => d.name)).toEqual(["c.edu", "d.edu"]);
    await expect(dns.listNextPage()).rejects.toBeInstanceOf(NoMoreResults);
    expect((await dns.listPreviousPage()).map((d) => d.name)).toEqual(["a.edu", "b.edu"]);
    await expect(dns.listPreviousPage()).rejects.toBeInstanceOf(NoMoreResults);
    expect(seen.map((s) => s.query.get("offset"))).toEqual(["0", "2", "0"]);
  });

  it("a paging step takes its own signal: an aborted one stops that step only, not the first page's", async () => {
    const { dns, seen } = await serve(
      { method: "GET", path: "/domains", body: page(["a.edu", "b.edu"], "/domains?limit=2&offset=2", 4) },
      { method: "GET", path: "/domains", body: page(["c.edu", "d.edu"], undefined, 4) },
    );
    const first = new AbortController();
    expect((await dns.list({ limit: 2 }, { signal: first.signal })).map((d) => d.name)).toEqual(["a.edu", "b.edu"]);
    first.abort();
    await expect(dns.listNextPage({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(seen).toHaveLength(1);
    // The first call's signal has fired since, but the step is a call of its own.
    expect((await dns.listNextPage()).map((d) => d.name)).toEqual(["c.edu", "d.edu"]);
  });

  it("bad paging fails before any request: pageSize over 100, an offset that is not a multiple", async () => {
    const { dns, seen } = await serve();
    expect(() => dns.domains.list({ pageSize: 101 })).toThrow(expect.objectContaining({ field: "filters.pageSize" }));
    expect(() => dns.domains.list({ pageSize: 4, offset: 6 })).toThrow(expect.objectContaining({ field: "filters.offset" }));
    expect(seen).toHaveLength(0);
  });

  it("get asks for no records/subdomains; 404 → NoSuchDomain; find matches the exact name", async () => {
    const { dns, seen } = await serve(
      { method: "GET", path: "/domains/3534921", body: wireDomain() },
      { method: "GET", path: "/domains/1", status: 404, body: { message: "Not Found", code: 404 } },
      { method: "GET", path: "/domains", body: { domains: [wireDomain({ name: "sub.example.edu", id: 2 }), wireDomain()], totalEntries: 2 } },
      { method: "GET", path: "/domains", body: { domains: [], totalEntries: 0 } },
    );
    const d = await dns.domains.get("3534921");
    expect(d).toBeInstanceOf(Domain);
    expect(seen[0]!.query.get("showRecords")).toBe("false");
    await expect(dns.domains.get(1)).rejects.toBeInstanceOf(NoSuchDomain);
    expect((await dns.find({ name: "Example.EDU." })).id).toBe("3534921");
    expect(seen[2]!.query.get("name")).toBe("example.edu");
    const miss = await dns.domains.find("nothing.edu").catch((e: unknown) => e);
    expect(miss).toBeInstanceOf(NoSuchDomain);
    expect((miss as NoSuchDomain).status).toBe(404);
    expect((miss as NoSuchDomain).domain).toBe("nothing.edu");
    // What was looked for and where, not a made-up "(HTTP 404; GET domains)".
    expect((miss as Error).message).toBe('No domain named "nothing.edu" in rax:dns');
  });

  it("create sends records and subdomains in the one call (the seed's 'Combining Multiple Actions')", async () => {
    const { dns, seen } = await serve(
      { method: "POST", path: "/domains", status: 202, body: job("RUNNING") },
      { method: "GET", path: "/status/job-1", body: job("COMPLETED", { response: { domains: [wireDomain({ ttl: 600, comment: "Primary domain" })] } }) },
    );
    const dom = await dns.create({
      name: "example.edu",
      emailAddress: "sample@rackspace.edu",
      ttl: 600,
      comment: "Primary domain",
      subdomains: [{ name: "north.example.edu", comment: "1st sample subdomain", emailAddress: "sample@rackspace.edu" }],
      records: [
        { type: "A", name: "example.edu", data: "192.168.0.42", ttl: 6000 },
        { type: "MX", name: "example.edu", data: "mail.example.edu", priority: 50, comment: "Backup mail server" },
      ],
    });
    expect(dom.comment).toBe("Primary domain");
    expect(seen[0]!.body).toEqual({
      domains: [
        {
          name: "example.edu",
          emailAddress: "sample@rackspace.edu",
          ttl: 600,
          comment: "Primary domain",
          subdomains: { domains: [{ name: "north.example.edu", emailAddress: "sample@rackspace.edu", comment: "1st sample subdomain" }] },
          recordsList: {
            records: [
              { name: "example.edu", type: "A", data: "192.168.0.42", ttl: 6000 },
              { name: "example.edu", type: "MX", data: "mail.example.edu", priority: 50, comment: "Backup mail server" },
            ],
          },
        },
      ],
    });
  });

  it("bad create input fails before any request, naming the field", async () => {
    const { dns, seen } = await serve();
    const base = { name: "example.edu", emailAddress: "sample@example.edu" };
    await expect(dns.domains.create({ ...base, ttl: 299 })).rejects.toMatchObject({ field: "domain.ttl" });
    await expect(dns.domains.create({ ...base, comment: "x".repeat(161) })).rejects.toMatchObject({ field: "domain.comment" });
    await expect(dns.domains.create({ ...base, name: "not a domain" })).rejects.toMatchObject({ field: "domain.name" });
    await expect(dns.domains.create({ ...base, emailAddress: "nope" })).rejects.toMatchObject({ field: "domain.emailAddress" });
    await expect(dns.domains.create({ ...base, records: [{ type: "A", name: "www.example.edu", data: "mail.example.edu" }] })).rejects.toMatchObject({ field: "domain.records.0.data" });
    await expect(dns.domains.create({ ...base, bogus: 1 } as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(dns.domains.update(5, {})).rejects.toMatchObject({ field: "changes" });
    expect(seen).toHaveLength(0);
  });

  it("update PUTs only the given keys, waits, and reloads; dom.update changes the object in place", async () => {
    const { dns, seen } = await serve(
      { method: "GET", path: "/domains/3534921", body: wireDomain() },
      { method: "PUT", path: "/domains/3534921", status: 202, body: job("RUNNING", { verb: "PUT" }) },
      { method: "GET", path: "/status/job-1", body: job("COMPLETED", { verb: "PUT" }) },
      { method: "GET", path: "/domains/3534921", body: wireDomain({ ttl: 1200 }) },
    );
    const dom = await dns.domains.get(3534921);
    const same = await dom.update({ ttl: 1200 });
    expect(same).toBe(dom);
    expect(dom.ttl).toBe(1200);
    expect(seen[1]!.body).toEqual({ ttl: 1200 });
  });

  it("delete with and without subdomains; export returns the BIND text; import sends BIND_9", async () => {
    const bind = "example.edu. 3600 IN SOA ns.rackspace.com. sample.rackspace.edu. 1354918038 21600 3600 1814400 500\n";
    const { dns, seen } = await serve(
      { method: "DELETE", path: "/domains/7", status: 202, body: job("RUNNING") },
      { method: "GET", path: "/status/job-1", body: job("COMPLETED") },
      { method: "DELETE", path: "/domains/8", status: 202, body: job("RUNNING", {}, "job-2") },
      { method: "GET", path: "/status/job-2", body: job("COMPLETED", {}, "job-2") },
      { method: "GET", path: "/domains/9/export", status: 202, body: job("RUNNING", {}, "job-3") },
      { method: "GET", path: "/status/job-3", body: job("COMPLETED", { response: { id: 9, accountId: 1, contentType: "BIND_9", contents: bind } }, "job-3") },
      { method: "POST", path: "/domains/import", status: 202, body: job("RUNNING", {}, "job-4") },
      { method: "GET", path: "/status/job-4", body: job("COMPLETED", { response: { domains: [wireDomain()] } }, "job-4") },
    );
    await dns.delete(7);
    await dns.domains.delete(8, { deleteSubdomains: true });
    expect(seen[0]!.query.get("deleteSubdomains")).toBeNull();
    expect(seen[2]!.query.get("deleteSubdomains")).toBe("true");
    expect(await dns.exportDomain(9)).toBe(bind);
    expect((await dns.importDomain(bind)).name).toBe("example.edu");
    expect(seen[6]!.body).toEqual({ domains: [{ contentType: "BIND_9", contents: bind }] });
  });

  it("subdomains: GET /domains/{id}/subdomains", async () => {
    const { dns } = await serve({ method: "GET", path: "/domains/5/subdomains", body: { domains: [wireDomain({ name: "north.example.edu", id: 6 })], totalEntries: 1 } });
    expect((await dns.listSubdomains(5)).map((d) => d.name)).toEqual(["north.example.edu"]);
  });

  it("printing a domain shows its data once, without the client", async () => {
    const { dns } = await serve({ method: "GET", path: "/domains/3534921", body: wireDomain() });
    const d = await dns.domains.get(3534921);
    expect(inspect(d)).not.toContain(TOKEN);
    expect(JSON.stringify(d)).not.toContain("raw");
    expect(d.raw).toMatchObject({ id: 3534921 });
  });
});

const rec = (over: Record<string, unknown> = {}) => ({ id: "A-1", name: "www.example.edu", type: "A", data: "192.0.2.1", ttl: 3600, created: "c", updated: "u", ...over });

describe("records", () => {
  it("list filters by type/name/data; find matches one (none → DomainRecordNotFound, several → DomainRecordNotUnique)", async () => {
    const { dns, seen } = await serve(
      { method: "GET", path: "/domains/5/records", body: { records: [rec()], totalEntries: 1 } },
      { method: "GET", path: "/domains/5/records", body: { records: [rec()], totalEntries: 1 } },
      { method: "GET", path: "/domains/5/records", body: { records: [], totalEntries: 0 } },
      { method: "GET", path: "/domains/5/records", body: { records: [rec(), rec({ id: "A-2", data: "192.0.2.2" })], totalEntries: 2 } },
    );
    const rows = await dns.records.list(5, { type: "a", name: "www.example.edu", data: "192.0.2.1" }).toArray();
    expect(rows[0]).toMatchObject({ id: "A-1", domainId: "5" });
    expect(Object.fromEntries(seen[0]!.query)).toMatchObject({ type: "A", name: "www.example.edu", data: "192.0.2.1" });
    expect((await dns.findRecord(5, "A", "www.example.edu")).id).toBe("A-1");
    const miss = await dns.records.find(5, { type: "A", name: "none.example.edu" }).catch((e: unknown) => e);
    expect(miss).toBeInstanceOf(DomainRecordNotFound);
    expect((miss as DomainRecordNotFound).status).toBe(404);
    expect((miss as Error).message).toBe('No record matching "A none.example.edu" on domain 5 in rax:dns');
    await expect(dns.records.find(5, { type: "A" })).rejects.toBeInstanceOf(DomainRecordNotUnique);
    expect(() => dns.records.list(5, { name: "www.example.edu" })).toThrow(expect.objectContaining({ field: "filters.type" }));
  });

  it("add one or many; returns the new records with their domain", async () => {
    const { dns, seen } = await serve(
      { method: "POST", path: "/domains/5/records", status: 202, body: job("RUNNING") },
      { method: "GET", path: "/status/job-1", body: job("COMPLETED", { response: { records: [rec(), rec({ id: "MX-2", type: "MX", data: "mail.example.edu", priority: 50 })] } }) },
    );
    const made = await dns.records.add(5, [
      { type: "A", name: "www.example.edu", data: "192.0.2.1" },
      { type: "MX", name: "example.edu", data: "mail.example.edu", priority: 50 },
    ]);
    expect(made.map((r) => [r.id, r.domainId, r.priority])).toEqual([["A-1", "5", undefined], ["MX-2", "5", 50]]);
    expect(seen[0]!.body.records).toHaveLength(2);
  });

  it("record rules fail before any request: A/AAAA/PTR data, MX/SRV priority, priority elsewhere, TTL, type", async () => {
    const { dns, seen } = await serve();
    const add = (r: Record<string, unknown>) => dns.records.add(5, r as never);
    await expect(add({ type: "A", name: "a.example.edu", data: "2001:db8::1" })).rejects.toMatchObject({ field: "records.0.data" });
    await expect(add({ type: "AAAA", name: "a.example.edu", data: "192.0.2.1" })).rejects.toMatchObject({ field: "records.0.data" });
    await expect(add({ type: "MX", name: "example.edu", data: "mail.example.edu" })).rejects.toMatchObject({ field: "records.0.priority" });
    await expect(add({ type: "SRV", name: "_sip._tcp.example.edu", data: "10 5060 sip.example.edu" })).rejects.toMatchObject({ field: "records.0.priority" });
    await expect(add({ type: "A", name: "a.example.edu", data: "192.0.2.1", priority: 5 })).rejects.toMatchObject({ field: "records.0.priority" });
    await expect(add({ type: "A", name: "a.example.edu", data: "192.0.2.1", ttl: 60 })).rejects.toMatchObject({ field: "records.0.ttl" });
    await expect(add({ type: "SPF", name: "a.example.edu", data: "x" })).rejects.toMatchObject({ field: "records.0.type" });
    await expect(add({ type: "CNAME", name: "a.example.edu", data: "not a host!" })).rejects.toMatchObject({ field: "records.0.data" });
    expect(seen).toHaveLength(0);
  });

  it("update: the bulk PUT with the record's name (looked up when only an id is given), then the record as it now is", async () => {
    const { dns, seen } = await serve(
      { method: "GET", path: "/domains/5/records/A-1", body: rec() },
      { method: "PUT", path: "/domains/5/records", status: 202, body: job("RUNNING") },
      { method: "GET", path: "/status/job-1", body: job("COMPLETED") },
      { method: "GET", path: "/domains/5/records/A-1", body: rec({ ttl: 600 }) },
    );
    const r = await dns.updateRecord(5, "A-1", { ttl: 600 });
    expect(r.ttl).toBe(600);
    expect(seen[1]!.body).toEqual({ records: [{ id: "A-1", name: "www.example.edu", ttl: 600 }] });
  });

  it("rec.update / rec.delete act on the record's own domain; a bad change for its type fails before the PUT", async () => {
    const { dns, seen } = await serve(
      { method: "GET", path: "/domains/5/records/A-1", body: rec() },
      { method: "PUT", path: "/domains/5/records", status: 202, body: job("RUNNING") },
      { method: "GET", path: "/status/job-1", body: job("COMPLETED") },
      { method: "GET", path: "/domains/5/records/A-1", body: rec({ data: "192.0.2.9" }) },
      { method: "DELETE", path: "/domains/5/records/A-1", status: 202, body: job("RUNNING", {}, "job-2") },
      { method: "GET", path: "/status/job-2", body: job("COMPLETED", {}, "job-2") },
    );
    const r = await dns.records.get(5, "A-1");
    await expect(r.update({ data: "mail.example.edu" })).rejects.toMatchObject({ field: "changes.data" });
    await r.update({ data: "192.0.2.9" });
    expect(r.data).toBe("192.0.2.9");
    await r.delete();
    expect(seen.map((s) => s.method)).toEqual(["GET", "PUT", "GET", "GET", "DELETE", "GET"]);
  });

  it("updateMany and delete many are one call each", async () => {
    const { dns, seen } = await serve(
      { method: "PUT", path: "/domains/5/records", status: 202, body: job("RUNNING") },
      { method: "GET", path: "/status/job-1", body: job("COMPLETED") },
      { method: "DELETE", path: "/domains/5/records", status: 202, body: job("RUNNING", {}, "job-2") },
      { method: "GET", path: "/status/job-2", body: job("COMPLETED", {}, "job-2") },
    );
    await dns.records.updateMany(5, [
      { id: "A-1", name: "www.example.edu", type: "A", ttl: 900 },
      { id: "MX-2", name: "example.edu", type: "MX", priority: 10 },
    ]);
    expect(seen[0]!.body).toEqual({ records: [{ id: "A-1", name: "www.example.edu", ttl: 900 }, { id: "MX-2", name: "example.edu", priority: 10 }] });
    await dns.records.delete(5, ["A-1", "MX-2"]);
    expect(seen[2]!.query.getAll("id")).toEqual(["A-1", "MX-2"]);
  });
});
