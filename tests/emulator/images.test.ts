import { startEmulator } from "@rax/emulator";
import { Context } from "@rax/identity";
import { Images, TaskFailed } from "@rax/images";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageScenarios } from "../scenarios/images";
import { uniqueName } from "../scenarios/target";
import { type EmulatorTarget, startEmulatorTarget } from "./emulator-target";

let target: EmulatorTarget;
beforeAll(async () => {
  target = await startEmulatorTarget();
});
afterAll(async () => {
  await target?.close();
});

describe("image scenarios against @rax/emulator", () => {
  imageScenarios(() => target, { memberProject: "777777" });
});

// Rackspace's flows that stock Glance does not offer: import/export through Cloud Files, and a
// share answered by the other account.
describe("images against @rax/emulator only", () => {
  const imgs = () => target.ctx.client(Images, { region: target.region });

  it("import a VHD from Cloud Files, wait for the task, get the image; export it back", async () => {
    const cf = target.objectStore();
    const cont = uniqueName("imports");
    await cf.createContainer(cont);
    await cf.storeObject(cont, "disk.vhd", "pretend vhd bytes");
    const task = await imgs().tasks.import({ container: cont, object: "disk.vhd", name: "imported" });
    expect(task.status).toBe("pending");
    const done = await task.waitFor({ interval: 100, attempts: 100 });
    expect(done.status).toBe("success");
    const img = await imgs().images.get(String(done.result.image_id));
    expect(img).toMatchObject({ name: "imported", status: "active" });
    const exp = await imgs().tasks.export(img, { name: cont });
    await exp.waitFor({ interval: 100, attempts: 100 });
    expect((await cf.listObjects(cont).toArray()).map((o) => o.name)).toContain(`${img.id}.vhd`);
  });

  it("an import of a missing object rejects waitFor with TaskFailed carrying the message", async () => {
    const task = await imgs().tasks.import({ container: "nowhere", object: "none.vhd" });
    const e = await task.waitFor({ interval: 100, attempts: 100 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TaskFailed);
    expect((e as TaskFailed).message).toContain("not found");
  });

  it("the other account accepts a share and then lists the image", async () => {
    const emu = await startEmulator({ users: [{ username: "demo", apiKey: "demo-api-key", tenantId: "123456" }, { username: "friend", apiKey: "friend-key", tenantId: "777777" }] });
    const ctxFor = (username: string, apiKey: string) => new Context({ identityType: "rackspace", authEndpoint: emu.authUrl, username, apiKey, configFile: false, env: {} });
    const owner = ctxFor("demo", "demo-api-key");
    const friend = ctxFor("friend", "friend-key");
    try {
      await owner.authenticate();
      await friend.authenticate();
      const mine = owner.client(Images, { region: "DFW" });
      const theirs = friend.client(Images, { region: "DFW" });
      const img = await mine.images.create({ name: "to-share" });
      await img.reload();
      await mine.members.add(img, "777777");
      expect((await theirs.images.list().toArray()).map((i) => i.id)).not.toContain(img.id);
      expect((await theirs.members.update(img.id, "accepted")).status).toBe("accepted");
      expect((await theirs.images.list().toArray()).map((i) => i.id)).toContain(img.id);
    } finally {
      await owner.close();
      await friend.close();
      await emu.stop();
    }
  });
});
