import { createPrivateKey, createPublicKey } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeState } from "../src/compute/model";
import { call, type Session, session } from "./helpers";

// Nova v2.1 as the emulator serves it, read over plain HTTP (no SDK): status codes, bodies, rules.
let s: Session;
let nova: string;
const UBUNTU = "5cc098a5-7286-4b96-b3a2-49f4c4f82537";

beforeAll(async () => {
  s = await session();
  nova = s.catalog.find((c) => c.type === "compute")!.endpoints.find((e) => e.region === "DFW")!.publicURL!;
});
afterAll(async () => {
  await s?.emu.stop();
});

const json = (method: string, path: string, body?: unknown, token = s.token) =>
  fetch(`${nova}${path}`, { method, headers: { "x-auth-token": token, "content-type": "application/json", accept: "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const create = (server: Record<string, unknown>) => json("POST", "/servers", { server: { imageRef: UBUNTU, flavorRef: "general1-1", ...server } });
const clock = () => s.emu.state.clock;

describe("compute (Nova v2.1) in the emulator", () => {
  it("is in the catalog as cloudServersOpenStack with a /v2/<tenant> URL, and needs a token", async () => {
    expect(nova).toMatch(/\/v2\/123456$/);
    const res = await fetch(`${nova}/servers`);
    expect(res.status).toBe(401);
  });

  it("another tenant's id in the URL is a 400, as Nova says it", async () => {
    const other = await fetch(nova.replace("/123456", "/999999") + "/servers", { headers: { "x-auth-token": s.token } });
    expect(other.status).toBe(400);
    expect(JSON.stringify(await other.json())).toContain("doesn't match Context's project_id");
  });

  it("creates with 202 + Location, BUILD with progress on the emulator clock, then ACTIVE with addresses", async () => {
    const res = await create({ name: "web1", metadata: { role: "web" } });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { server: { id: string; adminPass: string } };
    expect(res.headers.get("location")).toBe(`${nova}/servers/${body.server.id}`);
    expect(body.server.adminPass.length).toBeGreaterThanOrEqual(8);
    const first = (await (await json("GET", `/servers/${body.server.id}`)).json()) as { server: Record<string, unknown> };
    expect(first.server).toMatchObject({ status: "BUILD", "OS-EXT-STS:vm_state": "building", metadata: { role: "web" }, addresses: {} });
    expect(first.server).not.toHaveProperty("adminPass");
    clock().advance(500);
    const mid = (await (await json("GET", `/servers/${body.server.id}`)).json()) as { server: { status: string; progress: number } };
    expect(mid.server.status).toBe("BUILD");
    expect(mid.server.progress).toBeGreaterThanOrEqual(50);
    expect(mid.server.progress).toBeLessThan(100);
    clock().advance(600);
    const done = (await (await json("GET", `/servers/${body.server.id}`)).json()) as { server: { status: string; progress: number; addresses: Record<string, unknown[]> } };
    expect(done.server).toMatchObject({ status: "ACTIVE", progress: 100 });
    expect(Object.keys(done.server.addresses).sort()).toEqual(["private", "public"]);
  });

  it("answers Nova's error bodies: itemNotFound, badRequest, conflictingRequest", async () => {
    const missing = await json("GET", "/servers/nope");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ itemNotFound: { code: 404, message: "Instance nope could not be found." } });
    const badImage = await create({ name: "x", imageRef: "0d2b3c4e-1111-4222-8333-944445555666" });
    expect(badImage.status).toBe(400);
    expect(await badImage.json()).toEqual({ badRequest: { code: 400, message: "Can not find requested image" } });
    const notUuid = await create({ name: "x", imageRef: "no-such-image" });
    expect(notUuid.status).toBe(400);
    expect(JSON.stringify(await notUuid.json())).toContain("is not a 'uuid'");
    const building = (await (await create({ name: "busy" })).json()) as { server: { id: string } };
    const conflict = await json("POST", `/servers/${building.server.id}/action`, { reboot: { type: "SOFT" } });
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as { conflictingRequest: { message: string } }).conflictingRequest.message).toContain("vm_state building");
  });

  it("enforces Nova's create rules: flavor, key name, metadata strings, personality limits", async () => {
    expect((await create({ name: "x", flavorRef: "nope" })).status).toBe(400);
    expect((await create({ name: "x", key_name: "nope" })).status).toBe(400);
    expect((await create({ name: "x", metadata: { n: 1 } })).status).toBe(400);
    const six = Array.from({ length: 6 }, (_, i) => ({ path: `/f${i}`, contents: "aGk=" }));
    expect((await create({ name: "x", personality: six })).status).toBe(403);
    expect((await create({ name: "x", personality: [{ path: "/big", contents: Buffer.alloc(10_241).toString("base64") }] })).status).toBe(403);
    expect((await create({ name: "" })).status).toBe(400);
  });

  it("server names as real Nova checks them: BMP printable characters, no space at either end (an emoji or a tab is a 400)", async () => {
    for (const name of ["wéb", "a – b", "服务器", "with inner space"]) expect((await create({ name })).status).toBe(202);
    for (const name of ["x😀", "tab\there", " lead", "trail ", "zero\u200bwidth"]) {
      const res = await create({ name });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ badRequest: { code: 400, message: "An invalid 'name' value was provided. The name must be: printable characters. Can not start or end with whitespace." } });
    }
  });

  it("metadata: merge (POST), replace (PUT), item PUT/GET/DELETE, strings only", async () => {
    const { server } = (await (await create({ name: "meta", metadata: { a: "1" } })).json()) as { server: { id: string } };
    const path = `/servers/${server.id}/metadata`;
    expect(await (await json("POST", path, { metadata: { b: "2" } })).json()).toEqual({ metadata: { a: "1", b: "2" } });
    expect(await (await json("PUT", path, { metadata: { c: "3" } })).json()).toEqual({ metadata: { c: "3" } });
    expect(await (await json("PUT", `${path}/d`, { meta: { d: "4" } })).json()).toEqual({ meta: { d: "4" } });
    expect((await json("PUT", `${path}/d`, { meta: { e: "4" } })).status).toBe(400);
    expect(await (await json("GET", `${path}/d`)).json()).toEqual({ meta: { d: "4" } });
    expect((await json("DELETE", `${path}/d`)).status).toBe(204);
    expect((await json("DELETE", `${path}/d`)).status).toBe(404);
    expect((await json("POST", path, { metadata: { n: 5 } })).status).toBe(400);
  });

  it("delete is 204; the server answers GET (task_state deleting) a moment, then 404", async () => {
    const { server } = (await (await create({ name: "doomed" })).json()) as { server: { id: string } };
    expect((await json("DELETE", `/servers/${server.id}`)).status).toBe(204);
    const during = (await (await json("GET", `/servers/${server.id}`)).json()) as { server: Record<string, unknown> };
    expect(during.server["OS-EXT-STS:task_state"]).toBe("deleting");
    clock().advance(1000);
    expect((await json("GET", `/servers/${server.id}`)).status).toBe(404);
    const since = new Date(clock().now() - 60_000).toISOString();
    const listed = (await (await json("GET", `/servers/detail?changes-since=${since}`)).json()) as { servers: Array<{ id: string; status: string }> };
    expect(listed.servers.find((x) => x.id === server.id)?.status).toBe("DELETED");
  });

  it("pages with limit + marker and a next link only on a full page", async () => {
    for (const n of ["p1", "p2", "p3"]) await create({ name: n });
    const first = (await (await json("GET", "/servers/detail?limit=2")).json()) as { servers: Array<{ id: string }>; servers_links?: Array<{ rel: string; href: string }> };
    expect(first.servers).toHaveLength(2);
    expect(first.servers_links?.[0]?.rel).toBe("next");
    const all = (await (await json("GET", "/servers")).json()) as { servers: Array<{ id: string }> };
    const rest = (await (await json("GET", `/servers/detail?limit=1000&marker=${first.servers[1]!.id}`)).json()) as { servers: Array<{ id: string }>; servers_links?: unknown };
    expect(rest.servers.map((x) => x.id)).toEqual(all.servers.slice(2).map((x) => x.id));
    expect(rest.servers_links).toBeUndefined();
    expect((await json("GET", "/servers/detail?marker=nope")).status).toBe(400);
  });

  it("resize → VERIFY_RESIZE → confirm (204) / revert (202) back to the old flavor", async () => {
    computeState(s.emu.state).timings.build = 0;
    try {
      const { server } = (await (await create({ name: "grow", flavorRef: "2" })).json()) as { server: { id: string } };
      const action = (body: unknown) => json("POST", `/servers/${server.id}/action`, body);
      const get = async () => ((await (await json("GET", `/servers/${server.id}`)).json()) as { server: Record<string, unknown> & { status: string; flavor: { id: string } } }).server;
      expect((await action({ resize: { flavorRef: "2" } })).status).toBe(400);
      expect((await action({ resize: { flavorRef: "3" } })).status).toBe(202);
      expect((await get()).status).toBe("RESIZE");
      clock().advance(1500);
      expect(await get()).toMatchObject({ status: "VERIFY_RESIZE", flavor: { id: "3" } });
      expect((await action({ revertResize: null })).status).toBe(202);
      expect(await get()).toMatchObject({ status: "REVERT_RESIZE", "OS-EXT-STS:vm_state": "resized", "OS-EXT-STS:task_state": "resize_reverting" });
      clock().advance(1500);
      expect(await get()).toMatchObject({ status: "ACTIVE", flavor: { id: "2" } });
      await action({ resize: { flavorRef: "4" } });
      clock().advance(1500);
      expect((await action({ confirmResize: null })).status).toBe(204);
      // As on real Nova 26: still VERIFY_RESIZE (vm_state resized, no task) until the old instance is
      // dropped; a second confirm or a revert meanwhile is 400, once ACTIVE it is 409.
      expect(await get()).toMatchObject({ status: "VERIFY_RESIZE", "OS-EXT-STS:vm_state": "resized", "OS-EXT-STS:task_state": null, flavor: { id: "4" } });
      for (const again of [{ confirmResize: null }, { revertResize: null }]) {
        const res = await action(again);
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({ badRequest: { code: 400, message: "Instance has not been resized." } });
      }
      clock().advance(computeState(s.emu.state).timings.confirm);
      expect(await get()).toMatchObject({ status: "ACTIVE", "OS-EXT-STS:vm_state": "active", flavor: { id: "4" } });
      expect((await action({ confirmResize: null })).status).toBe(409);
    } finally {
      computeState(s.emu.state).timings.build = 1000;
    }
  });

  it("createImage → 202 with the image in Location; the snapshot goes SAVING → ACTIVE and lists as a snapshot", async () => {
    const { server } = (await (await create({ name: "snapme" })).json()) as { server: { id: string } };
    clock().advance(1500);
    const res = await json("POST", `/servers/${server.id}/action`, { createImage: { name: "nightly", metadata: { kind: "backup" } } });
    expect(res.status).toBe(202);
    const imageId = res.headers.get("location")!.split("/").pop()!;
    const saving = (await (await json("GET", `/images/${imageId}`)).json()) as { image: Record<string, unknown> };
    expect(saving.image).toMatchObject({ status: "SAVING", server: { id: server.id }, metadata: { kind: "backup", image_type: "snapshot" } });
    clock().advance(1500);
    expect(((await (await json("GET", `/images/${imageId}`)).json()) as { image: { status: string } }).image.status).toBe("ACTIVE");
    const snaps = (await (await json("GET", "/images/detail?type=SNAPSHOT")).json()) as { images: Array<{ id: string }> };
    expect(snaps.images.map((i) => i.id)).toEqual([imageId]);
    expect((await json("DELETE", `/images/${UBUNTU}`)).status).toBe(403);
    expect((await json("DELETE", `/images/${imageId}`)).status).toBe(204);
  });

  it("images are Glance's: a Nova snapshot is listed by Glance, and a queued Glance image cannot boot", async () => {
    const glance = s.catalog.find((c) => c.type === "image")!.endpoints.find((e) => e.region === "DFW")!.publicURL!;
    const { server } = (await (await create({ name: "snap-glance" })).json()) as { server: { id: string } };
    clock().advance(1500);
    const res = await json("POST", `/servers/${server.id}/action`, { createImage: { name: "seen-by-glance" } });
    const imageId = res.headers.get("location")!.split("/").pop()!;
    const listed = (await (await call(s, `${glance}/images`)).json()) as { images: Array<{ id: string; name: string; owner: string; instance_uuid?: string }> };
    expect(listed.images.find((i) => i.id === imageId)).toMatchObject({ name: "seen-by-glance", instance_uuid: server.id });
    const queued = (await (await call(s, `${glance}/images`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "empty" }) })).json()) as { id: string };
    const boot = await create({ name: "x", imageRef: queued.id });
    expect(boot.status).toBe(400);
    expect(JSON.stringify(await boot.json())).toContain("is not active");
    expect(((await (await json("GET", `/images/${queued.id}`)).json()) as { image: { status: string } }).image.status).toBe("SAVING");
  });

  it("a build that fails (mimic's server_error metadata) ends in ERROR with a fault", async () => {
    const { server } = (await (await create({ name: "fails", metadata: { server_error: "Disk full" } })).json()) as { server: { id: string } };
    clock().advance(1500);
    const got = (await (await json("GET", `/servers/${server.id}`)).json()) as { server: Record<string, unknown> };
    expect(got.server).toMatchObject({ status: "ERROR", fault: { code: 500, message: "Disk full" } });
  });

  it("generates real RSA keypairs: the private key parses and matches the public key; names are checked", async () => {
    const res = await json("POST", "/os-keypairs", { keypair: { name: "gen key_1" } });
    expect(res.status).toBe(200);
    const { keypair } = (await res.json()) as { keypair: { private_key: string; public_key: string; fingerprint: string } };
    const priv = createPrivateKey(keypair.private_key);
    const jwk = createPublicKey(priv).export({ format: "jwk" });
    const blob = Buffer.from(keypair.public_key.split(" ")[1]!, "base64");
    expect(blob.toString("latin1")).toContain("ssh-rsa");
    expect(blob.includes(Buffer.from(jwk.n!, "base64url"))).toBe(true);
    expect(keypair.fingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    const listed = (await (await json("GET", "/os-keypairs")).json()) as { keypairs: Array<{ keypair: Record<string, unknown> }> };
    expect(listed.keypairs.find((k) => k.keypair.name === "gen key_1")?.keypair).not.toHaveProperty("private_key");
    expect((await json("POST", "/os-keypairs", { keypair: { name: "gen key_1" } })).status).toBe(409);
    expect((await json("POST", "/os-keypairs", { keypair: { name: "bad/name" } })).status).toBe(400);
    expect((await json("POST", "/os-keypairs", { keypair: { name: "imp", public_key: "ssh-rsa not-base64!" } })).status).toBe(400);
    const imported = await json("POST", "/os-keypairs", { keypair: { name: "imp", public_key: keypair.public_key } });
    expect(((await imported.json()) as { keypair: { fingerprint: string; private_key?: string } }).keypair).toMatchObject({ fingerprint: keypair.fingerprint });
    expect((await json("DELETE", "/os-keypairs/imp")).status).toBe(202);
    expect((await json("GET", "/os-keypairs/imp")).status).toBe(404);
  });

  it("lists Rackspace's flavors and base images, and the account's limits", async () => {
    const flavors = (await (await json("GET", "/flavors/detail")).json()) as { flavors: Array<{ id: string; ram: number }> };
    expect(flavors.flavors.find((f) => f.id === "performance1-1")).toMatchObject({ ram: 1024 });
    expect((await json("GET", "/flavors/performance1-1/os-extra_specs")).status).toBe(200);
    const images = (await (await json("GET", "/images/detail?type=BASE")).json()) as { images: Array<{ name: string }> };
    expect(images.images.map((i) => i.name)).toContain("Ubuntu 14.04 LTS (Trusty Tahr) (PVHVM)");
    const limits = (await (await json("GET", "/limits")).json()) as { limits: { absolute: Record<string, number> } };
    expect(limits.limits.absolute).toMatchObject({ maxTotalInstances: 100, maxPersonality: 5 });
    expect(limits.limits.absolute.totalInstancesUsed).toBeGreaterThan(0);
  });

  it("v2.1 answers with microversion 2.1 and refuses one it does not have (406); the root lists both versions", async () => {
    const v21 = nova.replace("/v2/", "/v2.1/");
    const res = await fetch(`${v21}/flavors`, { headers: { "x-auth-token": s.token } });
    expect(res.status).toBe(200);
    expect(res.headers.get("openstack-api-version")).toBe("compute 2.1");
    const newer = await fetch(`${v21}/flavors`, { headers: { "x-auth-token": s.token, "openstack-api-version": "compute 2.95" } });
    expect(newer.status).toBe(406);
    const root = await fetch(new URL("/", nova));
    expect(root.status).toBe(200);
    expect(((await root.json()) as { versions: Array<{ id: string }> }).versions.map((v) => v.id)).toEqual(["v2.0", "v2.1"]);
  });

  it("keeps regions apart", async () => {
    const ord = s.catalog.find((c) => c.type === "compute")!.endpoints.find((e) => e.region === "ORD")!.publicURL!;
    const res = await call(s, `${ord}/servers`);
    expect(((await res.json()) as { servers: unknown[] }).servers).toEqual([]);
  });
});
