import { randomBytes } from "node:crypto";
import { ValidationError } from "@rax/core";
import { CloudDNS, type Domain, DomainCreationFailed, DomainRecordAdditionFailed, DomainRecordDeletionFailed, DomainRecordNotFound, NoSuchDomain } from "@rax/dns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Target } from "./target";

export interface DnsScenarioOptions {
  /** ms to wait for each async call (real Designate: zones go PENDING → ACTIVE in about a second). */
  jobTimeout?: number;
  /** ms between polls. */
  jobDelay?: number;
}

/** A domain no earlier run can have left behind (lower case: DNS names compare without case). */
export function uniqueDomain(label: string): string {
  return `${label}-${Date.now().toString(36)}${randomBytes(2).toString("hex")}.rax-test.com`;
}

/**
 * Cloud DNS behaviour users rely on — the seed's "Cloud DNS" — over whichever backend the target's
 * catalog offers: Rackspace Cloud DNS v1.0 (`rax:dns`, the emulator) or OpenStack Designate v2
 * (`dns`, real Designate in tests/integration). The same assertions; where the backends differ
 * (Designate has one recordset per name and type), the scenario says so.
 */
export function dnsScenarios(getTarget: () => Target, o: DnsScenarioOptions = {}): void {
  let dns: CloudDNS;
  const made: Domain[] = [];

  beforeAll(async () => {
    const t = getTarget();
    dns = t.ctx.client(CloudDNS, { ...(o.jobTimeout !== undefined ? { jobTimeout: o.jobTimeout } : {}), jobDelay: o.jobDelay ?? 100 });
    await dns.ready();
  });

  afterAll(async () => {
    for (const d of made.reverse()) await dns.domains.delete(d, { deleteSubdomains: true }).catch((e: unknown) => (e instanceof NoSuchDomain ? undefined : Promise.reject(e)));
  });

  async function domain(label: string, extra: Record<string, unknown> = {}): Promise<Domain> {
    const d = await dns.domains.create({ name: uniqueDomain(label), emailAddress: "hostmaster@rax-test.com", ...extra });
    made.push(d);
    return d;
  }

  describe("domains", () => {
    it("create (TTL, comment) → get, find and list agree; update changes TTL, email and comment", async () => {
      const d = await domain("dom", { ttl: 600, comment: "Primary domain for this documentation." });
      expect(d).toMatchObject({ ttl: 600, comment: "Primary domain for this documentation.", emailAddress: "hostmaster@rax-test.com" });
      expect((await dns.domains.get(d.id)).name).toBe(d.name);
      expect((await dns.domains.find(d.name.toUpperCase())).id).toBe(d.id);
      const names: string[] = [];
      for await (const x of dns.domains.list()) names.push(x.name);
      expect(names).toContain(d.name);
      const updated = await d.update({ ttl: 1200, emailAddress: "admin@rax-test.com", comment: "changed" });
      expect(updated).toMatchObject({ id: d.id, ttl: 1200, emailAddress: "admin@rax-test.com", comment: "changed" });
      expect((await dns.domains.get(d.id)).ttl).toBe(1200);
    });

    it("creating a domain that exists is DomainCreationFailed with code 409 (Cloud DNS: the job's error; Designate: its 409 at once)", async () => {
      const d = await domain("dup");
      const e = await dns.domains.create({ name: d.name, emailAddress: "hostmaster@rax-test.com" }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(DomainCreationFailed);
      expect((e as DomainCreationFailed).code).toBe(409);
    });

    it("a missing domain is NoSuchDomain with status and code 404 on both backends (get, find)", async () => {
      // What a user branches on is the same whichever backend the catalog chose.
      const notFound = { name: "NoSuchDomain", status: 404, code: 404 };
      await expect(dns.domains.find(uniqueDomain("none"))).rejects.toMatchObject(notFound);
      const missingId = dns.backend === "designate" ? "00000000-0000-4000-8000-000000000000" : "999999999";
      await expect(dns.domains.get(missingId)).rejects.toBeInstanceOf(NoSuchDomain);
      await expect(dns.domains.get(missingId)).rejects.toMatchObject(notFound);
      // A name passed where an id goes (Designate answers 400 invalid_uuid to it): no such domain either.
      await expect(dns.domains.get(uniqueDomain("by-name"))).rejects.toMatchObject(notFound);
    });

    it("bad input fails before any request: TTL under 300, a long comment, an A record that is not IPv4, MX without priority", async () => {
      const base = { name: uniqueDomain("bad"), emailAddress: "hostmaster@rax-test.com" };
      await expect(dns.domains.create({ ...base, ttl: 120 })).rejects.toMatchObject({ field: "domain.ttl" });
      await expect(dns.domains.create({ ...base, comment: "c".repeat(161) })).rejects.toMatchObject({ field: "domain.comment" });
      await expect(dns.domains.create({ ...base, records: [{ type: "A", name: base.name, data: "2001:db8::1" }] })).rejects.toMatchObject({ field: "domain.records.0.data" });
      await expect(dns.domains.create({ ...base, records: [{ type: "MX", name: base.name, data: `mail.${base.name}` }] })).rejects.toBeInstanceOf(ValidationError);
      await expect(dns.domains.find(base.name)).rejects.toBeInstanceOf(NoSuchDomain);
    });

    it("delete without subdomains: Cloud DNS keeps the subdomain; Designate refuses while subzones exist", async () => {
      const d = await domain("parent");
      const sub = await dns.domains.create({ name: `www.${d.name}`, emailAddress: "hostmaster@rax-test.com" });
      made.push(sub);
      if (dns.backend === "designate") {
        await expect(d.delete()).rejects.toMatchObject({ status: 400, message: expect.stringContaining("subzones") });
        expect((await dns.domains.get(d.id)).id).toBe(d.id);
      } else {
        await d.delete();
        await expect(dns.domains.get(d.id)).rejects.toBeInstanceOf(NoSuchDomain);
        expect((await dns.domains.get(sub.id)).name).toBe(sub.name);
      }
    });

    it("combining multiple actions: records and a subdomain in the create call; subdomains list; delete with subdomains", async () => {
      const name = uniqueDomain("combo");
      const d = await dns.domains.create({
        name,
        emailAddress: "hostmaster@rax-test.com",
        comment: "Primary domain",
        subdomains: [{ name: `north.${name}`, comment: "1st sample subdomain", emailAddress: "hostmaster@rax-test.com" }],
        records: [
          { type: "A", name, data: "192.0.2.42", ttl: 6000 },
          { type: "MX", name, data: `mail.${name}`, priority: 50, comment: "Backup mail server" },
        ],
      });
      made.push(d);
      const recs = await d.listRecords().toArray();
      expect(recs).toEqual(expect.arrayContaining([expect.objectContaining({ type: "A", name, data: "192.0.2.42", ttl: 6000 }), expect.objectContaining({ type: "MX", data: `mail.${name}`, priority: 50 })]));
      const subs = await d.listSubdomains().toArray();
      expect(subs.map((s) => s.name)).toEqual([`north.${name}`]);
      await d.delete({ deleteSubdomains: true });
      await expect(dns.domains.get(d.id)).rejects.toBeInstanceOf(NoSuchDomain);
      await expect(dns.domains.get(subs[0]!.id)).rejects.toBeInstanceOf(NoSuchDomain);
    });

    it("a create whose record is refused leaves no domain behind (Cloud DNS: one job; Designate: rax deletes the zone it made), so a retry is no 409", async () => {
      const name = uniqueDomain("refused");
      const records = [{ type: "A", name: `www.${name}`, data: "192.0.2.1" }, { type: "CNAME", name: `www.${name}`, data: `x.${name}` }];
      const err = await dns.domains.create({ name, emailAddress: "hostmaster@rax-test.com", subdomains: [{ name: `north.${name}`, emailAddress: "hostmaster@rax-test.com" }], records }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainCreationFailed);
      expect(err).toMatchObject({ code: 400 });
      await expect(dns.domains.find(name)).rejects.toBeInstanceOf(NoSuchDomain);
      await expect(dns.domains.find(`north.${name}`)).rejects.toBeInstanceOf(NoSuchDomain);
      const d = await dns.domains.create({ name, emailAddress: "hostmaster@rax-test.com", records: records.slice(0, 1) });
      made.push(d);
      expect(d.name).toBe(name);
    });
  });

  describe("records", () => {
    let d: Domain;
    beforeAll(async () => {
      d = await domain("recs");
    });

    it("add one and many (A, AAAA, CNAME, MX, TXT, SRV); list, filter by type, find, get", async () => {
      const one = await d.addRecords({ type: "A", name: `www.${d.name}`, data: "192.0.2.10", ttl: 3600 });
      expect(one).toEqual([expect.objectContaining({ type: "A", name: `www.${d.name}`, data: "192.0.2.10", domainId: d.id })]);
      const many = await dns.records.add(d, [
        { type: "AAAA", name: `www.${d.name}`, data: "2001:db8::10" },
        { type: "CNAME", name: `ftp.${d.name}`, data: `www.${d.name}` },
        { type: "MX", name: d.name, data: `mail.${d.name}`, priority: 10 },
        { type: "TXT", name: d.name, data: "v=spf1 -all" },
        { type: "SRV", name: `_sip._tcp.${d.name}`, data: `5 5060 sip.${d.name}`, priority: 20 },
      ]);
      expect(many.map((r) => r.type).sort()).toEqual(["AAAA", "CNAME", "MX", "SRV", "TXT"]);
      const all = await d.listRecords().toArray();
      for (const t of ["A", "AAAA", "CNAME", "MX", "TXT", "SRV"]) expect(all.map((r) => r.type)).toContain(t);
      expect(all.find((r) => r.type === "TXT")?.data).toBe("v=spf1 -all");
      expect(all.find((r) => r.type === "SRV")).toMatchObject({ priority: 20, data: `5 5060 sip.${d.name}` });
      const aOnly = await dns.records.list(d, { type: "A" }).toArray();
      expect(aOnly.map((r) => r.data)).toEqual(["192.0.2.10"]);
      const found = await d.findRecord({ type: "CNAME", name: `ftp.${d.name}` });
      expect(found.data).toBe(`www.${d.name}`);
      expect((await dns.records.get(d, found.id)).name).toBe(`ftp.${d.name}`);
      await expect(d.findRecord({ type: "A", name: `nothing.${d.name}` })).rejects.toBeInstanceOf(DomainRecordNotFound);
    });

    it("update a record's TTL and data (rec.update, dom.updateRecord); delete one; delete many", async () => {
      const [rec] = await d.addRecords({ type: "A", name: `upd.${d.name}`, data: "192.0.2.20" });
      const updated = await rec!.update({ ttl: 600 });
      expect(updated).toMatchObject({ id: rec!.id, ttl: 600, data: "192.0.2.20" });
      expect((await d.updateRecord(rec!, { data: "192.0.2.21" })).data).toBe("192.0.2.21");
      await expect(rec!.update({ data: "not-an-ip" })).rejects.toMatchObject({ field: "changes.data" });
      await rec!.delete();
      await expect(dns.records.get(d, rec!.id)).rejects.toBeInstanceOf(DomainRecordNotFound);
      const two = await d.addRecords([
        { type: "A", name: `del1.${d.name}`, data: "192.0.2.31" },
        { type: "A", name: `del2.${d.name}`, data: "192.0.2.32" },
      ]);
      await d.deleteRecord(two);
      const left = (await d.listRecords({ type: "A" }).toArray()).map((r) => r.name);
      expect(left).not.toContain(`del1.${d.name}`);
      expect(left).not.toContain(`del2.${d.name}`);
    });

    it("adding a record that exists is DomainRecordAdditionFailed with code 409, and the record stays one", async () => {
      const name = `dup.${d.name}`;
      await d.addRecords({ type: "A", name, data: "192.0.2.70" });
      const e = await d.addRecords({ type: "A", name, data: "192.0.2.70" }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(DomainRecordAdditionFailed);
      expect((e as DomainRecordAdditionFailed).code).toBe(409);
      expect((await d.listRecords({ type: "A", name }).toArray()).map((r) => r.data)).toEqual(["192.0.2.70"]);
    });

    it("a domain keeps its NS records: deleting them all is DomainRecordDeletionFailed (Designate: its managed NS) and they stay", async () => {
      const ns = await d.listRecords({ type: "NS" }).toArray();
      expect(ns.length).toBeGreaterThan(0);
      await expect(d.deleteRecord(ns)).rejects.toBeInstanceOf(DomainRecordDeletionFailed);
      expect((await d.listRecords({ type: "NS" }).toArray()).map((r) => r.data).sort()).toEqual(ns.map((r) => r.data).sort());
    });

    it("two A values at one name list as two records; updating or deleting one leaves the other as it was", async () => {
      // Designate keeps both in one recordset; rax lists a row per value, as Cloud DNS has a record per value.
      const name = `two.${d.name}`;
      await d.addRecords([
        { type: "A", name, data: "192.0.2.41" },
        { type: "A", name, data: "192.0.2.42" },
      ]);
      const rows = async () => (await dns.records.list(d, { type: "A", name }).toArray()).map((r) => [r.name, r.data]).sort();
      expect(await rows()).toEqual([[name, "192.0.2.41"], [name, "192.0.2.42"]]);
      // the plain listing, as pyrax's `for r in dom.list_records()` walks it
      const listed = (await d.listRecords().toArray()).filter((r) => r.name === name);
      expect(listed.map((r) => r.data).sort()).toEqual(["192.0.2.41", "192.0.2.42"]);
      const second = listed.find((r) => r.data === "192.0.2.42")!;
      await second.update({ data: "192.0.2.43" });
      expect(second.data).toBe("192.0.2.43");
      expect(await rows()).toEqual([[name, "192.0.2.41"], [name, "192.0.2.43"]]);
      // a TTL change keeps the row standing for its own value (on Designate the TTL is the recordset's)
      await second.update({ ttl: 900 });
      expect(second).toMatchObject({ data: "192.0.2.43", ttl: 900 });
      // a search by data finds that one record
      const [found] = await dns.records.list(d, { type: "A", name, data: "192.0.2.41" }).toArray();
      expect(found!.data).toBe("192.0.2.41");
      // another value at the same name in a call of its own (Designate: 409 Duplicate RecordSet) …
      const [third] = await d.addRecords({ type: "A", name, data: "192.0.2.44" });
      expect(third!.data).toBe("192.0.2.44");
      expect((await rows()).map(([, v]) => v)).toEqual(["192.0.2.41", "192.0.2.43", "192.0.2.44"]);
      // … and deleting listed rows one at a time leaves the others
      await third!.delete();
      expect((await rows()).map(([, v]) => v)).toEqual(["192.0.2.41", "192.0.2.43"]);
      await second.delete();
      expect((await rows()).map(([, v]) => v)).toEqual(["192.0.2.41"]);
      // deleting it again is DomainRecordNotFound, and the last value stays
      await expect(second.delete()).rejects.toBeInstanceOf(DomainRecordNotFound);
      expect((await rows()).map(([, v]) => v)).toEqual(["192.0.2.41"]);
    });
  });

  describe("import / export", () => {
    it("export gives BIND 9 text with the records; import of BIND text creates the domain", async () => {
      const d = await domain("bind");
      await d.addRecords({ type: "A", name: `www.${d.name}`, data: "192.0.2.50" });
      const text = await d.export();
      expect(text).toMatch(/\bSOA\b/);
      // Cloud DNS writes every TTL; Designate leaves out TTLs the record does not set (DIFFERENCES.md, DNS).
      expect(text).toMatch(new RegExp(`www\\.${d.name.replace(/\./g, "\\.")}\\.?\\s+(\\d+\\s+)?IN\\s+A\\s+192\\.0\\.2\\.50`));
      const name = uniqueDomain("imported");
      const bind = [
        `${name}. 3600 IN SOA ns1.${name}. hostmaster.rax-test.com. 1 21600 3600 1814400 500`,
        `${name}. 3600 IN NS ns1.rax-test.com.`,
        `www.${name}. 3600 IN A 192.0.2.60`,
        "",
      ].join("\n");
      const imported = await dns.domains.importDomain(bind);
      made.push(imported);
      expect(imported.name).toBe(name);
      const recs = await imported.listRecords({ type: "A" }).toArray();
      expect(recs.map((r) => [r.name, r.data])).toEqual([[`www.${name}`, "192.0.2.60"]]);
    });
  });
}
