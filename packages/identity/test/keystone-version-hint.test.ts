import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BadRequest, NotFound, Redirected } from "@rax/core";
import { KeystoneIdentity, KeystoneVersionNotServed } from "../src/index";

// A server that answers as the stack's Keystone (Zed, v3 only) does: its root is 300 Multiple
// Choices with the version list, a /v2.0 path is Flask's HTML 404. Bodies copied from 127.0.0.1:5000.
const PASSWORD = "pw-zXq81-secret";
let server: Server;
let base = "";
let rootStatus = 300;
beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && (path === "/" || path === "/identity")) {
      res.writeHead(rootStatus, { "content-type": "application/json" });
      res.end(
        rootStatus === 300
          ? JSON.stringify({
              versions: {
                values: [
                  {
                    id: "v3.14",
                    status: "stable",
                    updated: "2020-04-07T00:00:00Z",
                    links: [{ rel: "self", href: `${base}/v3/` }],
                    "media-types": [{ base: "application/json", type: "application/vnd.openstack.identity-v3+json" }],
                  },
                ],
              },
            })
          : "{}",
      );
      return;
    }
    // Token paths of things that are not Keystone: Glance/Nova negotiate versions (300), Swift says 400 in HTML.
    if (req.method === "POST" && path === "/glance/v3/auth/tokens") {
      res.writeHead(300, { "content-type": "application/json" });
      res.end(JSON.stringify({ versions: [{ id: "v2.15", status: "CURRENT", links: [{ rel: "self", href: `${base}/glance/v2/` }] }] }));
      return;
    }
    if (req.method === "POST" && (path === "/swift/v3/auth/tokens" || path === "/ks400/v3/auth/tokens")) {
      const keystone = path.startsWith("/ks400");
      res.writeHead(400, { "content-type": keystone ? "application/json" : "text/html" });
      res.end(
        keystone
          ? JSON.stringify({ error: { code: 400, message: "Invalid input for field 'identity/password/user/domain'", title: "Bad Request" } })
          : "<html><h1>Bad Request</h1><p>The server could not comply with the request.</p></html>",
      );
      return;
    }
    // Other OpenStack services' roots: Neutron answers 200, Cinder 300, neither with identity media types.
    if (req.method === "GET" && (path === "/neutron" || path === "/cinder")) {
      const id = path === "/neutron" ? "v2.0" : "v3.0";
      res.writeHead(path === "/neutron" ? 200 : 300, { "content-type": "application/json" });
      res.end(JSON.stringify({ versions: [{ id, status: "CURRENT", links: [{ rel: "self", href: `${base}${path}/${id}/` }] }] }));
      return;
    }
    if (req.method === "POST" && path === "/v3/auth/tokens") {
      // Keystone's own 404 (a route that exists): {"error": {...}}.
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: 404, message: "Could not find domain: nowhere.", title: "Not Found" } }));
      return;
    }
    res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
    res.end(
      '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n',
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function failure(opts: ConstructorParameters<typeof KeystoneIdentity>[0]): Promise<unknown> {
  const id = new KeystoneIdentity({ username: "demo", password: PASSWORD, tenantName: "demo", ...opts });
  try {
    await id.authenticate();
    return undefined;
  } catch (e) {
    return e;
  } finally {
    await id.close();
  }
}

describe("a Keystone that does not serve the version of the auth URL", () => {
  it("a /v2.0 URL against a v3-only Keystone says so and names the /v3 URL to use (still a 404 NotFound)", async () => {
    rootStatus = 300;
    const e = await failure({ authEndpoint: `${base}/v2.0` });
    expect(e).toBeInstanceOf(KeystoneVersionNotServed);
    expect(e).toBeInstanceOf(NotFound);
    const err = e as KeystoneVersionNotServed;
    expect(err.status).toBe(404);
    expect(err.message).toContain("does not serve v2.0");
    expect(err.message).toContain(`use authEndpoint ${base}/v3`);
    expect(err.offered).toEqual([{ id: "v3.14", href: `${base}/v3/` }]);
    expect(err.cause).toBeInstanceOf(NotFound);
    expect(`${err.message} ${JSON.stringify(err)}`).not.toContain(PASSWORD);
  });

  it("another OpenStack service's URL is a NotFound saying it is not a Keystone, never 'use its other version'", async () => {
    rootStatus = 300;
    for (const [authEndpoint, listed] of [
      [`${base}/neutron/v3`, "v2.0"],
      [`${base}/cinder/v2.0`, "v3.0"],
    ] as const) {
      const e = await failure({ authEndpoint });
      expect(e).toBeInstanceOf(NotFound);
      expect(e).not.toBeInstanceOf(KeystoneVersionNotServed);
      const message = (e as Error).message;
      expect(message).toContain("is not a Keystone");
      expect(message).toContain(`lists ${listed}`);
      expect(message).not.toContain("use authEndpoint");
      expect(message).not.toContain(PASSWORD);
    }
  });

  it("a 300 or a non-Keystone 400 from the token path says the URL is not a Keystone; Keystone's own 400 is left as it is", async () => {
    const glance = await failure({ authEndpoint: `${base}/glance/v3` });
    expect(glance).toBeInstanceOf(Redirected);
    expect((glance as Error).message).toContain(`${base}/glance/v3/auth/tokens is not a Keystone token path: it answered 300`);
    const swift = await failure({ authEndpoint: `${base}/swift/v3` });
    expect(swift).toBeInstanceOf(BadRequest);
    expect((swift as Error).message).toContain("is not a Keystone token path: it answered 400");
    const own = await failure({ authEndpoint: `${base}/ks400/v3` });
    expect(own).toBeInstanceOf(BadRequest);
    expect((own as Error).message).not.toContain("not a Keystone");
    expect((own as Error).message).toContain("Invalid input for field");
    for (const e of [glance, swift, own]) expect(JSON.stringify(e) + (e as Error).message).not.toContain(PASSWORD);
  });

  it("when the root document cannot be read, the hint still says to use the /v3 URL", async () => {
    rootStatus = 404;
    const e = await failure({ authEndpoint: `${base}/v2.0` });
    expect(e).toBeInstanceOf(KeystoneVersionNotServed);
    expect((e as Error).message).toMatch(/does not seem to serve v2\.0.*use the \/v3 URL/);
    expect((e as KeystoneVersionNotServed).offered).toEqual([]);
  });

  it("a 404 Keystone wrote itself (JSON error body on a route that exists) stays the plain NotFound", async () => {
    rootStatus = 300;
    const e = await failure({ authEndpoint: `${base}/v3`, projectDomain: "nowhere" });
    expect(e).toBeInstanceOf(NotFound);
    expect(e).not.toBeInstanceOf(KeystoneVersionNotServed);
    expect((e as Error).message).toContain("Could not find domain");
  });
});
