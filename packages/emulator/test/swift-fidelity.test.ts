// Behaviour Swift 2.30's own functional tests (tests/swift-functional) hold the emulator to.
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, md5, session, type Session } from "./helpers";
import { rawStatus } from "./raw-socket";

let s: Session;
beforeAll(async () => {
  s = await session();
  await call(s, `${s.storage}/segs`, { method: "PUT" });
  await call(s, `${s.storage}/segs/a`, { method: "PUT", body: "AAAA" });
});
afterAll(() => s.emu.stop());

const b64 = (text: string) => Buffer.from(text).toString("base64");

describe("SLO manifests with inline data segments", () => {
  it("stores them, serves the data in place, and counts each segment's MD5 in the SLO etag", async () => {
    const manifest = [{ data: b64("pre-") }, { path: "/segs/a" }, { data: b64("-post") }];
    const put = await call(s, `${s.storage}/segs/mixed?multipart-manifest=put`, { method: "PUT", body: JSON.stringify(manifest) });
    expect(put.status).toBe(201);
    const sloEtag = md5(md5("pre-") + md5("AAAA") + md5("-post"));
    expect(put.headers.get("etag")).toBe(`"${sloEtag}"`);
    const get = await call(s, `${s.storage}/segs/mixed`);
    expect(await get.text()).toBe("pre-AAAA-post");
    expect(get.headers.get("etag")).toBe(`"${sloEtag}"`);
    const ranged = await call(s, `${s.storage}/segs/mixed`, { headers: { range: "bytes=2-5" } });
    expect(await ranged.text()).toBe("e-AA");
    const raw = (await (await call(s, `${s.storage}/segs/mixed?multipart-manifest=get&format=raw`)).json()) as unknown[];
    expect(raw[0]).toEqual({ data: b64("pre-") });
    expect(raw[2]).toEqual({ data: b64("-post") });
  });

  it("refuses bad data, data-only manifests and extra keys with Swift's Index lines, all at once", async () => {
    const bad = [{ data: "not base64!" }, { data: "" }, { data: b64("x"), path: "/segs/a" }, { data: b64("y"), etag: "z" }];
    const res = await call(s, `${s.storage}/segs/bad?multipart-manifest=put`, { method: "PUT", body: JSON.stringify(bad) });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain("Index 0: data must be valid base64");
    expect(text).toContain("Index 1: too small; each segment must be at least 1 byte.");
    expect(text).toContain('Index 2: extraneous keys "data"');
    expect(text).toContain('Index 3: extraneous keys "etag"');
    const onlyData = await call(s, `${s.storage}/segs/bad?multipart-manifest=put`, { method: "PUT", body: JSON.stringify([{ data: b64("x") }]) });
    expect(await onlyData.text()).toContain("Inline data segments require at least one object-backed segment.");
  });
});

describe("containers", () => {
  it("HEAD and GET carry Last-Modified, which a later PUT of the container moves", async () => {
    await call(s, `${s.storage}/dated`, { method: "PUT" });
    const first = (await call(s, `${s.storage}/dated`, { method: "HEAD" })).headers.get("last-modified");
    expect(first).toMatch(/GMT$/);
    expect((await call(s, `${s.storage}/dated`)).headers.get("last-modified")).toBe(first);
    s.emu.state.clock.advance(5000);
    await call(s, `${s.storage}/dated`, { method: "PUT" });
    const later = (await call(s, `${s.storage}/dated`, { method: "HEAD" })).headers.get("last-modified");
    expect(Date.parse(later!) - Date.parse(first!)).toBeGreaterThanOrEqual(4000);
  });

  it("does not keep X-Versions-Location / X-History-Location: the emulator does not version objects", async () => {
    await call(s, `${s.storage}/vers`, { method: "PUT" });
    const put = await call(s, `${s.storage}/plain`, { method: "PUT", headers: { "X-Versions-Location": "vers" } });
    expect(put.status).toBe(201);
    await call(s, `${s.storage}/plain`, { method: "POST", headers: { "X-History-Location": "vers" } });
    const head = await call(s, `${s.storage}/plain`, { method: "HEAD" });
    expect(head.headers.get("x-versions-location")).toBeNull();
    expect(head.headers.get("x-history-location")).toBeNull();
  });

  it("lists content_type with parameters re-joined as Swift does (no space after ';')", async () => {
    await call(s, `${s.storage}/segs/typed`, { method: "PUT", body: "x", headers: { "content-type": "text/plain; charset=utf-8;  level = 1" } });
    const rows = (await (await call(s, `${s.storage}/segs?format=json&prefix=typed`)).json()) as Array<{ content_type: string }>;
    expect(rows[0]!.content_type).toBe("text/plain;charset=utf-8;level=1");
    // the object itself keeps what was sent
    expect((await call(s, `${s.storage}/segs/typed`, { method: "HEAD" })).headers.get("content-type")).toBe("text/plain; charset=utf-8;  level = 1");
  });
});

