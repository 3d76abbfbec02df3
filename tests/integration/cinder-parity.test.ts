import { type RunningEmulator, startEmulator } from "@rax/emulator";
import { afterAll, beforeAll, describe, it } from "vitest";
import { ADMIN_AND_DEMO, type Answer, type Side, parityRun, send, shaper, sideOf, type Who } from "./parity-harness";
import { readOpenStackEnv } from "./openstack-target";

// The same raw Cinder v3 requests (fetch, no SDK) to real Cinder (catalog volumev3 / block-storage,
// through Keystone v3) and to the emulator's Cinder v3 over its own Keystone v3, as admin (admin
// role in project admin) and demo (member of project demo). Compared: the status, the headers a
// client reads (content-type, x-openstack-request-id's form, Location, OpenStack-API-Version) and the
// body's shape — keys and types, with the values a client branches on (status, size, name, code,
// bootable, metadata, …) kept, and ids, dates, projects and this run's suffix masked. What still
// differs on purpose is in DIFFERENCES.md ("Cinder v3").

const CINDER = { types: ["volumev3", "block-storage"], versionPath: /\/v3\/[^/]+$/, start: "cinder" };

const real = await (async (): Promise<Side | Error> => {
  try {
    return await sideOf("real", readOpenStackEnv().authUrl, CINDER);
  } catch (e) {
    return e as Error;
  }
})();

/** Keys whose values a client branches on: compared as values, not only as types. */
const VALUES = new Set(["status", "size", "name", "description", "code", "bootable", "rel", "multiattach", "encrypted", "is_public", "volumes", "snapshots", "gigabytes", "in_use", "reserved", "limit", "attach_status", "readonly", "id", "min_version", "version"]);

