import { createHmac } from "node:crypto";
import { NoEndpointForService, redact, StaticSession } from "@rax/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_CDN_TTL, MissingTempUrlKey, NoSuchContainer, NotCDNEnabled, ObjectStore } from "../src/index";
import { ACCOUNT, type FakeSwift, startFakeSwift, TOKEN } from "./fake-swift";
import { clientFor, since } from "./setup";

let swift: FakeSwift;
let cf: ObjectStore;
beforeAll(async () => {
  swift = await startFakeSwift();
});
afterAll(() => swift.close());
beforeEach(() => {
  swift.reset();
  cf = clientFor(swift);
  swift.put("example", "photo.jpg", "JPEG");
});

describe("CDN", () => {
  it("a container never published reports pyrax's defaults", async () => {
    const cont = await cf.getContainer("example");
    expect(cont.cdnEnabled).toBeUndefined();
    const a = await cont.getCdnAttributes();
    expect(a).toEqual({ cdnEnabled: false, cdnTtl: DEFAULT_CDN_TTL, cdnLogRetention: false });
    expect(cont.cdnEnabled).toBe(false);
  });

  it("makes a container public with a TTL, exposes the URIs, and private again", async () => {
    await cf.makeContainerPublic("example", { ttl: 900 });
    const put = swift.requests.at(-1);
    expect(put?.path).toBe(`/cdn/v1/${ACCOUNT}/example`);
    expect(put?.headers["x-cdn-enabled"]).toBe("True");
    expect(put?.headers["x-ttl"]).toBe("900");
    const cont = await cf.getContainer("example", { cdn: true });
    expect(cont.cdnEnabled).toBe(true);
    expect(cont.cdnTtl).toBe(900);
    expect(cont.cdnUri).toBe("http://cdn.example.com/example");
    expect(cont.cdnSslUri).toMatch(/^https:/);
    expect(cont.cdnStreamingUri).toBeDefined();
    expect(cont.cdnIosUri).toBeDefined();
    await cont.makePublic({ ttl: 1200 });
    expect((await cf.getContainerCdnAttributes(cont)).cdnTtl).toBe(1200);
    await cont.makePrivate();
    expect((await cf.getContainerCdnAttributes("example")).cdnEnabled).toBe(false);
  });

  it("sets log retention (client and container)", async () => {
    await cf.makeContainerPublic("example");
    await cf.setCdnLogRetention("example", true);
    expect((await cf.getContainerCdnAttributes("example")).cdnLogRetention).toBe(true);
    const cont = await cf.getContainer("example");
    await cont.setCdnLogRetention(false);
    expect(cont.cdnLogRetention).toBe(false);
    expect(swift.containers.get("example")?.cdn?.logRetention).toBe(false);
  });

  it("purges an object with notification addresses (client, container, object)", async () => {
    await cf.makeContainerPublic("example");
    await cf.purgeCdnObject("example", "photo.jpg", { emailAddresses: ["a@x.com", "b@y.com"] });
    const obj = await cf.getObject("example", "photo.jpg");
    await obj.purge({ emailAddresses: "c@z.com" });
    const cont = await cf.getContainer("example");
    await cont.purgeCdnObject("photo.jpg");
    expect(swift.purges).toEqual([
      { container: "example", object: "photo.jpg", email: "a@x.com, b@y.com" },
      { container: "example", object: "photo.jpg", email: "c@z.com" },
      { container: "example", object: "photo.jpg", email: undefined },
    ]);
  });

  it("purging on a non-CDN container throws NotCDNEnabled; on a missing one NoSuchContainer", async () => {
    await expect(cf.purgeCdnObject("example", "photo.jpg")).rejects.toBeInstanceOf(NotCDNEnabled);
    await expect(cf.purgeCdnObject("missing", "x")).rejects.toBeInstanceOf(NoSuchContainer);
    await expect(cf.getContainerCdnAttributes("missing")).rejects.toBeInstanceOf(NoSuchContainer);
  });

  it("lists public containers (names) and CDN containers (attributes)", async () => {
    swift.put("other", "x", "y");
    await cf.makeContainerPublic("example");
    await cf.makeContainerPublic("other");
    await cf.makeContainerPrivate("other");
    expect(await cf.listPublicContainers()).toEqual(["example"]);
    const all = await cf.listCdnContainers();
    expect(all.map((c) => [c.name, c.cdnEnabled])).toEqual([["example", true], ["other", false]]);
  });

  it("without a CDN endpoint, storage calls work and only CDN calls throw NoEndpointForService", async () => {
    const noCdn = clientFor(swift, { withCdn: false });
    await noCdn.storeObject("example", "a", "b");
    expect((await noCdn.getContainer("example")).name).toBe("example");
    await expect(noCdn.makeContainerPublic("example")).rejects.toBeInstanceOf(NoEndpointForService);
  });
});