describe("object names", () => {
  it("the 1024 limit counts characters, not UTF-8 bytes", async () => {
    const ok = await call(s, `${s.storage}/segs/${encodeURIComponent("é".repeat(1024))}`, { method: "PUT", body: "x" });
    expect(ok.status).toBe(201);
    const tooLong = await call(s, `${s.storage}/segs/${encodeURIComponent("é".repeat(1025))}`, { method: "PUT", body: "x" });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toBe("Object name length of 1025 longer than 1024");
  });
});

describe("dynamic large objects", () => {
  beforeAll(async () => {
    await call(s, `${s.storage}/dlo`, { method: "PUT" });
    for (const [name, body] of [["seg/1", "aaaaa"], ["seg/2", "bbbbb"]] as const) await call(s, `${s.storage}/dlo/${name}`, { method: "PUT", body });
    await call(s, `${s.storage}/dlo/man`, { method: "PUT", body: "man-contents", headers: { "X-Object-Manifest": "dlo/seg/" } });
  });

  it("GET ?multipart-manifest=get answers the manifest's own body, a plain GET the segments", async () => {
    const own = await call(s, `${s.storage}/dlo/man?multipart-manifest=get`);
    expect(await own.text()).toBe("man-contents");
    expect(own.headers.get("etag")).toBe(md5("man-contents"));
    expect(await (await call(s, `${s.storage}/dlo/man`)).text()).toBe("aaaaabbbbb");
  });

  it("several ranges get the whole object with 200 (one range is still 206)", async () => {
    const multi = await call(s, `${s.storage}/dlo/man`, { headers: { range: "bytes=0-1,6-7" } });
    expect(multi.status).toBe(200);
    expect(await multi.text()).toBe("aaaaabbbbb");
    const one = await call(s, `${s.storage}/dlo/man`, { headers: { range: "bytes=4-5" } });
    expect(one.status).toBe(206);
    expect(await one.text()).toBe("ab");
  });

  it("COPY ?multipart-manifest=get copies the manifest itself; a plain COPY the concatenation", async () => {
    const asManifest = await call(s, `${s.storage}/dlo/man?multipart-manifest=get`, { method: "COPY", headers: { destination: "dlo/man-copy" } });
    expect(asManifest.status).toBe(201);
    expect(await (await call(s, `${s.storage}/dlo/man-copy?multipart-manifest=get`)).text()).toBe("man-contents");
    expect((await call(s, `${s.storage}/dlo/man-copy`, { method: "HEAD" })).headers.get("x-object-manifest")).toBe("dlo/seg/");
    await call(s, `${s.storage}/dlo/man`, { method: "COPY", headers: { destination: "dlo/flat" } });
    const flat = await call(s, `${s.storage}/dlo/flat`);
    expect(await flat.text()).toBe("aaaaabbbbb");
    expect(flat.headers.get("x-object-manifest")).toBeNull();
  });
});

/** A header value carrying UTF-8 bytes, as Swift clients send non-ASCII text (fetch sends one byte per char). */
const utf8Bytes = (text: string) => Buffer.from(text, "utf8").toString("latin1");

