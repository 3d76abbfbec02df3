import { BadRequest, NotFound, ValidationError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { NoSuchVolume, NoSuchVolumeType, Snapshot, SnapshotFailed, SnapshotNotAvailable, VolumeNotAvailable, VolumeType } from "../src/index";
import { detachVolume } from "../src/attachments/requests";
import { badRequestBody, notFoundBody, serve, serveVersion, TOKEN, TYPES, wireSnapshot, wireVolume } from "./fixture";

describe("volume types", () => {
  it("list and get (pyrax list_types); ids become strings", async () => {
    const { cbs } = await serve(
      { method: "GET", path: "/types", status: 200, body: TYPES },
      { method: "GET", path: "/types/2", status: 200, body: { volume_type: TYPES.volume_types[1] } },
      { method: "GET", path: "/types/9", status: 404, body: notFoundBody("Volume type 9") },
    );
    const types = (await cbs.types.list()).items;
    expect(types.map((t) => [t.id, t.name])).toEqual([["1", "SATA"], ["2", "SSD"]]);
    expect(types[0]).toBeInstanceOf(VolumeType);
    expect((await cbs.types.get(2)).name).toBe("SSD");
    await expect(cbs.types.get("9")).rejects.toBeInstanceOf(NoSuchVolumeType);
  });
});

describe("snapshots", () => {
  it("vol.createSnapshot sends v1's display_name and force; Cinder's 400 for an attached volume → VolumeNotAvailable", async () => {
    const { cbs, seen } = await serve(
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume() } },
      { method: "POST", path: "/snapshots", status: 201, body: { snapshot: wireSnapshot({ status: "creating" }) } },
      { method: "POST", path: "/snapshots", status: 400, body: badRequestBody("Invalid volume: must be available") },
      { method: "POST", path: "/snapshots", status: 200, body: { snapshot: wireSnapshot() } },
    );
    const vol = await cbs.volumes.get("vol-1");
    const snap = await vol.createSnapshot({ name: "My Snapshot" });
    expect(snap).toBeInstanceOf(Snapshot);
    expect(snap).toMatchObject({ id: "snap-1", volumeId: "vol-1", name: "My Snapshot", status: "creating" });
    expect(seen[1]!.body).toEqual({ snapshot: { volume_id: "vol-1", force: false, display_name: "My Snapshot" } });
    const e = await cbs.snapshots.create("vol-1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(VolumeNotAvailable);
    expect((e as Error).message).toContain("must be available");
    await cbs.volumes.createSnapshot("vol-1", { force: true });
    expect(seen[3]!.body.snapshot.force).toBe(true);
  });

  it("list keeps one volume's snapshots for vol.listSnapshots(); update, delete, waitFor", async () => {
    const { cbs, seen } = await serve(
      { method: "GET", path: "/snapshots/detail", status: 200, body: { snapshots: [wireSnapshot(), wireSnapshot({ id: "s2", volume_id: "other" })] } },
      { method: "PUT", path: "/snapshots/snap-1", status: 200, body: { snapshot: wireSnapshot({ display_name: "renamed" }) } },
      { method: "GET", path: "/snapshots/snap-1", status: 200, body: { snapshot: wireSnapshot({ status: "creating" }) } },
      { method: "GET", path: "/snapshots/snap-1", status: 200, body: { snapshot: wireSnapshot() } },
      { method: "DELETE", path: "/snapshots/snap-1", status: 202 },
      { method: "GET", path: "/snapshots/bad", status: 200, body: { snapshot: wireSnapshot({ id: "bad", status: "error" }) } },
    );
    const snaps = await cbs.volumes.listSnapshots("vol-1").toArray();
    expect(snaps.map((s) => s.id)).toEqual(["snap-1"]);
    expect(seen[0]!.query.get("volume_id")).toBe("vol-1");
    expect(await snaps[0]!.update({ name: "renamed" })).toBe(snaps[0]);
    expect(snaps[0]!.name).toBe("renamed");
    expect(seen[1]!.body).toEqual({ snapshot: { display_name: "renamed" } });
    expect((await cbs.snapshots.waitFor("snap-1", "available", { interval: 1 })).status).toBe("available");
    await snaps[0]!.delete();
    await expect(cbs.snapshots.waitFor("bad", "available", { interval: 1 })).rejects.toBeInstanceOf(SnapshotFailed);
  });

  it("delete of a snapshot that is not available or error → SnapshotNotAvailable (Cinder's 400, pyrax's name); other 400s stay BadRequest", async () => {
    const { cbs } = await serveVersion(
      3,
      { method: "DELETE", path: "/snapshots/snap-1", status: 400, body: badRequestBody("Invalid snapshot: Snapshot status must be available or error and must not be part of a group.") },
      { method: "DELETE", path: "/snapshots/snap-2", status: 400, body: badRequestBody("Something else.") },
    );
    const e = await cbs.snapshots.delete("snap-1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SnapshotNotAvailable);
    expect(e).toBeInstanceOf(BadRequest);
    expect(e).toMatchObject({ snapshot: "snap-1", status: 400, message: expect.stringContaining("Snapshot snap-1 cannot be deleted now: Invalid snapshot: Snapshot status must be available or error") });
    const other = await cbs.snapshots.delete("snap-2").catch((x: unknown) => x);
    expect(other).toBeInstanceOf(BadRequest);
    expect(other).not.toBeInstanceOf(SnapshotNotAvailable);
  });

  it("waitFor(\"deleted\") rejects with SnapshotFailed when the delete fails (error_deleting) instead of waiting out the timeout", async () => {
    const { cbs } = await serve(
      { method: "GET", path: "/snapshots/snap-1", status: 200, body: { snapshot: wireSnapshot({ status: "deleting" }) } },
      { method: "GET", path: "/snapshots/snap-1", status: 200, body: { snapshot: wireSnapshot({ status: "error_deleting" }) } },
    );
    const e = await cbs.snapshots.waitFor("snap-1", "deleted", { interval: 1 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SnapshotFailed);
    expect((e as SnapshotFailed).message).toBe("Snapshot snap-1 went to error_deleting while waiting for deleted");
  });

  it("snap.waitFor refreshes the snapshot object itself", async () => {
    const { cbs } = await serve(
      { method: "GET", path: "/snapshots/snap-1", status: 200, body: { snapshot: wireSnapshot({ status: "creating" }) } },
      { method: "GET", path: "/snapshots/snap-1", status: 200, body: { snapshot: wireSnapshot({ status: "creating" }) } },
      { method: "GET", path: "/snapshots/snap-1", status: 200, body: { snapshot: wireSnapshot() } },
    );
    const snap = await cbs.snapshots.get("snap-1");
    expect(snap.status).toBe("creating");
    expect(await snap.waitFor("available", { interval: 1 })).toBe(snap);
    expect(snap.status).toBe("available");
  });
});

describe("attach / detach (through Nova)", () => {
  it("vol.attachToInstance(server, mountpoint) posts os-volume_attachments to the compute endpoint with the token", async () => {
    const { cbs, seen } = await serve(
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume() } },
      { method: "POST", path: "/nova/servers/srv-1/os-volume_attachments", status: 200, body: { volumeAttachment: { id: "vol-1", serverId: "srv-1", volumeId: "vol-1", device: "/dev/xvdb" } } },
    );
    const vol = await cbs.volumes.get("vol-1");
    const a = await vol.attachToInstance({ id: "srv-1", name: "web1" } as never, "/dev/xvdb");
    expect(seen[1]!.body).toEqual({ volumeAttachment: { volumeId: "vol-1", device: "/dev/xvdb" } });
    expect(seen[1]!.headers["x-auth-token"]).toBe(TOKEN);
    expect(a).toMatchObject({ serverId: "srv-1", volumeId: "vol-1", device: "/dev/xvdb" });
  });

  it("refuses a bad mountpoint or server before any request", async () => {
    const { cbs, seen } = await serve();
    await expect(cbs.volumes.attach("vol-1", "srv-1", "xvdb")).rejects.toMatchObject({ field: "mountpoint" });
    await expect(cbs.volumes.attach("vol-1", {} as never)).rejects.toBeInstanceOf(ValidationError);
    expect(seen).toHaveLength(0);
  });

  it("Nova's 404 says which is missing: the volume → NoSuchVolume; the server → NotFound naming the server, never NoSuchVolume", async () => {
    const { cbs } = await serve(
      { method: "POST", path: "/nova/servers/srv-1/os-volume_attachments", status: 404, body: notFoundBody("Volume vol-x") },
      { method: "POST", path: "/nova/servers/srv-x/os-volume_attachments", status: 404, body: notFoundBody("Instance srv-x") },
      { method: "DELETE", path: "/nova/servers/srv-1/os-volume_attachments/vol-x", status: 404, body: { itemNotFound: { code: 404, message: "volume_id not found: vol-x" } } },
      { method: "DELETE", path: "/nova/servers/srv-x/os-volume_attachments/vol-1", status: 404, body: notFoundBody("Instance srv-x") },
    );
    await expect(cbs.volumes.attach("vol-x", "srv-1")).rejects.toBeInstanceOf(NoSuchVolume);
    const a = await cbs.volumes.attach("vol-1", "srv-x").catch((x: unknown) => x);
    expect(a).toBeInstanceOf(NotFound);
    expect(a).not.toBeInstanceOf(NoSuchVolume);
    expect((a as Error).message).toContain("Instance srv-x could not be found.");
    await expect(detachVolume(cbs, "vol-x", "srv-1")).rejects.toBeInstanceOf(NoSuchVolume);
    const d = await detachVolume(cbs, "vol-1", "srv-x").catch((x: unknown) => x);
    expect(d).toBeInstanceOf(NotFound);
    expect(d).not.toBeInstanceOf(NoSuchVolume);
  });

  it("detach deletes the attachment on the server the volume is attached to; a detached volume sends nothing", async () => {
    const { cbs, seen, left } = await serve(
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume({ status: "in-use", attachments: [{ id: "vol-1", server_id: "srv-9", volume_id: "vol-1", device: "/dev/xvdb" }] }) } },
      { method: "DELETE", path: "/nova/servers/srv-9/os-volume_attachments/vol-1", status: 202 },
      { method: "GET", path: "/volumes/vol-1", status: 200, body: { volume: wireVolume() } },
    );
    await cbs.volumes.detach("vol-1");
    await cbs.volumes.detach("vol-1");
    expect(left()).toBe(0);
    expect(seen.filter((s) => s.method === "DELETE")).toHaveLength(1);
  });
});
