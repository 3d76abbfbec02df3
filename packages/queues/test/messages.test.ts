import { describe, expect, it } from "vitest";
import { BadRequest } from "@rax/core";
import { ClaimExpired, LIMITS, PartialPost, Message, MessageClaimed, NoSuchMessage, NoSuchQueue } from "../src/index";
import { serve, wireMessage } from "./fixture";

describe("messages", () => {
  it("post one: v1 sends a bare array; returns the id parsed from the href", async () => {
    const { pq, seen } = await serve({}, { method: "POST", path: "/queues/q/messages", status: 201, body: { partial: false, resources: ["/v1/queues/q/messages/51db6f78c508f17ddc924357"] } });
    const m = await pq.messages.post("q", { event: "BackupStarted" }, 300);
    expect(seen[0]!.body).toEqual([{ ttl: 300, body: { event: "BackupStarted" } }]);
    expect(seen[0]!.headers["content-type"]).toBe("application/json");
    expect(m).toEqual({ id: "51db6f78c508f17ddc924357", href: "/v1/queues/q/messages/51db6f78c508f17ddc924357", body: { event: "BackupStarted" }, ttl: 300 });
  });

  it("a post the server stored only in part (v1 `partial: true`) is PartialPost: the stored ones and the rest to post again", async () => {
    const { pq } = await serve(
      {},
      { method: "POST", path: "/queues/q/messages", status: 201, body: { partial: true, resources: ["/v1/queues/q/messages/a1"] } },
      { method: "POST", path: "/queues/q/messages", status: 201, body: { resources: ["/v1/queues/q/messages/b1"] } },
    );
    const err = await pq.messages.postMany("q", [1, 2, 3].map((n) => ({ body: n, ttl: 60 }))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PartialPost);
    expect(err).toMatchObject({ posted: [{ id: "a1", body: 1, ttl: 60 }], notPosted: [{ body: 2, ttl: 60 }, { body: 3, ttl: 60 }] });
    expect(String((err as Error).message)).not.toContain("2");
    await expect(pq.messages.postMany("q", [1, 2].map((n) => ({ body: n, ttl: 60 })))).rejects.toMatchObject({ name: "PartialPost", notPosted: [{ body: 2 }] });
  });

  it("post many on v2: wrapped in {messages}; one result per message, in order", async () => {
    const { pq, seen } = await serve({ version: 2 }, { method: "POST", path: "/queues/q/messages", status: 201, body: { resources: ["/v2/queues/q/messages/a", "/v2/queues/q/messages/b"] } });
    const out = await pq.messages.postMany("q", [
      { body: 1, ttl: 60 },
      { body: "two", ttl: 1_209_600 },
    ]);
    expect(seen[0]!.body).toEqual({ messages: [{ ttl: 60, body: 1 }, { ttl: 1_209_600, body: "two" }] });
    expect(out.map((m) => [m.id, m.body])).toEqual([["a", 1], ["b", "two"]]);
  });

  it.each([
    [() => [{ body: 1, ttl: 59 }], "messages.0.ttl"],
    [() => [{ body: 1, ttl: 1_209_601 }], "messages.0.ttl"],
    [() => [{ body: 1, ttl: 60.5 }], "messages.0.ttl"],
    [() => [{ ttl: 60 }], "messages.0.body"],
    [() => [], "messages"],
    [() => Array.from({ length: LIMITS.postCount + 1 }, () => ({ body: 1, ttl: 60 })), "messages"],
    [() => [{ body: "x".repeat(LIMITS.postBytes), ttl: 60 }], "messages"],
    [() => [{ body: 1, ttl: 60, delay: 5 }], "messages.0.delay"],
  ])("post refuses bad input before any request (%#: %s)", async (make, field) => {
    const { pq, seen } = await serve({});
    await expect(pq.messages.postMany("q", make() as never)).rejects.toMatchObject({ field });
    expect(seen).toHaveLength(0);
  });

  it("ids and claim ids read from hrefs are decoded (percent-encoded or not)", async () => {
    const { pq } = await serve(
      { version: 2 },
      { method: "POST", path: "/queues/q/messages", status: 201, body: { resources: ["/v2/queues/q/messages/a%20b", "/v2/queues/q/messages/plain?x=1"] } },
      { method: "GET", path: "/queues/q/messages", status: 200, body: { messages: [{ href: "/v2/queues/q/messages/m1?x=1&claim_id=c%2F1", ttl: 60, age: 1, body: 1 }, { href: "/v2/queues/q/messages/m2?claim_id=c2&x=y", ttl: 60, age: 1, body: 2 }] } },
      { method: "GET", path: "/queues/q/messages", status: 200, body: { messages: [] } },
    );
    expect((await pq.messages.postMany("q", [{ body: 1, ttl: 60 }, { body: 2, ttl: 60 }])).map((m) => m.id)).toEqual(["a b", "plain"]);
    const listed = await pq.messages.list("q", { includeClaimed: true }).toArray();
    expect(listed.map((m) => [m.id, m.claimId])).toEqual([["m1", "c/1"], ["m2", "c2"]]);
  });

  it("post to a queue that does not exist (v1 404) → NoSuchQueue", async () => {
    const { pq } = await serve({}, { method: "POST", path: "/queues/q/messages", status: 404, body: { title: "Not found" } });
    await expect(pq.messages.post("q", 1, 60)).rejects.toBeInstanceOf(NoSuchQueue);
  });

  it("list sends echo / include_claimed and pages past one page by marker; v1's 204 ends the walk", async () => {
    const { pq, seen } = await serve(
      {},
      { method: "GET", path: "/queues/q/messages", status: 200, body: { messages: [wireMessage("m1", {}, 1), wireMessage("m2", {}, 1)], links: [{ rel: "next", href: "/v1/queues/q/messages?marker=2&echo=true" }] } },
      { method: "GET", path: "/queues/q/messages", status: 200, body: { messages: [wireMessage("m3", { href: "/v1/queues/q/messages/m3?claim_id=c9" }, 1)], links: [{ rel: "next", href: "/v1/queues/q/messages?marker=3" }] } },
      { method: "GET", path: "/queues/q/messages", status: 204 },
    );
    const all = await pq.messages.list("q", { echo: true, includeClaimed: true }).toArray();
    expect(all.map((m) => m.id)).toEqual(["m1", "m2", "m3"]);
    expect(all[2]).toMatchObject({ claimId: "c9", ttl: 300, body: { n: "m3" } });
    expect(all[0]).toBeInstanceOf(Message);
    expect(seen.map((s) => Object.fromEntries(s.query))).toEqual([
      { echo: "true", include_claimed: "true", limit: "10" },
      { echo: "true", include_claimed: "true", limit: "10", marker: "2" },
      { echo: "true", include_claimed: "true", limit: "10", marker: "3" },
    ]);
  });

  it("list with a limit stops there (pyrax's limit); v2 asks for at most 20 a page", async () => {
    const rows = Array.from({ length: 20 }, (_, i) => wireMessage(`m${i}`));
    const { pq, seen } = await serve(
      { version: 2 },
      { method: "GET", path: "/queues/q/messages", status: 200, body: { messages: rows, links: [{ rel: "next", href: "/v2/queues/q/messages?marker=m19" }] } },
      { method: "GET", path: "/queues/q/messages", status: 200, body: { messages: rows.slice(0, 5).map((r, i) => ({ ...r, id: `n${i}` })), links: [{ rel: "next", href: "/v2/queues/q/messages?marker=n4" }] } },
    );
    const got = await pq.messages.list("q", { limit: 25 }).toArray();
    expect(got).toHaveLength(25);
    expect(seen.map((s) => s.query.get("limit"))).toEqual(["20", "5"]);
    expect(seen[0]!.query.get("echo")).toBe("false");
  });

  it("get one; 404 → NoSuchMessage", async () => {
    const { pq } = await serve({}, { method: "GET", path: "/queues/q/messages/m1", status: 200, body: wireMessage("m1", {}, 1) }, { method: "GET", path: "/queues/q/messages/m2", status: 404, body: { title: "Not found" } });
    expect(await pq.messages.get("q", "m1")).toMatchObject({ id: "m1", ttl: 300, age: 1 });
    await expect(pq.messages.get("q", "m2")).rejects.toBeInstanceOf(NoSuchMessage);
  });

  it("reload refreshes a message in place: a claim's id comes and goes with its href", async () => {
    const { pq } = await serve(
      { version: 2 },
      { method: "GET", path: "/queues/q/messages/m1", status: 200, body: wireMessage("m1") },
      { method: "GET", path: "/queues/q/messages/m1", status: 200, body: wireMessage("m1", { href: "/v2/queues/q/messages/m1?claim_id=c1", age: 5 }) },
      { method: "GET", path: "/queues/q/messages/m1", status: 200, body: wireMessage("m1", { age: 9 }) },
    );
    const m = await pq.messages.get("q", "m1");
    expect(m.claimId).toBeUndefined();
    expect(await m.reload()).toBe(m);
    expect(m).toMatchObject({ id: "m1", claimId: "c1", age: 5 });
    await m.reload();
    expect(Object.keys(m)).toEqual(["id", "href", "ttl", "age", "body"]);
    expect(m.raw).toMatchObject({ age: 9 });
  });

  it("get by ids: v1's bare array, v2's envelope, v2's 404 for none found → []", async () => {
    const v1 = await serve({}, { method: "GET", path: "/queues/q/messages", status: 200, body: [wireMessage("a", {}, 1)] });
    expect((await v1.pq.messages.getByIds("q", ["a", { id: "b" }])).map((m) => m.id)).toEqual(["a"]);
    // Raw commas: real Zaqar does not decode %2C before splitting (it then finds nothing).
    expect(v1.seen[0]!.rawQuery).toBe("?ids=a,b");
    const v2 = await serve({ version: 2 }, { method: "GET", path: "/queues/q/messages", status: 200, body: { messages: [wireMessage("a")] } }, { method: "GET", path: "/queues/q/messages", status: 404, body: { title: "Not found" } });
    expect((await v2.pq.messages.getByIds("q", ["a"])).map((m) => m.id)).toEqual(["a"]);
    expect(await v2.pq.messages.getByIds("q", ["zz"])).toEqual([]);
    await expect(v2.pq.messages.getByIds("q", Array.from({ length: 21 }, (_, i) => `m${i}`))).rejects.toMatchObject({ field: "ids" });
  });

  it("delete passes the claim id (given, or carried by a Message read through a claim); 403 → MessageClaimed", async () => {
    const { pq, seen } = await serve(
      {},
      { method: "DELETE", path: "/queues/q/messages/m1", status: 204 },
      { method: "DELETE", path: "/queues/q/messages/m2", status: 204 },
      { method: "GET", path: "/queues/q/messages/m3", status: 200, body: wireMessage("m3", { href: "/v1/queues/q/messages/m3?claim_id=c3" }, 1) },
      { method: "DELETE", path: "/queues/q/messages/m3", status: 204 },
      { method: "DELETE", path: "/queues/q/messages/m4", status: 403, body: { title: "Unable to delete", description: "This message is claimed; it cannot be deleted without a valid claim ID." } },
    );
    await pq.messages.delete("q", "m1");
    await pq.messages.delete("q", "m2", { claimId: "c2" });
    await (await pq.messages.get("q", "m3")).delete();
    expect(seen.filter((s) => s.method === "DELETE").map((s) => s.query.get("claim_id"))).toEqual([null, "c2", "c3"]);
    await expect(pq.messages.delete("q", "m4")).rejects.toBeInstanceOf(MessageClaimed);
  });

  it("a listed message carries no claim id that ran out (Zaqar 15 keeps it in the href), so its delete() works; with includeClaimed it keeps it", async () => {
    const stale = wireMessage("m1", { href: "/v2/queues/q/messages/m1?claim_id=dead" });
    const { pq, seen } = await serve(
      { version: 2 },
      { method: "GET", path: "/queues/q/messages", status: 200, body: { messages: [stale], links: [] } },
      { method: "DELETE", path: "/queues/q/messages/m1", status: 204 },
      { method: "GET", path: "/queues/q/messages", status: 200, body: { messages: [stale], links: [] } },
    );
    const [free] = await pq.messages.list("q", { pageSize: 5 }).toArray();
    expect(free!.claimId).toBeUndefined();
    expect(free!.href).toBe("/v2/queues/q/messages/m1?claim_id=dead");
    await free!.delete();
    expect(seen[1]!.query.get("claim_id")).toBeNull();
    const [held] = await pq.messages.list("q", { includeClaimed: true, pageSize: 5 }).toArray();
    expect(held!.claimId).toBe("dead");
  });

  it("a claim that no longer holds the message (real Zaqar 15's 400s) → ClaimExpired, not deleted; another claim's message → MessageClaimed", async () => {
    const gone = { title: "Unable to delete", description: "The specified claim does not exist or has expired." };
    const free = { title: "Unable to delete", description: "A claim was specified, but the message is not currently claimed." };
    const other = { title: "Unable to delete", description: "This message is claimed; it cannot be deleted without a valid claim ID." };
    const { pq } = await serve(
      { version: 2 },
      { method: "DELETE", path: "/queues/q/messages/m1", status: 400, body: gone },
      { method: "DELETE", path: "/queues/q/messages/m2", status: 400, body: free },
      { method: "DELETE", path: "/queues/q/messages/m3", status: 403, body: other },
      { method: "DELETE", path: "/queues/q/messages/m4", status: 400, body: { title: "Invalid API request", description: "Something else." } },
    );
    const expired = await pq.messages.delete("q", "m1", { claimId: "c1" }).catch((e: unknown) => e);
    expect(expired).toBeInstanceOf(ClaimExpired);
    expect(expired).toBeInstanceOf(BadRequest);
    expect(expired).toMatchObject({ id: "m1", claimId: "c1", status: 400 });
    expect(String((expired as Error).message)).toContain("does not exist or has expired");
    await expect(pq.messages.delete("q", { id: "m2", claimId: "c1" })).rejects.toBeInstanceOf(ClaimExpired);
    await expect(pq.messages.delete("q", "m3", { claimId: "c1" })).rejects.toMatchObject({ name: "MessageClaimed", claimId: "c1", message: expect.stringContaining("claim c1 does not hold it") });
    const plain = await pq.messages.delete("q", "m4", { claimId: "c1" }).catch((e: unknown) => e);
    expect(plain).toBeInstanceOf(BadRequest);
    expect(plain).not.toBeInstanceOf(ClaimExpired);
  });

  it.each([
    [["a", ""], "ids"],
    [["a", { id: 5 }], "ids"],
    [[], "ids"],
  ])("by-id calls refuse %j before any request", async (ids, field) => {
    const { pq, seen } = await serve({});
    await expect(pq.messages.deleteByIds("q", ids as never)).rejects.toMatchObject({ name: "ValidationError", field: expect.stringMatching(new RegExp(`^${field}`)) });
    expect(seen).toHaveLength(0);
  });

  it("delete by ids: one request", async () => {
    const { pq, seen } = await serve({}, { method: "DELETE", path: "/queues/q/messages", status: 204 });
    await pq.messages.deleteByIds("q", ["a", "b c"]);
    expect(seen[0]!.rawQuery).toBe("?ids=a,b%20c");
  });
});
