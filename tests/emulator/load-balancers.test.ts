import { clbState } from "../../packages/emulator/src/load-balancers/model";
import { LoadBalancerFailed, LoadBalancers } from "@rax/load-balancers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBalancerScenarios } from "../scenarios/load-balancers";
import { type EmulatorTarget, startEmulatorTarget } from "./emulator-target";

let target: EmulatorTarget;
beforeAll(async () => {
  target = await startEmulatorTarget();
  // The "second change while PENDING_UPDATE" step must reach the emulator inside the pending window even on
  // a loaded machine (300 ms, the default, was once not enough).
  clbState(target.emulator.state).timings.update = 1000;
});
afterAll(async () => {
  await target?.close();
});

describe("load balancer scenarios against @rax/emulator", () => {
  loadBalancerScenarios(() => target, { interval: 100 });
});

// Only the emulator can be told to fail a load balancer: ERROR ends the wait with a typed error.
describe("a load balancer that goes to ERROR (emulator only)", () => {
  it("whenActive() rejects with LoadBalancerFailed carrying the load balancer", async () => {
    const clb = target.ctx.client(LoadBalancers, { region: target.region });
    const lb = await clb.loadBalancers.create({ name: "doomed", port: 80, protocol: "TCP", virtualIps: [{ type: "SERVICENET" }] });
    clbState(target.emulator.state).region(target.region).lbs.get(lb.id)!.pending = { to: "ERROR", at: 0 };
    const e = await clb.loadBalancers.waitFor(lb, "ACTIVE", { interval: 50 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LoadBalancerFailed);
    expect((e as LoadBalancerFailed).resource).toMatchObject({ id: lb.id, status: "ERROR" });
  });
});
