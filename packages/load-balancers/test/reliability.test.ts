import { ConnectionError, OverLimit, RaxError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { serveWithRetries } from "./fixture";

// A change CLB may have acted on is never sent twice: a second "add node" would add the node twice.
describe("what is replayed", () => {
  const added = { nodes: [{ id: 1, address: "10.0.0.1", port: 80, condition: "ENABLED" }] };

  it("add node: the connection drops after the request was sent → one POST, the error surfaces", async () => {
    // Were it replayed, the second POST would find this 202 and "succeed" with a duplicate node.
    const { clb, seen } = await serveWithRetries({ method: "POST", path: "/loadbalancers/1/nodes", status: 0, reset: true }, { method: "POST", path: "/loadbalancers/1/nodes", status: 202, body: added });
    const e = await clb.nodes.add(1, { address: "10.0.0.1", port: 80 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RaxError);
    expect(seen.filter((s) => s.method === "POST")).toHaveLength(1);
  });

  it("PUT and DELETE changes (idempotent in HTTP, not in CLB: each starts a PENDING_UPDATE) are not replayed either", async () => {
    const { clb, seen } = await serveWithRetries(
      { method: "PUT", path: "/loadbalancers/1/nodes/2", status: 0, reset: true },
      { method: "DELETE", path: "/loadbalancers/1/nodes/2", status: 503, body: { message: "busy", code: 503 } },
    );
    // A replay would reach the fixture server as a second PUT / DELETE (answered 599) and show in `seen`.
    await expect(clb.nodes.update(1, 2, { condition: "DISABLED" })).rejects.toBeInstanceOf(ConnectionError);
    await expect(clb.nodes.delete(1, 2)).rejects.toMatchObject({ status: 503 });
    expect(seen.map((s) => s.method)).toEqual(["PUT", "DELETE"]);
  });

  it("a change refused with 413 + Retry-After (CLB's rate limit: nothing done) is retried", async () => {
    const { clb, seen } = await serveWithRetries(
      { method: "POST", path: "/loadbalancers/1/nodes", status: 413, headers: { "retry-after": "0" }, body: { message: "Rate Control", code: 413 } },
      { method: "POST", path: "/loadbalancers/1/nodes", status: 202, body: added },
    );
    expect((await clb.nodes.add(1, { address: "10.0.0.1", port: 80 })).map((n) => n.id)).toEqual([1]);
    expect(seen).toHaveLength(2);
  });

  it("reads are retried after a 503; a rate limit that persists is OverLimit", async () => {
    const limited = { method: "GET", path: "/loadbalancers/1/nodes", status: 413, headers: { "retry-after": "0" }, body: { message: "Rate Control", code: 413 } };
    const { clb } = await serveWithRetries(
      { method: "GET", path: "/loadbalancers/1/nodes", status: 503, body: { message: "busy", code: 503 } },
      { method: "GET", path: "/loadbalancers/1/nodes", status: 200, body: added },
      limited,
      limited,
      limited,
      limited,
    );
    expect((await clb.nodes.list(1)).length).toBe(1);
    await expect(clb.nodes.list(1)).rejects.toBeInstanceOf(OverLimit);
  });
});
