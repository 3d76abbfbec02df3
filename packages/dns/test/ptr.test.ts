import { InvalidResponse, NotFound } from "@rax/core";
import { describe, expect, it } from "vitest";
import { InvalidDeviceType, PTRRecordCreationFailed } from "../src/index";
import { job, serve } from "./fixture";

const SERVER_URL = "https://ord.servers.api.rackspacecloud.com/v2/123456/servers/abc-123";
const server = { id: "abc-123", name: "web1", links: [{ rel: "bookmark", href: "https://ord.servers.api.rackspacecloud.com/123456/servers/abc-123" }, { rel: "self", href: SERVER_URL }] };
const ptr = (over: Record<string, unknown> = {}) => ({ id: "PTR-1", name: "example.edu", type: "PTR", data: "192.0.2.7", ttl: 7200, ...over });

describe("reverse DNS (PTR)", () => {
  it("list: GET /rdns/cloudServersOpenStack?href=<the server's self link>; none (404) → []", async () => {
    const { dns, seen } = await serve(
      { method: "GET", path: "/rdns/cloudServersOpenStack", body: { recordsList: { records: [ptr()] }, link: { content: "", href: SERVER_URL, rel: "cloudServersOpenStack" } } },
      { method: "GET", path: "/rdns/cloudLoadBalancers", status: 404, body: { message: "Not found", code: 404 } },
    );
    expect(await dns.listPtrRecords(server)).toEqual([expect.objectContaining({ id: "PTR-1", name: "example.edu", data: "192.0.2.7", type: "PTR" })]);
    expect(seen[0]!.query.get("href")).toBe(SERVER_URL);
    expect(await dns.ptr.list({ href: "https://ord.loadbalancers.api.rackspacecloud.com/v1.0/123456/loadbalancers/42" })).toEqual([]);
  });

  it("add (IPv4 + IPv6): the records and the device link in one POST; the result read from recordsList", async () => {
    const { dns, seen } = await serve(
      { method: "POST", path: "/rdns", status: 202, body: job("RUNNING") },
      { method: "GET", path: "/status/job-1", body: job("COMPLETED", { response: { recordsList: { records: [ptr(), ptr({ id: "PTR-2", data: "2001:db8::7" })] } } }) },
    );
    const made = await dns.addPtrRecords(server, [
      { name: "example.edu", type: "PTR", data: "192.0.2.7", ttl: 7200 },
      { name: "example.edu", type: "PTR", data: "2001:db8::7", ttl: 7200 },
    ]);
    expect(made.map((r) => r.id)).toEqual(["PTR-1", "PTR-2"]);
    expect(seen[0]!.body).toEqual({
      recordsList: { records: [{ name: "example.edu", type: "PTR", data: "192.0.2.7", ttl: 7200 }, { name: "example.edu", type: "PTR", data: "2001:db8::7", ttl: 7200 }] },
      link: { content: "", href: SERVER_URL, rel: "cloudServersOpenStack" },
    });
  });

  it("a finished add whose response is not PTR records → InvalidResponse naming where it misfits", async () => {
    const { dns } = await serve(
      { method: "POST", path: "/rdns", status: 202, body: job("RUNNING") },
      { method: "GET", path: "/status/job-1", body: job("COMPLETED", { response: { recordsList: { records: [{ id: 7 }] } } }) },
    );
    const err = await dns.ptr.add(server, { name: "example.edu", data: "192.0.2.7" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidResponse);
    expect((err as Error).message).toContain("response.recordsList.records.0.id");
  });

  it("an ERROR job → PTRRecordCreationFailed", async () => {
    const { dns } = await serve(
      { method: "POST", path: "/rdns", status: 202, body: job("RUNNING") },
      { method: "GET", path: "/status/job-1", body: job("ERROR", { error: { code: 400, message: "Bad", details: "IP not on device" } }) },
    );
    await expect(dns.ptr.add(server, { name: "example.edu", data: "192.0.2.99" })).rejects.toBeInstanceOf(PTRRecordCreationFailed);
  });

  it("update finds the record by name + address, PUTs its id with the new TTL; delete one address or all", async () => {
    const { dns, seen } = await serve(
      { method: "GET", path: "/rdns/cloudServersOpenStack", body: { recordsList: { records: [ptr()] } } },
      { method: "PUT", path: "/rdns", status: 202, body: job("RUNNING") },
      { method: "GET", path: "/status/job-1", body: job("COMPLETED") },
      { method: "GET", path: "/rdns/cloudServersOpenStack", body: { recordsList: { records: [ptr({ ttl: 9600 })] } } },
      { method: "DELETE", path: "/rdns/cloudServersOpenStack", status: 202, body: job("RUNNING", {}, "job-2") },
      { method: "GET", path: "/status/job-2", body: job("COMPLETED", {}, "job-2") },
      { method: "DELETE", path: "/rdns/cloudServersOpenStack", status: 202, body: job("RUNNING", {}, "job-3") },
      { method: "GET", path: "/status/job-3", body: job("COMPLETED", {}, "job-3") },
    );
    expect((await dns.updatePtrRecord(server, "example.edu", "192.0.2.7", { ttl: 9600 })).ttl).toBe(9600);
    expect(seen[1]!.body.recordsList.records).toEqual([{ name: "example.edu", id: "PTR-1", type: "PTR", data: "192.0.2.7", ttl: 9600 }]);
    await dns.deletePtrRecords(server, "192.0.2.7");
    expect(seen[4]!.query.get("ip")).toBe("192.0.2.7");
    await dns.deletePtrRecords(server);
    expect(seen[6]!.query.get("ip")).toBeNull();
  });

  it("update of a record the device does not have: NotFound naming the record and the device by id, not its URL", async () => {
    const { dns, seen } = await serve({ method: "GET", path: "/rdns/cloudServersOpenStack", body: { recordsList: { records: [ptr()] } } });
    const e = await dns.ptr.update(server, { name: "example.edu", data: "192.0.2.8", ttl: 9600 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NotFound);
    expect((e as NotFound).status).toBe(404);
    expect((e as Error).message).toBe('No PTR record for "example.edu → 192.0.2.8" on server abc-123 in rax:dns');
    expect((e as Error).message).not.toContain("rackspacecloud.com");
    expect(seen.map((r) => r.method)).toEqual(["GET"]);
  });

  it("bad devices and records fail before any request", async () => {
    const { dns, seen } = await serve();
    await expect(dns.ptr.list({ foo: 1 } as never)).rejects.toBeInstanceOf(InvalidDeviceType);
    await expect(dns.ptr.list({ href: "https://example.com/volumes/1" })).rejects.toMatchObject({ field: "device" });
    await expect(dns.ptr.add(server, { name: "example.edu", data: "not-an-ip" })).rejects.toMatchObject({ field: "records.0.data" });
    await expect(dns.ptr.add(server, { name: "example.edu", data: "192.0.2.1", ttl: 100 })).rejects.toMatchObject({ field: "records.0.ttl" });
    await expect(dns.ptr.delete(server, "nope")).rejects.toMatchObject({ field: "ipAddress" });
    expect(seen).toHaveLength(0);
  });
});
