import { TimeoutError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { serve } from "./fixture";

// Retries on: a post or a claim must never be sent twice by the SDK; a renewal may and should be.
const retrying = { retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 } };

describe("reliability", () => {
  it("a post that times out is not replayed (the server may have stored it)", async () => {
    // A per-attempt (headers) timeout, retries on: an idempotent call would be sent again here.
    const { pq, seen } = await serve(
      { transport: { ...retrying, timeouts: { headers: 300 } } },
      { method: "POST", path: "/queues/q/messages", status: 201, delayMs: 1500, body: { partial: false, resources: ["/v1/queues/q/messages/m1"] } },
      { method: "POST", path: "/queues/q/messages", status: 201, body: { partial: false, resources: ["/v1/queues/q/messages/m2"] } },
    );
    await expect(pq.messages.post("q", { job: 1 }, 300)).rejects.toBeInstanceOf(TimeoutError);
    await new Promise((r) => setTimeout(r, 1600));
    expect(seen.filter((s) => s.method === "POST")).toHaveLength(1);
  });

  it("a post answered 503 is not replayed either", async () => {
    const { pq, seen } = await serve({ transport: retrying }, { method: "POST", path: "/queues/q/messages", status: 503, body: { title: "Service Unavailable" } });
    await expect(pq.messages.post("q", 1, 60)).rejects.toMatchObject({ status: 503 });
    expect(seen).toHaveLength(1);
  });

  it("a claim answered 500 is not replayed (it could claim a second batch)", async () => {
    const { pq, seen } = await serve({ transport: retrying }, { method: "POST", path: "/queues/q/claims", status: 500, body: { title: "Internal" } });
    await expect(pq.claims.claim("q", { ttl: 60, grace: 60 })).rejects.toMatchObject({ status: 500 });
    expect(seen).toHaveLength(1);
  });

  it("a claim renewal survives 5xx with backoff", async () => {
    const { pq, seen } = await serve(
      { transport: retrying },
      { method: "PATCH", path: "/queues/q/claims/c1", status: 503, body: { title: "Service Unavailable" } },
      { method: "PATCH", path: "/queues/q/claims/c1", status: 502 },
      { method: "PATCH", path: "/queues/q/claims/c1", status: 204 },
    );
    await pq.claims.update("q", "c1", { ttl: 300 });
    expect(seen.map((s) => s.body)).toEqual([{ ttl: 300 }, { ttl: 300 }, { ttl: 300 }]);
  });
});
