import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type EndpointQuery,
  firstEndpoint,
  NoEndpointForService,
  NotAuthenticated,
  notFoundError,
  ServiceClient,
  type ServiceClientOptions,
  Transport,
} from "../src/index";
import { json, startServer, type TestServer } from "./helpers";

const TOKEN = "tok-lookup-miss-0123456789abcdef";

class NoSuchDomain extends notFoundError("NoSuchDomain", "domain") {}
class NoSuchQueue extends notFoundError("NoSuchQueue", "queue") {}

/**
 * A session shaped like @rax/identity's: no catalog until authenticated, `endpoint()` resolving an
 * alias (`rax:dns` answers the `dns` entry, as identity's service keys do) and a region-less entry
 * serving every region.
 */
class CatalogSession {
  readonly transport = new Transport();
  readonly defaultRegion?: string;
  serviceCatalog?: { services: { type: string; endpoints: { region?: string; publicUrl?: string; internalUrl?: string }[] }[] };
  readonly #base: string;

  constructor(base: string, defaultRegion?: string) {
    this.#base = base;
    if (defaultRegion) this.defaultRegion = defaultRegion;
  }

  authenticate(): void {
    this.serviceCatalog = {
      services: [
        { type: "dns", endpoints: [{ publicUrl: `${this.#base}/dns/` }] },
        { type: "messaging", endpoints: [{ region: "RegionOne", publicUrl: `${this.#base}/zaqar`, internalUrl: `${this.#base}/zaqar-int` }] },
        { type: "compute", endpoints: [{ region: "RegionOne", publicUrl: `${this.#base}/nova` }] },
      ],
    };
  }

  async getToken(): Promise<string> {
    if (!this.serviceCatalog) this.authenticate();
    return TOKEN;
  }

  currentToken(): string | undefined {
    return this.serviceCatalog ? TOKEN : undefined;
  }

  async reauthenticate(): Promise<string> {
    return TOKEN;
  }

  endpoint(q: EndpointQuery): string {
    if (!this.serviceCatalog) throw new NotAuthenticated(`not authenticated: call authenticate() before asking for the "${q.type}" endpoint`);
    const key = q.type.replace(/^rax:/, "");
    const s = this.serviceCatalog.services.find((x) => x.type === key);
    const ep = s?.endpoints.find((e) => !q.region || !e.region || e.region === q.region);
    const url = q.internal ? ep?.internalUrl : ep?.publicUrl;
    if (!url) throw new NoEndpointForService(q, `No service "${q.type}" in the service catalog`);
    return url;
  }
}

/** A Cloud DNS–like client: the base class's endpoint lookup, asked for `rax:dns`. */
class DnsLike extends ServiceClient {
  static override readonly serviceType = "rax:dns";

  async find(name: string): Promise<never> {
    const res = await this.send({ method: "GET", path: "zones" });
    await res.json();
    throw new NoSuchDomain(name, { in: this });
  }
}

/** A Queues-like client: its own endpoint getter trying `rax:queues`, then Zaqar's `messaging`. */
class QueuesLike extends ServiceClient {
  static override readonly serviceType = "rax:queues";
  #endpoint?: string;

  constructor(session: CatalogSession, opts: ServiceClientOptions = {}) {
    super(session, opts);
  }

  override get endpoint(): string {
    const q = { ...(this.region ? { region: this.region } : {}), internal: this.internal };
    return (this.#endpoint ??= firstEndpoint(this.session, [{ type: "rax:queues" }, { type: "messaging" }], q));
  }

  async find(name: string): Promise<never> {
    const res = await this.send({ method: "GET", path: "queues" });
    await res.json();
    throw new NoSuchQueue(name, { in: this });
  }
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => json(res, 200, { zones: [], queues: [] }));
});
afterAll(() => server.close());

async function missOf(p: Promise<unknown>): Promise<Error> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(Error);
  return e as Error;
}

describe("a lookup miss names the catalog entry the client resolved", () => {
  it("names the OpenStack type an alias resolved to (dns for rax:dns), global entries without a region", async () => {
    const session = new CatalogSession(server.url);
    const dns = new DnsLike(session);
    const miss = await missOf(dns.find("nothing.example"));
    expect(miss).toBeInstanceOf(NoSuchDomain);
    expect(miss.message).toBe('No domain named "nothing.example" in dns');
    expect(server.requests.at(-1)?.url).toBe("/dns/zones");
    await session.transport.close();
  });

  it("names a fallback type a service's own endpoint getter chose, with the region the endpoint serves", async () => {
    const session = new CatalogSession(server.url);
    const queues = new QueuesLike(session);
    expect(queues.region).toBeUndefined();
    const miss = await missOf(queues.find("a"));
    expect(miss.message).toBe('No queue named "a" in messaging (RegionOne)');
    expect(queues.catalogEntry).toEqual({ type: "messaging", region: "RegionOne" });
    await session.transport.close();
  });

  it("finds the entry by the internal URL too", async () => {
    const session = new CatalogSession(server.url);
    const queues = new QueuesLike(session, { internal: true });
    // The server answers every path; the internal URL is what the client sent to.
    const miss = await missOf(queues.find("a"));
    expect(server.requests.at(-1)?.url).toBe("/zaqar-int/queues");
    expect(miss.message).toBe('No queue named "a" in messaging (RegionOne)');
    await session.transport.close();
  });

  it("a global entry keeps the client's region, as the message did before", async () => {
    const session = new CatalogSession(server.url, "ORD");
    const dns = new DnsLike(session);
    expect((await missOf(dns.find("x"))).message).toBe('No domain named "x" in dns (ORD)');
    await session.transport.close();
  });

  it("before anything is resolved (lazy auth) the message stays the class's type and the client's region", () => {
    const session = new CatalogSession(server.url);
    const queues = new QueuesLike(session);
    expect(queues.catalogEntry).toBeUndefined();
    expect(new NoSuchQueue("a", { in: queues }).message).toBe('No queue named "a" in rax:queues');
    expect(new NoSuchDomain("x", { in: new DnsLike(new CatalogSession(server.url, "ORD")) }).message).toBe('No domain named "x" in rax:dns (ORD)');
    // Asking did not pin anything: once authenticated, the resolved entry is named.
    session.authenticate();
    expect(queues.catalogEntry).toEqual({ type: "messaging", region: "RegionOne" });
    expect(new NoSuchQueue("a", { in: queues }).message).toBe('No queue named "a" in messaging (RegionOne)');
  });

  it("an explicit endpoint no catalog entry lists keeps the class's type", async () => {
    const session = new CatalogSession(server.url);
    const dns = new DnsLike(session, { endpoint: `${server.url}/elsewhere` });
    expect((await missOf(dns.find("x"))).message).toBe('No domain named "x" in rax:dns');
    expect(dns.catalogEntry).toBeUndefined();
    await session.transport.close();
  });

  it("the entry and the message never hold the endpoint URL or the token", async () => {
    const session = new CatalogSession(server.url);
    const queues = new QueuesLike(session);
    const miss = await missOf(queues.find("a"));
    const entry = queues.catalogEntry;
    expect(Object.keys(entry ?? {}).sort()).toEqual(["region", "type"]);
    expect(Object.isFrozen(entry)).toBe(true);
    for (const text of [JSON.stringify(entry), miss.message, JSON.stringify(miss), String(miss)]) {
      expect(text).not.toContain("127.0.0.1");
      expect(text).not.toContain(TOKEN);
    }
    // Printing the client is unchanged: its settings and redacted endpoint, no catalog entry added.
    expect(Object.keys(queues.toJSON())).not.toContain("catalogEntry");
    await session.transport.close();
  });
});