describe("temp URLs", () => {
  const key = "jnRB6#1sduo8YGUF&%7r7guf6f";
  const verify = (url: string, method: string, algorithm: "sha1" | "sha256" | "sha512", k = key) => {
    const u = new URL(url);
    const expires = Number(u.searchParams.get("temp_url_expires"));
    const path = decodeURIComponent(u.pathname);
    const sig = createHmac(algorithm, k).update(`${method}\n${expires}\n${path}`).digest("hex");
    return { ok: sig === u.searchParams.get("temp_url_sig"), expires, path, sig: u.searchParams.get("temp_url_sig") };
  };

  it("signs METHOD\\nexpires\\npath with HMAC-SHA1 by default over /v1/AUTH_x/container/object", async () => {
    await cf.setTempUrlKey(key);
    const before = Math.floor(Date.now() / 1000);
    const url = await cf.getTempUrl("vacation", "photo.jpg", { seconds: 86_400, method: "GET" });
    const v = verify(url, "GET", "sha1");
    expect(v.ok).toBe(true);
    expect(v.path).toBe(`/v1/${ACCOUNT}/vacation/photo.jpg`);
    expect(v.sig).toHaveLength(40);
    expect(v.expires).toBeGreaterThanOrEqual(before + 86_400);
    expect(v.expires).toBeLessThanOrEqual(before + 86_401);
    expect(url.startsWith(swift.origin)).toBe(true);
  });

  it("supports sha256 / sha512, other methods, filename and inline", async () => {
    const url = await cf.getTempUrl("c", "dir/a b.txt", { seconds: 60, method: "PUT", algorithm: "sha256", key });
    expect(verify(url, "PUT", "sha256").ok).toBe(true);
    expect(new URL(url).pathname).toBe(`/v1/${ACCOUNT}/c/dir/a%20b.txt`);
    const url512 = await cf.getTempUrl("c", "o", { seconds: 60, method: "DELETE", algorithm: "sha512", key, filename: "nice name.txt", inline: true });
    expect(verify(url512, "DELETE", "sha512").ok).toBe(true);
    expect(verify(url512, "DELETE", "sha512").sig).toHaveLength(128);
    expect(new URL(url512).searchParams.get("filename")).toBe("nice name.txt");
    expect(url512.endsWith("&inline")).toBe(true);
  });

  it("fetches the account key once and caches it; container and object forms work", async () => {
    swift.accountMeta["x-account-meta-temp-url-key"] = key;
    const mark = swift.requests.length;
    const u1 = await cf.getTempUrl("example", "photo.jpg", 300);
    const cont = await cf.getContainer("example");
    const u2 = await cont.getTempUrl("photo.jpg", 300);
    const obj = await cf.getObject("example", "photo.jpg");
    const u3 = await obj.getTempUrl({ seconds: 300, method: "HEAD" });
    expect(verify(u1, "GET", "sha1").ok).toBe(true);
    expect(verify(u2, "GET", "sha1").ok).toBe(true);
    expect(verify(u3, "HEAD", "sha1").ok).toBe(true);
    expect(since(swift, mark).filter((r) => r.method === "HEAD" && r.path === `/v1/${ACCOUNT}`)).toHaveLength(1);
  });

  it("the key and the signature never appear in redacted output", async () => {
    const url = await cf.getTempUrl("c", "o", { seconds: 60, key: "another-secret-key" });
    const sig = new URL(url).searchParams.get("temp_url_sig") as string;
    const text = redact(`GET ${url} with key another-secret-key`);
    expect(text).not.toContain(sig);
    expect(text).not.toContain("another-secret-key");
  });

  it("signs from the /v1/ segment when the endpoint has a proxy prefix (as pyrax does)", async () => {
    const prefixed = clientFor(swift, { endpoint: `${swift.origin}/swift/DFW/v1/${ACCOUNT}` });
    const url = await prefixed.getTempUrl("c", "o", { seconds: 60, key });
    expect(new URL(url).pathname).toBe(`/swift/DFW/v1/${ACCOUNT}/c/o`);
    const u = new URL(url);
    const expires = u.searchParams.get("temp_url_expires");
    const sig = createHmac("sha1", key).update(`GET\n${expires}\n/v1/${ACCOUNT}/c/o`).digest("hex");
    expect(u.searchParams.get("temp_url_sig")).toBe(sig);
  });

  it("debug logging of the key-setting and key-reading calls never prints the key", async () => {
    const lines: string[] = [];
    const session = new StaticSession({
      token: TOKEN,
      endpoints: { "object-store": swift.url },
      transportOptions: { logger: (line: string) => lines.push(line) },
    });
    const logged = new ObjectStore(session);
    const k = await logged.setTempUrlKey("logged-secret-key-42");
    const url = await logged.getTempUrl("c", "o", { seconds: 60 });
    await logged.getAccountDetails();
    const sig = new URL(url).searchParams.get("temp_url_sig") as string;
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain(k);
    expect(lines.join("\n")).not.toContain(sig);
  });

  it("no key on the account → MissingTempUrlKey", async () => {
    await expect(cf.getTempUrl("c", "o", 60)).rejects.toBeInstanceOf(MissingTempUrlKey);
  });

  it("seconds must be positive, method and algorithm known — before any request", async () => {
    const mark = swift.requests.length;
    await expect(cf.getTempUrl("c", "o", { seconds: 0 })).rejects.toMatchObject({ field: "options.seconds" });
    await expect(cf.getTempUrl("c", "o", -5)).rejects.toMatchObject({ field: "options.seconds" });
    await expect(cf.getTempUrl("c", "o", { seconds: 5, method: "PATCH" as "GET" })).rejects.toMatchObject({ field: "options.method" });
    await expect(cf.getTempUrl("c", "o", { seconds: 5, algorithm: "md5" as "sha1" })).rejects.toMatchObject({ field: "options.algorithm" });
    expect(since(swift, mark)).toHaveLength(0);
  });
});
