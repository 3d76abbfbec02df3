import { type RunningEmulator, startEmulator } from "@rax/emulator";
import { afterAll, beforeAll, describe, it } from "vitest";
import { troveState } from "../../packages/emulator/src/databases/model";
import { ADMIN_AND_DEMO, type Answer, type Side, parityRun, send, shaper, sideOf, type Who } from "./parity-harness";
import { readOpenStackEnv } from "./openstack-target";

// The same raw Trove v1.0 requests (fetch, no SDK) to real Trove (fake mode, catalog type "database",
// through Keystone v3) and to the emulator's Trove over its own Keystone v3, as admin (admin role in
// project admin) and demo (member of project demo). Compared: the status, the content type and the
// body's shape — keys and types, with the values a client branches on (status, name, code, message,
// host, databases, rootEnabled, …) kept, and ids, dates, projects, hosts and this run's suffix masked.
// Instances are made as admin: fake-mode Trove's nova builds a plain member's instance into ERROR
// (DIFFERENCES.md, "Cloud Databases / Trove"). What still differs on purpose is written there.

const TROVE = { types: ["database"], versionPath: /\/v1\.0\/[^/]+$/, start: "trove" };

const real = await (async (): Promise<Side | Error> => {
  try {
    const s = await sideOf("real", readOpenStackEnv().authUrl, TROVE);
    const up = await fetch(`${s.root}/`).catch((e: Error) => e);
    if (up instanceof Error) throw new Error(`real Trove at ${s.root} does not answer (${up.message})`);
    return s;
  } catch (e) {
    return e as Error;
  }
})();

/** Keys whose values a client branches on: compared as values, not only as types. */
const VALUES = new Set(["status", "name", "code", "message", "badRequest", "itemNotFound", "unprocessableEntity", "host", "rootEnabled", "rel", "character_set", "collate", "size", "incremental", "type", "active", "version"]);

/**
 * Keys one side sends on purpose (DIFFERENCES.md): the emulator's Rackspace `hostname` and a volume's
 * `used` (fake-mode Trove has no guest to measure it).
 */
const ON_PURPOSE = new Set(["hostname", "used"]);