describe.skipIf(real instanceof Error)(`Cinder v3 wire parity: real Cinder vs @rax/emulator${real instanceof Error ? ` — skipped: ${real.message}` : ""}`, () => {
  let emulator: RunningEmulator;
  let emu: Side;
  const suffix = `-${Date.now().toString(36)}`;
  const shape = shaper({
    suffix,
    values: VALUES,
    // Keystone user ids differ in form (the emulator's are Rackspace-style numbers): DIFFERENCES.md.
    fixed: (key, v) => (key === "user_id" && typeof v === "string" ? "<user>" : undefined),
    mask: (v, s) => v.split(s.root).join("<root>"),
    // metadata and extra specs: the user's own data, compared as data.
    data: new Set(["metadata", "meta", "extra_specs"]),
  });
  /** The headers a client reads: content-type, the request id's form, Location (masked), OpenStack-API-Version. */
  const norm = (a: Answer, s: Side) => ({
    status: a.status,
    headers: {
      "content-type": a.type,
      "x-openstack-request-id": a.headers.get("x-openstack-request-id")?.replace(/^req-[0-9a-f-]{36}$/, "req-<uuid>") ?? null,
      location: a.headers.get("location") && (shape(a.headers.get("location"), s) as string),
      "openstack-api-version": a.headers.get("openstack-api-version"),
    },
    body: shape(a.body, s),
  });
  const parity = parityRun<"volumes" | "snapshots" | "types">({ real: () => real as Side, emu: () => emu, advance: (ms) => emulator.state.clock.advance(ms), view: norm, dumpEnv: "CINDER_PARITY_DUMP" });
  const { made, same, remember, idOf, ours } = parity;
  /** Same path, a body per side (ids differ). */
  const both = (who: Who, method: string, path: string, body: (s: Side) => unknown, headers?: Record<string, string>) => same(who, method, path, { body, ...(headers ? { headers } : {}) });

  beforeAll(async () => {
    emulator = await startEmulator({ users: ADMIN_AND_DEMO });
    emu = await sideOf("emulator", emulator.keystoneUrl, CINDER);
  });
  afterAll(async () => {
    // Snapshots first (a volume with snapshots cannot go), then volumes, then types.
    for (const kind of ["snapshots", "volumes", "types"] as const)
      for (const m of made.filter((x) => x.kind === kind)) {
        if (kind === "snapshots") await waitSettled(m.side, "admin", `/snapshots/${m.id}`, "snapshot");
        if (kind === "volumes") await waitSettled(m.side, "admin", `/volumes/${m.id}`, "volume");
        await send(m.side, "admin", "DELETE", `/${kind}/${m.id}`).catch(() => undefined);
        if (kind === "snapshots") await waitGone(m.side, `/snapshots/${m.id}`, "admin", false);
      }
    await emulator?.stop();
  });

  const PACE = { tries: 100, emuStep: 2000, realPause: 200 };
  async function waitSettled(s: Side, who: Who, path: string, key: "volume" | "snapshot") {
    const settled = await parity.poll(s, PACE, async () => {
      const status = (await send(s, who, "GET", path)).raw?.[key]?.status as string | undefined;
      return !status || !/ing$/.test(status);
    });
    if (!settled) throw new Error(`${s.label}: ${path} never settled`);
  }
  // An admin sees every project's rows by id, so polling as admin ends when the row is gone for its owner too
  // (the emulator once answered an admin 404 for another project's snapshot at once, ending the wait early).
  async function waitGone(s: Side, path: string, who: Who, strict = true) {
    const gone = await parity.poll(s, PACE, async () => (await send(s, who, "GET", path)).status === 404);
    if (strict && !gone) throw new Error(`${s.label}: ${path} still there`);
  }

  const run = encodeURIComponent(JSON.stringify({ run: suffix }));
  // Real Cinder stores created_at to the second and breaks ties by id (random): rows whose order a step
  // compares are made in different seconds.
  const tick = () => new Promise((ok) => setTimeout(ok, 1100));

  it("version discovery: GET / and /v3/, microversions (latest, too high → 406, malformed → 400)", async () => {
    // The emulator's root also lists Rackspace's v1 and v2 (after v3): DIFFERENCES.md.
    await same("demo", "GET", "/", { root: true, only: (_s, b) => ({ versions: b?.versions?.filter((v: { id: string }) => v.id === "v3.0") }) });
    await same("demo", "GET", "/v3/", { root: true });
    await same("demo", "GET", "/types", { headers: { "openstack-api-version": "volume 3.0" }, only: () => "" });
    await same("demo", "GET", "/types", { headers: { "openstack-api-version": "volume 3.59" }, only: () => "" });
    await same("demo", "GET", "/types", { headers: { "openstack-api-version": "volume 3.999" } });
    await same("demo", "GET", "/types", { headers: { "openstack-api-version": "volume 2.0" } });
    await same("demo", "GET", "/types", { headers: { "openstack-api-version": "volume three" } });
  });

  it("volumes: create, show, list, detail, filters, update, validation errors", async () => {
    const body = (name: string, extra: object = {}) => ({ volume: { size: 1, name: `${name}${suffix}`, description: "parity", metadata: { run: suffix, k: "v" }, ...extra } });
    remember("a", "volumes", await same("demo", "POST", "/volumes", { body: body("pa") }), "volume");
    await tick();
    remember("b", "volumes", await same("demo", "POST", "/volumes", { body: body("pb", { size: 2 }) }), "volume");
    await tick();
    remember("c", "volumes", await same("demo", "POST", "/volumes", { body: body("pc") }), "volume");
    for (const n of ["a", "b", "c"]) for (const s of [real as Side, emu]) await waitSettled(s, "demo", `/volumes/${idOf(n)(s)}`, "volume");
    await same("demo", "GET", (s) => `/volumes/${idOf("a")(s)}`);
    await same("demo", "GET", "/volumes", { only: ours("volumes") });
    await same("demo", "GET", "/volumes/detail", { only: ours("volumes") });
    await same("demo", "GET", `/volumes/detail?metadata=${run}&sort=name:asc`);
    await same("demo", "GET", `/volumes?name=pb${suffix}`);
    await same("demo", "GET", `/volumes/detail?status=available&metadata=${run}&sort=name:desc`);
    await same("demo", "GET", `/volumes/detail?status=error&metadata=${run}`);
    await same("demo", "GET", `/volumes/detail?metadata=${run}&limit=2&sort=name:asc`, { only: (_s, b) => ({ ...b, volumes_links: b?.volumes_links?.map((l: any) => ({ rel: l.rel })) }) });
    await same("demo", "GET", (s) => `/volumes/detail?metadata=${run}&limit=2&sort_key=name&sort_dir=asc&marker=${idOf("b")(s)}`);
    await same("demo", "GET", "/volumes?marker=00000000-0000-4000-8000-000000000000");
    await same("demo", "GET", "/volumes?limit=-1");
    await same("demo", "GET", "/volumes?sort=colour:asc");
    await same("demo", "PUT", (s) => `/volumes/${idOf("a")(s)}`, { body: { volume: { name: `pa2${suffix}`, description: "renamed" } } });
    await same("demo", "PUT", (s) => `/volumes/${idOf("a")(s)}`, { body: { volume: { colour: "blue" } } });
    await same("demo", "PUT", (s) => `/volumes/${idOf("a")(s)}`, { body: { volume: {} } });
    await same("demo", "POST", "/volumes", { body: { volume: { size: 0 } } });
    await same("demo", "POST", "/volumes", { body: { volume: { size: -3 } } });
    await same("demo", "POST", "/volumes", { body: { volume: { size: "two" } } });
    // Cinder's create schema lets unknown keys through: this one makes a volume (cleaned up after).
    remember("colour", "volumes", await same("demo", "POST", "/volumes", { body: { volume: { size: 1, colour: "blue" } } }), "volume");
    await same("demo", "POST", "/volumes", { body: { volume: { name: "no size" } } });
    await same("demo", "POST", "/volumes", { body: { notvolume: {} } });
    await same("demo", "POST", "/volumes", { raw: "{not json" });
    await same("demo", "POST", "/volumes", { body: { volume: { size: 1, volume_type: "no-such-type" } } });
    await same("demo", "POST", "/volumes", { body: { volume: { size: 100000 } } });
    await same("demo", "GET", "/volumes/00000000-0000-4000-8000-000000000000");
    await same("demo", "DELETE", "/volumes/00000000-0000-4000-8000-000000000000");
  });

  it("volumes across projects: all_tenants for admin, not for demo; demo cannot see admin's volume", async () => {
    remember("adm", "volumes", await same("admin", "POST", "/volumes", { body: { volume: { size: 1, name: `adm${suffix}`, metadata: { run: suffix } } } }), "volume");
    for (const s of [real as Side, emu]) await waitSettled(s, "admin", `/volumes/${idOf("adm")(s)}`, "volume");
    await same("demo", "GET", (s) => `/volumes/${idOf("adm")(s)}`);
    await same("demo", "DELETE", (s) => `/volumes/${idOf("adm")(s)}`);
    await same("admin", "GET", (s) => `/volumes/${idOf("a")(s)}`);
    await same("admin", "GET", `/volumes/detail?all_tenants=1&metadata=${run}&sort=name:asc`);
    await same("demo", "GET", `/volumes/detail?all_tenants=1&metadata=${run}&sort=name:asc`);
    await same("admin", "GET", `/volumes/detail?metadata=${run}`);
    // all_tenants is a strict boolean on volumes (400 for "foo"); a member's is ignored.
    await same("admin", "GET", `/volumes/detail?all_tenants=TRUE&metadata=${run}&sort=name:asc`);
    await same("admin", "GET", "/volumes?all_tenants=foo");
    await same("demo", "GET", `/volumes?all_tenants=foo&metadata=${run}`);
  });

  it("volume metadata: get, set (replace), update (merge), key get/put/delete", async () => {
    const at = (p: string) => (s: Side) => `/volumes/${idOf("b")(s)}/metadata${p}`;
    await same("demo", "GET", at(""));
    await same("demo", "POST", at(""), { body: { metadata: { extra: "1" } } });
    await same("demo", "PUT", at(""), { body: { metadata: { only: "this" } } });
    await same("demo", "GET", at("/only"));
    await same("demo", "GET", at("/nope"));
    await same("demo", "PUT", at("/only"), { body: { meta: { only: "that" } } });
    await same("demo", "PUT", at("/only"), { body: { meta: { other: "x" } } });
    await same("demo", "PUT", at("/only"), { body: { meta: { only: "a", two: "b" } } });
    await same("demo", "DELETE", at("/only"));
    await same("demo", "DELETE", at("/only"));
    await same("demo", "POST", at(""), { body: { metadata: "nope" } });
    await same("demo", "GET", at(""));
  });

  it("snapshots: create, show, list, detail, update, metadata, delete", async () => {
    await same("demo", "POST", "/snapshots", { body: { snapshot: { name: `ps${suffix}` } } });
    const snap = await both("demo", "POST", "/snapshots", (s) => ({ snapshot: { volume_id: idOf("c")(s), name: `ps${suffix}`, description: "snap", metadata: { run: suffix } } }));
    remember("s", "snapshots", snap, "snapshot");
    for (const s of [real as Side, emu]) await waitSettled(s, "demo", `/snapshots/${idOf("s")(s)}`, "snapshot");
    await same("demo", "GET", (s) => `/snapshots/${idOf("s")(s)}`);
    // An admin reads another project's snapshot by id, and lists it only with all_tenants.
    await same("admin", "GET", (s) => `/snapshots/${idOf("s")(s)}`);
    await same("admin", "GET", "/snapshots/detail?all_tenants=1", { only: ours("snapshots") });
    await same("admin", "GET", "/snapshots/detail", { only: ours("snapshots") });
    // …and a lenient one on snapshots: "foo" is false.
    await same("admin", "GET", "/snapshots/detail?all_tenants=foo", { only: ours("snapshots") });
    await same("admin", "GET", (s) => `/snapshots/detail?all_tenants=1&project_id=${s.project.demo}`, { only: ours("snapshots") });
    await same("demo", "GET", "/snapshots", { only: ours("snapshots") });
    await same("demo", "GET", "/snapshots/detail", { only: ours("snapshots") });
    await same("demo", "PUT", (s) => `/snapshots/${idOf("s")(s)}`, { body: { snapshot: { name: `ps2${suffix}` } } });
    await same("demo", "GET", (s) => `/snapshots/${idOf("s")(s)}/metadata`);
    await same("demo", "POST", (s) => `/snapshots/${idOf("s")(s)}/metadata`, { body: { metadata: { more: "1" } } });
    await same("demo", "DELETE", (s) => `/volumes/${idOf("c")(s)}`);
    await same("demo", "GET", "/snapshots/00000000-0000-4000-8000-000000000000");
    await same("demo", "POST", "/snapshots", { body: { snapshot: { volume_id: "00000000-0000-4000-8000-000000000000" } } });
    await same("demo", "DELETE", (s) => `/snapshots/${idOf("s")(s)}`);
    // Polled as admin: the admin sees the owner's snapshot until its delete lands, so the wait ends with it gone for the owner too.
    for (const s of [real as Side, emu]) await waitGone(s, `/snapshots/${idOf("s")(s)}`, "admin");
    await same("demo", "GET", (s) => `/snapshots/${idOf("s")(s)}`);
    await same("admin", "GET", (s) => `/snapshots/${idOf("s")(s)}`);
  });

  it("volume types: list, show, extra specs; admin creates and deletes, demo gets 403", async () => {
    const t = { volume_type: { name: `pt${suffix}`, description: "parity type", extra_specs: { volume_backend_name: "x" } } };
    await same("demo", "POST", "/types", { body: t });
    remember("t", "types", await same("admin", "POST", "/types", { body: t }), "volume_type");
    await same("admin", "POST", "/types", { body: t });
    await same("demo", "GET", (s) => `/types/${idOf("t")(s)}`);
    await same("demo", "GET", "/types", { only: ours("volume_types") });
    await same("admin", "GET", (s) => `/types/${idOf("t")(s)}/extra_specs`);
    await same("admin", "POST", (s) => `/types/${idOf("t")(s)}/extra_specs`, { body: { extra_specs: { k2: "v2" } } });
    await same("admin", "GET", (s) => `/types/${idOf("t")(s)}/extra_specs/k2`);
    await same("admin", "DELETE", (s) => `/types/${idOf("t")(s)}/extra_specs/k2`);
    await same("demo", "PUT", (s) => `/types/${idOf("t")(s)}`, { body: { volume_type: { description: "changed" } } });
    await same("admin", "PUT", (s) => `/types/${idOf("t")(s)}`, { body: { volume_type: { description: "changed" } } });
    await same("admin", "GET", "/types/default", { headers: { "openstack-api-version": "volume 3.62" }, only: (_s, b) => ({ keys: Object.keys(b?.volume_type ?? b ?? {}).sort() }) });
    await same("demo", "DELETE", (s) => `/types/${idOf("t")(s)}`);
    await same("demo", "GET", "/types/00000000-0000-4000-8000-000000000000");
    await same("admin", "DELETE", (s) => `/types/${idOf("t")(s)}`);
    await same("admin", "GET", (s) => `/types/${idOf("t")(s)}`);
  });

  it("a volume whose type names a backend Cinder lacks: error, and /messages (3.5: filtered) says why", async () => {
    const t = { volume_type: { name: `pn${suffix}`, extra_specs: { volume_backend_name: "nowhere" } } };
    remember("nowhere", "types", await same("admin", "POST", "/types", { body: t }), "volume_type");
    remember("unplaced", "volumes", await same("demo", "POST", "/volumes", { body: { volume: { size: 1, name: `pn${suffix}`, volume_type: `pn${suffix}` } } }), "volume");
    for (const s of [real as Side, emu]) await waitSettled(s, "demo", `/volumes/${idOf("unplaced")(s)}`, "volume");
    await same("demo", "GET", (s) => `/volumes/${idOf("unplaced")(s)}`, { only: (_s, b) => ({ status: b?.volume?.status }) });
    // The query is read from 3.5 (at 3.3 every message of the project comes back, whatever the filter).
    const v35 = { "openstack-api-version": "volume 3.5" };
    await same("demo", "GET", (s) => `/messages?resource_uuid=${idOf("unplaced")(s)}`, { headers: v35 });
    await same("demo", "GET", (s) => `/messages?resource_uuid=${idOf("unplaced")(s)}`);
    // An admin sees every project's messages (the filter still applies).
    await same("admin", "GET", (s) => `/messages?resource_uuid=${idOf("unplaced")(s)}`, { headers: v35 });
  });

  it("quota sets and limits", async () => {
    await same("demo", "GET", (s) => `/os-quota-sets/${s.project.demo}`);
    await same("demo", "GET", (s) => `/os-quota-sets/${s.project.demo}/defaults`);
    await same("demo", "GET", (s) => `/os-quota-sets/${s.project.demo}?usage=true`, { only: (_s, b) => ({ keys: Object.keys(b?.quota_set ?? {}).sort() }) });
    await same("demo", "PUT", (s) => `/os-quota-sets/${s.project.demo}`, { body: { quota_set: { volumes: 20 } } });
    await same("admin", "PUT", (s) => `/os-quota-sets/${s.project.demo}`, { body: { quota_set: { snapshots: 10 } } });
    await same("admin", "PUT", (s) => `/os-quota-sets/${s.project.demo}`, { body: { quota_set: { snapshots: "lots" } } });
    await same("demo", "GET", (s) => `/os-quota-sets/${s.project.admin}`, { only: (_s, b) => ({ keys: Object.keys(b ?? {}) }) });
    await same("admin", "GET", (s) => `/os-quota-sets/${s.project.demo}`);
    await same("demo", "GET", "/limits", { only: (_s, b) => ({ keys: Object.keys(b?.limits ?? {}), absolute: Object.keys(b?.limits?.absolute ?? {}).sort() }) });
  });

  it("microversioned views (3.70), with_count, bad token, another project in the URL, availability zones, a volume from a snapshot", async () => {
    const latest = { headers: { "openstack-api-version": "volume 3.70" } };
    remember("m", "volumes", await same("demo", "POST", "/volumes", { body: { volume: { size: 1, name: `pm${suffix}`, metadata: { run: suffix } } }, ...latest }), "volume");
    for (const s of [real as Side, emu]) await waitSettled(s, "demo", `/volumes/${idOf("m")(s)}`, "volume");
    await same("demo", "GET", (s) => `/volumes/${idOf("m")(s)}`, latest);
    await same("admin", "GET", (s) => `/volumes/${idOf("m")(s)}`, latest);
    await same("demo", "GET", `/volumes/detail?metadata=${run}&with_count=true`, { headers: { "openstack-api-version": "volume 3.45" }, only: (_s, b) => ({ keys: Object.keys(b ?? {}).sort(), count: typeof b?.count }) });
    await same("demo", "GET", `/volumes?with_count=true`, { only: (_s, b) => ({ keys: Object.keys(b ?? {}).sort() }) });
    const snap = await both("demo", "POST", "/snapshots", (s) => ({ snapshot: { volume_id: idOf("m")(s), name: `pms${suffix}` } }), latest.headers);
    remember("ms", "snapshots", snap, "snapshot");
    for (const s of [real as Side, emu]) await waitSettled(s, "demo", `/snapshots/${idOf("ms")(s)}`, "snapshot");
    await same("demo", "GET", (s) => `/snapshots/${idOf("ms")(s)}`, latest);
    await same("demo", "GET", (s) => `/snapshots/detail?volume_id=${idOf("m")(s)}`, latest);
    remember("fs", "volumes", await both("demo", "POST", "/volumes", (s) => ({ volume: { snapshot_id: idOf("ms")(s), name: `pfs${suffix}` } })), "volume");
    await same("demo", "POST", "/volumes", { body: { volume: { snapshot_id: "00000000-0000-4000-8000-000000000000" } } });
    await same("demo", "GET", "/os-availability-zone");
    await same("demo", "GET", "/volumes", { headers: { "x-auth-token": "not-a-token" }, only: (_s, b) => ({ keys: Object.keys(b ?? {}) }) });
    await same("demo", "GET", (s) => `/v3/${s.project.admin}/volumes`, { root: true, only: (_s, b) => ({ keys: Object.keys(b ?? {}) }) });
  });

  it("a volume smaller than its snapshot or its clone source: Cinder's 400 in Cinder's words; bigger is fine", async () => {
    remember("t", "volumes", await same("demo", "POST", "/volumes", { body: { volume: { size: 2, name: `pt${suffix}` } } }), "volume");
    for (const s of [real as Side, emu]) await waitSettled(s, "demo", `/volumes/${idOf("t")(s)}`, "volume");
    remember("ts", "snapshots", await both("demo", "POST", "/snapshots", (s) => ({ snapshot: { volume_id: idOf("t")(s), name: `pts${suffix}` } })), "snapshot");
    for (const s of [real as Side, emu]) await waitSettled(s, "demo", `/snapshots/${idOf("ts")(s)}`, "snapshot");
    const message = (_s: Side, b: any) => ({ message: b?.badRequest?.message });
    await same("demo", "POST", "/volumes", { body: (s: Side) => ({ volume: { size: 1, snapshot_id: idOf("ts")(s) } }), only: message });
    await same("demo", "POST", "/volumes", { body: (s: Side) => ({ volume: { size: 1, source_volid: idOf("t")(s) } }), only: message });
    remember("tb", "volumes", await both("demo", "POST", "/volumes", (s) => ({ volume: { size: 3, snapshot_id: idOf("ts")(s), name: `ptb${suffix}` } })), "volume");
    for (const s of [real as Side, emu]) await waitSettled(s, "demo", `/volumes/${idOf("tb")(s)}`, "volume");
    await same("demo", "GET", (s) => `/volumes/${idOf("tb")(s)}`, { only: (_s, b) => ({ size: b?.volume?.size, status: b?.volume?.status }) });
  });

  it("attachment actions (reserve, attach, begin/roll detaching, detach, unreserve), clones, snapshot paging and force, summary, extensions", async () => {
    remember("x", "volumes", await same("demo", "POST", "/volumes", { body: { volume: { size: 1, name: `px${suffix}`, metadata: { run: `${suffix}x` } } } }), "volume");
    for (const s of [real as Side, emu]) await waitSettled(s, "demo", `/volumes/${idOf("x")(s)}`, "volume");
    const act = (body: object, who: Who = "demo") => same(who, "POST", (s) => `/volumes/${idOf("x")(s)}/action`, { body });
    const status = () => same("demo", "GET", (s) => `/volumes/${idOf("x")(s)}`, { only: (_s, b) => ({ status: b?.volume?.status, attach: b?.volume?.attachments?.length }) });
    await act({ "os-reserve": null });
    await status();
    await act({ "os-reserve": null });
    await act({ "os-unreserve": null });
    await status();
    await act({ "os-attach": { instance_uuid: "11111111-2222-4333-8444-555555555555", mountpoint: "/dev/vdb", mode: "rw" } });
    await status();
    await act({ "os-attach": { mountpoint: "/dev/vdb" } });
    await both("demo", "POST", "/snapshots", (s) => ({ snapshot: { volume_id: idOf("x")(s), name: `pxf${suffix}` } }));
    remember("xf", "snapshots", await both("demo", "POST", "/snapshots", (s) => ({ snapshot: { volume_id: idOf("x")(s), name: `pxf${suffix}`, force: true } })), "snapshot");
    for (const s of [real as Side, emu]) await waitSettled(s, "demo", `/snapshots/${idOf("xf")(s)}`, "snapshot");
    await act({ "os-begin_detaching": null });
    await status();
    await act({ "os-roll_detaching": null });
    await status();
    await same("demo", "DELETE", (s) => `/volumes/${idOf("x")(s)}`);
    await act({ "os-detach": {} });
    await status();
    remember("xc", "volumes", await both("demo", "POST", "/volumes", (s) => ({ volume: { source_volid: idOf("x")(s), name: `pxc${suffix}`, metadata: { run: `${suffix}x` } } })), "volume");
    await same("demo", "POST", "/volumes", { body: { volume: { source_volid: "00000000-0000-4000-8000-000000000000" } } });
    for (const s of [real as Side, emu]) await waitSettled(s, "demo", `/volumes/${idOf("xc")(s)}`, "volume");
    for (const n of ["1", "2"]) {
      await tick();
      const made = await both("demo", "POST", "/snapshots", (s) => ({ snapshot: { volume_id: idOf("x")(s), name: `pxs${n}${suffix}` } }));
      remember(`xs${n}`, "snapshots", made, "snapshot");
      for (const s of [real as Side, emu]) await waitSettled(s, "demo", `/snapshots/${idOf(`xs${n}`)(s)}`, "snapshot");
    }
    await same("demo", "GET", (s) => `/snapshots?volume_id=${idOf("x")(s)}&limit=1`, { only: (_s, b) => ({ ...b, snapshots_links: b?.snapshots_links?.map((l: any) => ({ rel: l.rel })) }) });
    await same("demo", "GET", (s) => `/snapshots/detail?volume_id=${idOf("x")(s)}&status=available&sort=name:asc`);
    await same("demo", "GET", (s) => `/snapshots?volume_id=${idOf("x")(s)}&marker=${idOf("xs2")(s)}`);
    await same("demo", "POST", "/snapshots", { body: { snapshot: { volume_id: "x", force: "maybe" } } });
    await same("demo", "GET", `/volumes/summary?metadata=${encodeURIComponent(JSON.stringify({ run: `${suffix}x` }))}`, { headers: { "openstack-api-version": "volume 3.36" } });
    await same("demo", "GET", "/extensions", { only: (_s, b) => ({ keys: Object.keys(b ?? {}), first: Object.keys(b?.extensions?.[0] ?? {}).sort() }) });
  });

  it("volume actions: extend, readonly flag, bootable, reset-status and force-delete admin-only", async () => {
    const act = (body: object, who: Who = "demo", vol = "a") => same(who, "POST", (s) => `/volumes/${idOf(vol)(s)}/action`, { body });
    await act({ "os-extend": { new_size: 3 } });
    for (const s of [real as Side, emu]) await waitSettled(s, "demo", `/volumes/${idOf("a")(s)}`, "volume");
    await act({ "os-extend": { new_size: 2 } });
    await act({ "os-extend": { new_size: "x" } });
    await act({ "os-update_readonly_flag": { readonly: true } });
    await act({ "os-update_readonly_flag": { readonly: "maybe" } });
    await act({ "os-set_bootable": { bootable: true } });
    await act({ "os-set_bootable": { bootable: "maybe" } });
    await same("demo", "GET", (s) => `/volumes/${idOf("a")(s)}`);
    await act({ "os-reset_status": { status: "error" } });
    await act({ "os-reset_status": { status: "error" } }, "admin");
    await act({ "os-reset_status": { status: "nonsense" } }, "admin");
    await same("demo", "GET", (s) => `/volumes/${idOf("a")(s)}`);
    await act({ "os-no-such-action": {} });
    await act({ "os-force_delete": {} });
    await act({ "os-force_delete": {} }, "admin");
    for (const s of [real as Side, emu]) await waitGone(s, `/volumes/${idOf("a")(s)}`, "admin");
    await same("demo", "GET", (s) => `/volumes/${idOf("a")(s)}`);
  });
});
