import { afterAll, describe, expect, it, vi } from "vitest";
import * as addDomain from "../../examples/dns/add-domain";
import * as addRecords from "../../examples/dns/add-records";
import * as addSubdomains from "../../examples/dns/add-subdomains";
import * as combiningActions from "../../examples/dns/combining-actions";
import * as importExport from "../../examples/dns/import-export";
import * as listRecords from "../../examples/dns/list-records";
import * as listSubdomains from "../../examples/dns/list-subdomains";
import * as updateDomain from "../../examples/dns/update-domain";
import * as updateRecord from "../../examples/dns/update-record";
import type { ExampleTarget } from "../../examples/lib/target";
import { startDesignateTarget } from "./designate-target";

// The "Cloud DNS" examples whose calls Designate has, run against real Designate as a user would run
// them (the client's defaults). PTR, offset paging and job resumption are Cloud DNS only (README).
const dns = await startDesignateTarget();

afterAll(async () => {
  vi.restoreAllMocks();
  await dns.close();
});

describe.skipIf(dns.skipReason !== undefined)(`Cloud DNS examples against real Designate${dns.skipReason ? ` — skipped: ${dns.skipReason}` : ""}`, () => {
  const target = (): ExampleTarget => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    const t = dns.target!;
    return { ctx: t.ctx, region: t.region, kind: "cloud", stop: async () => undefined };
  };

  it("add-domain", async () => {
    expect(await addDomain.main(target())).toMatchObject({ ttl: 600, comment: "Primary domain for this documentation.", refused: "domain.ttl" });
  });
  it("add-subdomains", async () => {
    expect(await addSubdomains.main(target())).toEqual({ subdomain: "north", listedUnderParent: true });
  });
  it("list-subdomains", async () => {
    const r = await listSubdomains.main(target());
    expect(r.fromDomain.map((n) => n.split(".")[0]).sort()).toEqual(["mail", "www"]);
  });
  it("combining-actions (Designate adds its own SOA and NS recordsets)", async () => {
    const r = await combiningActions.main(target());
    expect(r.subdomains).toEqual(["north", "southby.southeast", "southeast", "west"]);
    expect(r.records).toEqual(expect.arrayContaining(["A", "MX", "NS"]));
  });
  it("add-records", async () => {
    expect(await addRecords.main(target())).toEqual({ added: [["A", 6000, undefined], ["MX", undefined, 50]], refused: ["records.0.data", "records.0.priority"] });
  });
  it("list-records", async () => {
    expect(await listRecords.main(target())).toEqual({ cnames: ["sample001", "sample002", "sample003"], same: true, searched: ["sample002"] });
  });
  it("update-record", async () => {
    expect(await updateRecord.main(target())).toEqual({ ttls: [600, 900, 1200], data: "192.0.2.11" });
  });
  it("update-domain", async () => {
    expect(await updateDomain.main(target())).toEqual({ ttl: 1200, email: "admin@example.edu", reloaded: 1200 });
  });
  // delete-domain keeps a subdomain while its parent goes, which Cloud DNS allows and Designate refuses
  // (400 "Please delete any subzones before deleting this zone"; DIFFERENCES.md): not run here.
  it("import-export", async () => {
    const r = await importExport.main(target());
    expect(r).toMatchObject({ imported: "same name", exported: true });
    expect(r.records).toEqual(expect.arrayContaining(["A", "MX"]));
  });
});
