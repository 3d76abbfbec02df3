import { InvalidResponse, ValidationError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { DuplicateQueue, NoSuchQueue, Queue } from "../src/index";
import { serve } from "./fixture";

const row = (name: string, v = 1) => ({ name, href: `/v${v}/queues/${name}` });

describe("queues", () => {
  it("list walks every page by the next link's marker; v1's 204 ends it", async () => {
    const { pq, seen } = await serve(
      {},
      { method: "GET", path: "/queues", status: 200, body: { queues: [row("a"), row("b")], links: [{ rel: "next", href: "/v1/queues?marker=b&limit=2" }] } },
      { method: "GET", path: "/queues", status: 204 },
    );
    const all = await pq.queues.list({ pageSize: 2 }).toArray();
    expect(all.map((q) => q.name)).toEqual(["a", "b"]);
    expect(all[0]).toBeInstanceOf(Queue);
    expect(seen.map((s) => Object.fromEntries(s.query))).toEqual([{ limit: "2" }, { limit: "2", marker: "b" }]);
  });

  it("list on v2: detailed rows carry metadata; a short page ends the walk without an extra request", async () => {
    const { pq, seen } = await serve(
      { version: 2 },
      { method: "GET", path: "/queues", status: 200, body: { queues: [{ ...row("a", 2), metadata: { x: 1 } }], links: [{ rel: "next", href: "/v2/queues?detailed=true&marker=a" }] } },
    );
    const all = await pq.queues.list({ detailed: true }).toArray();
    expect(all.map((q) => ({ name: q.name, metadata: q.metadata }))).toEqual([{ name: "a", metadata: { x: 1 } }]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.query.get("detailed")).toBe("true");
    expect(() => pq.queues.list({ pageSize: 21 })).toThrow(ValidationError);
  });

  it("exists: v1 HEAD (204 yes / 404 no); v2 asks the listing by name (GET on v2 answers any name)", async () => {
    const v1 = await serve({}, { method: "HEAD", path: "/queues/a", status: 204 }, { method: "HEAD", path: "/queues/b", status: 404 });
    expect(await v1.pq.queues.exists("a")).toBe(true);
    expect(await v1.pq.queues.exists("b")).toBe(false);
    const v2 = await serve(
      { version: 2 },
      { method: "GET", path: "/queues", status: 200, body: { queues: [row("ab", 2), row("ab-2", 2)], links: [] } },
      { method: "GET", path: "/queues", status: 200, body: { queues: [row("ab-2", 2)], links: [] } },
    );
    expect(await v2.pq.queues.exists("ab")).toBe(true);
    expect(await v2.pq.queues.exists("ab")).toBe(false);
    expect(v2.seen[0]!.query.get("name")).toBe("ab");
  });

  it("get → NoSuchQueue when it does not exist", async () => {
    const { pq } = await serve({}, { method: "HEAD", path: "/queues/a", status: 404 });
    const miss = await pq.queues.get("a").catch((e: unknown) => e);
    expect(miss).toBeInstanceOf(NoSuchQueue);
    expect((miss as NoSuchQueue).status).toBe(404);
    // Which queue and where, not a made-up "(HTTP 404; GET queue a)".
    expect((miss as Error).message).toBe('No queue named "a" in rax:queues');
  });

  it("create: 201 → a Queue; 204 (already there) → DuplicateQueue", async () => {
    const { pq } = await serve({}, { method: "PUT", path: "/queues/q", status: 201, headers: { location: "/v1/queues/q" } }, { method: "PUT", path: "/queues/q", status: 204 });
    const q = await pq.queues.create("q");
    expect(q).toMatchObject({ name: "q", href: "/v1/queues/q" });
    const e = await pq.queues.create("q").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DuplicateQueue);
    expect((e as DuplicateQueue).queue).toBe("q");
  });

  it("create on v2 sends metadata in the PUT; another 2xx is InvalidResponse", async () => {
    const { pq, seen } = await serve({ version: 2 }, { method: "PUT", path: "/queues/q", status: 201 }, { method: "PUT", path: "/queues/r", status: 200 });
    await pq.queues.create("q", { metadata: { a: 1 } });
    expect(seen[0]!.body).toEqual({ a: 1 });
    await expect(pq.queues.create("r")).rejects.toBeInstanceOf(InvalidResponse);
  });

  it.each([["bad.name"], ["has space"], ["a".repeat(65)], [""], ["ünï"]])("refuses the queue name %j before any request", async (name) => {
    const { pq, seen } = await serve({});
    await expect(pq.queues.create(name)).rejects.toMatchObject({ field: "name" });
    await expect(pq.messages.post(name, 1, 60)).rejects.toMatchObject({ field: "queue" });
    expect(seen).toHaveLength(0);
  });

  it("stats: claimed, free, total, oldest and newest", async () => {
    const { pq } = await serve(
      {},
      { method: "GET", path: "/queues/q/stats", status: 200, body: { messages: { claimed: 1, free: 2, total: 3, oldest: { age: 9, created: "2026-12-01T00:00:00Z", href: "/v1/queues/q/messages/1" }, newest: { age: 1, href: "/v1/queues/q/messages/3" } } } },
      { method: "GET", path: "/queues/none/stats", status: 404, body: { title: "Not found" } },
    );
    expect(await pq.queues.stats("q")).toMatchObject({ claimed: 1, free: 2, total: 3, oldest: { age: 9, created: "2026-12-01T00:00:00Z" }, newest: { age: 1 } });
    await expect(pq.queues.stats("none")).rejects.toBeInstanceOf(NoSuchQueue);
  });

  it("v1 metadata: set merges (GET, then PUT of the union); clear replaces (PUT only)", async () => {
    const { pq, seen } = await serve(
      {},
      { method: "GET", path: "/queues/q/metadata", status: 200, body: { a: 1, b: 2 } },
      { method: "PUT", path: "/queues/q/metadata", status: 204 },
      { method: "PUT", path: "/queues/q/metadata", status: 204 },
    );
    expect(await pq.queues.setMetadata("q", { b: 3, c: 4 })).toEqual({ a: 1, b: 3, c: 4 });
    expect(await pq.queues.setMetadata("q", { z: 1 }, { clear: true })).toEqual({ z: 1 });
    expect(seen.filter((s) => s.method === "PUT").map((s) => s.body)).toEqual([{ a: 1, b: 3, c: 4 }, { z: 1 }]);
  });

  it("v2 metadata: get reads the queue; merge is JSON-patch adds; clear also removes user keys (never Zaqar's reserved _ keys)", async () => {
    const { pq, seen } = await serve(
      { version: 2 },
      { method: "GET", path: "/queues/q", status: 200, body: { a: 1, _default_message_ttl: 3600 } },
      { method: "PATCH", path: "/queues/q", status: 200, body: { a: 1, b: 2, _default_message_ttl: 3600 } },
      { method: "GET", path: "/queues/q", status: 200, body: { a: 1, b: 2, _default_message_ttl: 3600 } },
      { method: "PATCH", path: "/queues/q", status: 200, body: { b: 5, _default_message_ttl: 3600 } },
    );
    expect(await pq.queues.getMetadata("q")).toEqual({ a: 1, _default_message_ttl: 3600 });
    await pq.queues.setMetadata("q", { b: 2 });
    expect(seen[1]!.headers["content-type"]).toBe("application/openstack-messaging-v2.0-json-patch");
    expect(seen[1]!.body).toEqual([{ op: "add", path: "/metadata/b", value: 2 }]);
    expect(await pq.queues.setMetadata("q", { b: 5 }, { clear: true })).toEqual({ b: 5, _default_message_ttl: 3600 });
    expect(seen[3]!.body).toEqual([
      { op: "remove", path: "/metadata/a" },
      { op: "add", path: "/metadata/b", value: 5 },
    ]);
  });

  it("a Queue object's verbs go to its queue", async () => {
    const { pq, seen } = await serve({}, { method: "PUT", path: "/queues/q", status: 201 }, { method: "POST", path: "/queues/q/messages", status: 201, body: { partial: false, resources: ["/v1/queues/q/messages/m1"] } }, { method: "DELETE", path: "/queues/q", status: 204 });
    const q = await pq.queues.create("q");
    expect(await q.postMessage({ hello: 1 }, 120)).toEqual({ id: "m1", href: "/v1/queues/q/messages/m1", body: { hello: 1 }, ttl: 120 });
    await q.delete();
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual(["PUT /queues/q", "POST /queues/q/messages", "DELETE /queues/q"]);
  });
});
