import { afterEach, describe, expect, it } from "vitest";
import { HttpError, Redirected, StaticSession, Transport, registerSecret } from "../src/index";
import { startServer, type TestServer } from "./helpers";

let srv: TestServer | undefined;
let transport: Transport | undefined;
afterEach(async () => {
  await transport?.close();
  await srv?.close();
  srv = undefined;
  transport = undefined;
});

async function redirecting(status: number, location = "https://elsewhere.example/v1/AUTH_x/c/o"): Promise<TestServer> {
  return startServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(status, { location, "content-type": "text/html" });
      res.end("<html>Moved</html>");
    });
  });
}

describe("a 3xx answer is never success and never followed", () => {
  for (const status of [301, 307, 308]) {
    it(`PUT answered ${status} rejects with Redirected (not retried, not followed)`, async () => {
      srv = await redirecting(status);
      transport = new Transport();
      const err = await transport.request({ method: "PUT", url: `${srv.url}/v1/c/o`, body: "data" }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Redirected);
      expect(err).toBeInstanceOf(HttpError);
      const r = err as Redirected;
      expect(r.status).toBe(status);
      expect(r.location).toBe("https://elsewhere.example/v1/AUTH_x/c/o");
      expect(r.method).toBe("PUT");
      expect(r.message).toContain("not followed");
      expect(srv.requests).toHaveLength(1);
    });
  }

  it("GET answered 302 rejects; the connection is reusable afterwards", async () => {
    srv = await redirecting(302);
    transport = new Transport();
    await expect(transport.request({ method: "GET", url: `${srv.url}/a` })).rejects.toBeInstanceOf(Redirected);
    await expect(transport.request({ method: "GET", url: `${srv.url}/b` })).rejects.toMatchObject({ status: 302 });
    expect(srv.requests.map((r) => r.url)).toEqual(["/a", "/b"]);
    expect(srv.sockets.size).toBe(1);
  });

  it("304 is an error too unless the caller lists it in expectStatus", async () => {
    srv = await startServer((_req, res) => {
      res.writeHead(304);
      res.end();
    });
    transport = new Transport();
    await expect(transport.request({ method: "GET", url: `${srv.url}/x` })).rejects.toBeInstanceOf(Redirected);
    const res = await transport.request({ method: "GET", url: `${srv.url}/x`, expectStatus: [304] });
    expect(res.status).toBe(304);
    await res.dump();
  });

  it("a secret in the Location header is masked in the error", async () => {
    const sig = "0123456789abcdef0123456789abcdef01234567";
    srv = await redirecting(307, `https://other.example/v1/c/o?temp_url_sig=${sig}&temp_url_expires=1`);
    transport = new Transport();
    const err = (await transport.request({ method: "GET", url: `${srv.url}/x` }).catch((e: unknown) => e)) as Redirected;
    expect(err.location).not.toContain(sig);
    expect(err.message).not.toContain(sig);
    expect(JSON.stringify(err.headers)).not.toContain(sig);
  });

  it("through a service client: the token is not sent anywhere else", async () => {
    const token = "tok-redirect-test-0001";
    registerSecret(token);
    srv = await redirecting(301);
    const session = new StaticSession({ token, endpoint: srv.url });
    class Svc extends (await import("../src/index")).ServiceClient {
      static override readonly serviceType = "svc";
    }
    const err = await new Svc(session).send({ method: "GET", path: "/x" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Redirected);
    expect(srv.requests).toHaveLength(1);
    await session.transport.close();
  });
});
