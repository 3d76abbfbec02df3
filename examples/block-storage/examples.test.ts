import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emulatorTarget } from "../lib/target";
import * as attachVolume from "./attach-volume";
import * as createSnapshot from "./create-snapshot";
import * as createVolume from "./create-volume";
import * as deleteSnapshot from "./delete-snapshot";
import * as deleteVolume from "./delete-volume";
import * as detachVolume from "./detach-volume";
import * as listSnapshots from "./list-snapshots";
import * as listTypes from "./list-types";
import * as listVolumes from "./list-volumes";

// Every "Cloud Block Storage" example, run against one emulator, checked for what it promises.
describe("block storage examples (against @rax/emulator)", () => {
  let target: Awaited<ReturnType<typeof emulatorTarget>>;
  beforeAll(async () => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    target = await emulatorTarget();
  });
  afterAll(async () => {
    await target?.stop();
    vi.restoreAllMocks();
  });

  it("list-types shows SATA and SSD", async () => {
    expect(await listTypes.main(target)).toEqual({ types: ["SATA", "SSD"] });
  });
  it("list-volumes starts out empty", async () => {
    expect(await listVolumes.main(target)).toEqual({ firstPage: [], all: [] });
  });
  it("create-volume makes an available 500 GB SSD volume and refuses a 10 GB SATA one before sending", async () => {
    expect(await createVolume.main(target)).toEqual({ status: "available", size: 500, type: "SSD", refused: "volume.size" });
  });
  it("attach-volume attaches to the server at /dev/xvdb", async () => {
    expect(await attachVolume.main(target)).toEqual({ status: "in-use", serverId: expect.any(String), device: "/dev/xvdb", matches: true });
  });
  it("detach-volume goes in-use → available", async () => {
    expect(await detachVolume.main(target)).toEqual({ before: "in-use", after: "available", attachments: 0 });
  });
  it("delete-volume is refused for snapshots, then for the attachment, and force deletes it", async () => {
    expect(await deleteVolume.main(target)).toEqual({ refused: ["snapshots", "attached"], gone: true });
  });
  it("create-snapshot by object and by id, and restores a volume from it", async () => {
    const r = await createSnapshot.main(target);
    expect(r).toMatchObject({ names: ["My Snapshot", "By Id"], status: "available", restoredFrom: expect.any(String) });
  });
  it("list-snapshots lists all, or one volume's", async () => {
    expect(await listSnapshots.main(target)).toEqual({ all: 2, mine: 1 });
  });
  it("delete-snapshot waits until the snapshot is available, then deletes it", async () => {
    expect(await deleteSnapshot.main(target)).toEqual({ refusedWhileCreating: true, left: 0 });
  });
});
