import { createPrivateKey, createPublicKey } from "node:crypto";
import { BadRequest, Conflict, NotFound, ValidationError } from "@rax/core";
import { Compute, type Flavor, type Image, NoSuchFlavor, NoSuchImage, NoSuchKeypair, NoSuchServer, type Server } from "@rax/compute";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Target, uniqueName } from "./target";

export interface ComputeScenarioOptions {
  /** Networks every new server joins (real Nova with several Neutron networks needs one named). */
  networks?: string[];
  /** ms between reloads while waiting. */
  interval?: number;
}

/** A keypair name Nova accepts (letters, digits, _ - and spaces): uniqueName with its dots gone. */
const keyName = (label: string) => uniqueName(label).replace(/[^A-Za-z0-9_-]/g, "-");

/**
 * Cloud Servers / Nova behaviour users rely on — the seed's "Working with Cloud Servers" — run
 * against the emulator (tests/emulator) and real Nova (tests/integration): the same assertions.
 */
export function computeScenarios(getTarget: () => Target, o: ComputeScenarioOptions = {}): void {
  let nova: Compute;
  let image: Image;
  let flavor: Flavor;
  /** A second flavor, bigger than `flavor` in RAM and no smaller in disk: the resize target. */
  let bigger: Flavor;
  const servers: Server[] = [];
  const snapshots: string[] = [];
  const keypairs: string[] = [];
  const interval = o.interval ?? 250;

  async function server(label: string, extra: Record<string, unknown> = {}): Promise<Server> {
    const s = await nova.servers.create({ name: uniqueName(label), image, flavor, ...(o.networks ? { networks: o.networks } : {}), ...extra });
    servers.push(s);
    return s;
  }

  /** Deletes and waits until Nova forgets it: a deleting server still counts against the instance quota (10 on stock Nova). */
  async function gone(s: Server): Promise<void> {
    await s.delete();
    await s.waitFor("DELETED", { interval, attempts: 480 });
  }

  beforeAll(async () => {
    const target = getTarget();
    nova = target.ctx.client(Compute, { region: target.region });
    // Real Nova refuses an image-backed boot on a zero-disk flavor (403) to non-admins: ask for disk.
    const flavors = await nova.flavors.list({ minDisk: 1 }).toArray();
    expect(flavors.every((f) => f.disk >= 1)).toBe(true);
    flavor = flavors.reduce((a, b) => (b.ram < a.ram ? b : a));
    bigger = flavors.filter((f) => f.ram > flavor.ram && f.disk >= flavor.disk).reduce((a, b) => (b.ram < a.ram ? b : a));
    image = (await nova.images.listBase()).find((i) => i.status === "ACTIVE")!;
  });

  afterAll(async () => {
    for (const i of snapshots) await nova.images.delete(i).catch((e: unknown) => (e instanceof NoSuchImage ? undefined : Promise.reject(e)));
    for (const s of servers) await s.delete().catch((e: unknown) => (e instanceof NoSuchServer ? undefined : Promise.reject(e)));
    for (const k of keypairs) await nova.keypairs.delete(k).catch((e: unknown) => (e instanceof NoSuchKeypair ? undefined : Promise.reject(e)));
  });

  describe("flavors and images", () => {
    it("lists flavors with sizes; find by RAM and get by id agree; a missing flavor is NoSuchFlavor", async () => {
      expect(flavor.ram).toBeGreaterThan(0);
      expect(flavor.vcpus).toBeGreaterThan(0);
      const found = await nova.flavors.find({ ram: flavor.ram });
      expect(found.ram).toBe(flavor.ram);
      expect((await nova.flavors.get(flavor.id)).name).toBe(flavor.name);
      await expect(nova.flavors.get("no-such-flavor-rax")).rejects.toBeInstanceOf(NoSuchFlavor);
    });

    it("lists base images; get returns the same image", async () => {
      expect(image).toBeDefined();
      expect(image.snapshot).toBe(false);
      expect((await nova.images.get(image.id)).name).toBe(image.name);
    });
  });

  describe("keypairs", () => {
    it("create generates a real key pair; import, list, get, duplicate name, delete", async () => {
      const name = keyName("kp");
      keypairs.push(name);
      const made = await nova.keypairs.create(name);
      expect(made.privateKey).toBeDefined();
      expect(JSON.stringify(made)).not.toContain("PRIVATE KEY");
      const pub = createPublicKey(createPrivateKey(made.privateKey!)).export({ format: "jwk" });
      expect(Buffer.from(made.publicKey.split(" ")[1]!, "base64").includes(Buffer.from(pub.n!, "base64url"))).toBe(true);

      const imported = keyName("imp");
      keypairs.push(imported);
      const again = await nova.keypairs.import(imported, made.publicKey);
      expect(again.fingerprint).toBe(made.fingerprint);
      expect(again.privateKey).toBeUndefined();

      const names = (await nova.keypairs.list().toArray()).map((k) => k.name);
      expect(names).toEqual(expect.arrayContaining([name, imported]));
      expect((await nova.keypairs.get(name)).fingerprint).toBe(made.fingerprint);
      await expect(nova.keypairs.create(name)).rejects.toBeInstanceOf(Conflict);
      await (await nova.keypairs.get(imported)).delete();
      await expect(nova.keypairs.get(imported)).rejects.toBeInstanceOf(NoSuchKeypair);
    });
  });

  describe("servers", () => {
    it("create → BUILD, waitFor ACTIVE with progress, then get/find/list see it with its metadata and key", async () => {
      const key = keyName("srvkey");
      keypairs.push(key);
      await nova.keypairs.create(key);
      const s = await server("build", { meta: { role: "web", owner: "scenario" }, keyName: key });
      expect(s.status).toBe("BUILD");
      expect(s.adminPass).toEqual(expect.any(String));
      const seen: string[] = [];
      const active = await s.waitFor("ACTIVE", { interval, attempts: 240, onProgress: (p) => seen.push(String(p.value)) });
      expect(active.status).toBe("ACTIVE");
      expect(seen.at(-1)).toBe("ACTIVE");
      expect(active.metadata).toEqual({ role: "web", owner: "scenario" });
      expect(active.keyName).toBe(key);
      // The wait refreshed `s` itself (pyrax's waits reload in place); it keeps create's root password,
      // which a fresh read never carries.
      expect(active).toBe(s);
      expect(s.adminPass).toEqual(expect.any(String));
      expect((await nova.servers.get(s.id)).adminPass).toBeUndefined();
      // Addresses come from the cloud's networks (a real Nova with none boots a server without any).
      expect(Object.keys(active.networks)).toEqual(Object.keys(active.addresses));

      expect((await nova.servers.find(s.name)).id).toBe(s.id);
      const listed = await nova.servers.list({ status: "ACTIVE" }).toArray();
      expect(listed.map((x) => x.id)).toContain(s.id);
      // /ips answers plain {addr, version}; the server's own addresses add Nova's OS-EXT-IPS type and MAC.
      const plain = (m: Record<string, { addr: string; version?: number }[]>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.map((a) => ({ addr: a.addr, version: a.version }))]));
      expect(await nova.servers.ips(s)).toEqual(plain(active.addresses));
      for (const list of Object.values(active.addresses)) for (const a of list) expect(a).toMatchObject({ "OS-EXT-IPS:type": "fixed" });
    });

    it("lists page by page with a small page size", async () => {
      const made = [await server("page-a"), await server("page-b")];
      // Real Nova lists a server still waiting for a host from its API database and then from its
      // cell, so the order of a listing can change while servers build: page over settled servers.
      for (const s of made) await s.waitFor("ACTIVE", { interval, attempts: 240 });
      const all = await nova.servers.list().toArray();
      const paged = await nova.servers.list({ pageSize: 1 }).toArray();
      expect(paged.map((x) => x.id)).toEqual(all.map((x) => x.id));
      expect(all.length).toBeGreaterThanOrEqual(2);
    });

    it("metadata: more than 5 pairs at create (the cloud's quota decides); set merges, replace replaces, one key set and deleted; rename", async () => {
      const many = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`k${i}`, `v${i}`]));
      const s = await server("meta", { meta: { a: "1", ...many } });
      // The object itself is refreshed by its wait, as pyrax's waits do.
      await s.waitFor("ACTIVE", { interval, attempts: 240 });
      expect(s.status).toBe("ACTIVE");
      expect(s.metadata).toEqual({ a: "1", ...many });
      await s.replaceMetadata({ a: "1" });
      expect(await s.setMetadata({ b: "2" })).toEqual({ a: "1", b: "2" });
      expect(await s.replaceMetadata({ c: "3" })).toEqual({ c: "3" });
      expect(await s.setMetadataItem("d", "4")).toEqual({ d: "4" });
      await s.deleteMetadata(["c"]);
      expect(await s.getMetadata()).toEqual({ d: "4" });
      const renamed = await s.update({ name: `${s.name}-2` });
      expect((await s.reload()).name).toBe(renamed.name);
    });

    it("reboot HARD goes back to ACTIVE", async () => {
      const s = await server("reboot");
      await s.waitFor("ACTIVE", { interval, attempts: 240 });
      await s.reboot("HARD");
      expect((await s.waitFor("ACTIVE", { interval, attempts: 240 })).status).toBe("ACTIVE");
    });

    it("delete, then waitFor DELETED counts the 404 as done; get is NoSuchServer", async () => {
      const s = await server("delete");
      await s.waitFor("ACTIVE", { interval, attempts: 240 });
      await s.delete();
      expect((await s.waitFor("DELETED", { interval, attempts: 240 })).status).toBe("DELETED");
      await expect(nova.servers.get(s.id)).rejects.toBeInstanceOf(NoSuchServer);
    });

    it("names: any printable BMP text is taken; an emoji or a trailing space is Nova's BadRequest, in Nova's words", async () => {
      const s = await nova.servers.create({ name: `wéb – 服务器 ${uniqueName("bmp")}`, image, flavor, ...(o.networks ? { networks: o.networks } : {}) });
      servers.push(s);
      expect(s.name).toMatch(/^wéb – 服务器 /);
      for (const name of [`x😀${uniqueName("emoji")}`, `${uniqueName("trail")} `]) {
        const e = await nova.servers.create({ name, image, flavor }).catch((x: unknown) => x);
        expect(e).toBeInstanceOf(BadRequest);
        expect((e as BadRequest).message).toContain("printable characters");
      }
    });

    it("every create option of the seed reaches Nova: files, userData, configDrive, diskConfig, adminPass", async () => {
      const s = await server("opts", {
        files: { "/root/testfile": "This is the contents of the text file.\n\nAnd it even has a blank line." },
        userData: "#!/bin/sh\necho hi\n",
        configDrive: true,
        diskConfig: "MANUAL",
        adminPass: "Chosen-root-pw-42",
      });
      // Nova echoes the password it was given (pyrax's admin_pass) rather than making one up.
      expect(s.adminPass).toBe("Chosen-root-pw-42");
      await s.waitFor("ACTIVE", { interval, attempts: 240 });
      expect(s.diskConfig).toBe("MANUAL");
      expect(s.raw.config_drive).toBe("True");
      await gone(s);
    });

    it("actions on one server: update and rebuild answer Nova's partial view; rebuild, resize/revert/confirm, rescue, password, stop/start, console", async () => {
      const s = await server("act");
      await s.waitFor("ACTIVE", { interval, attempts: 240 });
      const wait = (status: string) => s.waitFor(status, { interval, attempts: 480 });

      // Below microversion 2.75 a PUT answers without key_name or the OS-EXT-STS states.
      const renamed = await nova.servers.update(s, { name: `${s.name}-r` });
      expect(renamed.name).toBe(`${s.name}-r`);
      expect(Object.keys(renamed.raw)).not.toContain("OS-EXT-STS:vm_state");
      expect(Object.keys(renamed.raw)).not.toContain("key_name");
      await s.reload();
      expect(s.vmState).toBe("active");

      const rebuilt = await s.rebuild(image, { adminPass: "Rebuilt-root-pw-7", name: `${s.name}-b`, meta: { rebuilt: "yes" }, files: { "/etc/motd": "rebuilt" } });
      expect(rebuilt.adminPass).toBe("Rebuilt-root-pw-7");
      expect(rebuilt.status).toBe("REBUILD");
      expect(Object.keys(rebuilt.raw)).not.toContain("OS-EXT-STS:task_state");
      await wait("ACTIVE");
      expect(s).toMatchObject({ name: rebuilt.name, metadata: { rebuilt: "yes" } });

      await s.resize(bigger);
      expect((await wait("VERIFY_RESIZE")).flavor.id).toBe(bigger.id);
      await s.revertResize();
      expect((await wait("ACTIVE")).flavor.id).toBe(flavor.id);
      await s.resize(bigger);
      await wait("VERIFY_RESIZE");
      await s.confirmResize();
      expect((await wait("ACTIVE")).flavor.id).toBe(bigger.id);

      const rescue = await s.rescue();
      expect(rescue.adminPass).toEqual(expect.any(String));
      await wait("RESCUE");
      await s.unrescue();
      await wait("ACTIVE");

      await s.changePassword("Changed-root-pw-9");
      await wait("ACTIVE");
      await s.stop();
      await wait("SHUTOFF");
      await s.start();
      await wait("ACTIVE");
      expect(typeof (await s.consoleOutput(5))).toBe("string");
      await gone(s);
    }, 600_000);

    it("a missing metadata key or network label is Nova's NotFound, not NoSuchServer; a missing server is", async () => {
      const s = await server("miss", { meta: { a: "1" } });
      for (const call of [() => s.deleteMetadata("nope"), () => s.ips("no-such-network")]) {
        const e = await call().catch((x: unknown) => x);
        expect(e).toBeInstanceOf(NotFound);
        expect(e).not.toBeInstanceOf(NoSuchServer);
      }
      await expect(nova.servers.deleteMetadata("00000000-0000-4000-8000-000000000000", "a")).rejects.toBeInstanceOf(NoSuchServer);
      await gone(s);
    });

    it("createImage by server name (pyrax's cs.servers.create_image(name, …)): a snapshot of it, told from base images however listed", async () => {
      const s = await server("snap");
      await s.waitFor("ACTIVE", { interval, attempts: 240 });
      const id = await nova.servers.createImage(s.name, uniqueName("img"), { purpose: "scenario" });
      snapshots.push(id);
      // Nova answers with the server still ACTIVE but busy (task_state image_snapshot_pending → … → none): the wait
      // ends only once the task is over, so the next action is not 409 "while it is in task_state …".
      expect((await s.reload()).taskState).toMatch(/^image_/);
      await s.waitFor("ACTIVE", { interval, attempts: 240 });
      expect(s.taskState).toBeUndefined();
      snapshots.push(await s.createImage(uniqueName("img2")));
      await s.waitFor("ACTIVE", { interval, attempts: 240 });
      const img = await nova.images.get(id);
      // Real Nova's fake driver never uploads the image: it stays SAVING (tests/integration/DIFFERENCES.md).
      expect(["SAVING", "ACTIVE"]).toContain(img.status);
      expect(img).toMatchObject({ snapshot: true, server: { id: s.id }, metadata: expect.objectContaining({ purpose: "scenario" }) });
      expect((await nova.images.list({ type: "SNAPSHOT" }).toArray()).map((i) => i.id)).toContain(id);
      expect((await nova.images.listSnapshots()).map((i) => i.id)).toContain(id);
      expect((await nova.images.list({ type: "BASE" }).toArray()).map((i) => i.id)).toContain(image.id);
      expect((await nova.images.listBase()).map((i) => i.id)).not.toContain(id);
      expect(await img.setMetadata({ stage: "gold" })).toMatchObject({ purpose: "scenario", stage: "gold" });
      await img.deleteMetadata("stage");
      const e = await img.deleteMetadata("stage").catch((x: unknown) => x);
      expect(e).toBeInstanceOf(NotFound);
      expect(e).not.toBeInstanceOf(NoSuchImage);
      await img.delete();
      await expect(nova.images.get(id)).rejects.toBeInstanceOf(NoSuchImage);
      await gone(s);
    });

    it("find matches a name full of regular-expression characters exactly", async () => {
      const base = uniqueName("re");
      const exact = await server("re", { name: `${base} (1).x+` });
      const near = await server("re", { name: `${base} (1)yx+` });
      expect((await nova.servers.find(exact.name)).id).toBe(exact.id);
      expect((await nova.servers.find(near.name)).id).toBe(near.id);
      for (const x of [exact, near]) await gone(x);
    });

    it("deleting every server a listing hands out, one page at a time (seed: Deleting All Servers)", async () => {
      const prefix = uniqueName("all");
      const made: Server[] = [];
      for (const n of [1, 2, 3]) made.push(await server("all", { name: `${prefix}-${n}` }));
      // Real Nova cannot page after a server deleted before it reached a cell (its instance mapping goes
      // with it: 400 "marker not found"): walk servers that have settled (tests/integration/DIFFERENCES.md C5).
      for (const s of made) await s.waitFor("ACTIVE", { interval, attempts: 240 });
      let deleted = 0;
      for await (const s of nova.servers.list({ name: prefix, pageSize: 1 })) {
        await s.delete();
        // Gone before the next page is asked for: that page's marker is a deleted server.
        await s.waitFor("DELETED", { interval, attempts: 480 });
        deleted++;
      }
      expect(deleted).toBe(3);
    }, 300_000);

    it("bad input is a ValidationError naming the field, before any request", async () => {
      const attempts = [
        [{ name: "x", flavor }, "server.image"],
        [{ name: "x", image, flavor, meta: { n: 42 } }, "server.meta.n"],
      ] as const;
      for (const [input, field] of attempts) {
        const e = await nova.servers.create(input as never).catch((x: unknown) => x);
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).field).toBe(field);
      }
      await expect(nova.keypairs.create("no/slashes")).rejects.toBeInstanceOf(ValidationError);
      await expect(nova.servers.reboot("any-id", "WARM" as never)).rejects.toBeInstanceOf(ValidationError);
    });
  });
}
