import { createPrivateKey, createPublicKey } from "node:crypto";
import { BadRequest, Conflict, ValidationError } from "@rax/core";
import { Compute, type Flavor, type Image, NoSuchFlavor, NoSuchKeypair, NoSuchServer, type Server } from "@rax/compute";
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
  const servers: Server[] = [];
  const keypairs: string[] = [];
  const interval = o.interval ?? 250;

  async function server(label: string, extra: Record<string, unknown> = {}): Promise<Server> {
    const s = await nova.servers.create({ name: uniqueName(label), image, flavor, ...(o.networks ? { networks: o.networks } : {}), ...extra });
    servers.push(s);
    return s;
  }

  beforeAll(async () => {
    const target = getTarget();
    nova = target.ctx.client(Compute, { region: target.region });
    // Real Nova refuses an image-backed boot on a zero-disk flavor (403) to non-admins: ask for disk.
    const flavors = await nova.flavors.list({ minDisk: 1 }).toArray();
    expect(flavors.every((f) => f.disk >= 1)).toBe(true);
    flavor = flavors.reduce((a, b) => (b.ram < a.ram ? b : a));
    image = (await nova.images.listBase()).find((i) => i.status === "ACTIVE")!;
  });

  afterAll(async () => {
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
      expect(await nova.servers.ips(s)).toEqual(active.addresses);
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
