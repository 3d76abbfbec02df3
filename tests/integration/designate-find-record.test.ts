import { afterAll, describe, expect, it } from "vitest";
import { CloudDNS, DomainRecordNotUnique } from "@rax/dns";
import { startDesignateTarget } from "./designate-target";

// pyrax's find_record raises DomainRecordNotUnique when two records match. Cloud DNS keeps a record
// per value; Designate keeps both values in one recordset, and rax must still see two records.
const dns = await startDesignateTarget();
afterAll(() => dns.close());

describe.skipIf(dns.skipReason !== undefined)(`records.find on real Designate${dns.skipReason ? ` — skipped: ${dns.skipReason}` : ""}`, () => {
  it("two A values at one name: find by name and type → DomainRecordNotUnique; find with data → that value", async () => {
    const client = dns.target!.ctx.client(CloudDNS, { jobDelay: 250 });
    const name = `find-${Date.now().toString(36)}-${process.pid}.rax-test.com`;
    const d = await client.domains.create({ name, emailAddress: "hostmaster@rax-test.com" });
    try {
      await d.addRecords([
        { type: "A", name: `www.${name}`, data: "192.0.2.1" },
        { type: "A", name: `www.${name}`, data: "192.0.2.2" },
      ]);
      const e = await d.findRecord({ type: "A", name: `www.${name}` }).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(DomainRecordNotUnique);
      expect([...((e as DomainRecordNotUnique).values ?? [])].sort()).toEqual(["192.0.2.1", "192.0.2.2"]);
      const one = await d.findRecord({ type: "A", name: `www.${name}`, data: "192.0.2.2" });
      expect(one.data).toBe("192.0.2.2");
    } finally {
      await d.delete();
    }
  });
});
