import { BlockStorage, NoSuchSnapshot, NoSuchVolume, SIZE_LIMITS, SnapshotNotAvailable, type Volume, VolumeNotAvailable, VolumeNotDeletable, type VolumeType } from "@rax/block-storage";
import { Compute } from "@rax/compute";
import { NotFound } from "@rax/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Target, uniqueName } from "./target";

export interface BlockStorageScenarioOptions {
  /** ms between reloads while waiting. */
  interval?: number;
  /** Run attach/detach (needs Nova beside Cinder, and a server that can boot). */
  attach?: boolean;
  /** Networks a new server joins (real Nova with several Neutron networks needs one named). */
  networks?: string[];
}

/**
 * Cloud Block Storage / Cinder behaviour users rely on — the seed's "Cloud Block Storage" — run
 * against the emulator (tests/emulator) and real Cinder (tests/integration): the same assertions.
 */
export function blockStorageScenarios(getTarget: () => Target, o: BlockStorageScenarioOptions = {}): void {
  let cbs: BlockStorage;
  let type: VolumeType;
  let size: number;
  const volumes: Volume[] = [];
  const interval = o.interval ?? 250;
  const wait = { interval, timeout: 120_000 };

  async function volume(label: string, extra: Record<string, unknown> = {}): Promise<Volume> {
    const v = await cbs.volumes.create({ name: uniqueName(label), size, volumeType: type.name, ...extra });
    volumes.push(v);
    return v;
  }

  beforeAll(async () => {
    const target = getTarget();
    cbs = target.ctx.client(BlockStorage, { region: target.region });
    type = (await cbs.types.list()).items[0]!;
    size = SIZE_LIMITS[type.name.toUpperCase()]?.min ?? 1;
  });

  afterAll(async () => {
    for (const v of volumes.reverse()) await cbs.volumes.delete(v, { force: true, interval }).catch((e: unknown) => (e instanceof NoSuchVolume ? undefined : Promise.reject(e)));
  });

  describe("volume types", () => {
    it("lists the types (read-only); get by id returns the same one", async () => {
      expect(type.name).toEqual(expect.any(String));
      expect((await cbs.types.get(type.id)).name).toBe(type.name);
    });
  });

  describe("volumes", () => {
    it("create → creating/available → waitFor available; get, find, list and update agree", async () => {
      const v = await volume("vol", { description: "first", metadata: { purpose: "test" } });
      expect(["creating", "available"]).toContain(v.status);
      expect(v.size).toBe(size);
      const ready = await v.waitFor("available", wait);
      expect(ready).toMatchObject({ id: v.id, status: "available", description: "first", attachments: [] });
      expect((await cbs.volumes.get(v.id)).metadata).toMatchObject({ purpose: "test" });
      expect((await cbs.volumes.find(v.name)).id).toBe(v.id);
      expect((await cbs.volumes.list().toArray()).map((x) => x.id)).toContain(v.id);
      const newName = `${v.name}-2`;
      // vol.update changes `v` itself and returns it (as server.update and image.update do).
      expect(await v.update({ name: newName, description: "second" })).toBe(v);
      expect(v).toMatchObject({ name: newName, description: "second" });
      expect(await cbs.volumes.get(v.id)).toMatchObject({ name: newName, description: "second" });
      await expect(cbs.volumes.get("00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NoSuchVolume);
    });

    it("metadata merges, replaces and deletes keys", async () => {
      const v = await (await volume("meta")).waitFor("available", wait);
      expect(await v.setMetadata({ a: "1" })).toMatchObject({ a: "1" });
      expect(await v.setMetadata({ b: "2" })).toMatchObject({ a: "1", b: "2" });
      await v.deleteMetadata("a");
      expect(await v.getMetadata()).not.toHaveProperty("a");
      expect(await v.replaceMetadata({ c: "3" })).toEqual({ c: "3" });
    });

    it("bad input fails before any request: size out of range, an unknown type", async () => {
      await expect(cbs.volumes.create({ size: 0 })).rejects.toMatchObject({ field: "volume.size" });
      // Rackspace's SATA/SSD size limits are its v1 API's; a v3 cloud's SSD type takes its own sizes.
      if (/\/v1\//.test(cbs.endpoint)) await expect(cbs.volumes.create({ size: 1025, volumeType: "SSD" })).rejects.toMatchObject({ field: "volume.size" });
      await expect(cbs.volumes.create({ size, volumeType: "no-such-type-rax" })).rejects.toMatchObject({ field: "volume.volumeType" });
    });

    it("a create from a snapshot or a clone that does not exist → NoSuchSnapshot / NoSuchVolume naming it", async () => {
      const gone = "00000000-0000-0000-0000-000000000000";
      const s = await cbs.volumes.create({ snapshot: gone }).catch((e: unknown) => e);
      expect(s).toBeInstanceOf(NoSuchSnapshot);
      expect((s as Error).message).toContain(gone);
      const c = await cbs.volumes.create({ clone: gone }).catch((e: unknown) => e);
      expect(c).toBeInstanceOf(NoSuchVolume);
      expect((c as Error).message).toContain(gone);
    });

    it("attach to a server that does not exist → Nova's NotFound naming the server (not NoSuchVolume)", async () => {
      const v = await volume("nosrv");
      const gone = "00000000-0000-4000-8000-000000000000";
      const a = await v.attach(gone, "/dev/xvdb").catch((e: unknown) => e);
      expect(a).toBeInstanceOf(NotFound);
      expect(a).not.toBeInstanceOf(NoSuchVolume);
      expect((a as Error).message).toContain(gone);
    });

    it("paging walks every volume with a small page size", async () => {
      const all = await cbs.volumes.list().toArray();
      const paged = await cbs.volumes.list({ pageSize: 1 }).toArray();
      expect(paged.map((x) => x.id).sort()).toEqual(all.map((x) => x.id).sort());
    });
  });

  describe("snapshots", () => {
    it("create → available; a volume with snapshots cannot be deleted; a volume from the snapshot; delete the snapshot, then the volume", async () => {
      const v = await (await volume("snapsrc")).waitFor("available", wait);
      const snap = await v.createSnapshot({ name: "My Snapshot", description: "daily" });
      expect(snap).toMatchObject({ volumeId: v.id, name: "My Snapshot", description: "daily" });
      const ready = await snap.waitFor("available", wait);
      expect(ready.size).toBe(v.size);
      expect((await v.listSnapshots().toArray()).map((s) => s.id)).toEqual([snap.id]);
      expect((await cbs.snapshots.list().toArray()).map((s) => s.id)).toContain(snap.id);
      expect((await snap.update({ name: "Renamed" })).name).toBe("Renamed");

      const refused = await v.delete().catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(VolumeNotDeletable);
      expect((refused as VolumeNotDeletable).reason).toBe("snapshots");

      const copy = await volume("fromsnap", { snapshot: snap });
      expect(copy.snapshotId).toBe(snap.id);
      await copy.waitFor("available", wait);

      await snap.delete();
      // A second delete while the first runs: Cinder's 400 (status deleting) is SnapshotNotAvailable; once it is
      // gone, NoSuchSnapshot. Never a bare BadRequest.
      const again = await snap.delete().then(() => "accepted", (e: unknown) => e);
      expect(again instanceof SnapshotNotAvailable || again instanceof NoSuchSnapshot).toBe(true);
      await cbs.snapshots.waitFor(snap, "deleted", wait);
      await expect(cbs.snapshots.get(snap.id)).rejects.toBeInstanceOf(NoSuchSnapshot);
      await v.delete();
      await cbs.volumes.waitFor(v, "deleted", wait);
      await expect(cbs.volumes.get(v.id)).rejects.toBeInstanceOf(NoSuchVolume);
    });

    it("a clone copies a volume", async () => {
      const v = await (await volume("clonesrc")).waitFor("available", wait);
      const clone = await volume("clone", { clone: v });
      expect(clone.sourceVolumeId).toBe(v.id);
      expect((await clone.waitFor("available", wait)).size).toBe(v.size);
    });
  });

  describe.skipIf(o.attach === false)("attach and detach (through Nova)", () => {
    it("attach → in-use; delete and unforced snapshots refused; forced snapshot; detach → available; force delete", async () => {
      const target = getTarget();
      const nova = target.ctx.client(Compute, { region: target.region });
      // Nova refuses an image boot on a zero-disk flavor (403); Trove's part adds such flavors.
      const flavors = (await nova.flavors.list().toArray()).filter((f) => f.disk > 0);
      const flavor = flavors.reduce((a, b) => (b.ram < a.ram ? b : a));
      const image = (await nova.images.listBase()).find((i) => i.status === "ACTIVE")!;
      const server = await nova.servers.create({ name: uniqueName("host"), image, flavor, ...(o.networks ? { networks: o.networks } : {}) });
      try {
        await server.waitFor("ACTIVE", wait);
        const v = await (await volume("attach")).waitFor("available", wait);
        await v.attachToInstance(server, "/dev/xvdb");
        const inUse = await v.waitFor("in-use", wait);
        expect(inUse.attachments).toEqual([expect.objectContaining({ serverId: server.id })]);
        expect((await cbs.volumes.serverAttachments(server)).map((a) => a.volumeId)).toContain(v.id);

        const refused = await inUse.delete().catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(VolumeNotDeletable);
        expect((refused as VolumeNotDeletable).reason).toBe("attached");
        await expect(inUse.createSnapshot({ name: "unforced" })).rejects.toBeInstanceOf(VolumeNotAvailable);
        const forced = await inUse.createSnapshot({ name: "forced", force: true });
        await forced.waitFor("available", wait);

        await inUse.detach();
        expect((await v.waitFor("available", wait)).attachments).toEqual([]);
        await inUse.detach(); // nothing happens when it is not attached

        await v.attachToInstance(server.id);
        await v.waitFor("in-use", wait);
        await v.delete({ force: true, interval });
        await cbs.volumes.waitFor(v, "deleted", wait);
        await expect(cbs.snapshots.get(forced.id)).rejects.toBeInstanceOf(NoSuchSnapshot);
      } finally {
        await server.delete();
      }
    });
  });
}
