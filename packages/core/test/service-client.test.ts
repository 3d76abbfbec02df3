import { afterEach, describe, expect, it } from "vitest";
import * as z from "zod";
import {
  InvalidResponse,
  NoEndpointForService,
  ServiceClient,
  StaticSession,
  Transport,
  Unauthorized,
  encodePath,
  encodeSegment,
  type ServiceRequestOptions,
  type AuthSession,
} from "../src/index";
import { json, startServer, type TestServer } from "./helpers";

class Demo extends ServiceClient {
  static override readonly serviceType = "demo";
  static override readonly serviceName = "cloudDemo";
  get(o: ServiceRequestOptions) {
    return this.request(o);
  }
  getJson<T>(o: ServiceRequestOptions, schema?: z.ZodType<T>) {
    return this.requestJson(o, schema);
  }
}

let srv: TestServer | undefined;
let transport: Transport | undefined;
afterEach(async () => {
  await transport?.close();
  await srv?.close();
  srv = undefined;
  transport = undefined;
});

describe("ServiceClient 401 handling", () => {
  it("20 concurrent 401s share exactly one reauthenticate and then all succeed", async () => {
    let valid = "token-old-aaaa";
    srv = await startServer((req, res) => {
      if (req.headers["x-auth-token"] !== valid) return json(res, 401, { unauthorized: { code: 401, message: "token expired" } });
      json(res, 200, { ok: true, path: req.url });
    });
    transport = new Transport();
    let refreshes = 0;
    const session = new StaticSession({
      token: valid,
      endpoint: srv.url,
      transport,
      refresh: async () => {
        refreshes++;
        await new Promise((r) => setTimeout(r, 30));
        return "token-new-bbbb";
      },
    });
    valid = "token-new-bbbb";
    const client = new Demo(session);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => client.getJson<{ ok: boolean; path: string }>({ method: "GET", path: `/items/${i}` })));
    expect(refreshes).toBe(1);
    expect(results.map((r) => r.path)).toEqual(Array.from({ length: 20 }, (_, i) => `/items/${i}`));
    expect(srv.requests.filter((r) => r.headers["x-auth-token"] === "token-new-bbbb")).toHaveLength(20);
  });

  it("a token-only session surfaces the 401 as Unauthorized", async () => {
    srv = await startServer((_req, res) => json(res, 401, { unauthorized: { code: 401, message: "bad token" } }));
    transport = new Transport();
    const client = new Demo(new StaticSession({ token: "tok-only-123", endpoint: srv.url, transport }));
    const err = await client.get({ method: "GET", path: "/x" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Unauthorized);
    expect((err as Unauthorized).serverMessage).toBe("bad token");
    expect(srv.requests).toHaveLength(1);
  });

  it("does not replay a one-shot stream body after re-authentication", async () => {
    srv = await startServer(async (req, res) => {
      for await (const _ of req);
      json(res, 401, {});
    });
    transport = new Transport();
    let refreshes = 0;
    const client = new Demo(
      new StaticSession({ token: "tok-1111", endpoint: srv.url, transport, refresh: async () => `tok-${++refreshes}xyz` }),
    );
    async function* body() {
      yield new TextEncoder().encode("data");
    }
    const err = await client.get({ method: "PUT", path: "/o", body: body() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Unauthorized);
    expect(refreshes).toBe(0);
    expect(srv.requests).toHaveLength(1);
  });

  it("replays once with a replayable body after re-authentication, then gives up", async () => {
    const bodies: string[] = [];
    srv = await startServer(async (req, res) => {
      let b = "";
      for await (const c of req) b += c;
      bodies.push(b);
      json(res, 401, { error: { code: 401, message: "nope", title: "Unauthorized" } });
    });
    transport = new Transport();
    let refreshes = 0;
    const client = new Demo(
      new StaticSession({ token: "tok-2222", endpoint: srv.url, transport, refresh: async () => `tok-${++refreshes}abc` }),
    );
    const err = await client.get({ method: "POST", path: "/o", json: { a: 1 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Unauthorized);
    expect(refreshes).toBe(1);
    expect(bodies).toEqual(['{"a":1}', '{"a":1}']);
  });
});

describe("ServiceClient requests", () => {
  it("resolves the endpoint from the session by type/name and region, lazily", async () => {
    srv = await startServer((req, res) =>
      json(res, 200, { accept: req.headers.accept, token: req.headers["x-auth-token"] === "tok-3333", url: req.url }),
    );
    transport = new Transport();
    const session = new StaticSession({
      token: "tok-3333",
      endpoints: { cloudDemo: { ORD: `${srv.url}/v1/ord/`, DFW: `${srv.url}/v1/dfw` } },
      transport,
    });
    const client = new Demo(session, { region: "DFW" });
    expect(client.endpoint).toBe(`${srv.url}/v1/dfw`);
    const r = await client.getJson<{ accept: string; token: boolean; url: string }>({ method: "GET", path: `${encodePath("servers", "a/b c")}` });
    expect(r).toEqual({ accept: "application/json", token: true, url: "/v1/dfw/servers/a%2Fb%20c" });
    const ord = new Demo(session, { region: "ord" });
    expect(ord.endpoint).toBe(`${srv.url}/v1/ord`);
    const none = new Demo(session, { region: "SYD" });
    expect(() => none.endpoint).toThrow(NoEndpointForService);
  });

  it("parses leniently and maps schema mismatches and bad JSON to InvalidResponse", async () => {
    srv = await startServer((req, res) => {
      if (req.url === "/bad") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end("{not json");
        return;
      }
      json(res, 200, { server: { id: "1", name: "web", extra: { x: 1 } } });
    });
    transport = new Transport();
    const client = new Demo(new StaticSession({ token: "tok-4444", endpoint: srv.url, transport }));
    const schema = z.looseObject({ server: z.looseObject({ id: z.string(), name: z.string() }) });
    const ok = await client.getJson({ method: "GET", path: "/ok" }, schema);
    expect(ok.server.name).toBe("web");
    expect((ok.server as Record<string, unknown>).extra).toEqual({ x: 1 });

    const strict = z.looseObject({ server: z.looseObject({ id: z.number() }) });
    const e1 = await client.getJson({ method: "GET", path: "/ok" }, strict).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(InvalidResponse);
    expect((e1 as InvalidResponse).path).toBe("server.id");
    expect((e1 as InvalidResponse).status).toBe(200);

    const e2 = await client.getJson({ method: "GET", path: "/bad" }).catch((e: unknown) => e);
    expect(e2).toBeInstanceOf(InvalidResponse);
    expect((e2 as InvalidResponse).snippet).toBe("{not json");
  });

  it("an explicit endpoint option bypasses the catalog", () => {
    const session = new StaticSession({ token: "tok-5555", endpoints: {} });
    const c = new Demo(session, { endpoint: "http://127.0.0.1:1/base/" });
    expect(c.endpoint).toBe("http://127.0.0.1:1/base");
    expect(() => new Demo(session).endpoint).toThrow(NoEndpointForService);
  });
});

describe("path encoding", () => {
  it("encodes `/` inside ids by default and keeps it for Swift object names when asked", () => {
    expect(encodePath("servers", "a/b", 7)).toBe("/servers/a%2Fb/7");
    expect(encodeSegment("photos/2024/día 1#.jpg", { keepSlashes: true })).toBe("photos/2024/d%C3%ADa%201%23.jpg");
    expect(encodeSegment("x?y")).toBe("x%3Fy");
  });

  it("refuses '.' and '..' segments (URL parsing would collapse them onto the parent path)", () => {
    for (const id of [".", ".."]) {
      expect(() => encodePath("servers", id)).toThrow(expect.objectContaining({ name: "ValidationError", field: "path" }));
      expect(() => encodeSegment(id, { field: "serverId" })).toThrow(expect.objectContaining({ field: "serverId" }));
    }
    expect(() => encodeSegment("a/../b", { keepSlashes: true, field: "name" })).toThrow(expect.objectContaining({ field: "name" }));
    // Only whole segments: dots inside a name, and an encoded "%2E%2E" id, are ordinary text.
    expect(encodePath("servers", "...", "a..b", "%2E%2E")).toBe("/servers/.../a..b/%252E%252E");
  });
});

describe("ServiceClient re-authentication failures", () => {
  it("an error from reauthenticate (e.g. identity's TokenOnlySession) is thrown as is", async () => {
    srv = await startServer((_req, res) => json(res, 401, {}));
    transport = new Transport();
    class TokenOnly extends Unauthorized {
      static override readonly errorName = "TokenOnlyTest";
    }
    const t = transport;
    const session: AuthSession = {
      transport: t,
      getToken: async () => "tok-6666",
      reauthenticate: async () => {
        throw new TokenOnly({ status: 401, message: "cannot re-authenticate", method: "POST", url: "u" });
      },
      endpoint: () => srv!.url,
    };
    const err = await new Demo(session).get({ method: "GET", path: "/x" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenOnly);
    expect(err).toBeInstanceOf(Unauthorized);
  });
});

describe("ServiceClient token source", () => {
  it("sends the session's current token when it has one, and awaits getToken only when it has none", async () => {
    const seen: (string | undefined)[] = [];
    srv = await startServer((req, res) => {
      seen.push(req.headers["x-auth-token"] as string | undefined);
      json(res, 200, {});
    });
    transport = new Transport();
    const t = transport;
    let now: string | undefined = "tok-now-7777";
    let asked = 0;
    const session: AuthSession = {
      transport: t,
      currentToken: () => now,
      getToken: async () => {
        asked++;
        return "tok-fetched-8888";
      },
      reauthenticate: async () => "tok-re-9999",
      endpoint: () => srv!.url,
    };
    const client = new Demo(session);
    await (await client.get({ method: "GET", path: "/a" })).dump();
    expect(asked).toBe(0);
    now = undefined;
    await (await client.get({ method: "GET", path: "/b" })).dump();
    expect(asked).toBe(1);
    expect(seen).toEqual(["tok-now-7777", "tok-fetched-8888"]);
  });

  it("a StaticSession's refreshed token is the one later requests send", async () => {
    const seen: (string | undefined)[] = [];
    let valid = "tok-old-1234";
    srv = await startServer((req, res) => {
      seen.push(req.headers["x-auth-token"] as string | undefined);
      if (req.headers["x-auth-token"] !== valid) return json(res, 401, {});
      json(res, 200, {});
    });
    transport = new Transport();
    const session = new StaticSession({ token: valid, endpoint: srv.url, transport, refresh: async () => "tok-new-5678" });
    valid = "tok-new-5678";
    const client = new Demo(session);
    await (await client.get({ method: "GET", path: "/a" })).dump();
    await (await client.get({ method: "GET", path: "/b" })).dump();
    expect(seen).toEqual(["tok-old-1234", "tok-new-5678", "tok-new-5678"]);
  });

  it("a StaticSession subclass or wrapper with its own getToken is asked for the token", async () => {
    const seen: (string | undefined)[] = [];
    srv = await startServer((req, res) => {
      seen.push(req.headers["x-auth-token"] as string | undefined);
      json(res, 200, {});
    });
    transport = new Transport();
    class Rotating extends StaticSession {
      override async getToken(): Promise<string> {
        return "tok-sub-1111";
      }
    }
    const sub = new Rotating({ token: "tok-base-0000", endpoint: srv.url, transport });
    await (await new Demo(sub).get({ method: "GET", path: "/a" })).dump();
    const inner = new StaticSession({ token: "tok-inner-2222", endpoint: srv.url, transport });
    const wrapper = Object.assign(Object.create(inner) as StaticSession, {
      getToken: async () => "tok-wrap-3333",
      endpoint: (q: Parameters<StaticSession["endpoint"]>[0]) => inner.endpoint(q),
      transport,
    });
    await (await new Demo(wrapper).get({ method: "GET", path: "/b" })).dump();
    expect(seen).toEqual(["tok-sub-1111", "tok-wrap-3333"]);
  });
});
