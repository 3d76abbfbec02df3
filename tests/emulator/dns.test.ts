import { Compute } from "@rax/compute";
import { OverLimit, ValidationError } from "@rax/core";
import { DNSCallTimedOut, DomainCreationFailed, DomainRecordAdditionFailed, NoMoreResults, PyraxCloudDNS } from "@rax/dns";
import { LoadBalancers } from "@rax/load-balancers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dnsScenarios } from "../scenarios/dns";
import { type EmulatorTarget, startEmulatorTarget } from "./emulator-target";

let target: EmulatorTarget;
beforeAll(async () => {
  target = await startEmulatorTarget();
});
afterAll(async () => {
  await target?.close();
});

describe("DNS scenarios against @rax/emulator (Cloud DNS v1.0)", () => {
  dnsScenarios(() => target, { jobDelay: 50 });
});

// What only the emulator can show (Cloud DNS v1.0 has no real server here): paging with
// totalEntries and links, ERROR jobs, timeouts and resume, faults on polls, rate limits, PTR.
describe("Cloud DNS on the emulator: jobs, paging, rate limits, PTR", () => {
  let dns: PyraxCloudDNS;
  const suffix = Date.now().toString(36);
  beforeAll(() => {
    dns = target.ctx.client(PyraxCloudDNS, { jobDelay: 50 });
  });

  it("lists page by page (limit + offset, totalEntries, next links), and the iterator walks them all", async () => {
    const names = ["a", "b", "c", "d", "e"].map((x) => `${x}-${suffix}.paging.example`);
    await dns.domains.create({ name: names[0]!, emailAddress: "hostmaster@paging.example", subdomains: [] });
    for (const n of names.slice(1)) await dns.create({ name: n, emailAddress: "hostmaster@paging.example" });
    const mine = (d: { name: string }) => d.name.endsWith(`${suffix}.paging.example`);
    const first = await dns.domains.list({ pageSize: 2 });
    expect(first.items).toHaveLength(2);
    const pages: number[] = [];
    for await (const p of dns.domains.list({ pageSize: 2 }).pages()) pages.push(p.items.length);
    expect(pages.slice(0, 2)).toEqual([2, 2]);
    const all = (await dns.getDomainIterator().toArray()).filter(mine).map((d) => d.name);
    expect(all).toEqual(names);
    const seen = [...(await dns.list({ limit: 2 }))];
    for (;;) {
      try {
        seen.push(...(await dns.listNextPage()));
      } catch (e) {
        expect(e).toBeInstanceOf(NoMoreResults);
        break;
      }
    }
    expect(seen.filter(mine).map((d) => d.name)).toEqual(names);
    // offset must be a multiple of limit: refused before any request.
    expect(() => dns.domains.list({ pageSize: 4, offset: 2 })).toThrow(expect.objectContaining({ field: "filters.offset" }));
  });

  it("creating a domain that exists: the job ends in ERROR → DomainCreationFailed with code 409", async () => {
    const name = `dup-${suffix}.example`;
    await dns.create({ name, emailAddress: "hostmaster@example.com" });
    const err = await dns.create({ name, emailAddress: "hostmaster@example.com" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainCreationFailed);
    expect(err).toMatchObject({ code: 409, details: "Domain already exists" });
  });

  it("a CNAME at a name that has a record, or a record at a CNAME's name: the job ends in ERROR → DomainRecordAdditionFailed with code 400", async () => {
    const d = await dns.create({ name: `cname-${suffix}.example`, emailAddress: "hostmaster@example.com" });
    await d.addRecords([
      { type: "A", name: `www.${d.name}`, data: "192.0.2.1" },
      { type: "CNAME", name: `ftp.${d.name}`, data: `www.${d.name}` },
    ]);
    for (const record of [
      { type: "CNAME", name: `www.${d.name}`, data: "elsewhere.example" },
      { type: "MX", name: `ftp.${d.name}`, data: `mail.${d.name}`, priority: 10 },
    ]) {
      const err = await d.addRecords(record).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainRecordAdditionFailed);
      expect(err).toMatchObject({ code: 400 });
    }
    expect((await dns.records.list(d).toArray()).map((r) => `${r.type} ${r.name}`).sort()).toEqual(["A", "CNAME", "NS", "NS"].map((t) => `${t} ${t === "A" ? "www." : t === "CNAME" ? "ftp." : ""}${d.name}`).sort());
  });

  it("a job slower than jobTimeout → DNSCallTimedOut with its id; jobs.resume(id) finishes it; nothing is sent twice", async () => {
    const name = `slow-${suffix}.example`;
    target.emulator.clearRequests();
    const err = await dns.domains.create({ name, emailAddress: "hostmaster@example.com" }, { jobTimeout: 1, jobDelay: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DNSCallTimedOut);
    const done = await dns.jobs.resume((err as DNSCallTimedOut).jobId);
    expect(done.status).toBe("COMPLETED");
    expect((done.response as { domains: Array<{ name: string }> }).domains[0]!.name).toBe(name);
    expect(target.emulator.requests.filter((q) => q.method === "POST" && q.service === "dns")).toHaveLength(1);
    expect((await dns.domains.find(name)).name).toBe(name);
  });

  it("jobs.list shows the account's jobs with their outcome; jobs.get one by id", async () => {
    const j = dns.domains.create({ name: `listed-job-${suffix}.example`, emailAddress: "hostmaster@example.com" });
    await j;
    await dns.domains.create({ name: `listed-job-${suffix}.example`, emailAddress: "hostmaster@example.com" }).catch(() => undefined);
    const all = await dns.jobs.list().toArray();
    const mine = all.find((x) => x.id === j.id);
    expect(mine).toMatchObject({ status: "COMPLETED", verb: "POST" });
    expect(all.some((x) => x.status === "ERROR")).toBe(true);
    expect((await dns.jobs.list({ showErrors: false }).toArray()).every((x) => x.status !== "ERROR")).toBe(true);
    expect((await dns.jobs.get(j.id!)).response).toMatchObject({ domains: [{ name: `listed-job-${suffix}.example` }] });
  });

  it("a reset and a 503 on status polls are retried; the POST that started the job is sent once", async () => {
    target.emulator.clearRequests();
    target.emulator.faults.inject({ match: { service: "dns", method: "GET", regex: /\/status\// }, resetConnection: true });
    target.emulator.faults.inject({ match: { service: "dns", method: "GET", regex: /\/status\// }, status: 503, body: { message: "Service Unavailable", code: 503 } });
    const d = await dns.domains.create({ name: `flaky-${suffix}.example`, emailAddress: "hostmaster@example.com" });
    expect(d.name).toBe(`flaky-${suffix}.example`);
    const dnsCalls = target.emulator.requests.filter((q) => q.service === "dns");
    expect(dnsCalls.filter((q) => q.method === "POST")).toHaveLength(1);
    expect(dnsCalls.some((q) => q.status === 503)).toBe(true);
  });

  it("413 with Reply-After (Cloud DNS's rate limit) is waited out and the call goes through", async () => {
    target.emulator.clearRequests();
    const replyAfter = new Date(Date.now() + 300).toISOString();
    target.emulator.faults.inject({ match: { service: "dns", method: "POST", regex: /\/domains$/ }, status: 413, headers: { "reply-after": replyAfter }, body: { message: "Over Limit", code: 413, details: "Rate limit reached" } });
    const d = await dns.create({ name: `limited-${suffix}.example`, emailAddress: "hostmaster@example.com" });
    expect(d.name).toBe(`limited-${suffix}.example`);
    expect(target.emulator.requests.filter((q) => q.service === "dns" && q.method === "POST").map((q) => q.status)).toEqual([413, 202]);
  });

  it("413 on every try ends in OverLimit carrying the server's retry hint", async () => {
    target.emulator.faults.inject({ match: { service: "dns", method: "GET", regex: /\/domains$/ }, status: 413, times: Infinity, retryAfter: 0, body: { message: "Over Limit", code: 413 } });
    try {
      const err = await dns.domains.list().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(OverLimit);
    } finally {
      target.emulator.faults.clear();
    }
  });

  it("PTR records for a server: add (IPv4 + IPv6), list, update the TTL, delete one, delete all", async () => {
    const nova = target.ctx.client(Compute, { region: target.region });
    const flavor = (await nova.flavors.list().toArray())[0]!;
    const image = (await nova.images.listBase()).find((i) => i.status === "ACTIVE")!;
    const server = await nova.servers.create({ name: `ptr-${suffix}`, image, flavor });
    const recs = await dns.addPtrRecords(server, [
      { name: "example.edu", type: "PTR", data: "192.0.2.7", ttl: 7200 },
      { name: "example.edu", type: "PTR", data: "2001:db8::7", ttl: 7200 },
    ]);
    expect(recs.map((r) => r.data).sort()).toEqual(["192.0.2.7", "2001:db8::7"]);
    // The same device by id and kind: the URL comes from the catalog's compute endpoint.
    const byId = await dns.ptr.list({ id: server.id, type: "server", region: target.region });
    expect(byId.map((r) => r.id).sort()).toEqual(recs.map((r) => r.id).sort());
    expect((await dns.updatePtrRecord(server, "example.edu", "192.0.2.7", { ttl: 9600 })).ttl).toBe(9600);
    await dns.deletePtrRecords(server, "192.0.2.7");
    expect((await dns.listPtrRecords(server)).map((r) => r.data)).toEqual(["2001:db8::7"]);
    await dns.deletePtrRecords(server);
    expect(await dns.listPtrRecords(server)).toEqual([]);
    await expect(dns.ptr.add(server, { name: "example.edu", data: "not-an-ip" })).rejects.toBeInstanceOf(ValidationError);
  });

  // The seed's device is "the Cloud Server or Cloud Load Balancer object": a LoadBalancer from
  // @rax/load-balancers is one as it comes (it was InvalidDeviceType: CLB's JSON has no links).
  it("PTR records for a load balancer object: add for its VIP, list, update, delete", async () => {
    const clb = target.ctx.client(LoadBalancers, { region: target.region });
    const lb = await clb.loadBalancers.create({ name: `ptr-${suffix}`, protocol: "HTTP", virtualIps: [{ type: "PUBLIC" }] }).whenActive({ interval: 50 });
    const vip = lb.virtualIps[0]!.address;
    const [rec] = await dns.addPtrRecords(lb, { name: "example.edu", type: "PTR", data: vip, ttl: 7200 });
    expect(rec).toMatchObject({ name: "example.edu", data: vip, ttl: 7200 });
    // The same device by id and kind: both name the load balancer's public URL.
    expect((await dns.ptr.list({ id: lb.id, type: "loadBalancer", region: target.region })).map((r) => r.data)).toEqual([vip]);
    expect((await dns.updatePtrRecord(lb, "example.edu", vip, { ttl: 9600 })).ttl).toBe(9600);
    await dns.deletePtrRecords(lb);
    expect(await dns.listPtrRecords(lb)).toEqual([]);
    await lb.delete();
  });
});
