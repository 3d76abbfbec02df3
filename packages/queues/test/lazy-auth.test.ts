import { type AuthSession, type EndpointQuery, NotAuthenticated, type Transport } from "@rax/core";
import { describe, expect, it } from "vitest";
import { Queues } from "../src/index";
import { CLIENT_ID, serve, TOKEN } from "./fixture";

/** A session as a fresh Context is: no token and no catalog until something asks for a token. */
class FreshSession implements AuthSession {
  authentications = 0;
  #token?: string;
  constructor(
    readonly transport: Transport,
    readonly url: string,
  ) {}
  async getToken(): Promise<string> {
    if (this.#token === undefined) {
      this.authentications++;
      this.#token = TOKEN;
    }
    return this.#token;
  }
  currentToken(): string | undefined {
    return this.#token;
  }
  reauthenticate(): Promise<string> {
    return this.getToken();
  }
  endpoint(q: EndpointQuery): string {
    if (this.#token === undefined) throw new NotAuthenticated(`not authenticated: call authenticate() before asking for the "${q.type}" endpoint`);
    return this.url;
  }
}

describe("a client on a session that has not authenticated yet", () => {
  it("authenticates on the first call (the endpoint comes with the catalog), as every other client does", async () => {
    const { pq, seen } = await serve(
      { version: 2 },
      { method: "PUT", path: "/queues/q", status: 201 },
      { method: "POST", path: "/queues/q/messages", status: 201, body: { resources: ["/v2/queues/q/messages/m1"] } },
      { method: "GET", path: "/queues", status: 200, body: { queues: [{ name: "q", href: "/v2/queues/q" }], links: [] } },
    );
    const session = new FreshSession(pq.session.transport, pq.endpoint);
    const fresh = new Queues(session, { clientId: CLIENT_ID });
    // Was NotAuthenticated: the API version was read from the endpoint before any request.
    await fresh.queues.create("q");
    expect(session.authentications).toBe(1);
    expect(fresh.apiVersion).toBe(2);
    await fresh.messages.post("q", { n: 1 }, 300);
    expect((await fresh.queues.list().toArray()).map((q) => q.name)).toEqual(["q"]);
    expect(seen.map((s) => s.method)).toEqual(["PUT", "POST", "GET"]);
  });

  it("a listing made before authentication authenticates on its first page and checks the version's page size then", async () => {
    const { pq, seen } = await serve({ version: 2 });
    const session = new FreshSession(pq.session.transport, pq.endpoint);
    const fresh = new Queues(session, { clientId: CLIENT_ID });
    // Zaqar v2 pages queues by at most 20: known only once the endpoint is.
    const listing = fresh.queues.list({ pageSize: 50 });
    await expect(listing.toArray()).rejects.toMatchObject({ field: "filters.pageSize" });
    expect(session.authentications).toBe(1);
    expect(seen).toHaveLength(0);
  });

  it("making a listing starts no authentication; one that fails reaches the caller once, not also as an unhandled rejection", async () => {
    const { pq, seen } = await serve({ version: 2 });
    class NoCredentials extends FreshSession {
      override async getToken(): Promise<string> {
        this.authentications++;
        throw new NotAuthenticated("no credentials: set username and password");
      }
    }
    const session = new NoCredentials(pq.session.transport, pq.endpoint);
    const fresh = new Queues(session, { clientId: CLIENT_ID });
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on("unhandledRejection", onUnhandled);
    try {
      const queues = fresh.queues.list();
      const messages = fresh.messages.list("q");
      // Lazy: nothing is asked of the session until a page is.
      expect(session.authentications).toBe(0);
      await expect(queues.toArray()).rejects.toBeInstanceOf(NotAuthenticated);
      await expect(messages.toArray()).rejects.toBeInstanceOf(NotAuthenticated);
      expect(session.authentications).toBe(2);
      // Let any dropped promise's rejection surface before looking.
      await new Promise((r) => setImmediate(r));
      expect(unhandled).toEqual([]);
      expect(seen).toHaveLength(0);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