describe.skipIf(real instanceof Error)(`Trove v1.0 wire parity: real Trove vs @rax/emulator${real instanceof Error ? ` — skipped: ${real.message}` : ""}`, () => {
  let emulator: RunningEmulator;
  let emu: Side;
  const suffix = `-${Date.now().toString(36)}`;
  const datastore = { type: "mysql", version: "5.7" };
  const shape = shaper({
    suffix,
    values: VALUES,
    omit: ON_PURPOSE,
    // Fake-mode Trove's is a fixed "http://localhost/path/to/backup"; the emulator's names the backup. Its type is what a client reads.
    fixed: (key, v) => (key === "locationRef" && typeof v === "string" ? "string" : undefined),
    mask: (v) =>
      v
        .replace(/^https?:\/\/127\.0\.0\.1:\d+/, "<root>")
        .replace(/^FAKE_(VOL_)?/, "")
        // Each cloud's smallest flavor has its own id.
        .replace(/\/flavors\/[^/]+$/, "/flavors/<flavor>")
        .replace(/^vol-/, ""),
  });
  const norm = (a: Answer, s: Side) => ({ status: a.status, type: a.type, body: shape(a.body, s) });
  const parity = parityRun<"instances" | "backups">({ real: () => real as Side, emu: () => emu, advance: (ms) => emulator.state.clock.advance(ms), view: norm, dumpEnv: "TROVE_PARITY_DUMP" });
  const { made, same, remember, idOf } = parity;
  /** Each cloud's smallest flavor (its own id). */
  const smallestFlavor = { real: "", emu: "" };
  /** Only the rows this run made (other sessions share the real Trove), by name: each cloud orders by its own ids. */
  const ours = (listKey: string) => (s: Side, body: any) => {
    if (!body || !Array.isArray(body[listKey])) return body;
    return { [listKey]: parity.mine(s, body[listKey] as Array<{ id: string; name: string }>).sort((x, y) => x.name.localeCompare(y.name)) };
  };
  const flavorId = (s: Side) => smallestFlavor[parity.side(s)];

  beforeAll(async () => {
    emulator = await startEmulator({ users: ADMIN_AND_DEMO });
    emu = await sideOf("emulator", emulator.keystoneUrl, TROVE);
    // Real fake-mode Trove's pace (DIFFERENCES.md): builds ~10 s, backups ~20 s — so "still running" answers line up.
    Object.assign(troveState(emulator.state).timings, { build: 10_000, backup: 20_000 });
    // Read here, not while collecting: without the stack the suite is skipped, and reading would fail it.
    const env = readOpenStackEnv() as unknown as { trove?: { datastore?: string; version?: string } };
    if (env.trove?.datastore) datastore.type = env.trove.datastore;
    if (env.trove?.version) datastore.version = env.trove.version;
  }, 60_000);
  afterAll(async () => {
    for (const kind of ["backups", "instances"] as const)
      for (const m of made.filter((x) => x.kind === kind)) {
        if (kind === "instances") await settle(m.side, `/instances/${m.id}`, "instance");
        else await settle(m.side, `/backups/${m.id}`, "backup");
        await send(m.side, "admin", "DELETE", `/${kind}/${m.id}`).catch(() => undefined);
      }
    await emulator?.stop();
  }, 300_000);

  /** Waits until the resource leaves its busy states (BUILD, RESIZE, REBOOT, NEW, BUILDING, BACKUP…). */
  async function settle(s: Side, path: string, key: "instance" | "backup", until?: RegExp) {
    const settled = await parity.poll(s, { tries: 900, emuStep: 1000, realPause: 500 }, async () => {
      const status = (await send(s, "admin", "GET", path)).raw?.[key]?.status as string | undefined;
      return !status || (until ? until.test(status) : /^(ACTIVE|ERROR|COMPLETED|FAILED|SHUTDOWN)$/.test(status));
    });
    if (!settled) throw new Error(`${s.label}: ${path} never settled`);
  }

  it("versions document, flavors and datastores", async () => {
    await same("demo", "GET", "/", { root: true });
    const f = await same("demo", "GET", "/flavors", { only: (_s, b) => ({ keys: Object.keys(b ?? {}), row: Object.keys(b?.flavors?.[0] ?? {}).sort() }) });
    const smallest = (b: any) => [...(b?.flavors ?? [])].sort((x: any, y: any) => x.ram - y.ram)[0];
    Object.assign(smallestFlavor, { real: String(smallest(f.real.raw)?.id ?? smallest(f.real.raw)?.str_id), emu: String(smallest(f.emu.raw)?.id) });
    await same("demo", "GET", (s) => `/flavors/${flavorId(s)}`, { only: (_s, b) => ({ keys: Object.keys(b ?? {}), flavor: Object.keys(b?.flavor ?? {}).sort() }) });
    await same("demo", "GET", "/flavors/no-such-flavor");
    await same("demo", "GET", "/datastores", { only: (_s, b) => ({ keys: Object.keys(b ?? {}), mine: (b?.datastores ?? []).filter((d: any) => d.name === datastore.type).map((d: any) => Object.keys(d).sort()) }) });
    await same("demo", "GET", `/datastores/${datastore.type}`, { only: (_s, b) => ({ keys: Object.keys(b ?? {}), datastore: Object.keys(b?.datastore ?? {}).sort(), name: b?.datastore?.name }) });
    await same("demo", "GET", `/datastores/${datastore.type}/versions`, { only: (_s, b) => ({ keys: Object.keys(b ?? {}), mine: (b?.versions ?? []).filter((v: any) => v.name === datastore.version).map((v: any) => ({ name: v.name, keys: Object.keys(v).sort() })) }) });
    await same("demo", "GET", `/datastores/${datastore.type}/versions/${datastore.version}`, { only: (_s, b) => ({ keys: Object.keys(b ?? {}), version: Object.keys(b?.version ?? {}).sort(), name: b?.version?.name, active: b?.version?.active }) });
    await same("demo", "GET", "/datastores/no-such-store");
    await same("demo", "GET", `/datastores/${datastore.type}/versions/0.0-none`);
  });

  it("instances: validation errors, create, get, list with paging links, demo cannot see admin's", async () => {
    const body = (name: string, extra: object = {}) => (s: Side) => ({ instance: { name: `${name}${suffix}`, flavorRef: flavorId(s), volume: { size: 1 }, datastore, databases: [{ name: "sales" }], users: [{ name: "groucho", password: "top-secret", databases: [{ name: "sales" }] }], ...extra } });
    await same("admin", "POST", "/instances", { body: { instance: { name: `bad${suffix}`, flavorRef: "1" } } });
    await same("admin", "POST", "/instances", { body: (s: Side) => ({ instance: { name: `bad${suffix}`, flavorRef: flavorId(s), volume: { size: 0 }, datastore } }) });
    await same("admin", "POST", "/instances", { body: (s: Side) => ({ instance: { name: `bad${suffix}`, flavorRef: flavorId(s), volume: { size: "two" }, datastore } }) });
    await same("admin", "POST", "/instances", { body: (s: Side) => ({ instance: { flavorRef: flavorId(s), volume: { size: 1 }, datastore } }) });
    await same("admin", "POST", "/instances", { raw: "{not json" });
    await same("admin", "POST", "/instances", { body: (s: Side) => ({ instance: { name: `bad${suffix}`, flavorRef: flavorId(s), volume: { size: 1 }, datastore: { type: "nosuchstore", version: "1" } } }) });
    await same("admin", "POST", "/instances", { body: (s: Side) => ({ instance: { name: `bad${suffix}`, flavorRef: flavorId(s), volume: { size: 1 }, datastore: { type: datastore.type, version: "0.0-none" } } }) });
    await same("admin", "POST", "/instances", { body: { instance: { name: `bad${suffix}`, flavorRef: "no-such-flavor", volume: { size: 1 }, datastore } } });
    // A restore from a backup that is not there (rax's NoSuchBackup reads this answer).
    await same("admin", "POST", "/instances", { body: (s: Side) => ({ instance: { name: `bad${suffix}`, flavorRef: flavorId(s), volume: { size: 1 }, restorePoint: { backupRef: "00000000-0000-4000-8000-000000000000" } } }) });
    remember("a", "instances", await same("admin", "POST", "/instances", { body: body("ta") }), "instance");
    remember("b", "instances", await same("admin", "POST", "/instances", { body: body("tb", { databases: [], users: [] }) }), "instance");
    // Status left out: the emulator's clock may have built it already.
    await same("admin", "GET", (s) => `/instances/${idOf("a")(s)}`, { only: (_s, b) => ({ ...b, instance: { ...b?.instance, status: undefined } }) });
    for (const n of ["a", "b"]) for (const s of [real as Side, emu]) await settle(s, `/instances/${idOf(n)(s)}`, "instance");
    await same("admin", "GET", (s) => `/instances/${idOf("a")(s)}`, { only: (_s, b) => ({ status: b?.instance?.status, volume: b?.instance?.volume?.size, flavor: Object.keys(b?.instance?.flavor ?? {}).sort(), links: b?.instance?.links?.map((l: any) => l.rel) }) });
    await same("admin", "GET", "/instances", { only: ours("instances") });
    await same("admin", "GET", "/instances/detail", { only: ours("instances") });
    // Paging: limit=1 gives a "next" link with a marker (others' instances may share the project: only the link's form compared).
    await same("admin", "GET", "/instances?limit=1", { only: (_s, b) => ({ rows: b?.instances?.length, links: (b?.links ?? []).map((l: any) => ({ rel: l.rel, marker: /[?&]marker=/.test(l.href), limit: /[?&]limit=1/.test(l.href) })) }) });
    await same("demo", "GET", (s) => `/instances/${idOf("a")(s)}`);
    await same("demo", "DELETE", (s) => `/instances/${idOf("a")(s)}`);
    await same("admin", "GET", "/instances/00000000-0000-4000-8000-000000000000");
    await same("admin", "DELETE", "/instances/00000000-0000-4000-8000-000000000000");
  });

  it("databases, users, access and root on an ACTIVE instance", async () => {
    const at = (p: string) => (s: Side) => `/instances/${idOf("a")(s)}${p}`;
    await same("admin", "GET", at("/databases"));
    await same("admin", "POST", at("/databases"), { body: { databases: [{ name: "books", character_set: "utf8", collate: "utf8_general_ci" }, { name: "films" }] } });
    await same("admin", "POST", at("/databases"), { body: { databases: [{ name: "mysql" }] } });
    await same("admin", "POST", at("/databases"), { body: { databases: [{ name: "x" }] } });
    await same("admin", "GET", at("/databases"));
    await same("admin", "GET", at("/databases?limit=1"));
    await same("admin", "GET", at("/databases/books"));
    await same("admin", "DELETE", at("/databases/films"));
    await same("admin", "DELETE", at("/databases/nosuch"));
    await same("admin", "GET", at("/users"));
    await same("admin", "POST", at("/users"), { body: { users: [{ name: "harpo", password: "s3cret-pw", databases: [{ name: "books" }] }, { name: "chico", password: "pw-chico", host: "10.0.0.%" }] } });
    await same("admin", "POST", at("/users"), { body: { users: [{ name: "nopass" }] } });
    await same("admin", "POST", at("/users"), { body: { users: [{ name: "root", password: "pw" }] } });
    await same("admin", "POST", at("/users"), { body: { users: [{ name: "harpo", password: "again-pw" }] } });
    await same("admin", "GET", at("/users"));
    await same("admin", "GET", at("/users?limit=1"));
    await same("admin", "GET", at("/users/harpo"));
    await same("admin", "GET", at("/users/chico"));
    await same("admin", "GET", at("/users/chico@10.0.0.%25"));
    await same("admin", "GET", at("/users/nobody"));
    await same("admin", "PUT", at("/users"), { body: { users: [{ name: "harpo", password: "new-pw-1" }] } });
    await same("admin", "PUT", at("/users/harpo"), { body: { user: { password: "new-pw-2" } } });
    await same("admin", "GET", at("/users/harpo/databases"));
    await same("admin", "PUT", at("/users/harpo/databases"), { body: { databases: [{ name: "sales" }] } });
    // Order left out: fake-mode Trove lists the newest grant first.
    await same("admin", "GET", at("/users/harpo/databases"), { only: (_s, b) => ({ databases: [...(b?.databases ?? [])].sort((x: any, y: any) => x.name.localeCompare(y.name)) }) });
    await same("admin", "DELETE", at("/users/harpo/databases/books"));
    await same("admin", "GET", at("/users/harpo/databases"));
    await same("admin", "GET", at("/users/nobody/databases"));
    await same("admin", "DELETE", at("/users/chico@10.0.0.%25"));
    await same("admin", "DELETE", at("/users/nobody"));
    await same("admin", "GET", at("/root"));
    await same("admin", "POST", at("/root"), { only: (_s, b) => ({ user: Object.keys(b?.user ?? {}).sort(), name: b?.user?.name, password: typeof b?.user?.password }) });
    await same("admin", "GET", at("/root"));
    await same("demo", "GET", at("/databases"));
    await same("demo", "GET", at("/users"));
  });

  it("actions: restart, resize volume / flavor refusals, unknown action", async () => {
    const act = (body: unknown, who: Who = "admin", inst = "b") => same(who, "POST", (s) => `/instances/${idOf(inst)(s)}/action`, { body });
    await act({ resize: { volume: { size: 1 } } });
    await act({ resize: { volume: { size: "x" } } });
    await act({ resize: { flavorRef: "no-such-flavor" } });
    await act({ restart: {} }, "demo");
    await act({ restart: {} });
    await same("admin", "GET", (s) => `/instances/${idOf("b")(s)}`, { only: (_s, b) => ({ status: b?.instance?.status }) });
    await act({ restart: {} });
    for (const s of [real as Side, emu]) await settle(s, `/instances/${idOf("b")(s)}`, "instance");
    await same("admin", "GET", (s) => `/instances/${idOf("b")(s)}/databases`);
  });

  it("backups: validation, create, get, list all / per instance, busy instance, delete", async () => {
    await same("admin", "POST", "/backups", { body: { backup: { name: `nob${suffix}` } } });
    await same("admin", "POST", "/backups", { body: { backup: { name: `nob${suffix}`, instance: "00000000-0000-4000-8000-000000000000" } } });
    await same("admin", "POST", "/backups", { body: (s: Side) => ({ backup: { name: `inc${suffix}`, instance: idOf("a")(s), incremental: true } }) });
    remember("k", "backups", await same("admin", "POST", "/backups", { body: (s: Side) => ({ backup: { name: `bk${suffix}`, instance: idOf("a")(s), description: "parity" } }) }), "backup");
    await same("admin", "GET", (s) => `/instances/${idOf("a")(s)}`, { only: (_s, b) => ({ status: b?.instance?.status }) });
    await same("admin", "POST", (s) => `/instances/${idOf("a")(s)}/databases`, { body: { databases: [{ name: "during" }] } });
    await same("admin", "POST", "/backups", { body: (s: Side) => ({ backup: { name: `bk2${suffix}`, instance: idOf("a")(s) } }) });
    await same("admin", "DELETE", (s) => `/backups/${idOf("k")(s)}`);
    for (const s of [real as Side, emu]) await settle(s, `/backups/${idOf("k")(s)}`, "backup");
    for (const s of [real as Side, emu]) await settle(s, `/instances/${idOf("a")(s)}`, "instance");
    await same("admin", "GET", (s) => `/backups/${idOf("k")(s)}`, { only: (_s, b) => ({ keys: Object.keys(b?.backup ?? {}).sort(), status: b?.backup?.status, name: b?.backup?.name, description: b?.backup?.description, parent: b?.backup?.parent_id ?? null }) });
    await same("admin", "GET", "/backups", { only: ours("backups") });
    await same("admin", "GET", (s) => `/instances/${idOf("a")(s)}/backups`, { only: ours("backups") });
    await same("demo", "GET", (s) => `/backups/${idOf("k")(s)}`);
    await same("admin", "GET", "/backups/00000000-0000-4000-8000-000000000000");
    await same("admin", "DELETE", (s) => `/backups/${idOf("k")(s)}`);
    await same("admin", "GET", (s) => `/backups/${idOf("k")(s)}`);
  });

  it("instance delete: 202, then gone", async () => {
    await same("admin", "DELETE", (s) => `/instances/${idOf("b")(s)}`);
    for (const s of [real as Side, emu]) await parity.poll(s, { tries: 120, emuStep: 1000, realPause: 500 }, async () => (await send(s, "admin", "GET", `/instances/${idOf("b")(s)}`)).status === 404);
    await same("admin", "GET", (s) => `/instances/${idOf("b")(s)}`);
  });
}, 600_000);
