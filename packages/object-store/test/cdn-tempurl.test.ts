import { createHmac } from "node:crypto";
import { NoEndpointForService, OverLimit, redact, StaticSession } from "@rax/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_CDN_TTL, MissingTempUrlKey, NoSuchContainer, NoSuchObject, NotCDNEnabled, ObjectStore } from "../src/index";
import { type EmulatedSwift, startEmulatedSwift } from "./emulator-client";
import { startFixture } from "./fixture-server";

// A fresh emulator per test: CDN records and account keys do not leak between tests.
let swift: EmulatedSwift;
let cf: ObjectStore;
let ACCOUNT: string;
beforeEach(async () => {
  swift = await startEmulatedSwift();
  cf = swift.client();
  await swift.put("example", "photo.jpg", "JPEG");
  ACCOUNT = swift.account().name;
});
afterEach(() => swift.close());

const cdnRecord = (name: string) => swift.emu.state.cdn.containers("DFW", ACCOUNT).get(name);
const origin = () => new URL(swift.storageUrl).origin;

describe("CDN", () => {
  it("a container never published reports pyrax's defaults", async () => {
    const cont = await cf.getContainer("example");
    expect(cont.cdnEnabled).toBeUndefined();
    const a = await cont.getCdnAttributes();
    expect(a).toEqual({ cdnEnabled: false, cdnTtl: DEFAULT_CDN_TTL, cdnLogRetention: false });
    expect(cont.cdnEnabled).toBe(false);
  });

  it("makes a container public with a TTL, exposes the URIs, and private again", async () => {
    const mark = swift.mark();
    await cf.makeContainerPublic("example", { ttl: 900 });
    expect(swift.since(mark).map((r) => [r.service, r.method, r.path])).toEqual([["cdn", "PUT", `/v1/${ACCOUNT}/example`]]);
    expect(cdnRecord("example")).toMatchObject({ enabled: true, ttl: 900 });
    const cont = await cf.getContainer("example", { cdn: true });
    expect(cont.cdnEnabled).toBe(true);
    expect(cont.cdnTtl).toBe(900);
    expect(cont.cdnUri).toMatch(new RegExp(`^http://.*${cdnRecord("example")?.uriId}`));
    // The emulator serves its "SSL" URI over loopback http, under its own path.
    expect(cont.cdnSslUri).toMatch(/ssl/);
    expect(cont.cdnSslUri).not.toBe(cont.cdnUri);
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
    expect(cdnRecord("example")?.logRetention).toBe(false);
  });

  it("purges an object with notification addresses (client, container, object)", async () => {
    await cf.makeContainerPublic("example");
    await cf.purgeCdnObject("example", "photo.jpg", { emailAddresses: ["a@x.com", "b@y.com"] });
    const obj = await cf.getObject("example", "photo.jpg");
    await obj.purge({ emailAddresses: "c@z.com" });
    const cont = await cf.getContainer("example");
    await cont.purgeCdnObject("photo.jpg");
    expect(swift.emu.state.cdn.purges.map(({ container, object, emails }) => ({ container, object, emails }))).toEqual([
      { container: "example", object: "photo.jpg", emails: ["a@x.com", "b@y.com"] },
      { container: "example", object: "photo.jpg", emails: ["c@z.com"] },
      { container: "example", object: "photo.jpg", emails: [] },
    ]);
  });

  it("purging on a non-CDN container throws NotCDNEnabled; on a missing one NoSuchContainer", async () => {
    await expect(cf.purgeCdnObject("example", "photo.jpg")).rejects.toBeInstanceOf(NotCDNEnabled);
    await expect(cf.purgeCdnObject("missing", "x")).rejects.toBeInstanceOf(NoSuchContainer);
    await expect(cf.getContainerCdnAttributes("missing")).rejects.toBeInstanceOf(NoSuchContainer);
  });

  it("log retention on a container never published is NotCDNEnabled and leaves it off the CDN; once published and made private it stays private", async () => {
    const err = await cf.setCdnLogRetention("example", true).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotCDNEnabled);
    expect(cdnRecord("example")?.enabled ?? false).toBe(false);
    expect((await cf.getContainerCdnAttributes("example")).cdnEnabled).toBe(false);
    await cf.makeContainerPublic("example");
    await cf.makeContainerPrivate("example");
    await cf.setCdnLogRetention("example", true);
    expect(await cf.getContainerCdnAttributes("example")).toMatchObject({ cdnEnabled: false, cdnLogRetention: true });
  });

  it("purging an object a published container lacks is NoSuchObject, not NotCDNEnabled", async () => {
    await cf.makeContainerPublic("example");
    const err = await cf.purgeCdnObject("example", "gone.jpg").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoSuchObject);
    expect(err).toMatchObject({ container: "example", object: "gone.jpg", status: 404 });
    // Made private again, the same 404 means the container is no longer on the CDN.
    await cf.makeContainerPrivate("example");
    await expect(cf.purgeCdnObject("example", "photo.jpg")).rejects.toBeInstanceOf(NotCDNEnabled);
  });

  it("the 26th purge of a day (498 Rate Limited) is OverLimit naming the daily limit, sent once", async () => {
    await cf.makeContainerPublic("example");
    for (let i = 0; i < 25; i++) await cf.purgeCdnObject("example", "photo.jpg");
    const before = swift.emu.requests.length;
    const err = await cf.purgeCdnObject("example", "photo.jpg").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OverLimit);
    expect(err).toMatchObject({ status: 498 });
    expect(String((err as Error).message)).toContain("25 objects per account per day");
    expect(swift.emu.requests.length - before).toBe(1);
    expect(swift.emu.state.cdn.purges).toHaveLength(25);
  });

  it("lists public containers (names) and CDN containers (attributes)", async () => {
    await swift.put("other", "x", "y");
    await cf.makeContainerPublic("example");
    await cf.makeContainerPublic("other");
    await cf.makeContainerPrivate("other");
    expect(await cf.listPublicContainers()).toEqual(["example"]);
    const all = await cf.listCdnContainers();
    expect(all.map((c) => [c.name, c.cdnEnabled])).toEqual([["example", true], ["other", false]]);
  });

  it("without a CDN endpoint, storage calls work and only CDN calls throw NoEndpointForService", async () => {
    const noCdn = new ObjectStore(new StaticSession({ token: swift.token, endpoints: { "object-store": swift.storageUrl } }));
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
    expect(url.startsWith(origin())).toBe(true);
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
    await fetch(swift.storageUrl, { method: "POST", headers: { "x-auth-token": swift.token, "x-account-meta-temp-url-key": key } });
    const mark = swift.mark();
    const u1 = await cf.getTempUrl("example", "photo.jpg", 300);
    const cont = await cf.getContainer("example");
    const u2 = await cont.getTempUrl("photo.jpg", 300);
    const obj = await cf.getObject("example", "photo.jpg");
    const u3 = await obj.getTempUrl({ seconds: 300, method: "HEAD" });
    expect(verify(u1, "GET", "sha1").ok).toBe(true);
    expect(verify(u2, "GET", "sha1").ok).toBe(true);
    expect(verify(u3, "HEAD", "sha1").ok).toBe(true);
    expect(swift.since(mark).filter((r) => r.method === "HEAD" && r.path === `/v1/${ACCOUNT}`)).toHaveLength(1);
  });

  it("the key and the signature never appear in redacted output", async () => {
    const url = await cf.getTempUrl("c", "o", { seconds: 60, key: "another-secret-key" });
    const sig = new URL(url).searchParams.get("temp_url_sig") as string;
    const text = redact(`GET ${url} with key another-secret-key`);
    expect(text).not.toContain(sig);
    expect(text).not.toContain("another-secret-key");
  });

  it("signs from the /v1/ segment when the endpoint has a proxy prefix (as pyrax does)", async () => {
    const prefixed = swift.client({ endpoint: `${origin()}/swift/DFW/v1/${ACCOUNT}` });
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
      token: swift.token,
      endpoints: { "object-store": swift.storageUrl },
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
    const mark = swift.mark();
    await expect(cf.getTempUrl("c", "o", { seconds: 0 })).rejects.toMatchObject({ field: "options.seconds" });
    await expect(cf.getTempUrl("c", "o", -5)).rejects.toMatchObject({ field: "options.seconds" });
    await expect(cf.getTempUrl("c", "o", { seconds: 5, method: "PATCH" as "GET" })).rejects.toMatchObject({ field: "options.method" });
    await expect(cf.getTempUrl("c", "o", { seconds: 5, algorithm: "md5" as "sha1" })).rejects.toMatchObject({ field: "options.algorithm" });
    expect(swift.since(mark)).toHaveLength(0);
  });
});

describe("CDN on the wire", () => {
  it("makePublic is a PUT to the CDN endpoint with X-CDN-Enabled: True and X-TTL", async () => {
    const fx = await startFixture(() => ({ status: 201 }));
    try {
      await fx.client().makeContainerPublic("example", { ttl: 900 });
      const put = fx.requests.at(-1);
      expect(put?.method).toBe("PUT");
      expect(put?.path).toBe("cdn:/example");
      expect(put?.headers["x-cdn-enabled"]).toBe("True");
      expect(put?.headers["x-ttl"]).toBe("900");
    } finally {
      await fx.close();
    }
  });
});
