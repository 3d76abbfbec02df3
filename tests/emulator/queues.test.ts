import { Queues } from "@rax/queues";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queuesScenarios } from "../scenarios/queues";
import { type EmulatorTarget, startEmulatorTarget } from "./emulator-target";

let target: EmulatorTarget;
beforeAll(async () => {
  target = await startEmulatorTarget();
});
afterAll(async () => {
  await target?.close();
});

// Rackspace identity: the catalog's rax:queues (Cloud Queues v1 at /v1/<tenant>).
describe("queues scenarios against @rax/emulator (Cloud Queues v1)", () => {
  it("picks rax:queues and speaks v1", () => {
    const pq = target.ctx.client(Queues, { region: target.region });
    expect(pq.endpoint).toMatch(/\/v1\/[^/]+$/);
    expect(pq.apiVersion).toBe(1);
  });
  queuesScenarios(() => target);
});

// Keystone v3 lists Zaqar too (`messaging`, at its bare root, as real Zaqar is listed): the same scenarios over v2.
describe("queues scenarios against @rax/emulator over Zaqar v2 (messaging)", () => {
  let v2: EmulatorTarget;
  beforeAll(async () => {
    v2 = await startEmulatorTarget({ identity: "keystone" });
  });
  afterAll(async () => {
    await v2?.close();
  });
  const zaqar = (): EmulatorTarget => {
    const endpoint = v2.emulator.endpoint("messaging", v2.region);
    // The emulator's v3 catalog lists rax:queues as well; a Zaqar user's catalog has only messaging.
    return { ...v2, ctx: { ...v2.ctx, client: (Cls: any, o: any) => v2.ctx.client(Cls, { ...o, endpoint }) } as never };
  };
  it("speaks v2 at the messaging endpoint", () => {
    const pq = zaqar().ctx.client(Queues, { region: v2.region });
    expect(pq.apiVersion).toBe(2);
    expect(pq.queuesRoot).toBe("v2/queues");
  });
  queuesScenarios(zaqar);
});

// A context made with its own `env` is hermetic: Cloud Queues' CLOUD_QUEUES_ID comes from it, not from process.env.
describe("CLOUD_QUEUES_ID from the context's env", () => {
  it("ctx.client(Queues) reads the context's variables; process.env's value does not leak into a context with env", async () => {
    const mine = "3381af92-2b9e-11e3-b191-71861300734c";
    const leaked = "11111111-2222-4333-8444-555555555555";
    const saved = process.env.CLOUD_QUEUES_ID;
    process.env.CLOUD_QUEUES_ID = leaked;
    const withId = target.newContext("password", { env: { CLOUD_QUEUES_ID: mine } });
    const without = target.newContext("password", { env: {} });
    try {
      const pq = withId.client(Queues, { region: target.region });
      expect(pq.clientId).toBe(mine);
      await pq.queues.create("envid");
      await pq.messages.post("envid", "hi", 60);
      // Posts and listings send that id: without echo this client does not see its own message.
      expect(await pq.messages.list("envid").toArray()).toEqual([]);
      expect(await pq.messages.list("envid", { echo: true }).toArray()).toHaveLength(1);
      expect(without.client(Queues, { region: target.region }).clientId).not.toBe(leaked);
      // An explicit option still wins over the context's variables.
      expect(withId.client(Queues, { region: target.region, env: {} }).clientId).not.toBe(mine);
      await pq.queues.delete("envid");
    } finally {
      if (saved === undefined) delete process.env.CLOUD_QUEUES_ID;
      else process.env.CLOUD_QUEUES_ID = saved;
      await withId.close();
      await without.close();
    }
  });
});
