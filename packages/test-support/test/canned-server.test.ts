import { ServiceClient, type StaticSession } from "@rax/core";
import { describe, expect, it } from "vitest";
import { QUICK_RETRIES, serveCanned, TOKEN } from "../src/index";

// The canned-answer server every service package's per-call fixtures stand on. What matters: a
// request the test did not script can never pass for one it did.

class Probe extends ServiceClient {
  static override readonly serviceType = "probe";
  get(path: string) {
    return this.send({ method: "GET", path });
  }
  post(path: string, json: unknown) {
    return this.send({ method: "POST", path, json });
  }
}

const probe = (o: { endpointPath?: string; paths?: Array<[string, string]>; retries?: boolean } = {}) => ({
  as: "probe" as const,
  endpointPath: o.endpointPath ?? "/v2/123456",
  ...(o.paths ? { paths: o.paths } : {}),
  ...(o.retries ? { transport: QUICK_RETRIES } : {}),
  makeClient: (session: StaticSession, at: { endpoint: string }) => new Probe(session, { endpoint: at.endpoint }),
});

describe("serveCanned", () => {
  it("answers the fixtures in order and records what each request carried", async () => {
    const { probe: p, seen, left } = await serveCanned(probe(), [
      { method: "POST", path: "/servers", status: 202, body: { server: { id: "s1" } } },
      { method: "GET", path: "/servers/s1", status: 200, body: "plain words" },
    ]);
    expect(left()).toBe(2);
    const created = await p.post("/servers?x=1", { server: { name: "a" } });
    expect(created.status).toBe(202);
    expect(await created.json()).toEqual({ server: { id: "s1" } });
    expect(left()).toBe(1);
    const got = await p.get("/servers/s1");
    expect(got.headers["content-type"]).toBe("text/plain");
    expect(await got.text()).toBe("plain words");
    expect(left()).toBe(0);
    expect(seen.map((s) => [s.method, s.path, s.rawQuery])).toEqual([
      ["POST", "/servers", "?x=1"],
      ["GET", "/servers/s1", ""],
    ]);
    expect(seen[0]!.body).toEqual({ server: { name: "a" } });
    expect(seen[0]!.query.get("x")).toBe("1");
    expect(seen[0]!.headers["x-auth-token"]).toBe(TOKEN);
  });

  it("a request that is not the next fixture gets a 599 the caller sees, and the fixture stays unconsumed", async () => {
    const { probe: p, seen, left } = await serveCanned(probe(), [{ method: "GET", path: "/servers/s1", status: 200, body: {} }]);
    await expect(p.get("/servers/other")).rejects.toMatchObject({ status: 599 });
    await expect(p.post("/servers/s1", {})).rejects.toMatchObject({ status: 599 });
    expect(left()).toBe(1);
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual(["GET /servers/other", "POST /servers/s1"]);
  });

  it("a request after the last fixture gets a 599 too", async () => {
    const { probe: p, left } = await serveCanned(probe(), [{ method: "GET", path: "/a", status: 204 }]);
    expect((await p.get("/a")).status).toBe(204);
    expect(left()).toBe(0);
    await expect(p.get("/a")).rejects.toMatchObject({ status: 599 });
  });

  it("the 599's body names the request it did not expect", async () => {
    const { probe: p } = await serveCanned(probe(), []);
    const res = await p.send({ method: "DELETE", path: "/volumes/v9", expectStatus: [599] });
    expect(res.status).toBe(599);
    expect(await res.text()).toBe("unexpected DELETE /volumes/v9");
  });

  it("paths read below the mapped prefixes, still percent-encoded; other paths as sent", async () => {
    const o = probe({ endpointPath: "/v1/123456", paths: [["/v1/123456", ""], ["/v2/123456", "/nova"]] });
    const { probe: p, seen, origin } = await serveCanned(o, [
      { method: "GET", path: "/volumes/a%2Fb", status: 200, body: {} },
      { method: "GET", path: "/nova/servers/s1", status: 200, body: {} },
      { method: "GET", path: "/v1.0/execute/1/abc", status: 204 },
    ]);
    await p.get("/volumes/a%2Fb");
    await p.send({ method: "GET", url: `${origin}/v2/123456/servers/s1` } as never);
    await p.send({ method: "GET", url: `${origin}/v1.0/execute/1/abc` } as never);
    expect(seen.map((s) => s.path)).toEqual(["/volumes/a%2Fb", "/nova/servers/s1", "/v1.0/execute/1/abc"]);
  });

  it("one attempt per call by default; with QUICK_RETRIES a 503 is replayed and both requests show", async () => {
    const once = await serveCanned(probe(), [{ method: "GET", path: "/x", status: 503, body: {} }, { method: "GET", path: "/x", status: 200, body: {} }]);
    await expect(once.probe.get("/x")).rejects.toMatchObject({ status: 503 });
    expect(once.left()).toBe(1);
    const retried = await serveCanned(probe({ retries: true }), [{ method: "GET", path: "/x", status: 503, body: {} }, { method: "GET", path: "/x", status: 200, body: {} }]);
    expect((await retried.probe.get("/x")).status).toBe(200);
    expect(retried.seen.length).toBe(2);
  });

  it("reset drops the connection; the debug log has the calls but never the token", async () => {
    const { probe: p, log } = await serveCanned(probe(), [
      { method: "GET", path: "/ok", status: 200, body: {} },
      { method: "GET", path: "/gone", status: 200, reset: true },
    ]);
    await p.get("/ok");
    await expect(p.get("/gone")).rejects.toThrow();
    expect(log.join("\n")).toContain("/ok");
    expect(log.join("\n")).not.toContain(TOKEN);
  });
});

let previous = "";
describe("cleanup", () => {
  it("serves", async () => {
    const { origin } = await serveCanned(probe(), [{ method: "GET", path: "/a", status: 200, hang: true }]);
    previous = origin;
  });

  it("the last test's server (and its hung answer) is gone after it", async () => {
    expect(previous).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(fetch(`${previous}/v2/123456/a`)).rejects.toThrow();
  });
});
