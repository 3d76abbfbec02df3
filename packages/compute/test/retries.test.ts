import { OverLimit, ServerError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { serveWithRetries, wireServer } from "./fixture";

// Nova's POST /servers is not idempotent: a retry could build a second server.
describe("what is replayed", () => {
  const created = { server: { id: "new-1", links: [], adminPass: "p4ss-w0rd-xyz" } };

  it("a create answered 503 is not sent again", async () => {
    const { nova, seen } = await serveWithRetries(
      { method: "POST", path: "/servers", status: 503, body: { computeFault: { code: 503, message: "busy" } } },
      { method: "POST", path: "/servers", status: 202, body: created },
    );
    await expect(nova.servers.create({ name: "web1", image: "img", flavor: "2" })).rejects.toBeInstanceOf(ServerError);
    expect(seen).toHaveLength(1);
  });

  it("a create refused with 413 + Retry-After (Nova's rate limit: the server did not act) is retried", async () => {
    const { nova, seen } = await serveWithRetries(
      { method: "POST", path: "/servers", status: 413, headers: { "retry-after": "0" }, body: { overLimit: { code: 413, message: "This request was rate-limited.", retryAfter: "0" } } },
      { method: "POST", path: "/servers", status: 202, body: created },
    );
    expect((await nova.servers.create({ name: "web1", image: "img", flavor: "2" })).id).toBe("new-1");
    expect(seen).toHaveLength(2);
  });

  it("a GET answered 503 is retried; a 413 that persists is OverLimit with the hint", async () => {
    const limited = { method: "POST", path: "/servers/srv-1/action", status: 413, headers: { "retry-after": "0" }, body: { overLimit: { code: 413, message: "slow down" } } };
    const { nova, seen } = await serveWithRetries(
      { method: "GET", path: "/servers/srv-1", status: 503, body: {} },
      { method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer() } },
      limited,
      limited,
      limited,
      limited,
    );
    expect((await nova.servers.get("srv-1")).id).toBe("srv-1");
    const e = await nova.servers.reboot("srv-1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OverLimit);
    expect(seen.length).toBeGreaterThan(3);
  });
});
