import { ServerError } from "@rax/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { installLeakScan, rejectionOf } from "./harness/leak-scan";
import { startWorld, type World } from "./harness/world";

// Identity under faults: a valid token keeps working without the identity service, concurrent
// 401s share one re-authentication, and a token POST is never replayed blindly.

installLeakScan();

let w: World;
beforeAll(async () => {
  w = await startWorld();
  await w.store.createContainer("idf");
  await w.store.storeObject("idf", "o", "identity-faults");
});
afterEach(() => w.proxy.clearFaults());
afterAll(async () => {
  await w?.close();
});

describe("identity service down", () => {
  it("while the token is still valid, object-store calls keep working and never touch identity", async () => {
    w.proxy.inject({ match: { path: "/identity" }, times: Infinity, fault: { kind: "status", status: 503 } });
    const identityBefore = w.proxy.count({ path: "/identity" });
    for (let i = 0; i < 5; i++) expect((await w.store.fetchObject("idf", "o")).toString()).toBe("identity-faults");
    await w.store.storeObject("idf", "while-down", "x");
    expect(await w.store.listObjectNames("idf")).toContain("while-down");
    expect(w.proxy.count({ path: "/identity" })).toBe(identityBefore);
  });

  it("when the token is then rejected, the caller gets a typed error from the failed re-auth, not a crash", async () => {
    const { ctx, store } = w.newClient();
    await ctx.authenticate();
    w.emu.state.tokens.expire("all");
    w.proxy.inject({ match: { path: "/identity" }, times: Infinity, fault: { kind: "status", status: 503 } });
    const e = await rejectionOf(store.fetchObject("idf", "o"));
    expect(e).toBeInstanceOf(ServerError);
    expect(e.status).toBe(503);
    w.proxy.clearFaults();
    // identity is back: the next call re-authenticates and works
    expect((await store.fetchObject("idf", "o")).toString()).toBe("identity-faults");
  });
});

describe("re-authentication", () => {
  it("20 concurrent calls that all get 401 cause exactly one token request, then all succeed", async () => {
    const { ctx, store } = w.newClient();
    await ctx.authenticate();
    const before = w.tokenPosts();
    w.emu.state.tokens.expire("all");
    const results = await Promise.all(Array.from({ length: 20 }, () => store.fetchObject("idf", "o")));
    expect(results.every((b) => b.toString() === "identity-faults")).toBe(true);
    expect(w.tokenPosts() - before).toBe(1);
  });

  it("a token POST reset after it was sent is replayed once (issuing a token is safe to repeat) and the login succeeds", async () => {
    const { ctx, store } = w.newClient();
    const before = w.tokenPosts();
    w.proxy.inject({ match: { method: "POST", path: /\/tokens$/ }, fault: { kind: "reset-after-request", forward: true } });
    await ctx.authenticate();
    expect(ctx.authenticated).toBe(true);
    // The server acted on the first POST too: two tokens issued, the user sees one login.
    expect(w.tokenPosts() - before).toBe(2);
    expect((await store.fetchObject("idf", "o")).toString()).toBe("identity-faults");
  });

  it("a token POST refused by rate limiting (429 + Retry-After) is retried and succeeds", async () => {
    const { ctx } = w.newClient();
    const before = w.tokenPosts();
    w.proxy.inject({ match: { method: "POST", path: /\/tokens$/ }, fault: { kind: "status", status: 429, headers: { "retry-after": "0" } } });
    await ctx.authenticate();
    expect(ctx.authenticated).toBe(true);
    expect(w.tokenPosts() - before).toBe(2);
  });
});
