import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emulatorTarget } from "../lib/target";
import * as addDomain from "./add-domain";
import * as addPtrRecords from "./add-ptr-records";
import * as addRecords from "./add-records";
import * as addSubdomains from "./add-subdomains";
import * as combiningActions from "./combining-actions";
import * as deleteDomain from "./delete-domain";
import * as deletePtrRecords from "./delete-ptr-records";
import * as deleteRecord from "./delete-record";
import * as importExport from "./import-export";
import * as iterators from "./iterators";
import * as listDomains from "./list-domains";
import * as listPtrRecords from "./list-ptr-records";
import * as listRecords from "./list-records";
import * as listSubdomains from "./list-subdomains";
import * as paging from "./paging";
import * as pagingSubdomainsRecords from "./paging-subdomains-records";
import * as responseTimeouts from "./response-timeouts";
import * as updateDomain from "./update-domain";
import * as updatePtrRecords from "./update-ptr-records";
import * as updateRecord from "./update-record";

// Every "Cloud DNS" example, run against one emulator, checked for what it promises.
describe("Cloud DNS examples (against @rax/emulator)", () => {
  let target: Awaited<ReturnType<typeof emulatorTarget>>;
  beforeAll(async () => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    target = await emulatorTarget();
  });
  afterAll(async () => {
    await target?.stop();
    vi.restoreAllMocks();
  });

  it("response-timeouts: 5 s / 0.5 s by default, changeable, DNSCallTimedOut then resume", async () => {
    expect(await responseTimeouts.main(target)).toEqual({ defaults: [5000, 500], changed: [10000, 200], timedOut: true, resumed: "COMPLETED" });
  });
  it("list-domains lists the domain and its subdomain, flat", async () => {
    expect(await listDomains.main(target)).toEqual({ listed: true, flat: true });
  });
  it("paging goes 4 at a time to NoMoreResults", async () => {
    const r = await paging.main(target);
    expect(r.pageSizes[0]).toBe(4);
    expect(r.pageSizes.reduce((a, b) => a + b, 0)).toBe(r.all);
    expect(r.all).toBeGreaterThanOrEqual(6);
  });
  it("iterators walk every page", async () => {
    expect(await iterators.main(target)).toEqual({ names: ["example001.edu", "example002.edu", "example003.edu", "example004.edu", "example005.edu"] });
  });
  it("add-domain: TTL and comment kept, name servers assigned, a 60 s TTL refused before sending", async () => {
    expect(await addDomain.main(target)).toEqual({ ttl: 600, comment: "Primary domain for this documentation.", nameservers: 2, refused: "domain.ttl" });
  });
  it("list-subdomains: the same from the domain and from the client", async () => {
    const r = await listSubdomains.main(target);
    expect(r.fromDomain.map((n) => n.split(".")[0])).toEqual(["mail", "www"]);
    expect(r.fromClient).toEqual(r.fromDomain);
  });
  it("list-records: three CNAMEs, the same either way, searchable by name", async () => {
    expect(await listRecords.main(target)).toEqual({ cnames: ["sample001", "sample002", "sample003"], same: true, searched: ["sample002"] });
  });
  it("paging-subdomains-records: 2 + 1 pages of each; the iterators see all", async () => {
    expect(await pagingSubdomainsRecords.main(target)).toEqual({ recordPages: [2, 2, 1], subdomainPages: [2, 1], allRecords: 5, allSubdomains: 3 });
  });
  it("add-records: A with its TTL, MX with its priority; bad data and a missing priority refused", async () => {
    expect(await addRecords.main(target)).toEqual({ added: [["A", 6000, undefined], ["MX", 3600, 50]], refused: ["records.0.data", "records.0.priority"] });
  });
  it("add-subdomains: created like a domain, listed under its parent", async () => {
    expect(await addSubdomains.main(target)).toEqual({ subdomain: "north", listedUnderParent: true });
  });
  it("combining-actions: four subdomains and both records from one call", async () => {
    expect(await combiningActions.main(target)).toEqual({ subdomains: ["north", "southby.southeast", "southeast", "west"], records: ["A", "MX", "NS", "NS"] });
  });
  it("update-domain: TTL and email changed", async () => {
    expect(await updateDomain.main(target)).toEqual({ ttl: 1200, email: "admin@example.edu", reloaded: 1200 });
  });
  it("delete-domain: gone, its subdomain kept", async () => {
    expect(await deleteDomain.main(target)).toEqual({ gone: true, subdomainKept: true });
  });
  it("import-export: BIND in, BIND out", async () => {
    expect(await importExport.main(target)).toEqual({ imported: "same name", records: ["A", "MX", "NS", "NS"], exported: true });
  });
  it("update-record: three ways, TTL and data", async () => {
    expect(await updateRecord.main(target)).toEqual({ ttls: [600, 900, 1200], data: "192.0.2.11" });
  });
  it("delete-record: three ways; the last NS records stay", async () => {
    expect(await deleteRecord.main(target)).toEqual({ left: ["NS", "NS"], lastNsRefused: true });
  });
  it("list-ptr-records: none, then the one added", async () => {
    expect(await listPtrRecords.main(target)).toEqual({ before: 0, after: ["1-2-3-4.abc.example.edu 1.2.3.4 7500"] });
  });
  it("add-ptr-records: IPv4 and IPv6, the same by id", async () => {
    expect(await addPtrRecords.main(target)).toEqual({ added: ["1.2.3.4", "2001:db8::7"], byId: 2 });
  });
  it("update-ptr-records: TTL 9600", async () => {
    expect(await updatePtrRecords.main(target)).toEqual({ ttl: 9600, listed: 9600 });
  });
  it("delete-ptr-records: one, then all", async () => {
    expect(await deletePtrRecords.main(target)).toEqual({ afterOne: ["2001:db8::7"], afterAll: 0 });
  });
});
