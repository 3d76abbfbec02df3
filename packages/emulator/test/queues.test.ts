import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Session, session } from "./helpers";

// Cloud Queues v1 (rax:queues) and Zaqar v2 (messaging) as the emulator serves them, over plain HTTP (no SDK).
// Expected codes and bodies are real Zaqar 15's (probed on 127.0.0.1:8888) for v2, Marconi v1's docs for v1.
let s: Session;
let v1: string;
let v2: string;
const CID = "3381af92-2b9e-11e3-b191-71861300734c";
const OTHER = "8f0b4f2a-1111-4222-8333-944445555666";

beforeAll(async () => {
  s = await session();
  v1 = s.catalog.find((c) => c.type === "rax:queues")!.endpoints.find((e) => e.region === "DFW")!.publicURL!;
  v2 = s.emu.endpoint("messaging", "DFW");
});
afterAll(async () => {
  await s?.emu.stop();
});

type Init = { body?: unknown; clientId?: string | null; headers?: Record<string, string> };
async function q(base: string, method: string, path: string, o: Init = {}) {
  const headers: Record<string, string> = { "x-auth-token": s.token, accept: "application/json", ...o.headers };
  if (o.clientId !== null) headers["client-id"] = o.clientId ?? CID;
  if (o.body !== undefined) headers["content-type"] ??= "application/json";
  const res = await fetch(`${base}${path}`, { method, headers, ...(o.body !== undefined ? { body: typeof o.body === "string" ? o.body : JSON.stringify(o.body) } : {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as any) : undefined };
}
const one = (base: string) => (method: string, path: string, o?: Init) => q(base, method, path, o);
const clock = () => s.emu.state.clock;

describe("Queues v2 (Zaqar) in the emulator", () => {
  const z = (method: string, path: string, o?: Init) => one(v2)(method, `/v2${path}`, o);

  it("is Zaqar's bare root in the catalog's messaging entry; every call needs a token and a Client-ID", async () => {
    expect(new URL(v2).pathname).toBe("/");
    expect((await fetch(`${v2}/v2/queues`)).status).toBe(401);
    expect(await z("GET", "/queues", { clientId: null })).toMatchObject({ status: 400, body: { title: "Missing header value", description: 'The "Client-ID" header is required.' } });
    expect(await z("GET", "/queues", { clientId: "not-a-uuid" })).toMatchObject({ status: 400, body: { title: "Wrong UUID value", description: "Malformed hexadecimal UUID." } });
    expect((await z("GET", "/queues", { clientId: CID.replace(/-/g, "") })).status).toBe(200);
  });

  it("PUT creates (201 + Location), again is 204; lists page by marker with a next link; DELETE is 204 even when gone", async () => {
    expect((await z("GET", "/queues")).body).toEqual({ queues: [], links: [] });
    const made = await z("PUT", "/queues/zq-a");
    expect(made.status).toBe(201);
    expect(made.headers.get("location")).toBe("/v2/queues/zq-a");
    expect((await z("PUT", "/queues/zq-a")).status).toBe(204);
    await z("PUT", "/queues/zq-b", { body: { owner: "me" } });
    const page = await z("GET", "/queues?limit=1&detailed=true");
    expect(page.body.queues).toEqual([{ name: "zq-a", metadata: expect.objectContaining({ _default_message_ttl: 3600 }), href: "/v2/queues/zq-a" }]);
    expect(page.body.links).toEqual([{ rel: "next", href: "/v2/queues?limit=1&detailed=true&marker=zq-a" }]);
    expect((await z("GET", "/queues?marker=zq-b")).body).toEqual({ queues: [], links: [] });
    // Real Zaqar 15's quirk, kept: a marker naming the first queue (or no queue) starts the listing over.
    expect((await z("GET", "/queues?marker=zq-a")).body.queues.map((x: any) => x.name)).toEqual(["zq-a", "zq-b"]);
    expect((await z("GET", "/queues?marker=zq-0")).body.queues.map((x: any) => x.name)).toEqual(["zq-a", "zq-b"]);
    expect((await z("GET", "/queues?limit=1&with_count=true")).body).toMatchObject({ count: 2, links: [{ href: "/v2/queues?limit=1&with_count=true&marker=zq-a" }] });
    expect(await z("GET", "/queues?limit=21")).toMatchObject({ status: 400, body: { title: "Invalid API request", description: "Limit must be at least 1 and no greater than 20." } });
    expect(await z("PUT", `/queues/${"a".repeat(65)}`)).toMatchObject({ status: 400, body: { title: "Invalid queue identification" } });
    expect((await z("DELETE", "/queues/zq-b")).status).toBe(204);
    expect((await z("DELETE", "/queues/zq-b")).status).toBe(204);
    expect((await z("HEAD", "/queues/zq-a")).status).toBe(405);
  });

  it("metadata: GET shows user keys and the reserved defaults; PATCH takes JSON-patch only (415 otherwise, 409 removing a missing key)", async () => {
    await z("PUT", "/queues/zq-meta", { body: { a: 1 } });
    expect((await z("GET", "/queues/zq-meta")).body).toMatchObject({ a: 1, _max_messages_post_size: 262144 });
    const patch = { "content-type": "application/openstack-messaging-v2.0-json-patch" };
    expect((await z("PATCH", "/queues/zq-meta", { body: [{ op: "add", path: "/metadata/b", value: "x" }], headers: patch })).body).toMatchObject({ a: 1, b: "x" });
    expect((await z("PATCH", "/queues/zq-meta", { body: [{ op: "remove", path: "/metadata/a" }], headers: patch })).body).not.toHaveProperty("a");
    expect(await z("PATCH", "/queues/zq-meta", { body: [{ op: "remove", path: "/metadata/zz" }], headers: patch })).toMatchObject({ status: 409, body: { description: "Can't remove non-existent object zz." } });
    expect((await z("PATCH", "/queues/zq-meta", { body: [] })).status).toBe(415);
    expect(await z("PATCH", "/queues/zq-none", { body: [], headers: patch })).toMatchObject({ status: 404, body: { title: "Not found" } });
  });

  it("messages: post in an envelope (201 + resources), TTL limits, list hides your own unless echo, pages by marker", async () => {
    expect(await z("POST", "/queues/zq-m/messages", { body: [{ ttl: 300, body: 1 }] })).toMatchObject({ status: 400, body: { description: "No messages were found in the request body." } });
    expect(await z("POST", "/queues/zq-m/messages", { body: { messages: [{ ttl: 59, body: 1 }] } })).toMatchObject({
      status: 400,
      body: { title: "Invalid API request", description: "The TTL for a message may not exceed 1209600 seconds, and must be at least 60 seconds long." },
    });
    const posted = await z("POST", "/queues/zq-m/messages", { body: { messages: [{ ttl: 300, body: { n: 1 } }, { ttl: 300, body: { n: 2 } }, { body: "x" }] } });
    expect(posted.status).toBe(201);
    expect(posted.body.resources).toHaveLength(3);
    expect(posted.headers.get("location")).toMatch(/^\/v2\/queues\/zq-m\/messages\?ids=/);
    expect((await z("GET", "/queues/zq-m/messages")).body).toEqual({ messages: [], links: [] });
    expect((await z("GET", "/queues/zq-m/messages", { clientId: OTHER })).body.messages).toHaveLength(3);
    const first = await z("GET", "/queues/zq-m/messages?echo=true&limit=2");
    expect(first.body.messages.map((m: any) => m.body)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(first.body.messages[0]).toEqual({ id: expect.any(String), href: expect.stringMatching(/^\/v2\/queues\/zq-m\/messages\//), ttl: 300, age: expect.any(Number), body: { n: 1 } });
    const next = first.body.links[0].href as string;
    expect((await z("GET", next.slice("/v2".length))).body.messages.map((m: any) => m.body)).toEqual(["x"]);
    expect((await z("GET", "/queues/zq-m/messages?limit=21")).body.description).toBe("Limit must be at least 1 and may not be greater than 20.");
    expect((await z("GET", "/queues")).body.queues.map((x: any) => x.name)).toContain("zq-m");
  });

  it("message TTL runs on the emulator's clock", async () => {
    await z("POST", "/queues/zq-ttl/messages", { body: { messages: [{ ttl: 60, body: "short" }, { ttl: 120, body: "long" }] } });
    clock().advance(61_000);
    expect((await z("GET", "/queues/zq-ttl/messages?echo=true")).body.messages.map((m: any) => m.body)).toEqual(["long"]);
    expect((await z("GET", "/queues/zq-ttl/stats")).body.messages).toMatchObject({ claimed: 0, free: 1, total: 1 });
  });

  it("claims: 201 with Location, 204 when nothing is free, limits; claimed messages need the claim id to delete; release frees them", async () => {
    const ids = (await z("POST", "/queues/zq-c/messages", { body: { messages: [1, 2, 3].map((n) => ({ ttl: 600, body: n })) } })).body.resources.map((h: string) => h.split("/").pop());
    expect(await z("POST", "/queues/zq-c/claims", { body: { ttl: 30, grace: 60 } })).toMatchObject({ status: 400, body: { description: "The TTL for a claim may not exceed 43200 seconds, and must be at least 60 seconds long." } });
    expect(await z("POST", "/queues/zq-c/claims", { body: { ttl: 60, grace: 30 } })).toMatchObject({ status: 400, body: { description: "The grace for a claim may not exceed 43200 seconds, and must be at least 60 seconds long." } });
    expect((await z("POST", "/queues/zq-c/claims?limit=21", { body: { ttl: 60, grace: 60 } })).status).toBe(400);
    const claim = await z("POST", "/queues/zq-c/claims?limit=2", { body: { ttl: 60, grace: 60 } });
    expect(claim.status).toBe(201);
    const claimId = claim.headers.get("location")!.split("/").pop()!;
    expect(claim.body.messages.map((m: any) => m.href)).toEqual(ids.slice(0, 2).map((id: string) => `/v2/queues/zq-c/messages/${id}?claim_id=${claimId}`));
    expect((await z("GET", `/queues/zq-c/claims/${claimId}`)).body).toMatchObject({ ttl: 60, href: `/v2/queues/zq-c/claims/${claimId}`, messages: [{ id: ids[0] }, { id: ids[1] }] });
    expect(await z("DELETE", `/queues/zq-c/messages/${ids[0]}`)).toMatchObject({ status: 403, body: { title: "Unable to delete" } });
    expect((await z("DELETE", `/queues/zq-c/messages/${ids[0]}?claim_id=00000000-0000-0000-0000-000000000000`)).status).toBe(400);
    expect((await z("DELETE", `/queues/zq-c/messages/${ids[0]}?claim_id=${claimId}`)).status).toBe(204);
    expect((await z("GET", "/queues/zq-c/stats")).body.messages).toMatchObject({ claimed: 1, free: 1, total: 2 });
    expect((await z("DELETE", `/queues/zq-c/claims/${claimId}`)).status).toBe(204);
    expect((await z("GET", `/queues/zq-c/claims/${claimId}`)).body).toEqual({ title: "Not found", description: `Claim ${claimId} does not exist in queue zq-c for project ${s.emu.users[0]!.tenantId}` });
    const all = await z("POST", "/queues/zq-c/claims", { body: { ttl: 60, grace: 60 } });
    expect(all.body.messages).toHaveLength(2);
    expect((await z("POST", "/queues/zq-c/claims", { body: { ttl: 60, grace: 60 } })).status).toBe(204);
  });

  it("a claim expires on the clock (its messages free again); claiming rewrites its messages (ttl ≥ claim ttl + grace, age from 0) as Zaqar 15's Swift store does", async () => {
    await z("POST", "/queues/zq-exp/messages", { body: { messages: [{ ttl: 60, body: "short" }, { ttl: 600, body: "long" }] } });
    clock().advance(50_000);
    const made = await z("POST", "/queues/zq-exp/claims", { body: { ttl: 100, grace: 60 } });
    const c1 = made.headers.get("location")!.split("/").pop()!;
    // storage/swift/claims.py create: ttl = max(ttl, claim ttl + grace), re-PUT with x-delete-after = ttl.
    // The claim's answer shows the ages as listed before the rewrite; a GET after it, ages from the claim.
    expect(made.body.messages.map((m: any) => [m.body, m.ttl, Math.round(m.age)])).toEqual([["short", 160, 50], ["long", 600, 50]]);
    expect((await z("GET", `/queues/zq-exp/claims/${c1}`)).body.messages.map((m: any) => Math.round(m.age))).toEqual([0, 0]);
    clock().advance(90_000);
    expect((await z("PATCH", `/queues/zq-exp/claims/${c1}`, { body: { ttl: 100 } })).status).toBe(204);
    expect((await z("GET", `/queues/zq-exp/claims/${c1}`)).body.age).toBeLessThan(1);
    clock().advance(69_000);
    expect((await z("GET", `/queues/zq-exp/claims/${c1}`)).body.messages.map((m: any) => m.body)).toEqual(["short", "long"]);
    clock().advance(2_000);
    // 161 s after the claim the short message is gone, although the claim (renewed at 90 s for 100 s) lives on.
    const held = await z("GET", `/queues/zq-exp/claims/${c1}`);
    expect([held.status, held.body.messages.map((m: any) => [m.body, m.ttl])]).toEqual([200, [["long", 600]]]);
    clock().advance(30_000);
    expect((await z("GET", `/queues/zq-exp/claims/${c1}`)).status).toBe(404);
    expect((await z("PATCH", `/queues/zq-exp/claims/${c1}`, { body: { ttl: 100 } })).status).toBe(404);
    expect((await z("POST", "/queues/zq-exp/claims", { body: { ttl: 60, grace: 60 } })).status).toBe(201);
  });

  it("renewing a claim leaves its messages' ttl and expiry alone (Zaqar 15's Swift store updates the claim object only)", async () => {
    await z("POST", "/queues/zq-renew/messages", { body: { messages: [{ ttl: 60, body: "m" }] } });
    const c = (await z("POST", "/queues/zq-renew/claims", { body: { ttl: 300, grace: 90 } })).headers.get("location")!.split("/").pop()!;
    clock().advance(10_000);
    expect((await z("PATCH", `/queues/zq-renew/claims/${c}`, { body: { ttl: 400, grace: 200 } })).status).toBe(204);
    const after = (await z("GET", `/queues/zq-renew/claims/${c}`)).body;
    expect([after.ttl, after.messages.map((m: any) => m.ttl)]).toEqual([400, [390]]);
    // The message was rewritten at the claim for 390 s: it expires then, not at the renewed claim's end + grace.
    clock().advance(381_000);
    expect((await z("GET", `/queues/zq-renew/claims/${c}`)).body.messages).toEqual([]);
  });

  it("deleting with a claim id: a claim that is gone is 400, a free message 400, another claim's message 403", async () => {
    const ids = (await z("POST", "/queues/zq-dc/messages", { body: { messages: [1, 2, 3].map((n) => ({ ttl: 600, body: n })) } })).body.resources.map((h: string) => h.split("/").pop());
    const a = (await z("POST", "/queues/zq-dc/claims?limit=1", { body: { ttl: 60, grace: 60 } })).headers.get("location")!.split("/").pop()!;
    const b = (await z("POST", "/queues/zq-dc/claims?limit=1", { body: { ttl: 60, grace: 60 } })).headers.get("location")!.split("/").pop()!;
    expect(await z("DELETE", `/queues/zq-dc/messages/${ids[1]}?claim_id=${a}`)).toMatchObject({ status: 403, body: { title: "Unable to delete", description: "This message is claimed; it cannot be deleted without a valid claim ID." } });
    expect(await z("DELETE", `/queues/zq-dc/messages/${ids[2]}?claim_id=${a}`)).toMatchObject({ status: 400, body: { description: "A claim was specified, but the message is not currently claimed." } });
    await z("DELETE", `/queues/zq-dc/claims/${b}`);
    expect(await z("DELETE", `/queues/zq-dc/messages/${ids[1]}?claim_id=${b}`)).toMatchObject({ status: 400, body: { description: "The specified claim does not exist or has expired." } });
    expect((await z("DELETE", `/queues/zq-dc/messages/${ids[0]}?claim_id=${a}`)).status).toBe(204);
  });

  it("a claim that runs out (not released) stays written in its messages, as Zaqar 15's Swift store keeps it: hrefs show it, stats count them claimed; they are free to claim and delete", async () => {
    const [id] = (await z("POST", "/queues/zq-lapse/messages", { body: { messages: [{ ttl: 600, body: 1 }] } })).body.resources.map((h: string) => h.split("/").pop());
    const c = (await z("POST", "/queues/zq-lapse/claims", { body: { ttl: 60, grace: 60 } })).headers.get("location")!.split("/").pop()!;
    clock().advance(61_000);
    expect((await z("GET", `/queues/zq-lapse/claims/${c}`)).status).toBe(404);
    const listed = (await z("GET", "/queues/zq-lapse/messages?echo=true")).body.messages;
    expect(listed.map((m: any) => m.href)).toEqual([`/v2/queues/zq-lapse/messages/${id}?claim_id=${c}`]);
    expect((await z("GET", "/queues/zq-lapse/stats")).body.messages).toMatchObject({ claimed: 1, free: 0, total: 1 });
    expect(await z("DELETE", `/queues/zq-lapse/messages/${id}?claim_id=${c}`)).toMatchObject({ status: 400, body: { description: "The specified claim does not exist or has expired." } });
    const again = (await z("POST", "/queues/zq-lapse/claims", { body: { ttl: 60, grace: 60 } })).headers.get("location")!.split("/").pop()!;
    await z("DELETE", `/queues/zq-lapse/claims/${again}`);
    expect((await z("GET", "/queues/zq-lapse/messages?echo=true")).body.messages.map((m: any) => m.href)).toEqual([`/v2/queues/zq-lapse/messages/${id}`]);
    expect((await z("GET", "/queues/zq-lapse/stats")).body.messages).toMatchObject({ claimed: 0, free: 1 });
    expect((await z("DELETE", `/queues/zq-lapse/messages/${id}`)).status).toBe(204);
  });

  it("by ids: GET a set (404 when none exist), DELETE a set (204); pop on v2", async () => {
    const ids = (await z("POST", "/queues/zq-ids/messages", { body: { messages: [1, 2, 3].map((n) => ({ ttl: 600, body: n })) } })).body.resources.map((h: string) => h.split("/").pop());
    expect((await z("GET", `/queues/zq-ids/messages?ids=${ids[0]},${ids[2]},nope`)).body.messages.map((m: any) => m.body)).toEqual([1, 3]);
    expect((await z("GET", "/queues/zq-ids/messages?ids=a,b")).status).toBe(404);
    // Real Zaqar splits the raw query on commas: an encoded %2C names one id that does not exist.
    expect((await z("GET", `/queues/zq-ids/messages?ids=${ids[0]}%2C${ids[1]}`)).status).toBe(404);
    expect((await z("DELETE", `/queues/zq-ids/messages?ids=${ids[0]},${ids[1]}`)).status).toBe(204);
    expect((await z("DELETE", "/queues/zq-ids/messages")).status).toBe(400);
    expect((await z("DELETE", "/queues/zq-ids/messages?pop=1")).body.messages.map((m: any) => m.body)).toEqual([3]);
  });

  it("discovery: the version list at the root (no token), json-home at /v2/, ping; purge and an empty subscriptions listing", async () => {
    const root = await fetch(`${v2}/`);
    expect(root.status).toBe(300);
    expect(((await root.json()) as any).versions.map((v: any) => [v.id, v.status])).toEqual([["1", "DEPRECATED"], ["1.1", "DEPRECATED"], ["2", "CURRENT"]]);
    const home = await fetch(`${v2}/v2/`, { headers: { "x-auth-token": s.token, "client-id": CID } });
    expect([home.status, home.headers.get("content-type")]).toEqual([200, "application/json-home"]);
    expect(Object.keys(((await home.json()) as any).resources)).toContain("rel/post_claim");
    expect((await z("GET", "/ping")).status).toBe(204);
    await z("POST", "/queues/zq-purge/messages", { body: { messages: [{ ttl: 60, body: 1 }] } });
    expect(await z("POST", "/queues/zq-purge/purge", { body: {} })).toMatchObject({ status: 400, body: { description: 'Post body must contain key "resource_types".' } });
    expect((await z("POST", "/queues/zq-purge/purge", { body: { resource_types: ["messages"] } })).status).toBe(204);
    expect((await z("GET", "/queues/zq-purge/stats")).body.messages).toEqual({ claimed: 0, free: 0, total: 0 });
    expect((await z("GET", "/queues/zq-purge/subscriptions")).body).toEqual({ subscriptions: [], links: [] });
  });

  it("keeps projects apart: another project's token sees none of these queues", async () => {
    const emu = s.emu;
    const two = await session({ users: [{ username: "demo", apiKey: "demo-api-key", password: "p1", tenantId: "123456" }, { username: "other", apiKey: "other-key", password: "p2", tenantId: "777777" }] });
    try {
      const { authV2 } = await import("./helpers");
      const otherToken = (await authV2(two.emu, "other", "other-key")).access.token.id;
      const base = two.emu.endpoint("messaging", "DFW");
      await fetch(`${base}/v2/queues/mine`, { method: "PUT", headers: { "x-auth-token": two.token, "client-id": CID } });
      const seen = await fetch(`${base}/v2/queues`, { headers: { "x-auth-token": otherToken, "client-id": CID } });
      expect(((await seen.json()) as any).queues).toEqual([]);
      expect(emu).toBe(s.emu);
    } finally {
      await two.emu.stop();
    }
  });
});

describe("Queues in the emulator's \"paths\" layout", () => {
  it("serves v1 and v2 under /<slug>/<REGION> on the one origin", async () => {
    const p = await session({ layout: "paths" });
    try {
      const v2p = p.emu.endpoint("messaging", "DFW");
      const v1p = p.catalog.find((c) => c.type === "rax:queues")!.endpoints.find((e) => e.region === "DFW")!.publicURL!;
      expect(new URL(v1p).pathname).toBe("/queues/DFW/v1/123456");
      expect(new URL(v2p).pathname).toBe("/messaging/DFW");
      const h = { "x-auth-token": p.token, "client-id": CID };
      expect((await fetch(`${v2p}/v2/queues/lay`, { method: "PUT", headers: h })).status).toBe(201);
      expect((await fetch(`${v1p}/queues/lay`, { method: "HEAD", headers: h })).status).toBe(204);
    } finally {
      await p.emu.stop();
    }
  });
});

describe("Queues v1 (Rackspace Cloud Queues) in the emulator", () => {
  const r = (method: string, path: string, o?: Init) => one(v1)(method, path, o);

  it("is rax:queues at /v1/<tenant>; queue calls need no Client-ID, message and claim calls do", async () => {
    expect(v1).toMatch(/\/v1\/[^/]+$/);
    expect((await r("PUT", "/queues/q1", { clientId: null })).status).toBe(201);
    expect((await r("PUT", "/queues/q1", { clientId: null })).status).toBe(204);
    expect((await r("HEAD", "/queues/q1", { clientId: null })).status).toBe(204);
    expect((await r("HEAD", "/queues/nope", { clientId: null })).status).toBe(404);
    expect(await r("GET", "/queues/q1/messages", { clientId: null })).toMatchObject({ status: 400, body: { description: 'The "Client-ID" header is required.' } });
    expect((await r("PUT", "/queues/bad.name")).status).toBe(400);
  });

  it("lists queues (204 when none after the marker) and messages (204 when none; numeric markers); posts a bare array", async () => {
    const names = ((await r("GET", "/queues?limit=1000")).body.queues as Array<{ name: string }>).map((x) => x.name);
    expect((await r("GET", `/queues?marker=${names[names.length - 1]}`)).status).toBe(204);
    expect((await r("GET", "/queues")).body.queues).toContainEqual({ name: "q1", href: "/v1/queues/q1" });
    expect((await r("GET", "/queues/q1/messages")).status).toBe(204);
    const posted = await r("POST", "/queues/q1/messages", { body: [{ ttl: 300, body: { event: "BackupStarted" } }, { ttl: 300, body: 2 }] });
    expect(posted.status).toBe(201);
    expect(posted.body).toEqual({ partial: false, resources: [expect.stringMatching(/^\/v1\/queues\/q1\/messages\/[0-9a-f]{24}$/), expect.any(String)] });
    expect((await r("POST", "/queues/q1/messages", { body: Array.from({ length: 11 }, () => ({ ttl: 60, body: 1 })) })).status).toBe(400);
    expect((await r("POST", "/queues/q1/messages", { body: [{ body: 1 }] })).body.description).toBe('Missing "ttl" field.');
    const page = await r("GET", "/queues/q1/messages?echo=true&limit=1");
    expect(page.body.messages[0]).toEqual({ href: expect.any(String), ttl: 300, age: 0, body: { event: "BackupStarted" } });
    expect(page.body.links[0].href).toMatch(/^\/v1\/queues\/q1\/messages\?echo=true&limit=1&marker=\d+$/);
    const ids = posted.body.resources.map((h: string) => h.split("/").pop());
    expect((await r("GET", `/queues/q1/messages?ids=${ids.join(",")}`)).body).toHaveLength(2);
  });

  it("metadata is a whole object at /metadata; stats; claims answer a bare array", async () => {
    expect((await r("PUT", "/queues/q1/metadata", { body: { a: 1 } })).status).toBe(204);
    expect((await r("GET", "/queues/q1/metadata")).body).toEqual({ a: 1 });
    expect((await r("GET", "/queues/none/metadata")).status).toBe(404);
    expect((await r("GET", "/queues/q1/stats")).body.messages).toMatchObject({ claimed: 0, free: 2, total: 2, oldest: { age: 0 } });
    const claim = await r("POST", "/queues/q1/claims?limit=1", { body: { ttl: 60, grace: 60 } });
    expect(claim.status).toBe(201);
    expect(Array.isArray(claim.body)).toBe(true);
    expect(claim.body[0].href).toMatch(/\?claim_id=[0-9a-f]{24}$/);
  });

  it("claims and renewals lengthen messages that would expire before the claim to its end + grace (Marconi's MongoDB store); age runs on", async () => {
    await r("POST", "/queues/q-hold/messages", { body: [{ ttl: 60, body: "short" }, { ttl: 3600, body: "long" }] });
    clock().advance(10_000);
    const made = await r("POST", "/queues/q-hold/claims", { body: { ttl: 100, grace: 60 } });
    expect(made.body.map((m: any) => [m.body, m.ttl, m.age])).toEqual([["short", 160, 10], ["long", 3600, 10]]);
    const id = made.headers.get("location")!.split("/").pop()!;
    clock().advance(50_000);
    expect((await r("PATCH", `/queues/q-hold/claims/${id}`, { body: { ttl: 300, grace: 120 } })).status).toBe(204);
    expect((await r("GET", `/queues/q-hold/claims/${id}`)).body.messages.map((m: any) => [m.body, m.ttl])).toEqual([["short", 420], ["long", 3600]]);
    clock().advance(415_000);
    expect((await r("GET", `/queues/q-hold/claims/${id}`)).status).toBe(404);
    expect((await r("GET", "/queues/q-hold/messages?echo=true")).body.messages.map((m: any) => m.body)).toEqual(["short", "long"]);
  });
});
