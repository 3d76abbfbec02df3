import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { designateState } from "../src/designate/model";
import { type RunningEmulator, startEmulator } from "../src/index";
import { ADMIN_AND_DEMO, type V3Login, v3Login } from "./contract-users";

// Designate v2 as `openstack zone …` / `openstack recordset …` (python-designateclient) drive it, over
// plain HTTP: the catalog's `dns` entry, version discovery, 202 PENDING → ACTIVE on the clock, Designate's
// error bodies. Found missing by scripts/emulator-peer-clients.sh (the CLI had no `dns` endpoint).
let emu: RunningEmulator;
let demo: V3Login;
let admin: V3Login;
beforeAll(async () => {
  emu = await startEmulator({ users: ADMIN_AND_DEMO });
  demo = await v3Login(emu.keystoneUrl, "demo");
  admin = await v3Login(emu.keystoneUrl, "admin");
});
afterAll(() => emu.stop());

const call = async (who: V3Login, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${who.publicUrl("dns").replace(/\/$/, "")}${path}`, { method, headers: { "x-auth-token": who.token, "content-type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
};
const later = () => emu.state.clock.advance(designateState(emu.state).timings.delete + 1);

describe("Designate v2 in Keystone v3's catalog", () => {
  it("is listed as dns / designate at a bare root whose version list points at /v2 (keystoneauth's discovery)", async () => {
    const entry = demo.catalog.find((s) => s.type === "dns")!;
    expect(entry.name).toBe("designate");
    expect(new URL(demo.publicUrl("dns")).pathname).toBe("/");
    const versions = (await (await fetch(demo.publicUrl("dns"))).json()) as { versions: Array<{ id: string; status: string; links: Array<{ href: string; rel: string }> }> };
    expect(versions.versions.map((v) => [v.id, v.status])).toEqual([["v2", "SUPPORTED"], ["v2.0", "CURRENT"]]);
    expect(versions.versions[1]!.links.find((l) => l.rel === "self")!.href).toBe(`${demo.publicUrl("dns").replace(/\/$/, "")}/v2`);
    // Rackspace's Cloud DNS keeps its own entry.
    expect(demo.catalog.find((s) => s.type === "rax:dns")!.name).toBe("cloudDNS");
    expect((await fetch(`${demo.publicUrl("dns")}/v2/zones`)).status).toBe(401);
  });

  it("creates a zone 202 PENDING CREATE with Location, its SOA and NS recordsets; ACTIVE / NONE later; one name per Designate", async () => {
    const created = await call(demo, "POST", "/v2/zones", { name: "example.org.", email: "joe@example.org" });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ name: "example.org.", email: "joe@example.org", ttl: 3600, status: "PENDING", action: "CREATE", type: "PRIMARY", project_id: demo.project, version: 1, updated_at: null });
    expect(created.headers.get("location")).toBe(created.body.links.self);
    expect(created.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000000$/);
    const id = created.body.id as string;
    const rs = await call(demo, "GET", `/v2/zones/${id}/recordsets`);
    expect(rs.body.recordsets.map((x: { type: string }) => x.type).sort()).toEqual(["NS", "SOA"]);
    expect(rs.body.recordsets.find((x: { type: string }) => x.type === "SOA").records[0]).toMatch(new RegExp(`^\\S+\\. joe\\.example\\.org\\. ${created.body.serial} 3600 600 86400 3600$`));
    later();
    expect((await call(demo, "GET", `/v2/zones/${id}`)).body).toMatchObject({ status: "ACTIVE", action: "NONE" });
    const filtered = await call(demo, "GET", "/v2/zones?name=example.org.");
    expect(filtered.body.zones.map((z: { id: string }) => z.id)).toEqual([id]);
    expect(filtered.body.metadata).toEqual({ total_count: 1 });
    const dup = await call(admin, "POST", "/v2/zones", { name: "example.org.", email: "x@example.org" });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 409, type: "duplicate_zone", message: "Duplicate Zone" });
    expect((await call(admin, "GET", "/v2/zones")).body.zones).toEqual([]);
    expect((await call(admin, "GET", `/v2/zones/${id}`)).body).toMatchObject({ code: 404, type: "zone_not_found", message: "Could not find Zone" });
  });

  it("refuses bad zones with Designate's 400s before creating anything", async () => {
    const relative = await call(demo, "POST", "/v2/zones", { name: "nodot", email: "a@b.example" });
    expect(relative.status).toBe(400);
    // Worded as real Designate 15 answered (checked against scripts/openstack's Designate).
    expect(relative.body).toMatchObject({ code: 400, type: "invalid_object", message: "Provided object is not valid. Got a ValueError error with message Domain nodot does not end with a dot" });
    expect((await call(demo, "POST", "/v2/zones", { name: "tld.", email: "a@b.example" })).body).toMatchObject({ type: "invalid_zone_name", message: "More than one label is required" });
    expect((await call(demo, "POST", "/v2/zones", { name: "noemail.example." })).body.errors.errors).toEqual([{ path: ["type", "email"], message: "'email' is a required property", validator: "required", validator_value: "email" }]);
    expect((await call(demo, "POST", "/v2/zones", { name: "x.example.", email: "a@b.example", foo: 1 })).body.message).toBe("Provided object does not match schema. Keys ['foo'] are not valid for zone");
    expect((await call(demo, "POST", "/v2/zones", { name: "x.example.", email: "a@b.example", ttl: -1 })).body.message).toBe("Provided object is not valid. Got a ValueError error with message Value must be >= 0 for field ttl");
    expect((await call(demo, "POST", "/v2/zones", { name: "x.example.", email: "bad" })).body.message).toBe("Provided object is not valid. Got a ValueError error with message bad is not an email");
    expect((await call(demo, "GET", "/v2/zones/not-a-uuid")).body).toMatchObject({ code: 400, type: "invalid_uuid", message: "Invalid UUID zone_id: not-a-uuid" });
    expect((await call(demo, "GET", "/v2/zones?name=nodot")).body.zones).toEqual([]);
  });

  it("recordsets: relative names refused, 202 create / update / delete, CNAME rules, SOA and apex NS managed; each change bumps the serial", async () => {
    const zone = (await call(demo, "POST", "/v2/zones", { name: "rs.example.", email: "h@rs.example" })).body;
    later();
    const base = `/v2/zones/${zone.id}/recordsets`;
    expect((await call(demo, "POST", base, { name: "www", type: "A", records: ["192.0.2.1"] })).body.message).toBe("Provided object is not valid. Got a ValueError error with message Host name www does not end with a dot");
    const www = await call(demo, "POST", base, { name: "www.rs.example.", type: "A", records: ["192.0.2.1", "192.0.2.2"] });
    expect(www.status).toBe(202);
    expect(www.body).toMatchObject({ zone_id: zone.id, zone_name: "rs.example.", name: "www.rs.example.", records: ["192.0.2.1", "192.0.2.2"], ttl: null, status: "PENDING", action: "CREATE" });
    const afterCreate = (await call(demo, "GET", `/v2/zones/${zone.id}`)).body;
    expect(afterCreate.serial).toBeGreaterThan(zone.serial);
    expect(afterCreate).toMatchObject({ status: "PENDING", action: "UPDATE" });
    expect((await call(demo, "POST", base, { name: "www.rs.example.", type: "A", records: ["192.0.2.3"] })).body).toMatchObject({ code: 409, type: "duplicate_recordset" });
    expect((await call(demo, "POST", base, { name: "www.rs.example.", type: "CNAME", records: ["rs.example."] })).body.message).toBe("CNAME recordsets may not share a name with any other records");
    expect((await call(demo, "POST", base, { name: "rs.example.", type: "CNAME", records: ["x.example."] })).body.message).toBe("CNAME recordsets may not be created at the zone apex");
    expect((await call(demo, "POST", base, { name: "www.other.example.", type: "A", records: ["192.0.2.1"] })).body.type).toBe("invalid_recordset_location");
    expect((await call(demo, "POST", base, { name: "bad.rs.example.", type: "A", records: ["300.1.1.1"] })).body.errors.errors).toEqual([{ path: ["records", 0], message: "'300.1.1.1' is not a 'A' Record", validator: "format", validator_value: ["A"] }]);
    expect((await call(demo, "POST", base, { name: "t.rs.example.", type: "FOO", records: ["x"] })).body.errors.errors[0]).toMatchObject({ path: ["recordset", "type"], message: "'FOO' is not a valid record type" });
    expect((await call(demo, "POST", base, { name: "rs.example.", type: "SOA", records: ["x"] })).body.errors.errors[0].message).toBe("'x' is not a 'SOA' Record");
    // Nothing to push: a recordset without records is 201 and ACTIVE at once.
    const empty = await call(demo, "POST", base, { name: "empty.rs.example.", type: "A" });
    expect([empty.status, empty.body.status, empty.body.action, empty.body.records]).toEqual([201, "ACTIVE", "NONE", []]);
    const ns = (await call(demo, "GET", `${base}?type=NS`)).body.recordsets[0];
    expect((await call(demo, "PUT", `${base}/${ns.id}`, { records: ["ns9.example."] })).body.message).toBe("Managed records may not be updated");
    const put = await call(demo, "PUT", `${base}/${www.body.id}`, { records: ["192.0.2.9"], ttl: 300 });
    expect(put.status).toBe(202);
    expect(put.body).toMatchObject({ records: ["192.0.2.9"], ttl: 300, action: "UPDATE", version: 2 });
    later();
    expect((await call(demo, "GET", `${base}/${www.body.id}`)).body).toMatchObject({ status: "ACTIVE", action: "NONE", records: ["192.0.2.9"] });
    const del = await call(demo, "DELETE", `${base}/${www.body.id}`);
    expect(del.status).toBe(202);
    expect(del.body).toMatchObject({ status: "PENDING", action: "DELETE" });
    later();
    expect((await call(demo, "GET", `${base}/${www.body.id}`)).body).toMatchObject({ code: 404, type: "recordset_not_found", message: "Could not find RecordSet" });
    expect((await call(demo, "GET", `/v2/recordsets?zone_id=${zone.id}`)).status).toBe(200);
  });

  it("deletes a zone: 202 PENDING DELETE, then 404; a zone with subzones is refused until they go", async () => {
    const parent = (await call(demo, "POST", "/v2/zones", { name: "parent.example.", email: "h@parent.example" })).body;
    const child = (await call(demo, "POST", "/v2/zones", { name: "child.parent.example.", email: "h@parent.example" })).body;
    later();
    expect((await call(demo, "DELETE", `/v2/zones/${parent.id}`)).body.message).toBe("Please delete any subzones before deleting this zone");
    const gone = await call(demo, "DELETE", `/v2/zones/${child.id}`);
    expect(gone.status).toBe(202);
    expect(gone.body).toMatchObject({ status: "PENDING", action: "DELETE" });
    expect((await call(demo, "PATCH", `/v2/zones/${child.id}`, { ttl: 60 })).body.message).toBe("Can not update a deleting zone");
    later();
    expect((await call(demo, "GET", `/v2/zones/${child.id}`)).status).toBe(404);
    expect((await call(demo, "DELETE", `/v2/zones/${parent.id}`)).status).toBe(202);
  });

  it("pages zone listings by marker with links.next, as designateclient follows them", async () => {
    for (const n of ["p1", "p2", "p3"]) await call(admin, "POST", "/v2/zones", { name: `${n}.page.example.`, email: "a@page.example" });
    const first = (await call(admin, "GET", "/v2/zones?limit=2")).body;
    expect(first.zones).toHaveLength(2);
    expect(first.metadata.total_count).toBe(3);
    const next = new URL(first.links.next as string);
    expect(next.searchParams.get("marker")).toBe(first.zones[1].id);
    const second = (await call(admin, "GET", `/v2/zones${next.search}`)).body;
    // Same-second rows come in id order, as Designate sorts them; the pages still cover each zone once.
    expect([...first.zones, ...second.zones].map((z: { name: string }) => z.name).sort()).toEqual(["p1.page.example.", "p2.page.example.", "p3.page.example."]);
    expect(second.links.next).toBeUndefined();
    expect((await call(admin, "GET", "/v2/zones?limit=0")).body.type).toBe("invalid_limit");
  });
});
