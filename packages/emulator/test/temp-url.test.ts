import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, session, type Session } from "./helpers";

let s: Session;
let swiftPrefix: string;
let origin: string;
beforeAll(async () => {
  s = await session();
  await call(s, s.storage, { method: "POST", headers: { "X-Account-Meta-Temp-Url-Key": "secret-one", "X-Account-Meta-Temp-Url-Key-2": "secret-two" } });
  await call(s, `${s.storage}/vacation`, { method: "PUT" });
  await call(s, `${s.storage}/vacation/photos/beach.jpg`, { method: "PUT", body: "JPEGDATA", headers: { "X-Object-Meta-Private": "p", "X-Object-Meta-Public-Tag": "t" } });
  // pyrax: split the management URL at the first /v\d/
  const at = s.storage.search(/\/v\d\//);
  origin = s.storage.slice(0, at);
  swiftPrefix = s.storage.slice(at);
});
afterAll(() => s.emu.stop());

function sign(method: string, path: string, expires: number, key: string, digest: "sha1" | "sha256" | "sha512", form: "hex" | "b64" = "hex") {
  const mac = createHmac(digest, key).update(`${method}\n${expires}\n${path}`);
  return form === "hex" ? mac.digest("hex") : `${digest}:${mac.digest("base64url")}`;
}

function tempUrl(obj: string, method: string, opts: { digest?: "sha1" | "sha256" | "sha512"; key?: string; expires?: number; form?: "hex" | "b64"; extra?: string } = {}) {
  const path = `${swiftPrefix}/${obj}`;
  const expires = opts.expires ?? Math.floor(Date.now() / 1000) + 300;
  const sig = sign(method, path, expires, opts.key ?? "secret-one", opts.digest ?? "sha1", opts.form);
  return `${origin}${path}?temp_url_sig=${encodeURIComponent(sig)}&temp_url_expires=${expires}${opts.extra ?? ""}`;
}

describe("temp URLs", () => {
  it.each(["sha1", "sha256", "sha512"] as const)("GET with an HMAC-%s hex signature needs no token", async (digest) => {
    const res = await fetch(tempUrl("vacation/photos/beach.jpg", "GET", { digest }));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("JPEGDATA");
    expect(res.headers.get("content-disposition")).toContain('filename="beach.jpg"');
    // private metadata is stripped for anonymous readers; public-* stays
    expect(res.headers.get("x-object-meta-private")).toBeNull();
    expect(res.headers.get("x-object-meta-public-tag")).toBe("t");
  });

  it("accepts the <digest>:<base64> form and the second key", async () => {
    expect((await fetch(tempUrl("vacation/photos/beach.jpg", "GET", { digest: "sha256", form: "b64" }))).status).toBe(200);
    expect((await fetch(tempUrl("vacation/photos/beach.jpg", "GET", { digest: "sha512", form: "b64", key: "secret-two" }))).status).toBe(200);
  });

  it("a container key works too", async () => {
    await call(s, `${s.storage}/vacation`, { method: "POST", headers: { "X-Container-Meta-Temp-Url-Key": "container-key" } });
    expect((await fetch(tempUrl("vacation/photos/beach.jpg", "GET", { key: "container-key" }))).status).toBe(200);
  });

  it("HEAD rides on a GET signature; filename and inline shape Content-Disposition", async () => {
    expect((await fetch(tempUrl("vacation/photos/beach.jpg", "GET"), { method: "HEAD" })).status).toBe(200);
    const named = await fetch(tempUrl("vacation/photos/beach.jpg", "GET", { extra: "&filename=holiday.jpg" }));
    expect(named.headers.get("content-disposition")).toContain('attachment; filename="holiday.jpg"');
    const inline = await fetch(tempUrl("vacation/photos/beach.jpg", "GET", { extra: "&inline" }));
    expect(inline.headers.get("content-disposition")).toBe("inline");
  });

  it("PUT with a PUT signature uploads; a GET signature cannot PUT", async () => {
    const put = await fetch(tempUrl("vacation/upload.txt", "PUT"), { method: "PUT", body: "uploaded" });
    expect(put.status).toBe(201);
    expect(await (await call(s, `${s.storage}/vacation/upload.txt`)).text()).toBe("uploaded");
    expect((await fetch(tempUrl("vacation/upload2.txt", "GET"), { method: "PUT", body: "x" })).status).toBe(401);
  });

  it("401 for an expired URL, a wrong key, a wrong method, a tampered path or a container URL", async () => {
    const past = Math.floor(Date.now() / 1000) - 1;
    expect((await fetch(tempUrl("vacation/photos/beach.jpg", "GET", { expires: past }))).status).toBe(401);
    expect((await fetch(tempUrl("vacation/photos/beach.jpg", "GET", { key: "wrong" }))).status).toBe(401);
    expect((await fetch(tempUrl("vacation/photos/beach.jpg", "PUT"))).status).toBe(401);
    const tampered = tempUrl("vacation/photos/beach.jpg", "GET").replace("beach.jpg", "other.jpg");
    expect((await fetch(tampered)).status).toBe(401);
    expect((await fetch(tempUrl("vacation", "GET"))).status).toBe(401);
  });

  it("expiry follows the emulator clock", async () => {
    const url = tempUrl("vacation/photos/beach.jpg", "GET", { expires: Math.floor(Date.now() / 1000) + 60 });
    expect((await fetch(url)).status).toBe(200);
    s.emu.state.clock.advance(120_000);
    try {
      expect((await fetch(url)).status).toBe(401);
    } finally {
      s.emu.state.clock.reset();
    }
  });
});

/** A header value carrying UTF-8 bytes, as a Swift client sends non-ASCII text (fetch sends one byte per char). */
const utf8Bytes = (text: string) => Buffer.from(text, "utf8").toString("latin1");

describe("temp URLs and non-ASCII", () => {
  it("a UTF-8 temp-URL key signs with its UTF-8 bytes", async () => {
    await call(s, `${s.storage}/vacation`, { method: "POST", headers: { "X-Container-Meta-Temp-Url-Key-2": utf8Bytes("ключ-東京") } });
    expect((await fetch(tempUrl("vacation/photos/beach.jpg", "GET", { key: "ключ-東京" }))).status).toBe(200);
  });

  it("an object whose name is beyond Latin-1 is served (200, not 500) with a %-escaped download name", async () => {
    await call(s, `${s.storage}/vacation/${encodeURIComponent("東京.txt")}`, { method: "PUT", body: "tokyo" });
    // signed over the decoded path, as every Swift tool signs it
    const expires = Math.floor(Date.now() / 1000) + 300;
    const sig = sign("GET", `${swiftPrefix}/vacation/東京.txt`, expires, "secret-one", "sha256");
    const res = await fetch(`${origin}${swiftPrefix}/vacation/${encodeURIComponent("東京.txt")}?temp_url_sig=${sig}&temp_url_expires=${expires}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("tokyo");
    const quoted = encodeURIComponent("東京.txt");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${quoted}"; filename*=UTF-8''${quoted}`);
    expect(res.headers.get("expires")).toMatch(/GMT$/);
  });
});

describe("temp URL limits", () => {
  it("a PUT temp URL may not create a DLO manifest (400 naming the header)", async () => {
    const res = await fetch(tempUrl("vacation/manifest-by-url", "PUT"), { method: "PUT", body: "", headers: { "X-Object-Manifest": "vacation/photos/" } });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe("The header 'X-Object-Manifest' is not allowed in this tempurl");
  });

  it("a container-key temp URL does not reach DLO segments in another container (401); an account key does", async () => {
    await call(s, `${s.storage}/elsewhere`, { method: "PUT" });
    await call(s, `${s.storage}/elsewhere/seg-1`, { method: "PUT", body: "far" });
    await call(s, `${s.storage}/vacation/far-dlo`, { method: "PUT", body: "", headers: { "X-Object-Manifest": "elsewhere/seg-" } });
    await call(s, `${s.storage}/vacation`, { method: "POST", headers: { "X-Container-Meta-Temp-Url-Key": "container-key" } });
    expect((await fetch(tempUrl("vacation/far-dlo", "GET", { key: "container-key" }))).status).toBe(401);
    const viaAccount = await fetch(tempUrl("vacation/far-dlo", "GET"));
    expect(await viaAccount.text()).toBe("far");
  });
});
