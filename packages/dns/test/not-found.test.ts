import { BadRequest, HttpError, NotFound, StaticSession } from "@rax/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @rax/emulator is not a dependency of this package: its source and its tests' login helper.
import { ADMIN_AND_DEMO, type V3Login, v3Login } from "../../emulator/test/contract-users";
import { type RunningEmulator, startEmulator } from "../../emulator/src/index";
import { CloudDNS, DomainRecordNotFound, NoSuchDomain, NoSuchJob } from "../src/index";
import { serve, serveDesignate } from "./fixture";

// What a caller branches on when something is missing is one thing on both backends: the class, and
// `status` / `code` 404. Designate's answer (`zone_not_found`, `recordset_not_found`, 400 `invalid_uuid`)
// used to be the `code` there, while Cloud DNS's is 404; it is kept as the `cause`.

const UUID = "00000000-0000-4000-8000-000000000000";

function expectMissing(e: unknown, cls: typeof NoSuchDomain | typeof DomainRecordNotFound | typeof NoSuchJob): HttpError {
  expect(e).toBeInstanceOf(cls);
  expect(e).toBeInstanceOf(NotFound);
  expect(e).toMatchObject({ status: 404, code: 404 });
  return e as HttpError;
}

describe("not-found errors on canned answers", () => {
  it("Cloud DNS: a 404 (JSON or not) and a find that matched nothing are status and code 404", async () => {
    const { dns } = await serve(
      { method: "GET", path: "/domains/1", status: 404, body: { message: "Not Found", code: 404, details: "Domain ID 1 not found" } },
      { method: "GET", path: "/domains/5/records/A-9", status: 404, body: "<html><body>Not Found</body></html>", headers: { "content-type": "text/html" } },
      { method: "GET", path: "/status/j-9", status: 404, body: { message: "Not Found", code: 404 } },
      { method: "GET", path: "/domains", body: { domains: [], totalEntries: 0 } },
    );
    expectMissing(await dns.domains.get(1).catch((x: unknown) => x), NoSuchDomain);
    expectMissing(await dns.records.get(5, "A-9").catch((x: unknown) => x), DomainRecordNotFound);
    expectMissing(await dns.jobs.get("j-9").catch((x: unknown) => x), NoSuchJob);
    const miss = expectMissing(await dns.domains.find("nothing.edu").catch((x: unknown) => x), NoSuchDomain);
    expect(miss.cause).toBeUndefined();
  });

  it("Designate: zone_not_found, recordset_not_found and invalid_uuid are status and code 404, Designate's answer the cause", async () => {
    const { dns } = await serveDesignate(
      { method: "GET", path: `/v2/zones/${UUID}`, status: 404, body: { code: 404, type: "zone_not_found", message: "Could not find Zone", request_id: "req-1" } },
      { method: "GET", path: `/v2/zones/z-1/recordsets/${UUID}`, status: 404, body: { code: 404, type: "recordset_not_found", message: "Could not find RecordSet" } },
      { method: "GET", path: "/v2/zones/example.edu", status: 400, body: { code: 400, type: "invalid_uuid", message: "Invalid UUID zone_id: example.edu" } },
    );
    const zone = expectMissing(await dns.domains.get(UUID).catch((x: unknown) => x), NoSuchDomain);
    expect(zone.cause).toBeInstanceOf(NotFound);
    expect(zone.cause).toMatchObject({ status: 404, code: "zone_not_found" });
    const rec = expectMissing(await dns.records.get("z-1", UUID).catch((x: unknown) => x), DomainRecordNotFound);
    expect(rec.cause).toMatchObject({ status: 404, code: "recordset_not_found" });
    const byName = expectMissing(await dns.domains.get("example.edu").catch((x: unknown) => x), NoSuchDomain);
    expect(byName.cause).toBeInstanceOf(BadRequest);
    expect(byName.cause).toMatchObject({ status: 400, code: "invalid_uuid" });
    // The message still says what the server answered to which request.
    expect(byName.message).toMatch(/^No such domain: example\.edu \(HTTP 400; GET /);
  });
});

// The emulator serves both dialects to one Keystone v3 login: Cloud DNS as `rax:dns`, Designate v2 as `dns`.
describe("not-found errors against the emulator, both backends", () => {
  let emu: RunningEmulator;
  let demo: V3Login;
  const client = (type: string, backend: "rackspace" | "designate") =>
    new CloudDNS(new StaticSession({ token: demo.token, endpoint: demo.publicUrl(type) }), { backend, jobDelay: 10 });
  beforeAll(async () => {
    emu = await startEmulator({ users: ADMIN_AND_DEMO });
    demo = await v3Login(emu.keystoneUrl, "demo");
  });
  afterAll(async () => {
    await emu?.stop();
  });

  for (const [type, backend, missingId] of [["rax:dns", "rackspace", "999999999"], ["dns", "designate", UUID]] as const) {
    it(`${backend}: a missing domain and a missing record are status and code 404, by id and by find`, async () => {
      const dns = client(type, backend);
      expectMissing(await dns.domains.get(missingId).catch((x: unknown) => x), NoSuchDomain);
      expectMissing(await dns.domains.find(`none-${backend}.example.edu`).catch((x: unknown) => x), NoSuchDomain);
      const d = await dns.domains.create({ name: `nf-${backend}.example.edu`, emailAddress: "hostmaster@example.edu" });
      const missingRecord = backend === "designate" ? UUID : "A-999999";
      expectMissing(await dns.records.get(d.id, missingRecord).catch((x: unknown) => x), DomainRecordNotFound);
      expectMissing(await dns.records.find(d.id, { type: "A", name: `www.nf-${backend}.example.edu` }).catch((x: unknown) => x), DomainRecordNotFound);
      // A domain name where an id goes (Designate: 400 invalid_uuid) is no such domain on both.
      expectMissing(await dns.domains.get(`nf-${backend}.example.edu`).catch((x: unknown) => x), NoSuchDomain);
    });
  }
});
