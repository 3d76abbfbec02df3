import { describe, expect, it } from "vitest";
import { LIMITS } from "../src/index";
import { serve, wireMessage } from "./fixture";

// zod/mini loads no locale: a schema parsed directly (schema.safeParse) says only "Invalid input".
// Users read these messages, so every parse goes through core and each refusal names its rule in English.
describe("what a refusal says", () => {
  it.each([
    [[{ body: 1, ttl: 60.5 }], "messages.0.ttl: must be whole seconds"],
    [[{ body: 1, ttl: "60" }], "messages.0.ttl: Invalid input: expected number, received string"],
    [[{ body: 1, ttl: 59 }], "messages.0.ttl: must be at least 60 seconds"],
  ])("post %j → %s", async (messages, message) => {
    const { pq, seen } = await serve({});
    await expect(pq.messages.postMany("q", messages as never)).rejects.toMatchObject({ name: "ValidationError", message });
    expect(seen).toHaveLength(0);
  });

  it("claim count: a whole number", async () => {
    const { pq } = await serve({});
    await expect(pq.claims.claim("q", { ttl: 60, grace: 60, count: 1.5 })).rejects.toMatchObject({ message: "claim.count: Invalid input: expected int, received number" });
  });

  it("by-id calls: the limit and the bad id, both worded", async () => {
    const { pq } = await serve({});
    const many = Array.from({ length: LIMITS.idsCount + 1 }, (_, i) => `m${i}`);
    await expect(pq.messages.deleteByIds("q", many)).rejects.toMatchObject({ message: `ids: must hold at most ${LIMITS.idsCount} ids per request` });
    await expect(pq.messages.deleteByIds("q", ["a", ""])).rejects.toMatchObject({ message: "ids.1: Too small: expected string to have >=1 characters" });
  });

  it("a body that does not fit names the path and what was expected", async () => {
    const { pq } = await serve({ version: 2 }, { method: "POST", path: "/queues/q/claims", status: 201, body: { messages: [wireMessage("m1", { ttl: "soon" })] } });
    await expect(pq.claims.claim("q", { ttl: 60, grace: 60 })).rejects.toMatchObject({
      name: "InvalidResponse",
      message: expect.stringContaining("Response body does not fit the expected shape at messages.0.ttl: Invalid input: expected number, received string ("),
    });
  });
});
