import { inspect } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { RaxResponse, ServiceClient, StaticSession, Transport } from "../src/index";
import { Readable } from "node:stream";

const token = "tok-printed-objects-0123456789abcdef";
const refreshToken = "tok-refreshed-abcdef0123456789";

class ObjectStoreLike extends ServiceClient {
  static override readonly serviceType = "object-store";
  static override readonly serviceName = "cloudFiles";
}

const session = new StaticSession({
  token,
  endpoints: { "object-store": { ORD: "http://127.0.0.1:9/v1/MossoCloudFS_abc" } },
  defaultRegion: "ORD",
  tenantId: "abc",
  refresh: async () => refreshToken,
});
afterAll(() => session.transport.close());

function everyRendering(v: unknown): string[] {
  const out = [inspect(v), inspect(v, { depth: Infinity, showHidden: true }), JSON.stringify(v), String(v)];
  try {
    out.push(inspect(structuredClone(v), { depth: Infinity }));
  } catch (e) {
    // refusing to clone is fine; leaking through the clone is not
    out.push(String(e));
  }
  return out;
}

describe("printed objects reveal no secret", () => {
  it("a service client: console.log / inspect / JSON / structuredClone show class, type, region, endpoint — never the token", () => {
    const client = new ObjectStoreLike(session);
    void client.endpoint;
    for (const text of everyRendering(client)) expect(text).not.toContain(token);
    expect(inspect(client)).toMatch(/^ObjectStoreLike \{/);
    expect(inspect(client)).toContain("region: 'ORD'");
    expect(inspect(client)).toContain("serviceType: 'object-store'");
    expect(JSON.parse(JSON.stringify(client))).toEqual({
      client: "ObjectStoreLike",
      serviceType: "object-store",
      serviceName: "cloudFiles",
      region: "ORD",
      internal: false,
      endpoint: "http://127.0.0.1:9/v1/MossoCloudFS_abc",
    });
    // the API keeps its session
    expect(client.session).toBe(session);
    expect(Object.keys(client)).not.toContain("session");
  });

  it("a StaticSession and its transport print settings only", async () => {
    await session.reauthenticate(token);
    for (const text of [...everyRendering(session), ...everyRendering(session.transport)]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(refreshToken);
    }
    expect(inspect(session)).toMatch(/^StaticSession \{/);
    expect(JSON.parse(JSON.stringify(session))).toMatchObject({ tenantId: "abc", defaultRegion: "ORD", services: ["object-store"] });
    expect(inspect(session.transport)).toMatch(/^Transport \{/);
    expect(JSON.parse(JSON.stringify(new Transport({ userAgent: "app/1" })))).toMatchObject({ userAgent: expect.stringContaining("app/1"), maxAttempts: 4 });
  });

  it("nested in a user's object, the summary is used at every depth", () => {
    const client = new ObjectStoreLike(session);
    const text = inspect({ app: [client, session] }, { depth: 1 });
    expect(inspect({ app: [client] }, { depth: 5 })).toContain("ObjectStoreLike {");
    expect(text).not.toContain(token);
    expect(text).toContain("[ObjectStoreLike]");
  });
});

describe("a response prints redacted", () => {
  it("Keystone's X-Subject-Token response header is masked in inspect and JSON", () => {
    const res = new RaxResponse({
      status: 201,
      headers: { "x-subject-token": token, "content-type": "application/json" },
      attempts: 1,
      method: "POST",
      url: "http://127.0.0.1/v3/auth/tokens",
      body: Readable.from([]),
    });
    for (const text of [inspect(res), JSON.stringify(res)]) {
      expect(text).not.toContain(token);
      expect(text).toContain("x-subject-token");
    }
    expect(res.headers["x-subject-token"]).toBe(token);
    expect(inspect(res)).toMatch(/^RaxResponse \{/);
  });
});
