import { StaticSession } from "@rax/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @rax/emulator is not a dependency of this package: its source and its tests' session helper.
import { type Session, session } from "../../emulator/test/helpers";
import { Databases, InstanceNotAvailable } from "../src/index";

// The emulator's Trove answers an action on an instance that is not ACTIVE with real Trove 18's 422
// and wording; the client must turn that into InstanceNotAvailable a caller can wait out.
let s: Session;
let cdb: Databases;

beforeAll(async () => {
  s = await session();
  const endpoint = s.catalog.find((c) => c.type === "rax:database")!.endpoints.find((e) => e.region === "DFW")!.publicURL!;
  cdb = new Databases(new StaticSession({ token: s.token, endpoint }));
});
afterAll(async () => {
  await s?.emu.stop();
});

describe("InstanceNotAvailable against the emulator's Trove", () => {
  it("restart while building or rebooting, and a database while rebooting, are refused as InstanceNotAvailable; after waitFor(ACTIVE) they go through", async () => {
    const inst = await cdb.instances.create({ name: "busy", flavor: 1, volume: 1 });
    expect(inst.status).toBe("BUILD");
    const building = await inst.restart().catch((x: unknown) => x);
    expect(building).toBeInstanceOf(InstanceNotAvailable);
    expect(building).toMatchObject({
      status: 422,
      instanceId: inst.id,
      instanceStatus: "BUILD",
      serverMessage: `Instance ${inst.id} is not currently available for an action to be performed (instance status was BUILD).`,
    });

    s.emu.state.clock.advance(10_000);
    await inst.waitFor("ACTIVE", { interval: 1 });
    await inst.restart();
    const rebooting = await inst.restart().catch((x: unknown) => x);
    expect(rebooting).toMatchObject({ name: "InstanceNotAvailable", instanceId: inst.id, instanceStatus: "REBOOTING" });
    const guest = await inst.createDatabase("shop").catch((x: unknown) => x);
    expect(guest).toBeInstanceOf(InstanceNotAvailable);
    expect(guest).toMatchObject({ instanceId: inst.id, serverMessage: `Instance ${inst.id} is not ready.` });

    s.emu.state.clock.advance(10_000);
    await inst.waitFor("ACTIVE", { interval: 1 });
    expect((await inst.createDatabase("shop")).name).toBe("shop");
  });
});
