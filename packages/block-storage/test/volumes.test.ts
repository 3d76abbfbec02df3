import { InvalidResponse, ValidationError, WaitTimeout } from "@rax/core";
import { describe, expect, it } from "vitest";
import { NoSuchSnapshot, NoSuchVolume, NoUniqueMatch, SnapshotFailed, Volume, VolumeFailed, VolumeNotDeletable } from "../src/index";
import { badRequestBody, notFoundBody, serve, serveVersion, TYPES, wireSnapshot, wireVolume } from "./fixture";

describe("volumes", () => {
  it("create (pyrax cbs.create(name, size, volume_type)) checks the type, sends v1's display_name and returns a Volume", async () => {
    const { cbs, seen } = await serve(
      { method: "GET", path: "/types", status: 200, body: TYPES },
      { method: "POST", path: "/volumes", status: 200, body: { volume: wireVolume({ status: "creating" }) } },
    );
    const vol = await cbs.volumes.create({ name: "my_fast_volume", size: 500, volumeType: "SSD", metadata: { a: "b" } });
    expect(seen[1]!.body).toEqual({ volume: { size: 500, display_name: "my_fast_volume", volume_type: "SSD", metadata: { a: "b" } } });
    expect(vol).toBeInstanceOf(Volume);
    expect(vol).toMatchObject({ id: "vol-1", name: "my_fast_volume", size: 500, volumeType: "SSD", status: "creating", availabilityZone: "nova", bootable: false, attachments: [] });
  });

  it("create on v3 sends name/description and insists on 202", async () => {
    const { cbs, seen } = await serveVersion(
      3,
      { method: "POST", path: "/volumes", status: 202, body: { volume: { id: "v3", name: "n", description: "d", size: 10, status: "creating", bootable: "false" } } },
      { method: "POST", path: "/volumes", status: 200, body: { volume: { id: "v4", size: 10 } } },
    );
    const vol = await cbs.volumes.create({ name: "n", description: "d", size: 10, clone: { id: "src" } });
    expect(seen[0]!.body).toEqual({ volume: { size: 10, name: "n", description: "d", source_volid: "src" } });
    expect(vol).toMatchObject({ id: "v3", name: "n", description: "d" });
    await expect(cbs.volumes.create({ size: 10 })).rejects.toBeInstanceOf(InvalidResponse);
  });

  it("Rackspace's SATA/SSD size limits hold on its v1 API only: another cloud's 'ssd' type takes a 10 GB volume", async () => {
    const { cbs, seen } = await serveVersion(
      3,
      { method: "GET", path: "/types", status: 200, body: { volume_types: [{ id: "t-ssd", name: "ssd", extra_specs: {} }] } },
      { method: "POST", path: "/volumes", status: 202, body: { volume: { id: "v3", name: "fast", size: 10, status: "creating", volume_type: "ssd", bootable: "false" } } },
    );
    expect((await cbs.volumes.create({ name: "fast", size: 10, volumeType: "ssd" })).size).toBe(10);
    expect(seen[1]!.body).toEqual({ volume: { size: 10, name: "fast", volume_type: "ssd" } });
  });

  it("create from a snapshot or an image names them as Cinder does", async () => {
    const { cbs, seen } = await serve(
      { method: "POST", path: "/volumes", status: 200, body: { volume: wireVolume({ snapshot_id: "snap-1" }) } },
      { method: "POST", path: "/volumes", status: 200, body: { volume: wireVolume({ image_id: "img-1" }) } },
    );
    expect((await cbs.volumes.create({ snapshot: "snap-1" })).snapshotId).toBe("snap-1");
    await cbs.volumes.create({ size: 100, image: { id: "img-1" } });
    expect(seen.map((s) => s.body)).toEqual([{ volume: { snapshot_id: "snap-1" } }, { volume: { size: 100, imageRef: "img-1" } }]);
  });

  it.each([
    [{ size: 74, volumeType: "SATA" }, "volume.size"],
    [{ size: 49, volumeType: "ssd" }, "volume.size"],
    [{ size: 1025, volumeType: "SSD" }, "volume.size"],
    [{ size: 1.5 }, "volume.size"],
    [{ size: 0 }, "volume.size"],
    [{}, "volume.size"],
    [{ size: 100, snapshot: "s", clone: "c" }, "volume.clone"],
    [{ size: 100, metadata: { n: 1 } }, "volume.metadata.n"],
    [{ size: 100, colour: "red" }, "volume.colour"],
  ])("create refuses %j before any request (%s)", async (input, field) => {
    const { cbs, seen } = await serve();
    const e = await cbs.volumes.create(input as never).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).field).toBe(field);
    expect(seen).toHaveLength(0);
  });

  // The messages a user reads: English (zod/mini loads no locale), and a size that is not a number is
  // called that, not "a whole number" (the whole-number message is for fractions only).
  it.each([
    [{ size: "10" }, "volume.size", "Invalid input: expected number, received string"],
    [{ size: 1.5 }, "volume.size", "must be a whole number of GB"],
    [{ size: 0 }, "volume.size", "must be a positive number of GB"],
    [{ size: 100, name: "x".repeat(256) }, "volume.name", "must be at most 255 characters"],
    [{ size: 100, volumeType: "" }, "volume.volumeType", "Too small: expected string to have >=1 characters"],
    [{ size: 100, metadata: { k: 1 } }, "volume.metadata.k", "must be a string (Cinder metadata holds strings only)"],
    [{ size: 100, snapshot: 5 }, "volume.snapshot", "must be an id (not blank, no '/') or an object with an id"],
    [{ size: 100, colour: "red" }, "volume.colour", 'Unrecognized key: "colour"'],
  ])("create's refusal of %j names %s and says %j", async (input, field, message) => {
    const { cbs } = await serve();
    const e = await cbs.volumes.create(input as never).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toMatchObject({ field, message: expect.stringContaining(message) });
  });

  it("list and deleteMetadata refusals read in English", async () => {
    const { cbs, seen } = await serve();
    expect(() => cbs.volumes.list({ limit: -1 })).toThrow(expect.objectContaining({ field: "filters.limit", message: expect.stringContaining("Too small: expected number to be >0") }));
    await expect(cbs.volumes.deleteMetadata("vol-1", [])).rejects.toMatchObject({ field: "keys", message: expect.stringContaining("Too small: expected array to have >=1 items") });
    expect(seen).toHaveLength(0);
  });

  it("on Rackspace's v1 a blank volume without a type is SATA (pyrax's default): 50 GB is refused before any request; from a snapshot it is not", async () => {
    const { cbs, seen } = await serve({ method: "POST", path: "/volumes", status: 200, body: { volume: wireVolume({ size: 50, volume_type: "SSD", snapshot_id: "snap-1" }) } });
    const e = await cbs.volumes.create({ size: 50 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toMatchObject({ field: "volume.size", message: expect.stringContaining("must be between 75 and 1024 GB for a SATA volume (SATA is the default volumeType)") });
    expect(seen).toHaveLength(0);
    // The snapshot's volume was SSD: its type, not the default, decides (Cinder's answer here).
    expect((await cbs.volumes.create({ size: 50, snapshot: "snap-1" })).size).toBe(50);
  });

  it("create from a snapshot or a clone that does not exist → NoSuchSnapshot / NoSuchVolume naming the source (Cinder's 404)", async () => {
    const { cbs } = await serveVersion(
      3,
      { method: "POST", path: "/volumes", status: 404, body: notFoundBody("Snapshot snap-x") },
      { method: "POST", path: "/volumes", status: 404, body: notFoundBody("Volume vol-x") },
    );
    const s = await cbs.volumes.create({ snapshot: "snap-x" }).catch((x: unknown) => x);
    expect(s).toBeInstanceOf(NoSuchSnapshot);
    expect(s).toMatchObject({ status: 404, message: expect.stringContaining("snap-x") });
    const c = await cbs.volumes.create({ clone: "vol-x" }).catch((x: unknown) => x);
    expect(c).toBeInstanceOf(NoSuchVolume);
    expect(c).toMatchObject({ status: 404, message: expect.stringContaining("vol-x") });
  });

  it("create refuses a size smaller than a Snapshot or Volume given as the source, before any request (pyrax's VolumeCloneTooSmall)", async () => {
    const { cbs, seen } = await serveVersion(3);
    await expect(cbs.volumes.create({ size: 1, snapshot: { id: "snap-1", size: 2 } as never })).rejects.toMatchObject({ field: "volume.size", message: expect.stringContaining("must be at least 2 GB, the size of the snapshot") });
    await expect(cbs.volumes.create({ size: 4, clone: { id: "vol-1", size: 5 } as never })).rejects.toMatchObject({ field: "volume.size", message: expect.stringContaining("must be at least 5 GB, the size of the volume cloned") });
    expect(seen).toHaveLength(0);
  });

  it("create refuses a volume type the cloud does not list, before the create request", async () => {
    const { cbs, seen } = await serve({ method: "GET", path: "/types", status: 200, body: TYPES });
    await expect(cbs.volumes.create({ size: 100, volumeType: "NVMe" })).rejects.toMatchObject({ field: "volume.volumeType" });
    expect(seen.map((s) => s.method)).toEqual(["GET"]);
  });

  it("list walks /volumes/detail pages with limit and marker; get maps a 404 to NoSuchVolume", async () => {
    const { cbs, seen } = await serve(
      { method: "GET", path: "/volumes/detail", status: 200, body: { volumes: [wireVolume({ id: "a" }), wireVolume({ id: "b" })] } },
      { method: "GET", path: "/volumes/detail", status: 200, body: { volumes: [wireVolume({ id: "c" })] } },
      { method: "GET", path: "/volumes/nope", status: 404, body: notFoundBody("Volume nope") },
    );
    const ids: string[] = [];
    for await (const v of cbs.volumes.list({ pageSize: 2 })) ids.push(v.id);
    expect(ids).toEqual(["a", "b", "c"]);
    expect(seen[1]!.query.get("marker")).toBe("b");
    expect(seen[1]!.query.get("limit")).toBe("2");
    const e = await cbs.volumes.get("nope").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NoSuchVolume);
    expect((e as NoSuchVolume).status).toBe(404);
  });

  it("find matches the name exactly: none → NoSuchVolume, several → NoUniqueMatch", async () => {
    const rows = { volumes: [wireVolume({ id: "a", display_name: "x" }), wireVolume({ id: "b", display_name: "x" }), wireVolume({ id: "c", display_name: "y" })] };
    const { cbs } = await serve(
      { method: "GET", path: "/volumes/detail", status: 200, body: rows },
      { method: "GET", path: "/volumes/detail", status: 200, body: rows },
      { method: "GET", path: "/volumes/detail", status: 200, body: rows },
    );
    expect((await cbs.volumes.find("y")).id).toBe("c");
    await expect(cbs.volumes.find("x")).rejects.toBeInstanceOf(NoUniqueMatch);
    await expect(cbs.volumes.find("z")).rejects.toBeInstanceOf(NoSuchVolume);
  });

  it("update sends display_name / display_description on v1", async () => {
    const { cbs, seen } = await serve({ method: "PUT", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume({ display_name: "new" }) } });
    const vol = await cbs.volumes.update("vol-1", { name: "new", description: "d" });
    expect(seen[0]!.body).toEqual({ volume: { display_name: "new", display_description: "d" } });
    expect(vol.name).toBe("new");
  });

  it("vol.update changes the object itself and returns it (vol.name is the new name)", async () => {
    const { cbs } = await serve(
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume() } },
      { method: "PUT", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume({ display_name: "new", display_description: "d" }) } },
    );
    const vol = await cbs.volumes.get("vol-1");
    expect(await vol.update({ name: "new", description: "d" })).toBe(vol);
    expect(vol).toMatchObject({ name: "new", description: "d" });
  });

  it("delete refuses an attached volume and one with snapshots, saying why, without sending DELETE", async () => {
    const { cbs, seen } = await serve(
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume({ status: "in-use", attachments: [{ id: "vol-1", server_id: "srv-1", device: "/dev/xvdb" }] }) } },
      { method: "GET", path: "/snapshots/detail", status: 200, body: { snapshots: [] } },
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume() } },
      { method: "GET", path: "/snapshots/detail", status: 200, body: { snapshots: [wireSnapshot(), wireSnapshot({ id: "other", volume_id: "vol-2" })] } },
    );
    const attached = await cbs.volumes.delete("vol-1").catch((x: unknown) => x);
    expect(attached).toBeInstanceOf(VolumeNotDeletable);
    expect(attached).toMatchObject({ reason: "attached" });
    expect((attached as Error).message).toContain("srv-1");
    const snapped = await cbs.volumes.delete("vol-1").catch((x: unknown) => x);
    expect(snapped).toMatchObject({ reason: "snapshots" });
    expect((snapped as Error).message).toContain("snap-1");
    expect(seen.some((s) => s.method === "DELETE")).toBe(false);
  });

  it("delete refuses a volume Cinder v3 has reserved for an attach (no attachment listed yet)", async () => {
    const { cbs, seen } = await serve(
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume({ status: "reserved" }) } },
      { method: "GET", path: "/snapshots/detail", status: 200, body: { snapshots: [] } },
    );
    await expect(cbs.volumes.delete("vol-1")).rejects.toMatchObject({ name: "VolumeNotDeletable", reason: "attached" });
    expect(seen.some((s) => s.method === "DELETE")).toBe(false);
  });

  it("delete sends DELETE → 202; Cinder's 400 in a race becomes VolumeNotDeletable", async () => {
    const { cbs, seen, left } = await serve(
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume() } },
      { method: "GET", path: "/snapshots/detail", status: 200, body: { snapshots: [] } },
      { method: "DELETE", path: "/volumes/vol-1", status: 202 },
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume() } },
      { method: "GET", path: "/snapshots/detail", status: 200, body: { snapshots: [] } },
      { method: "DELETE", path: "/volumes/vol-1", status: 400, body: badRequestBody("Invalid volume: Volume still has 1 dependent snapshots.") },
    );
    await cbs.volumes.delete({ id: "vol-1" });
    expect(seen[2]!.method).toBe("DELETE");
    await expect(cbs.volumes.delete("vol-1")).rejects.toMatchObject({ name: "VolumeNotDeletable", reason: "snapshots" });
    expect(left()).toBe(0);
  });

  it("delete with force detaches through Nova, waits for available, deletes the snapshots, then the volume", async () => {
    const { cbs, seen, left } = await serve(
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume({ status: "in-use", attachments: [{ id: "vol-1", server_id: "srv-1" }] }) } },
      { method: "GET", path: "/snapshots/detail", status: 200, body: { snapshots: [wireSnapshot()] } },
      { method: "DELETE", path: "/nova/servers/srv-1/os-volume_attachments/vol-1", status: 202 },
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume({ status: "detaching" }) } },
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume() } },
      { method: "DELETE", path: "/snapshots/snap-1", status: 202 },
      { method: "GET", path: "/snapshots/snap-1", status: 404, body: notFoundBody("Snapshot snap-1") },
      { method: "DELETE", path: "/volumes/vol-1", status: 202 },
    );
    await cbs.volumes.delete("vol-1", { force: true, interval: 1 });
    expect(left()).toBe(0);
    expect(seen.at(-1)).toMatchObject({ method: "DELETE", path: "/volumes/vol-1" });
  });

  it("delete with force right after a detach (status detaching, attachment still listed) waits instead of detaching again", async () => {
    const { cbs, seen, left } = await serve(
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume({ status: "detaching", attachments: [{ id: "vol-1", server_id: "srv-1" }] }) } },
      { method: "GET", path: "/snapshots/detail", status: 200, body: { snapshots: [] } },
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume() } },
      { method: "DELETE", path: "/volumes/vol-1", status: 202 },
    );
    await cbs.volumes.delete("vol-1", { force: true, interval: 1 });
    expect(left()).toBe(0);
    expect(seen.some((r) => r.path.includes("os-volume_attachments"))).toBe(false);
  });

  it("delete with force: a detach that leaves the volume in error rejects with VolumeFailed and sends no DELETE", async () => {
    const { cbs, seen } = await serve(
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume({ status: "in-use", attachments: [{ id: "vol-1", server_id: "srv-1" }] }) } },
      { method: "GET", path: "/snapshots/detail", status: 200, body: { snapshots: [] } },
      { method: "DELETE", path: "/nova/servers/srv-1/os-volume_attachments/vol-1", status: 202 },
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume({ status: "error" }) } },
    );
    const e = await cbs.volumes.delete("vol-1", { force: true, interval: 1 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(VolumeFailed);
    expect((e as VolumeFailed).message).toBe("Volume vol-1 went to error while waiting for available");
    expect(seen.some((r) => r.method === "DELETE" && r.path === "/volumes/vol-1")).toBe(false);
  });

  it("vol.deleteAllSnapshots deletes each snapshot of the volume in turn, waiting until it is gone, and keeps the volume", async () => {
    const { cbs, seen, left } = await serve(
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume() } },
      { method: "GET", path: "/snapshots/detail", status: 200, body: { snapshots: [wireSnapshot(), wireSnapshot({ id: "snap-2" }), wireSnapshot({ id: "other", volume_id: "vol-2" })] } },
      { method: "DELETE", path: "/snapshots/snap-1", status: 202 },
      { method: "GET", path: "/snapshots/snap-1", status: 200, body: { snapshot: wireSnapshot({ status: "deleting" }) } },
      { method: "GET", path: "/snapshots/snap-1", status: 404, body: notFoundBody("Snapshot snap-1") },
      { method: "DELETE", path: "/snapshots/snap-2", status: 202 },
      { method: "GET", path: "/snapshots/snap-2", status: 404, body: notFoundBody("Snapshot snap-2") },
    );
    const vol = await cbs.volumes.get("vol-1");
    expect(await vol.deleteAllSnapshots({ interval: 1 })).toBe(2);
    expect(left()).toBe(0);
    expect(seen.filter((r) => r.method === "DELETE").map((r) => r.path)).toEqual(["/snapshots/snap-1", "/snapshots/snap-2"]);
    await expect(vol.deleteAllSnapshots({ interval: 0 })).rejects.toMatchObject({ field: "options.interval" });
  });

  it("waitFor resolves on the status and rejects with VolumeFailed on error", async () => {
    const { cbs } = await serve(
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume({ status: "creating" }) } },
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume({ status: "available" }) } },
      { method: "GET", path: "/volumes/vol-2", status: 200, body: { volume: wireVolume({ id: "vol-2", status: "error" }) } },
      { method: "GET", path: "/volumes/vol-3", status: 200, body: { volume: wireVolume({ id: "vol-3", status: "creating" }) } },
      { method: "GET", path: "/volumes/vol-3", status: 200, body: { volume: wireVolume({ id: "vol-3", status: "creating" }) } },
    );
    expect((await cbs.volumes.waitFor("vol-1", "available", { interval: 1 })).status).toBe("available");
    const e = await cbs.volumes.waitFor("vol-2", "available", { interval: 1 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(VolumeFailed);
    expect((e as VolumeFailed).message).toContain("vol-2 went to error");
    await expect(cbs.volumes.waitFor("vol-3", "available", { interval: 1, attempts: 2 })).rejects.toBeInstanceOf(WaitTimeout);
  });

  it("on v3 VolumeFailed / SnapshotFailed carry Cinder's newest user message for the resource; no messages, no reason", async () => {
    const msg = (text: string, at: string, of = "vol-2") => ({ id: at, event_id: "VOLUME_VOLUME_001_003", user_message: text, message_level: "ERROR", created_at: at, resource_type: "VOLUME", resource_uuid: of });
    const { cbs, seen } = await serveVersion(
      3,
      { method: "GET", path: "/volumes/vol-2", status: 200, body: { volume: wireVolume({ id: "vol-2", status: "error" }) } },
      {
        method: "GET",
        path: "/messages",
        status: 200,
        body: {
          messages: [
            msg("older", "2026-12-02T21:45:05.000000"),
            msg("schedule allocate volume:Could not find any available weighted backend.", "2026-12-02T21:46:05.000000"),
            // Below 3.5 Cinder ignores the filter and answers every message of the project.
            msg("another volume's reason", "2026-12-02T21:47:05.000000", "vol-9"),
          ],
        },
      },
      { method: "GET", path: "/snapshots/snap-1", status: 200, body: { snapshot: wireSnapshot({ status: "error" }) } },
      { method: "GET", path: "/messages", status: 200, body: { messages: [msg("a volume's reason", "2026-12-02T21:47:05.000000", "vol-1")] } },
    );
    const e = await cbs.volumes.waitFor("vol-2", "available", { interval: 1 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(VolumeFailed);
    expect((e as VolumeFailed).message).toBe("Volume vol-2 went to error while waiting for available: schedule allocate volume:Could not find any available weighted backend.");
    expect((e as VolumeFailed).fault).toBe("schedule allocate volume:Could not find any available weighted backend.");
    const asked = seen.find((r) => r.path === "/messages")!;
    expect(asked.query.get("resource_uuid")).toBe("vol-2");
    expect(asked.headers["openstack-api-version"]).toBe("volume 3.5");
    const s = await cbs.snapshots.waitFor("snap-1", "available", { interval: 1 }).catch((x: unknown) => x);
    expect(s).toBeInstanceOf(SnapshotFailed);
    expect((s as SnapshotFailed).message).toBe("Snapshot snap-1 went to error while waiting for available");
  });

  it("a failure to read Cinder's messages (old microversion, refused, broken body) still raises the wait's VolumeFailed", async () => {
    const { cbs } = await serveVersion(
      3,
      { method: "GET", path: "/volumes/vol-2", status: 200, body: { volume: wireVolume({ id: "vol-2", status: "error" }) } },
      { method: "GET", path: "/messages", status: 404, body: notFoundBody("The resource") },
      { method: "GET", path: "/volumes/vol-2", status: 200, body: { volume: wireVolume({ id: "vol-2", status: "error" }) } },
      { method: "GET", path: "/messages", status: 200, body: "<html>not json</html>" },
      { method: "GET", path: "/volumes/vol-2", status: 200, body: { volume: wireVolume({ id: "vol-2", status: "error" }) } },
      { method: "GET", path: "/messages", status: 403, body: { forbidden: { code: 403, message: "Policy doesn't allow message:get_all" } } },
    );
    for (let i = 0; i < 3; i++) {
      const e = await cbs.volumes.waitFor("vol-2", "available", { interval: 1 }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(VolumeFailed);
      expect((e as VolumeFailed).message).toBe("Volume vol-2 went to error while waiting for available");
    }
  });

  it("v1 (Rackspace) has no messages API: VolumeFailed without asking", async () => {
    const { cbs, seen } = await serve({ method: "GET", path: "/volumes/vol-2", status: 200, body: { volume: wireVolume({ id: "vol-2", status: "error" }) } });
    await expect(cbs.volumes.waitFor("vol-2", "available", { interval: 1 })).rejects.toBeInstanceOf(VolumeFailed);
    expect(seen.map((r) => r.path)).toEqual(["/volumes/vol-2"]);
  });

  it("vol.waitFor / snap.waitFor refresh the objects themselves (the README's vol.waitFor(\"available\") then vol.status)", async () => {
    const { cbs } = await serve(
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume({ status: "creating" }) } },
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume({ status: "creating" }) } },
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume({ status: "available" }) } },
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume({ status: "error" }) } },
    );
    const vol = await cbs.volumes.get("vol-1");
    expect(vol.status).toBe("creating");
    expect(await vol.waitFor("available", { interval: 1 })).toBe(vol);
    expect(vol.status).toBe("available");
    expect(vol.raw.status).toBe("available");
    await expect(vol.waitFor("in-use", { interval: 1 })).rejects.toBeInstanceOf(VolumeFailed);
    expect(vol.status).toBe("error");
  });

  it("waitFor(\"deleted\") rejects with VolumeFailed on error_deleting and vol.waitFor leaves the volume at it", async () => {
    const { cbs } = await serve(
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume({ status: "deleting" }) } },
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume({ status: "error_deleting" }) } },
    );
    const vol = await cbs.volumes.get("vol-1");
    const e = await vol.waitFor("deleted", { interval: 1 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(VolumeFailed);
    expect((e as VolumeFailed).message).toContain("vol-1 went to error_deleting while waiting for deleted");
    expect(vol.status).toBe("error_deleting");
  });

  it("metadata: get, merge, replace and delete keys", async () => {
    const { cbs, seen } = await serve(
      { method: "GET", path: "/volumes/vol-1/metadata", status: 200, body: { metadata: { a: "1" } } },
      { method: "POST", path: "/volumes/vol-1/metadata", status: 200, body: { metadata: { a: "1", b: "2" } } },
      { method: "PUT", path: "/volumes/vol-1/metadata", status: 200, body: { metadata: { c: "3" } } },
      { method: "DELETE", path: "/volumes/vol-1/metadata/c", status: 200 },
    );
    expect(await cbs.volumes.getMetadata("vol-1")).toEqual({ a: "1" });
    expect(await cbs.volumes.setMetadata("vol-1", { b: "2" })).toEqual({ a: "1", b: "2" });
    expect(await cbs.volumes.replaceMetadata("vol-1", { c: "3" })).toEqual({ c: "3" });
    await cbs.volumes.deleteMetadata("vol-1", "c");
    expect(seen.map((s) => s.body)).toEqual([undefined, { metadata: { b: "2" } }, { metadata: { c: "3" } }, undefined]);
  });
});
