import { inspect } from "node:util";
import { StaticSession, ValidationError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { Queues, QueueClientIDNotDefined } from "../src/index";
import { CLIENT_ID, serve, zaqarError } from "./fixture";

const session = () => new StaticSession({ token: "t", endpoint: "http://127.0.0.1:1/v1/123456" });

describe("client id and API version", () => {
  it("sends the Client-ID on every request (queue calls too, as pyrax does)", async () => {
    const { pq, seen } = await serve({}, { method: "PUT", path: "/queues/q", status: 201 }, { method: "GET", path: "/queues/q/stats", status: 200, body: { messages: { claimed: 0, free: 0, total: 0 } } });
    await pq.queues.create("q");
    await pq.queues.stats("q");
    expect(seen.map((s) => s.headers["client-id"])).toEqual([CLIENT_ID, CLIENT_ID]);
  });

  it("is generated (a canonical UUID) when not given, read from CLOUD_QUEUES_ID when set, and settable", () => {
    const generated = new Queues(session(), { env: {} }).clientId;
    expect(generated).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Queues(session(), { env: {} }).clientId).not.toBe(generated);
    expect(new Queues(session(), { env: { CLOUD_QUEUES_ID: CLIENT_ID } }).clientId).toBe(CLIENT_ID);
    const pq = new Queues(session(), { env: {} });
    pq.clientId = "8F0B4F2A-1111-4222-8333-944445555666";
    expect(pq.clientId).toBe("8f0b4f2a-1111-4222-8333-944445555666");
  });

  it("refuses a Client-ID that is not a canonical UUID (option, variable or setter)", () => {
    expect(() => new Queues(session(), { clientId: "my-client" })).toThrow(ValidationError);
    expect(() => new Queues(session(), { env: { CLOUD_QUEUES_ID: "3381af922b9e11e3b19171861300734c" } })).toThrow(/clientId/);
    const pq = new Queues(session(), { env: {} });
    expect(() => (pq.clientId = "nope")).toThrow(ValidationError);
  });

  it("without one (clientId: null), message and claim calls fail before any request with QueueClientIDNotDefined; v1 queue calls still go", async () => {
    const { pq, seen } = await serve({ client: { clientId: null } }, { method: "PUT", path: "/queues/q", status: 201 });
    await expect(pq.messages.post("q", "hi", 300)).rejects.toBeInstanceOf(QueueClientIDNotDefined);
    await expect(pq.claims.claim("q", { ttl: 60, grace: 60 })).rejects.toBeInstanceOf(QueueClientIDNotDefined);
    await pq.queues.create("q");
    expect(seen.map((s) => s.method)).toEqual(["PUT"]);
    expect(seen[0]!.headers["client-id"]).toBeUndefined();
  });

  it("on v2 every call needs it; the server's own 400 for a missing header is QueueClientIDNotDefined too", async () => {
    const { pq, seen } = await serve({ version: 2, client: { clientId: null } });
    await expect(pq.queues.create("q")).rejects.toBeInstanceOf(QueueClientIDNotDefined);
    expect(seen).toHaveLength(0);
    const other = await serve({ version: 2 }, { method: "GET", path: "/queues/q/stats", status: 400, body: zaqarError("Missing header value", 'The "Client-ID" header is required.') });
    await expect(other.pq.queues.stats("q")).rejects.toBeInstanceOf(QueueClientIDNotDefined);
  });

  it("reads the version from the endpoint: /v1/<tenant> is v1; Zaqar's bare root is v2 with /v2/queues paths", async () => {
    const v1 = await serve({}, { method: "DELETE", path: "/queues/q", status: 204 });
    const v2 = await serve({ version: 2 }, { method: "DELETE", path: "/queues/q", status: 204 });
    expect([v1.pq.apiVersion, v2.pq.apiVersion]).toEqual([1, 2]);
    await v1.pq.queues.delete("q");
    await v2.pq.queues.delete("q");
    expect(v1.left() + v2.left()).toBe(0);
    expect(new Queues(new StaticSession({ token: "t", endpoint: "http://h:8888/v2" }), { endpoint: "http://h:8888/v2" }).queuesRoot).toBe("queues");
  });

  it("falls back from rax:queues to the catalog's messaging entry", () => {
    const s = new StaticSession({ token: "t", endpoints: { messaging: "http://127.0.0.1:8888" } });
    const pq = new Queues(s, { env: {} });
    expect(pq.endpoint).toBe("http://127.0.0.1:8888");
    expect(pq.apiVersion).toBe(2);
  });

  it("printing the client shows no session secrets", () => {
    const pq = new Queues(new StaticSession({ token: "secret-token-value-123", endpoint: "http://127.0.0.1:1/v1/1" }), { env: {} });
    expect(inspect(pq)).not.toContain("secret-token-value-123");
    expect(JSON.stringify(pq)).not.toContain("secret-token-value-123");
  });
});
