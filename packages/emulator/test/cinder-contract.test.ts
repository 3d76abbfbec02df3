import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../src/index";
import { ADMIN_AND_DEMO, v3Login, type Who } from "./contract-users";

// Cinder v3 as a contract test sees it: raw HTTP over the emulator's Keystone v3, with an admin
// (admin role in project admin) and a member (demo). The expected answers are what real Cinder
// (2023.x, fake driver) gave to the same requests in tests/integration/cinder-parity.test.ts.

let emu: RunningEmulator;
const base = {} as Record<Who, string>;
const token = {} as Record<Who, string>;
const project = {} as Record<Who, string>;

async function login(who: Who) {
  const l = await v3Login(emu.keystoneUrl, who);
  token[who] = l.token;
  project[who] = l.project;
  base[who] = l.publicUrl("volumev3");
}

beforeAll(async () => {
  emu = await startEmulator({
    users: ADMIN_AND_DEMO,
  });
  await login("admin");
  await login("demo");
});
afterAll(async () => {
  await emu?.stop();
});

async function call(who: Who, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const url = path.startsWith("http") ? path : `${base[who]}${path}`;
  const res = await fetch(url, { method, headers: { "x-auth-token": token[who], accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers }, ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as any };
}
const settle = () => emu.state.clock.advance(5000);
const root = () => base.demo.replace(/\/v3\/[^/]+$/, "");
async function volume(who: Who, extra: object = {}) {
  const res = await call(who, "POST", "/volumes", { volume: { size: 1, ...extra } });
  expect(res.status).toBe(202);
  settle();
  return res.body.volume as { id: string; [k: string]: unknown };
}

describe("Cinder v3 contract (emulator)", () => {
  it("version discovery: GET / (300) and /v3/ (200) carry the v3 microversion range", async () => {
    const top = await fetch(`${root()}/`);
    expect(top.status).toBe(300);
    const doc = ((await top.json()) as { versions: Array<Record<string, unknown>> }).versions[0]!;
    expect(doc).toMatchObject({ id: "v3.0", status: "CURRENT", version: "3.70", min_version: "3.0" });
    expect(doc.links).toContainEqual({ rel: "self", href: `${root()}/v3/` });
    const v3 = await fetch(`${root()}/v3/`);
    expect(v3.status).toBe(200);
    expect(v3.headers.get("openstack-api-version")).toBe("volume 3.0");
    expect(((await v3.json()) as { versions: unknown[] }).versions).toHaveLength(1);
  });

  it("microversions: 3.0 by default, echoed when asked, latest is 3.70, too high or not 3 → 406, malformed → 400", async () => {
    const plain = await call("demo", "GET", "/types");
    expect([plain.status, plain.headers.get("openstack-api-version"), plain.headers.get("vary")]).toEqual([200, "volume 3.0", "OpenStack-API-Version"]);
    expect((await call("demo", "GET", "/types", undefined, { "openstack-api-version": "volume 3.59" })).headers.get("openstack-api-version")).toBe("volume 3.59");
    expect((await call("demo", "GET", "/types", undefined, { "openstack-api-version": "volume latest" })).headers.get("openstack-api-version")).toBe("volume 3.70");
    const high = await call("demo", "GET", "/types", undefined, { "openstack-api-version": "volume 3.999" });
    expect([high.status, high.body]).toEqual([406, { computeFault: { code: 406, message: "Version 3.999 is not supported by the API. Minimum is 3.0 and maximum is 3.70." } }]);
    expect(high.headers.get("openstack-api-version")).toBe("volume 3.999");
    const two = await call("demo", "GET", "/types", undefined, { "openstack-api-version": "volume 2.0" });
    expect([two.status, two.headers.get("openstack-api-version")]).toEqual([406, null]);
    const bad = await call("demo", "GET", "/types", undefined, { "openstack-api-version": "volume three" });
    expect([bad.status, bad.body]).toEqual([400, { badRequest: { code: 400, message: "API Version String three is of invalid format. Must be of format MajorNum.MinorNum." } }]);
  });

  it("volumes: 202 create of any size ≥ 1 on __DEFAULT__, Cinder's view keys, names null when not given", async () => {
    const res = await call("demo", "POST", "/volumes", { volume: { size: 1, colour: "ignored" } });
    expect(res.status).toBe(202);
    const v = res.body.volume;
    expect(Object.keys(v).sort()).toEqual(
      ["attachments", "availability_zone", "bootable", "consistencygroup_id", "created_at", "description", "encrypted", "id", "links", "metadata", "multiattach", "name", "replication_status", "size", "snapshot_id", "source_volid", "status", "updated_at", "user_id", "volume_type"].sort(),
    );
    expect(v).toMatchObject({ status: "creating", size: 1, name: null, description: null, volume_type: "__DEFAULT__", bootable: "false", updated_at: null });
    expect(v.links).toEqual([
      { rel: "self", href: `${base.demo}/volumes/${v.id}` },
      { rel: "bookmark", href: `${root()}/${project.demo}/volumes/${v.id}` },
    ]);
    settle();
    const shown = (await call("demo", "GET", `/volumes/${v.id}`)).body.volume;
    expect(shown).toMatchObject({ status: "available", "os-vol-tenant-attr:tenant_id": project.demo });
    expect(shown.updated_at).toEqual(expect.any(String));
    expect(shown).not.toHaveProperty("os-vol-host-attr:host");
    const asAdmin = (await call("admin", "GET", `/volumes/${v.id}`)).body.volume;
    expect(asAdmin).toMatchObject({ migration_status: null, "os-vol-host-attr:host": expect.any(String), "os-vol-mig-status-attr:migstat": null });
  });

  it("validation: size 0, negative or a word, no size, no volume, bad JSON, unknown type, over quota", async () => {
    const cases: Array<[unknown, number, string]> = [
      [{ volume: { size: 0 } }, 400, "Invalid input for field/attribute size. Value: 0. 0 is less than the minimum of 1"],
      [{ volume: { size: -3 } }, 400, "Invalid input for field/attribute size. Value: -3. -3 is less than the minimum of 1"],
      [{ volume: { size: "two" } }, 400, "Invalid input for field/attribute size. Value: two. 'two' does not match '^[0-9]+$'"],
      [{ volume: { name: "no size" } }, 400, "The server could not comply with the request since it is either malformed or otherwise incorrect."],
      [{ notvolume: {} }, 400, "'volume' is a required property"],
      ["{not json", 400, "Malformed request body"],
      [{ volume: { size: 1, volume_type: "no-such-type" } }, 404, "Volume type with name no-such-type could not be found."],
    ];
    for (const [body, status, message] of cases) {
      const res = await call("demo", "POST", "/volumes", body);
      expect([res.status, res.body], JSON.stringify(body)).toEqual([status, { [status === 404 ? "itemNotFound" : "badRequest"]: { code: status, message } }]);
    }
    const big = await call("demo", "POST", "/volumes", { volume: { size: 100000 } });
    expect(big.status).toBe(413);
    expect(big.body.overLimit).toMatchObject({ code: 413, retryAfter: "0" });
    expect(big.body.overLimit.message).toMatch(/^VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota\. Requested 100000G, quota is 1000G/);
    const v = await volume("demo");
    const extra = await call("demo", "PUT", `/volumes/${v.id}`, { volume: { colour: "blue" } });
    expect([extra.status, extra.body.badRequest?.message]).toEqual([400, "Invalid input for field/attribute volume. Value: {'colour': 'blue'}. Additional properties are not allowed ('colour' was unexpected)"]);
    expect((await call("demo", "PUT", `/volumes/${v.id}`, { volume: {} })).status).toBe(200);
    const missing = await call("demo", "GET", "/volumes/00000000-0000-4000-8000-000000000000");
    expect([missing.status, missing.body]).toEqual([404, { itemNotFound: { code: 404, message: "Volume 00000000-0000-4000-8000-000000000000 could not be found." } }]);
  });

  it("listing: metadata and status filters, sort (both spellings), limit/marker with volumes_links, bad paging", async () => {
    const run = { run: "listing" };
    for (const name of ["la", "lb", "lc"]) await volume("demo", { name, metadata: run });
    const filter = encodeURIComponent(JSON.stringify(run));
    const names = async (q: string) => ((await call("demo", "GET", `/volumes/detail?metadata=${filter}${q}`)).body.volumes as Array<{ name: string }>).map((x) => x.name);
    expect(await names("")).toEqual(["lc", "lb", "la"]);
    expect(await names("&sort=name:asc")).toEqual(["la", "lb", "lc"]);
    expect(await names("&sort_key=name&sort_dir=desc&status=available")).toEqual(["lc", "lb", "la"]);
    expect(await names("&status=error")).toEqual([]);
    const first = (await call("demo", "GET", `/volumes/detail?metadata=${filter}&sort=name:asc&limit=2`)).body;
    expect(first.volumes.map((x: { name: string }) => x.name)).toEqual(["la", "lb"]);
    expect(first.volumes_links).toEqual([{ rel: "next", href: expect.stringContaining(`marker=${first.volumes[1].id}`) }]);
    const rest = (await call("demo", "GET", `/volumes/detail?metadata=${filter}&sort=name:asc&limit=2&marker=${first.volumes[1].id}`)).body;
    expect(rest.volumes.map((x: { name: string }) => x.name)).toEqual(["lc"]);
    expect(rest).not.toHaveProperty("volumes_links");
    expect((await call("demo", "GET", "/volumes?name=lb")).body.volumes.map((x: { name: string }) => x.name)).toEqual(["lb"]);
    expect((await call("demo", "GET", "/volumes?marker=00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await call("demo", "GET", "/volumes?limit=-1")).body).toEqual({ badRequest: { code: 400, message: "limit param must be positive" } });
    expect((await call("demo", "GET", "/volumes?sort=colour:asc")).body).toEqual({ badRequest: { code: 400, message: "Invalid input received: Invalid sort key" } });
    const counted = (await call("demo", "GET", `/volumes?metadata=${filter}&with_count=true&limit=1`, undefined, { "openstack-api-version": "volume 3.45" })).body;
    expect(counted.count).toBe(3);
  });

  it("projects: demo cannot see or delete admin's volume (404); admin reads demo's and lists all_tenants; demo's all_tenants is ignored", async () => {
    const mine = await volume("admin", { name: "adm", metadata: { run: "tenants" } });
    const theirs = await volume("demo", { name: "dem", metadata: { run: "tenants" } });
    expect((await call("demo", "GET", `/volumes/${mine.id}`)).status).toBe(404);
    expect((await call("demo", "DELETE", `/volumes/${mine.id}`)).status).toBe(404);
    expect((await call("admin", "GET", `/volumes/${theirs.id}`)).status).toBe(200);
    const filter = encodeURIComponent(JSON.stringify({ run: "tenants" }));
    const list = async (who: Who, q: string) => ((await call(who, "GET", `/volumes/detail?metadata=${filter}&sort=name:asc${q}`)).body.volumes as Array<{ name: string }>).map((x) => x.name);
    expect(await list("admin", "&all_tenants=1")).toEqual(["adm", "dem"]);
    expect(await list("admin", "")).toEqual(["adm"]);
    expect(await list("demo", "&all_tenants=1")).toEqual(["dem"]);
    // Real Cinder reads an admin's all_tenants on volumes as a strict boolean (oslo's true/false spellings, any case).
    expect(await list("admin", "&all_tenants=TRUE")).toEqual(["adm", "dem"]);
    expect(await list("admin", "&all_tenants=no")).toEqual(["adm"]);
    for (const path of ["/volumes?all_tenants=foo", "/volumes?all_tenants="]) {
      const value = path.split("=")[1];
      expect((await call("admin", "GET", path)).body).toEqual({ badRequest: { code: 400, message: `Value '${value}' for 'all_tenants' is not a boolean.` } });
      expect((await call("demo", "GET", path)).status).toBe(200);
    }
    expect((await call("admin", "GET", "/volumes/summary?all_tenants=foo", undefined, { "openstack-api-version": "volume 3.12" })).status).toBe(400);
    const other = await call("demo", "GET", `${root()}/v3/${project.admin}/volumes`);
    expect(other.status).toBe(400);
    expect(Object.keys(other.body)).toEqual(["badRequest"]);
  });

  it("projects, snapshots: admin reads demo's snapshot by id until its delete lands, lists it with all_tenants only, and may delete it; demo cannot see admin's", async () => {
    const v = await volume("demo");
    const made = await call("demo", "POST", "/snapshots", { snapshot: { volume_id: v.id, name: "theirs", metadata: { run: "snap-tenants" } } });
    expect(made.status).toBe(202);
    const s = made.body.snapshot as { id: string };
    // While it is still being made, too: an admin's wait for it must see what the owner sees.
    expect((await call("admin", "GET", `/snapshots/${s.id}`)).body.snapshot).toMatchObject({ status: "creating", "os-extended-snapshot-attributes:project_id": project.demo });
    settle();
    expect((await call("admin", "GET", `/snapshots/${s.id}`)).body.snapshot.status).toBe("available");
    const names = async (who: Who, q: string) => ((await call(who, "GET", `/snapshots/detail?sort=display_name:asc${q}`)).body.snapshots as Array<{ name: string }>).map((x) => x.name).filter((n) => n === "theirs" || n === "mine");
    const av = await volume("admin");
    const mine = await call("admin", "POST", "/snapshots", { snapshot: { volume_id: av.id, name: "mine" } });
    expect(mine.status).toBe(202);
    settle();
    expect(await names("admin", "&all_tenants=1")).toEqual(["mine", "theirs"]);
    expect(await names("admin", "")).toEqual(["mine"]);
    expect(await names("demo", "&all_tenants=1")).toEqual(["theirs"]);
    // On snapshots it is a lenient one: anything but a true spelling (even "foo") is false.
    expect(await names("admin", "&all_tenants=YES")).toEqual(["mine", "theirs"]);
    expect(await names("admin", "&all_tenants=foo")).toEqual(["mine"]);
    expect(await names("admin", `&all_tenants=1&project_id=${project.demo}`)).toEqual(["theirs"]);
    expect((await call("demo", "GET", `/snapshots/${mine.body.snapshot.id}`)).status).toBe(404);
    expect((await call("admin", "PUT", `/snapshots/${s.id}`, { snapshot: { description: "by admin" } })).body.snapshot.description).toBe("by admin");
    expect((await call("admin", "GET", `/snapshots/${s.id}/metadata`)).body).toEqual({ metadata: { run: "snap-tenants" } });
    expect((await call("admin", "DELETE", `/snapshots/${s.id}`)).status).toBe(202);
    // Deleting is a state both see; the row is gone for both only when the delete lands.
    expect((await call("admin", "GET", `/snapshots/${s.id}`)).body.snapshot.status).toBe("deleting");
    expect((await call("demo", "GET", `/snapshots/${s.id}`)).body.snapshot.status).toBe("deleting");
    settle();
    for (const who of ["admin", "demo"] as const) expect((await call(who, "GET", `/snapshots/${s.id}`)).body).toEqual({ itemNotFound: { code: 404, message: `Snapshot ${s.id} could not be found.` } });
  });

  it("volume metadata: show, merge, replace, key show/put/delete and Cinder's errors", async () => {
    const v = await volume("demo", { metadata: { k: "v" } });
    const at = `/volumes/${v.id}/metadata`;
    expect((await call("demo", "POST", at, { metadata: { extra: "1" } })).body).toEqual({ metadata: { k: "v", extra: "1" } });
    expect((await call("demo", "PUT", at, { metadata: { only: "this" } })).body).toEqual({ metadata: { only: "this" } });
    expect((await call("demo", "GET", `${at}/only`)).body).toEqual({ meta: { only: "this" } });
    expect((await call("demo", "GET", `${at}/nope`)).body).toEqual({ itemNotFound: { code: 404, message: `Volume ${v.id} has no metadata with key nope.` } });
    expect((await call("demo", "PUT", `${at}/only`, { meta: { only: "that" } })).body).toEqual({ meta: { only: "that" } });
    expect((await call("demo", "PUT", `${at}/only`, { meta: { other: "x" } })).body).toEqual({ badRequest: { code: 400, message: "Request body and URI mismatch" } });
    expect((await call("demo", "PUT", `${at}/only`, { meta: { only: "a", two: "b" } })).body.badRequest.message).toBe("Invalid input for field/attribute meta. Value: {'only': 'a', 'two': 'b'}. {'only': 'a', 'two': 'b'} has too many properties");
    expect((await call("demo", "POST", at, { metadata: "nope" })).body.badRequest.message).toBe("Invalid input for field/attribute metadata. Value: nope. 'nope' is not of type 'object'");
    const gone = await call("demo", "DELETE", `${at}/only`);
    expect([gone.status, gone.headers.get("content-type")]).toEqual([200, "text/html; charset=UTF-8"]);
    expect((await call("demo", "DELETE", `${at}/only`)).status).toBe(404);
    expect((await call("demo", "GET", at)).body).toEqual({ metadata: {} });
  });

  it("snapshots: create needs volume_id, show/list/detail views, update, a volume with snapshots stays, delete → 404", async () => {
    const v = await volume("demo");
    expect((await call("demo", "POST", "/snapshots", { snapshot: { name: "s" } })).body.badRequest.message).toBe("Invalid input for field/attribute snapshot. Value: {'name': 's'}. 'volume_id' is a required property");
    expect((await call("demo", "POST", "/snapshots", { snapshot: { volume_id: "00000000-0000-4000-8000-000000000000" } })).status).toBe(404);
    const made = await call("demo", "POST", "/snapshots", { snapshot: { volume_id: v.id, name: "s", metadata: { a: "1" } } });
    expect(made.status).toBe(202);
    expect(made.body.snapshot).not.toHaveProperty("os-extended-snapshot-attributes:progress");
    settle();
    const s = made.body.snapshot as { id: string };
    expect((await call("demo", "GET", `/snapshots/${s.id}`)).body.snapshot).toMatchObject({ status: "available", "os-extended-snapshot-attributes:progress": "100%", "os-extended-snapshot-attributes:project_id": project.demo });
    expect((await call("demo", "GET", "/snapshots")).body.snapshots[0]).not.toHaveProperty("os-extended-snapshot-attributes:progress");
    expect((await call("demo", "GET", "/snapshots/detail")).body.snapshots[0]).toHaveProperty("os-extended-snapshot-attributes:progress");
    expect((await call("demo", "GET", `/snapshots/${s.id}`, undefined, { "openstack-api-version": "volume 3.65" })).body.snapshot).toMatchObject({ group_snapshot_id: null, user_id: expect.any(String), consumes_quota: true });
    expect((await call("demo", "PUT", `/snapshots/${s.id}`, { snapshot: { name: "s2" } })).body.snapshot.name).toBe("s2");
    expect((await call("demo", "DELETE", `/volumes/${v.id}`)).status).toBe(400);
    const del = await call("demo", "DELETE", `/snapshots/${s.id}`);
    expect([del.status, del.headers.get("content-type")]).toEqual([202, "text/html; charset=UTF-8"]);
    settle();
    expect((await call("demo", "GET", `/snapshots/${s.id}`)).body).toEqual({ itemNotFound: { code: 404, message: `Snapshot ${s.id} could not be found.` } });
  });

  it("volume types: __DEFAULT__ listed; admin creates (200, 409 again), sets and deletes extra specs, deletes (202); demo 403 and sees no specs", async () => {
    expect((await call("demo", "GET", "/types")).body.volume_types.map((t: { name: string }) => t.name)).toContain("__DEFAULT__");
    const spec = { volume_type: { name: "gold", description: "parity type", extra_specs: { volume_backend_name: "x" } } };
    expect((await call("demo", "POST", "/types", spec)).body).toEqual({ forbidden: { code: 403, message: "Policy doesn't allow volume_extension:type_create to be performed." } });
    const made = await call("admin", "POST", "/types", spec);
    expect(made.status).toBe(200);
    const t = made.body.volume_type;
    expect(t).toEqual({ id: expect.any(String), name: "gold", is_public: true, description: "parity type", extra_specs: { volume_backend_name: "x" }, "os-volume-type-access:is_public": true });
    expect((await call("admin", "POST", "/types", spec)).body).toEqual({ conflictingRequest: { code: 409, message: "Volume Type gold already exists." } });
    expect((await call("demo", "GET", `/types/${t.id}`)).body.volume_type.extra_specs).toEqual({});
    expect((await call("admin", "POST", `/types/${t.id}/extra_specs`, { extra_specs: { k2: "v2" } })).body).toEqual({ extra_specs: { k2: "v2" } });
    expect((await call("admin", "GET", `/types/${t.id}/extra_specs`)).body).toEqual({ extra_specs: { volume_backend_name: "x", k2: "v2" } });
    expect((await call("admin", "GET", `/types/${t.id}/extra_specs/k2`)).body).toEqual({ k2: "v2" });
    expect((await call("admin", "DELETE", `/types/${t.id}/extra_specs/k2`)).status).toBe(202);
    expect((await call("demo", "DELETE", `/types/${t.id}`)).status).toBe(403);
    const typed = await volume("demo", { volume_type: "gold" });
    expect(typed.volume_type).toBe("gold");
    expect((await call("demo", "GET", `/volumes/${typed.id}`, undefined, { "openstack-api-version": "volume 3.63" })).body.volume.volume_type_id).toBe(t.id);
    expect((await call("admin", "DELETE", `/types/${t.id}`)).status).toBe(400);
    await call("demo", "DELETE", `/volumes/${typed.id}`);
    settle();
    expect((await call("admin", "DELETE", `/types/${t.id}`)).status).toBe(202);
    expect((await call("admin", "GET", `/types/${t.id}`)).body).toEqual({ itemNotFound: { code: 404, message: `Volume type ${t.id} could not be found.` } });
  });

  it("quota sets and limits: show, defaults, usage; admin updates, demo 403, bad values 400", async () => {
    const q = (await call("demo", "GET", `/os-quota-sets/${project.demo}/defaults`)).body.quota_set;
    expect(q).toEqual({ id: project.demo, volumes: 10, per_volume_gigabytes: -1, snapshots: 10, gigabytes: 1000, backups: 10, backup_gigabytes: 1000, volumes___DEFAULT__: -1, gigabytes___DEFAULT__: -1, snapshots___DEFAULT__: -1, groups: 10 });
    const usage = (await call("admin", "GET", `/os-quota-sets/${project.admin}?usage=true`)).body.quota_set;
    expect(usage.volumes).toEqual({ limit: 10, in_use: expect.any(Number), reserved: 0 });
    expect((await call("demo", "PUT", `/os-quota-sets/${project.demo}`, { quota_set: { volumes: 20 } })).body).toEqual({ forbidden: { code: 403, message: "Policy doesn't allow volume_extension:quotas:update to be performed." } });
    expect((await call("admin", "PUT", `/os-quota-sets/${project.demo}`, { quota_set: { snapshots: "lots" } })).body).toEqual({ badRequest: { code: 400, message: "snapshots must be an integer" } });
    const set = await call("admin", "PUT", `/os-quota-sets/${project.demo}`, { quota_set: { snapshots: 12 } });
    expect([set.status, set.body.quota_set.snapshots, set.body.quota_set.id]).toEqual([200, 12, undefined]);
    expect((await call("demo", "GET", `/os-quota-sets/${project.demo}`)).body.quota_set.snapshots).toBe(12);
    const limits = (await call("demo", "GET", "/limits")).body.limits;
    expect(limits.rate).toEqual([]);
    expect(Object.keys(limits.absolute).sort()).toEqual(["maxTotalBackupGigabytes", "maxTotalBackups", "maxTotalSnapshots", "maxTotalVolumeGigabytes", "maxTotalVolumes", "totalBackupGigabytesUsed", "totalBackupsUsed", "totalGigabytesUsed", "totalSnapshotsUsed", "totalVolumesUsed"]);
    expect(limits.absolute.maxTotalSnapshots).toBe(12);
  });

  it("actions: extend (bigger only), readonly and bootable flags, admin-only reset-status and force-delete", async () => {
    const v = await volume("demo");
    const act = (who: Who, body: object) => call(who, "POST", `/volumes/${v.id}/action`, body);
    const ext = await act("demo", { "os-extend": { new_size: 3 } });
    expect([ext.status, ext.headers.get("content-type")]).toEqual([202, "application/json"]);
    settle();
    expect((await act("demo", { "os-extend": { new_size: 2 } })).body.badRequest.message).toBe("Invalid input received: New size for extend must be greater than current size. (current: 3, extended: 2).");
    expect((await act("demo", { "os-extend": { new_size: "x" } })).body.badRequest.message).toBe("Invalid input for field/attribute new_size. Value: x. 'x' does not match '^[0-9]+$'");
    expect((await act("demo", { "os-update_readonly_flag": { readonly: true } })).status).toBe(202);
    expect((await act("demo", { "os-update_readonly_flag": { readonly: "maybe" } })).status).toBe(400);
    expect((await act("demo", { "os-set_bootable": { bootable: true } })).status).toBe(200);
    expect((await act("demo", { "os-set_bootable": { bootable: "maybe" } })).status).toBe(400);
    expect((await call("demo", "GET", `/volumes/${v.id}`)).body.volume).toMatchObject({ size: 3, bootable: "true", metadata: { readonly: "True" } });
    expect((await act("demo", { "os-reset_status": { status: "error" } })).body).toEqual({ forbidden: { code: 403, message: "Policy doesn't allow volume_extension:volume_admin_actions:reset_status to be performed." } });
    expect((await act("admin", { "os-reset_status": { status: "nonsense" } })).status).toBe(400);
    expect((await act("admin", { "os-reset_status": { status: "error" } })).status).toBe(202);
    expect((await call("demo", "GET", `/volumes/${v.id}`)).body.volume.status).toBe("error");
    expect((await act("demo", { "os-no-such-action": {} })).body.badRequest.message).toBe("There is no such action: os-no-such-action. Verify the request body and Content-Type header and try again.");
    expect((await act("demo", { "os-force_delete": {} })).status).toBe(403);
    expect((await act("admin", { "os-force_delete": {} })).status).toBe(202);
    settle();
    expect((await call("demo", "GET", `/volumes/${v.id}`)).status).toBe(404);
  });
  it("attach flow through Cinder's own actions: reserve → attaching, attach → in-use (admin metadata shown, not in /metadata), detaching and back, detach → available", async () => {
    const v = await volume("demo", { metadata: { user: "1" } });
    const act = (body: object) => call("demo", "POST", `/volumes/${v.id}/action`, body);
    const status = async () => (await call("demo", "GET", `/volumes/${v.id}`)).body.volume as { status: string; attachments: unknown[]; metadata: Record<string, string> };
    expect((await act({ "os-reserve": null })).status).toBe(202);
    expect((await status()).status).toBe("attaching");
    expect((await act({ "os-reserve": null })).body.badRequest.message).toBe("Invalid volume: Volume status must be available to reserve, but the status is attaching.");
    await act({ "os-unreserve": null });
    expect((await status()).status).toBe("available");
    expect((await act({ "os-attach": { mountpoint: "/dev/vdb" } })).body.badRequest.message).toBe("Invalid input for field/attribute os-attach. Value: {'mountpoint': '/dev/vdb'}. {'mountpoint': '/dev/vdb'} is not valid under any of the given schemas");
    expect((await act({ "os-attach": { instance_uuid: "11111111-2222-4333-8444-555555555555", mountpoint: "/dev/vdb", mode: "rw" } })).status).toBe(202);
    const attached = await status();
    expect([attached.status, attached.attachments.length, attached.metadata]).toEqual(["in-use", 1, { user: "1", readonly: "False", attached_mode: "rw" }]);
    expect((await call("demo", "GET", `/volumes/${v.id}/metadata`)).body).toEqual({ metadata: { user: "1" } });
    expect((await call("demo", "DELETE", `/volumes/${v.id}`)).status).toBe(400);
    await act({ "os-begin_detaching": null });
    expect((await status()).status).toBe("detaching");
    await act({ "os-roll_detaching": null });
    expect((await status()).status).toBe("in-use");
    await act({ "os-detach": {} });
    const detached = await status();
    expect([detached.status, detached.attachments, detached.metadata]).toEqual(["available", [], { user: "1", readonly: "False" }]);
  });

  it("volumes/summary (3.12, metadata from 3.36) sums the whole project; /extensions and /os-availability-zone answer", async () => {
    expect((await call("demo", "GET", "/volumes/summary")).status).toBe(404);
    const all = (await call("demo", "GET", "/volumes/detail")).body.volumes as Array<{ size: number }>;
    const sum = (await call("demo", "GET", "/volumes/summary", undefined, { "openstack-api-version": "volume 3.36" })).body["volume-summary"];
    expect([sum.total_count, sum.total_size]).toEqual([all.length, all.reduce((n, v) => n + v.size, 0)]);
    expect(sum.metadata).toEqual(expect.any(Object));
    const ext = (await call("demo", "GET", "/extensions")).body.extensions as Array<Record<string, unknown>>;
    expect(ext.map((e) => e.alias)).toContain("os-volume-actions");
    expect(Object.keys(ext[0]!).sort()).toEqual(["alias", "description", "links", "name", "updated"]);
    expect((await call("demo", "GET", "/os-availability-zone")).body).toEqual({ availabilityZoneInfo: [{ zoneName: "nova", zoneState: { available: true } }] });
  });

  it("a volume whose type names a backend this Cinder lacks goes to error, and /messages says why (filters from 3.5)", async () => {
    const made = await call("admin", "POST", "/types", { volume_type: { name: "nowhere", extra_specs: { volume_backend_name: "nowhere" } } });
    const placed = await call("admin", "POST", "/types", { volume_type: { name: "on-fake", extra_specs: { volume_backend_name: "fake" } } });
    const bad = await volume("admin", { volume_type: "nowhere" });
    const good = await volume("admin", { volume_type: "on-fake" });
    expect((await call("admin", "GET", `/volumes/${bad.id}`)).body.volume.status).toBe("error");
    expect((await call("admin", "GET", `/volumes/${good.id}`)).body.volume.status).toBe("available");
    const v33 = { "openstack-api-version": "volume 3.3" };
    const v35 = { "openstack-api-version": "volume 3.5" };
    const listed = await call("admin", "GET", `/messages?resource_uuid=${bad.id}`, undefined, v35);
    expect(listed.status).toBe(200);
    expect(listed.body.messages).toEqual([
      {
        id: expect.any(String),
        event_id: "VOLUME_VOLUME_001_003",
        user_message: "schedule allocate volume:Could not find any available weighted backend.",
        message_level: "ERROR",
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/),
        guaranteed_until: expect.stringMatching(/^\d{4}-/),
        request_id: expect.stringMatching(/^req-/),
        links: expect.any(Array),
        resource_type: "VOLUME",
        resource_uuid: bad.id,
      },
    ]);
    expect((await call("admin", "GET", `/messages?resource_uuid=${good.id}`, undefined, v35)).body).toEqual({ messages: [] });
    // At 3.3 the filter is not read (as real Cinder): the message comes back for the other volume's id too.
    expect((await call("admin", "GET", `/messages?resource_uuid=${good.id}`, undefined, v33)).body.messages.map((m: { resource_uuid: string }) => m.resource_uuid)).toContain(bad.id);
    // Below 3.3 (and without the header) there is no such resource; another project sees none of them.
    expect((await call("admin", "GET", "/messages")).status).toBe(404);
    expect((await call("demo", "GET", `/messages?resource_uuid=${bad.id}`, undefined, v35)).body).toEqual({ messages: [] });
    const id = listed.body.messages[0].id;
    expect((await call("admin", "GET", `/messages/${id}`, undefined, v33)).body.message.user_message).toContain("weighted backend");
    expect((await call("admin", "DELETE", `/messages/${id}`, undefined, v33)).status).toBe(204);
    expect((await call("admin", "GET", `/messages/${id}`, undefined, v33)).status).toBe(404);
    for (const v of [bad, good]) expect((await call("admin", "DELETE", `/volumes/${v.id}`)).status).toBe(202);
    settle();
    for (const t of [made, placed]) expect((await call("admin", "DELETE", `/types/${t.body.volume_type.id}`)).status).toBe(202);
  });
});
