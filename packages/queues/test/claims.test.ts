import { describe, expect, it } from "vitest";
import { Claim, NoSuchClaim, PyraxQueues } from "../src/index";
import { CLIENT_ID, serve, wireMessage } from "./fixture";

const claimed = (id: string, claim: string, v = 2) => wireMessage(id, { href: `/v${v}/queues/q/messages/${id}?claim_id=${claim}` }, v as 1 | 2);

describe("claims", () => {
  it("claim: POST {ttl, grace} ?limit=count → a Claim whose id is the Location's and whose messages carry it", async () => {
    const { pq, seen } = await serve(
      { version: 2 },
      { method: "POST", path: "/queues/q/claims", status: 201, headers: { location: "/v2/queues/q/claims/c1" }, body: { messages: [claimed("m1", "c1"), claimed("m2", "c1")] } },
    );
    const claim = await pq.claims.claim("q", { ttl: 300, grace: 120, count: 2 });
    expect(seen[0]!.body).toEqual({ ttl: 300, grace: 120 });
    expect(seen[0]!.query.get("limit")).toBe("2");
    expect(claim).toBeInstanceOf(Claim);
    expect(claim).toMatchObject({ id: "c1", ttl: 300, grace: 120, age: 0 });
    expect(claim!.messages.map((m) => [m.id, m.claimId])).toEqual([
      ["m1", "c1"],
      ["m2", "c1"],
    ]);
  });

  it("a claim keeps the claimed rows as the server sent them in raw (nothing lost), as each message does", async () => {
    const row = claimed("m1", "c1");
    const { pq } = await serve({ version: 2 }, { method: "POST", path: "/queues/q/claims", status: 201, headers: { location: "/v2/queues/q/claims/c1" }, body: { messages: [{ ...row, checksum: "MD5:x" }] } });
    const claim = (await pq.claims.claim("q", { ttl: 300, grace: 60 }))!;
    expect(claim.raw).toEqual({ messages: [{ ...row, checksum: "MD5:x" }] });
    expect(claim.messages[0]!.raw).toEqual({ ...row, checksum: "MD5:x" });
    // What printing and JSON show: the view once, raw left out.
    expect(JSON.parse(JSON.stringify(claim.messages[0]))).toEqual({ id: "m1", href: "/v2/queues/q/messages/m1?claim_id=c1", ttl: 300, age: 1, body: { n: "m1" }, claimId: "c1" });
    expect(Object.keys(claim.messages[0]!)).toEqual(["id", "href", "ttl", "age", "body", "claimId"]);
  });

  it("v1's bare array; without Location the id comes from a message's claim_id", async () => {
    const { pq } = await serve({}, { method: "POST", path: "/queues/q/claims", status: 201, body: [claimed("m1", "c7", 1)] });
    expect((await pq.claims.claim("q", { ttl: 60, grace: 60 }))!.id).toBe("c7");
  });

  it("a claimed row that does not fit (no ttl) is InvalidResponse naming where", async () => {
    const { pq } = await serve({ version: 2 }, { method: "POST", path: "/queues/q/claims", status: 201, body: { messages: [claimed("m1", "c1"), { href: "/v2/queues/q/messages/m2", age: 1, body: 2 }] } });
    await expect(pq.claims.claim("q", { ttl: 60, grace: 60 })).rejects.toMatchObject({ name: "InvalidResponse", path: "messages.1.ttl" });
  });

  it("nothing to claim (204) is not an error: undefined, as pyrax's None", async () => {
    const { pq } = await serve({}, { method: "POST", path: "/queues/q/claims", status: 204 });
    expect(await pq.claims.claim("q", { ttl: 60, grace: 60 })).toBeUndefined();
  });

  it.each([
    [{ ttl: 59, grace: 60 }, "claim.ttl"],
    [{ ttl: 43_201, grace: 60 }, "claim.ttl"],
    [{ ttl: 60, grace: 59 }, "claim.grace"],
    [{ ttl: 60, grace: 43_201 }, "claim.grace"],
    [{ ttl: 60, grace: 60, count: 21 }, "claim.count"],
    [{ ttl: 60, grace: 60, count: 0 }, "claim.count"],
    [{ ttl: 60 }, "claim.grace"],
  ])("claim refuses %j before any request (%s)", async (input, field) => {
    const { pq, seen } = await serve({});
    await expect(pq.claims.claim("q", input as never)).rejects.toMatchObject({ field });
    expect(seen).toHaveLength(0);
  });

  it("get / reload refreshes the snapshot; 404 → NoSuchClaim", async () => {
    const { pq } = await serve(
      { version: 2 },
      { method: "POST", path: "/queues/q/claims", status: 201, headers: { location: "/v2/queues/q/claims/c1" }, body: { messages: [claimed("m1", "c1")] } },
      { method: "GET", path: "/queues/q/claims/c1", status: 200, body: { age: 30, ttl: 300, href: "/v2/queues/q/claims/c1", messages: [] } },
      { method: "GET", path: "/queues/q/claims/c1", status: 404, body: { title: "Not found", description: "Claim c1 does not exist" } },
    );
    const claim = (await pq.claims.claim("q", { ttl: 300, grace: 60 }))!;
    await claim.reload();
    expect(claim).toMatchObject({ id: "c1", age: 30, ttl: 300, messages: [] });
    // Zaqar's GET reports no grace: the snapshot does not keep the one sent at claim time.
    expect(claim.grace).toBeUndefined();
    await expect(pq.claims.get("q", "c1")).rejects.toBeInstanceOf(NoSuchClaim);
  });

  it("reload takes the server's ttl, age and messages after a renewal elsewhere, and a grace the server reports", async () => {
    const { pq } = await serve(
      { version: 2 },
      { method: "POST", path: "/queues/q/claims", status: 201, headers: { location: "/v2/queues/q/claims/c1" }, body: { messages: [claimed("m1", "c1"), claimed("m2", "c1")] } },
      { method: "GET", path: "/queues/q/claims/c1", status: 200, body: { age: 2, ttl: 900, grace: 120, href: "/v2/queues/q/claims/c1", messages: [claimed("m2", "c1")] } },
    );
    const claim = (await pq.claims.claim("q", { ttl: 300, grace: 60 }))!;
    await claim.reload();
    expect(claim).toMatchObject({ id: "c1", age: 2, ttl: 900, grace: 120 });
    expect(claim.messages.map((m) => [m.id, m.claimId])).toEqual([["m2", "c1"]]);
  });

  it("update (renew) PATCHes ttl and/or grace (one is required); release DELETEs", async () => {
    const { pq, seen } = await serve({}, { method: "PATCH", path: "/queues/q/claims/c1", status: 204 }, { method: "DELETE", path: "/queues/q/claims/c1", status: 204 });
    await expect(pq.claims.update("q", "c1", {})).rejects.toMatchObject({ field: "changes" });
    await expect(pq.claims.update("q", "c1", { ttl: 10 })).rejects.toMatchObject({ field: "changes.ttl" });
    await pq.claims.update("q", "c1", { ttl: 600 });
    await pq.claims.release("q", { id: "c1" });
    expect(seen.map((s) => [s.method, s.body])).toEqual([
      ["PATCH", { ttl: 600 }],
      ["DELETE", undefined],
    ]);
  });

  it("a grace-only renewal reads the claim's TTL first and sends it (Zaqar would put 300 s in its place)", async () => {
    const { pq, seen } = await serve(
      { version: 2 },
      { method: "GET", path: "/queues/q/claims/c1", status: 200, body: { age: 30, ttl: 600, href: "/v2/queues/q/claims/c1", messages: [] } },
      { method: "PATCH", path: "/queues/q/claims/c1", status: 204 },
    );
    await pq.claims.update("q", "c1", { grace: 120 });
    expect(seen.map((s) => [s.method, s.body])).toEqual([
      ["GET", undefined],
      ["PATCH", { ttl: 600, grace: 120 }],
    ]);
  });

  it("a grace-only renewal near the end of a claim sends Zaqar's 60 s minimum, not the seconds left (real Zaqar 15: 400 under 60)", async () => {
    const { pq, seen } = await serve(
      { version: 2 },
      // Zaqar 15's GET reports the seconds left.
      { method: "GET", path: "/queues/q/claims/c1", status: 200, body: { age: 57, ttl: 3, href: "/v2/queues/q/claims/c1", messages: [] } },
      { method: "PATCH", path: "/queues/q/claims/c1", status: 204 },
    );
    await pq.claims.update("q", "c1", { grace: 120 });
    expect(seen.map((s) => [s.method, s.body])).toEqual([
      ["GET", undefined],
      ["PATCH", { ttl: 60, grace: 120 }],
    ]);
  });

  it("a ttl-only renewal of a Claim sends the grace it holds (Zaqar would put its default in its place)", async () => {
    const { pq, seen } = await serve(
      { version: 2 },
      { method: "POST", path: "/queues/q/claims", status: 201, headers: { location: "/v2/queues/q/claims/c1" }, body: { messages: [claimed("m1", "c1")] } },
      { method: "PATCH", path: "/queues/q/claims/c1", status: 204 },
      { method: "PATCH", path: "/queues/q/claims/c1", status: 204 },
    );
    const claim = (await pq.claims.claim("q", { ttl: 300, grace: 240 }))!;
    await pq.claims.update("q", claim, { ttl: 900 });
    await claim.update({ ttl: 1200 });
    expect(seen.slice(1).map((s) => [s.method, s.body])).toEqual([
      ["PATCH", { ttl: 900, grace: 240 }],
      ["PATCH", { ttl: 1200, grace: 240 }],
    ]);
  });

  it("a Queue takes pyrax's positional forms too: queue.claimMessages(ttl, grace[, count]), queue.updateClaim(claim[, ttl][, grace])", async () => {
    const { pq, seen } = await serve(
      {},
      { method: "PUT", path: "/queues/q", status: 201 },
      { method: "POST", path: "/queues/q/claims", status: 201, body: [claimed("m1", "c1", 1)] },
      { method: "POST", path: "/queues/q/claims", status: 201, body: [claimed("m2", "c2", 1)] },
      { method: "PATCH", path: "/queues/q/claims/c1", status: 204 },
      { method: "PATCH", path: "/queues/q/claims/c1", status: 204 },
    );
    const queue = await pq.queues.create("q");
    const claim = (await queue.claimMessages(300, 60, 5))!;
    expect(claim.id).toBe("c1");
    await queue.claimMessages(120, 90);
    await queue.updateClaim(claim, 450, 120);
    await queue.updateClaim(claim, { ttl: 500, grace: 100 });
    expect(seen.slice(1).map((s) => [s.method, s.query.get("limit"), s.body])).toEqual([
      ["POST", "5", { ttl: 300, grace: 60 }],
      ["POST", null, { ttl: 120, grace: 90 }],
      ["PATCH", null, { ttl: 450, grace: 120 }],
      ["PATCH", null, { ttl: 500, grace: 100 }],
    ]);
    // A grace left out is named before any request, as with the object form.
    await expect(queue.claimMessages(300, undefined as unknown as number)).rejects.toMatchObject({ field: "claim.grace" });
    expect(seen).toHaveLength(5);
  });

  it("pyrax's flat calls (PyraxQueues) reach the same wire", async () => {
    const { seen, origin } = await serve(
      {},
      { method: "POST", path: "/queues/q/claims", status: 201, body: [claimed("m1", "c1", 1)] },
      { method: "PATCH", path: "/queues/q/claims/c1", status: 204 },
      { method: "DELETE", path: "/queues/q/claims/c1", status: 204 },
    );
    const { StaticSession } = await import("@rax/core");
    const pq = new PyraxQueues(new StaticSession({ token: "t", endpoint: `${origin}/v1/123456` }), { endpoint: `${origin}/v1/123456`, clientId: CLIENT_ID });
    const claim = (await pq.claimMessages("q", 300, 60, 5))!;
    await pq.updateClaim("q", claim, 450, 120);
    await pq.releaseClaim("q", claim);
    expect(seen.map((s) => [s.method, s.query.get("limit"), s.body])).toEqual([
      ["POST", "5", { ttl: 300, grace: 60 }],
      ["PATCH", null, { ttl: 450, grace: 120 }],
      ["DELETE", null, undefined],
    ]);
    await pq.session.transport.close();
  });
});
