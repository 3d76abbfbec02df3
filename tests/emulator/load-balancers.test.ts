import { clbState } from "../../packages/emulator/src/load-balancers/model";
import { TimeoutError } from "@rax/core";
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

// A change that times out after CLB acted is not sent again (a second "add node" would add it twice).
describe("changes are not replayed (emulator faults)", () => {
  it("add node whose answer stalls: TimeoutError, one POST, and the node exists once; a 413 + Retry-After is retried", async () => {
    const clb = target.ctx.client(LoadBalancers, { region: target.region });
    const lb = await clb.loadBalancers.create({ name: "replay", protocol: "HTTP", virtualIps: [{ type: "PUBLIC" }] }).whenActive({ interval: 50 });
    const emu = target.emulator;
    const posts = () => emu.requests.filter((r) => r.method === "POST" && r.path.endsWith(`/loadbalancers/${lb.id}/nodes`)).length;
    // The emulator adds the node, sends the headers and part of the body, then stalls: the client gives up.
    emu.faults.inject({ match: { method: "POST", service: "load-balancers", regex: /\/nodes$/ }, stallBody: true });
    const e = await lb.addNodes({ address: "10.9.9.9", port: 80 }, { timeout: 1500 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TimeoutError);
    expect(posts()).toBe(1);
    await lb.waitForActive({ interval: 50 });
    expect(lb.nodes.filter((n) => n.address === "10.9.9.9")).toHaveLength(1);
    // Rate limited: CLB did nothing, so the same POST is sent again and succeeds once.
    emu.faults.inject({ match: { method: "POST", service: "load-balancers", regex: /\/nodes$/ }, status: 413, retryAfter: 0 });
    await lb.addNodes({ address: "10.9.9.10", port: 80 }).whenActive({ interval: 50 });
    expect(posts()).toBe(3);
    expect(lb.nodes.filter((n) => n.address === "10.9.9.10")).toHaveLength(1);
    await lb.delete();
  });
});
