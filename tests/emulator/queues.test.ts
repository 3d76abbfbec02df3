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