describe("non-ASCII header values are read as UTF-8", () => {
  beforeAll(async () => {
    await call(s, `${s.storage}/${encodeURIComponent("データ")}`, { method: "PUT" });
    for (const [name, body] of [["片/1", "xx"], ["片/2", "yy"]] as const)
      await call(s, `${s.storage}/${encodeURIComponent("データ")}/${encodeURIComponent(name)}`, { method: "PUT", body });
  });

  it("X-Object-Manifest, raw or %-escaped, names UTF-8 container and prefix; it is echoed as sent", async () => {
    await call(s, `${s.storage}/segs/dlo-raw`, { method: "PUT", body: "", headers: { "X-Object-Manifest": utf8Bytes("データ/片/") } });
    const raw = await call(s, `${s.storage}/segs/dlo-raw`);
    expect(await raw.text()).toBe("xxyy");
    expect(Buffer.from(raw.headers.get("x-object-manifest")!, "latin1").toString("utf8")).toBe("データ/片/");
    await call(s, `${s.storage}/segs/dlo-quoted`, { method: "PUT", body: "", headers: { "X-Object-Manifest": `${encodeURIComponent("データ")}/${encodeURIComponent("片")}/` } });
    expect(await (await call(s, `${s.storage}/segs/dlo-quoted`)).text()).toBe("xxyy");
  });

  it("X-Copy-From with raw UTF-8 copies that object", async () => {
    const put = await call(s, `${s.storage}/segs/copied`, { method: "PUT", body: "", headers: { "X-Copy-From": utf8Bytes("/データ/片/1") } });
    expect(put.status).toBe(201);
    expect(await (await call(s, `${s.storage}/segs/copied`)).text()).toBe("xx");
  });

  it("container metadata must be UTF-8; object metadata keeps its bytes", async () => {
    const bad = await call(s, `${s.storage}/segs`, { method: "POST", headers: { "X-Container-Meta-City": "Z\u00fcrich" } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe("Metadata must be valid UTF-8");
    expect((await call(s, `${s.storage}/segs`, { method: "POST", headers: { "X-Container-Meta-City": utf8Bytes("Zürich") } })).status).toBe(204);
    const head = await call(s, `${s.storage}/segs`, { method: "HEAD" });
    expect(Buffer.from(head.headers.get("x-container-meta-city")!, "latin1").toString("utf8")).toBe("Zürich");
  });

  it("metadata limits count bytes: 256 bytes of UTF-8 are within the value limit, 257 are not", async () => {
    const ok = await call(s, `${s.storage}/segs`, { method: "POST", headers: { "X-Container-Meta-Big": utf8Bytes("é".repeat(128)) } });
    expect(ok.status).toBe(204);
    const over = await call(s, `${s.storage}/segs`, { method: "POST", headers: { "X-Container-Meta-Big": utf8Bytes(`${"é".repeat(128)}x`) } });
    expect(over.status).toBe(400);
  });

  it("the account server refuses metadata whose total after the change is over the limit", async () => {
    const value = "v".repeat(256);
    const first: Record<string, string> = {};
    for (let i = 0; i < 15; i++) first[`X-Account-Meta-${String(i).padStart(4, "0")}`] = value;
    expect((await call(s, s.storage, { method: "POST", headers: first })).status).toBe(204);
    // 15 × 260 = 3900 bytes stored; this request alone is 1 + 200 bytes, together 4101 > 4096
    const more = await call(s, s.storage, { method: "POST", headers: { "X-Account-Meta-k": "x".repeat(200) } });
    expect(more.status).toBe(400);
    expect(await more.text()).toBe("Total metadata too large; max 4096");
  });
});

describe("CORS", () => {
  beforeAll(async () => {
    await call(s, `${s.storage}/cors`, { method: "PUT", headers: { "X-Container-Meta-Access-Control-Allow-Origin": "http://good.example" } });
    await call(s, `${s.storage}/cors/cat`, { method: "PUT", body: "meow" });
  });

  it("OPTIONS needs no token: a preflight from an allowed origin is 200 with the CORS headers, else 401", async () => {
    const ok = await fetch(`${s.storage}/cors/cat`, {
      method: "OPTIONS",
      headers: { origin: "http://good.example", "access-control-request-method": "GET", "access-control-request-headers": "x-auth-token" },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://good.example");
    expect(ok.headers.get("access-control-allow-methods")).toContain("GET");
    expect(ok.headers.get("access-control-allow-headers")).toBe("x-auth-token");
    const noMethod = await fetch(`${s.storage}/cors/cat`, { method: "OPTIONS", headers: { origin: "http://good.example" } });
    expect(noMethod.status).toBe(401);
    const badOrigin = await fetch(`${s.storage}/cors/cat`, { method: "OPTIONS", headers: { origin: "http://evil.example", "access-control-request-method": "GET" } });
    expect(badOrigin.status).toBe(401);
    const plain = await fetch(`${s.storage}/cors/cat`, { method: "OPTIONS" });
    expect(plain.status).toBe(200);
    expect(plain.headers.get("allow")).toContain("PUT");
  });

  it("a GET with an allowed Origin carries Access-Control-Allow-Origin (strict mode: none for others)", async () => {
    const good = await call(s, `${s.storage}/cors/cat`, { headers: { origin: "http://good.example" } });
    expect(good.headers.get("access-control-allow-origin")).toBe("http://good.example");
    expect(good.headers.get("access-control-expose-headers")).toContain("etag");
    const other = await call(s, `${s.storage}/cors/cat`, { headers: { origin: "http://evil.example" } });
    expect(other.status).toBe(200);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("/info advertises only what is served", () => {
  it("no staticweb; one storage policy, and any other policy name is refused", async () => {
    const base = s.storage.slice(0, s.storage.indexOf("/v1/"));
    const info = (await (await fetch(`${base}/info`)).json()) as Record<string, any>;
    expect(info.staticweb).toBeUndefined();
    expect(info.versioned_writes).toBeUndefined();
    expect(info.swift.policies).toEqual([{ name: "Policy-0", aliases: "Policy-0", default: true }]);
    const bad = await call(s, `${s.storage}/policy-x`, { method: "PUT", headers: { "X-Storage-Policy": "gold" } });
    expect(bad.status).toBe(400);
    expect((await call(s, `${s.storage}/policy-0`, { method: "PUT", headers: { "X-Storage-Policy": "Policy-0" } })).status).toBe(201);
    expect((await call(s, `${s.storage}/policy-default`, { method: "PUT", headers: { "X-Storage-Policy": "" } })).status).toBe(201);
  });
});

describe("more of Swift's answers", () => {
  it("a container POST moves Last-Modified too", async () => {
    await call(s, `${s.storage}/posted`, { method: "PUT" });
    const before = (await call(s, `${s.storage}/posted`, { method: "HEAD" })).headers.get("last-modified")!;
    s.emu.state.clock.advance(3000);
    await call(s, `${s.storage}/posted`, { method: "POST", headers: { "X-Container-Meta-A": "b" } });
    const after = (await call(s, `${s.storage}/posted`, { method: "HEAD" })).headers.get("last-modified")!;
    expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
  });

  it("path= lists directory-marker objects ('dir/') but not the path's own marker", async () => {
    await call(s, `${s.storage}/paths`, { method: "PUT" });
    for (const name of ["dir1/", "dir1/a", "dir1/sub/", "dir1/sub/b", "file"]) await call(s, `${s.storage}/paths/${name}`, { method: "PUT", body: "" });
    const top = (await (await call(s, `${s.storage}/paths?path=&format=json`)).json()) as Array<{ name: string }>;
    expect(top.map((o) => o.name)).toEqual(["dir1/", "file"]);
    const inner = (await (await call(s, `${s.storage}/paths?path=dir1&format=json`)).json()) as Array<{ name: string }>;
    expect(inner.map((o) => o.name)).toEqual(["dir1/a", "dir1/sub/"]);
  });

  it("401 carries WWW-Authenticate naming the account as Swift's realm", async () => {
    const res = await fetch(`${s.storage}/segs/a`);
    expect(res.status).toBe(401);
    const account = s.storage.slice(s.storage.lastIndexOf("/") + 1);
    expect(res.headers.get("www-authenticate")).toBe(`Swift realm="${account}"`);
  });

  it("a path of the version alone is 412 Bad URL", async () => {
    const base = s.storage.slice(0, s.storage.indexOf("/v1/"));
    const res = await call(s, `${base}/v1`, { method: "PUT" });
    expect(res.status).toBe(412);
    expect(await res.text()).toBe("Bad URL");
  });
});


describe("message framing", () => {
  it("a Transfer-Encoding other than chunked alone is 501; a Content-Length that is not a number 400", async () => {
    const { pathname, host } = new URL(`${s.storage}/segs/te`);
    const te = await rawStatus(s.storage, `PUT ${pathname} HTTP/1.1\r\nHost: ${host}\r\nX-Auth-Token: ${s.token}\r\nTransfer-Encoding: gzip,chunked\r\n\r\n0\r\n\r\n`);
    expect(te).toBe(501);
    const cl = await rawStatus(s.storage, `PUT ${pathname} HTTP/1.1\r\nHost: ${host}\r\nX-Auth-Token: ${s.token}\r\nContent-Length: X\r\n\r\n`);
    expect(cl).toBe(400);
  });
});

describe("copy and manifest details", () => {
  it("PUT with X-Copy-From into a missing container is 404 once the source is read", async () => {
    const res = await call(s, `${s.storage}/no-such-container/x`, { method: "PUT", body: "", headers: { "X-Copy-From": "segs/a" } });
    expect(res.status).toBe(404);
  });

  it("?multipart-manifest=get&format=raw is Python's json.dumps(sort_keys) of the manifest, with its MD5 as ETag", async () => {
    await call(s, `${s.storage}/segs/raw-slo?multipart-manifest=put`, {
      method: "PUT",
      body: JSON.stringify([{ path: "/segs/a" }]),
      headers: { "content-type": "application/x-big-thing" },
    });
    const res = await call(s, `${s.storage}/segs/raw-slo?multipart-manifest=get&format=raw`);
    const body = await res.text();
    expect(body).toBe(`[{"etag": "${md5("AAAA")}", "path": "/segs/a", "size_bytes": 4}]`);
    expect(res.headers.get("etag")).toBe(md5(body));
    // the manifest object's own type, not JSON's
    expect(res.headers.get("content-type")).toBe("application/x-big-thing");
  });
});

describe("header size", () => {
  it("a metadata request with any header value over 8192 bytes is 400 naming the header", async () => {
    const res = await call(s, s.storage, { method: "POST", headers: { "X-Account-Access-Control": "a".repeat(8193) } });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe("Header value too long: X-Account-Access-Control");
    expect((await call(s, s.storage, { method: "POST", headers: { "X-Account-Access-Control": "a".repeat(7000) } })).status).toBe(204);
  });
});

describe("response header names", () => {
  it("are title-cased as WSGI sends them, with no Connection / Keep-Alive when the request named none", async () => {
    await call(s, `${s.storage}/segs/a`, { method: "POST", headers: { "X-Object-Meta-Color": "blUe" } });
    const { pathname, host, port, hostname } = new URL(`${s.storage}/segs/a`);
    const head = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.write(`HEAD ${pathname} HTTP/1.1\r\nHost: ${host}\r\nX-Auth-Token: ${s.token}\r\n\r\n`));
      let got = "";
      socket.on("data", (d) => {
        got += d.toString("latin1");
        if (got.includes("\r\n\r\n")) {
          resolve(got.slice(0, got.indexOf("\r\n\r\n")));
          socket.destroy();
        }
      });
      socket.on("error", reject);
    });
    const names = head.split("\r\n").slice(1).map((line) => line.slice(0, line.indexOf(":")));
    expect(names).toContain("X-Object-Meta-Color");
    expect(names).toContain("Etag");
    expect(names.map((n) => n.toLowerCase())).not.toContain("connection");
    expect(names.map((n) => n.toLowerCase())).not.toContain("keep-alive");
  });
});

describe("Connection header", () => {
  it("is echoed only when the request sent Connection: keep-alive", async () => {
    const raw = await new Promise<string[]>((resolve, reject) => {
      const req = httpRequest(`${s.storage}/segs/a`, { method: "HEAD", headers: { "x-auth-token": s.token, connection: "keep-alive" } }, (res) => {
        res.resume();
        resolve(res.rawHeaders);
      });
      req.on("error", reject);
      req.end();
    });
    const at = raw.findIndex((v, i) => i % 2 === 0 && v.toLowerCase() === "connection");
    expect(raw[at + 1]).toBe("keep-alive");
  });
});
