import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, md5, session, type Session } from "./helpers";
import { rawStatus } from "./raw-socket";

let s: Session;
let c: string;
beforeAll(async () => {
  s = await session();
  c = `${s.storage}/objs`;
  await call(s, c, { method: "PUT" });
});
afterAll(() => s.emu.stop());

/** A raw request, for what fetch cannot send (no Content-Length, no chunking). */
function raw(url: string, method: string, headers: Record<string, string>, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}


describe("object PUT", () => {
  it("201 with the MD5 ETag; stored Content-Type, metadata, encoding and disposition come back on HEAD/GET", async () => {
    const put = await call(s, `${c}/hello.txt`, {
      method: "PUT",
      body: "hello world",
      headers: {
        "content-type": "text/x-greeting",
        "X-Object-Meta-Color": "blue",
        "Content-Encoding": "identity",
        "Content-Disposition": 'attachment; filename="hi.txt"',
      },
    });
    expect(put.status).toBe(201);
    expect(put.headers.get("etag")).toBe(md5("hello world"));
    const head = await call(s, `${c}/hello.txt`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe("11");
    expect(head.headers.get("content-type")).toBe("text/x-greeting");
    expect(head.headers.get("etag")).toBe(md5("hello world"));
    expect(head.headers.get("x-object-meta-color")).toBe("blue");
    expect(head.headers.get("content-encoding")).toBe("identity");
    expect(head.headers.get("content-disposition")).toBe('attachment; filename="hi.txt"');
    expect(head.headers.get("x-timestamp")).toMatch(/^\d+\.\d{5}$/);
    expect(Date.parse(head.headers.get("last-modified")!)).toBeGreaterThan(0);
    const get = await call(s, `${c}/hello.txt`);
    expect(await get.text()).toBe("hello world");
  });

  it("guesses Content-Type from the name when none is sent", async () => {
    expect(await raw(`${c}/pic.png`, "PUT", { "x-auth-token": s.token, "content-length": "3" }, "png")).toBe(201);
    expect((await call(s, `${c}/pic.png`, { method: "HEAD" })).headers.get("content-type")).toBe("image/png");
    expect(await raw(`${c}/blob`, "PUT", { "x-auth-token": s.token, "content-length": "1" }, "b")).toBe(201);
    expect((await call(s, `${c}/blob`, { method: "HEAD" })).headers.get("content-type")).toBe("application/octet-stream");
  });

  it("422 when the client ETag does not match (and nothing is stored); quoted ETags are accepted", async () => {
    const bad = await call(s, `${c}/etag`, { method: "PUT", body: "data", headers: { etag: md5("other") } });
    expect(bad.status).toBe(422);
    expect((await call(s, `${c}/etag`, { method: "HEAD" })).status).toBe(404);
    expect((await call(s, `${c}/etag`, { method: "PUT", body: "data", headers: { etag: `"${md5("data")}"` } })).status).toBe(201);
  });

  it("411 without Content-Length or chunked encoding; chunked uploads work", async () => {
    const path = new URL(`${c}/nolen`).pathname;
    expect(await rawStatus(c, `PUT ${path} HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ${s.token}\r\n\r\n`)).toBe(411);
    expect(await raw(`${c}/chunked`, "PUT", { "x-auth-token": s.token, "transfer-encoding": "chunked" }, "abc")).toBe(201);
    expect(await (await call(s, `${c}/chunked`)).text()).toBe("abc");
  });

  it("404 into a missing container; 400 for names over 1024 bytes", async () => {
    expect((await call(s, `${s.storage}/nocontainer/x`, { method: "PUT", body: "x" })).status).toBe(404);
    expect((await call(s, `${c}/${"n".repeat(1025)}`, { method: "PUT", body: "x" })).status).toBe(400);
    expect((await call(s, `${c}/${"n".repeat(1024)}`, { method: "PUT", body: "x" })).status).toBe(201);
  });

  it("object names keep slashes, spaces and unicode", async () => {
    const name = "dir one/ünï cødé/file #1.txt";
    const url = `${c}/${name.split("/").map(encodeURIComponent).join("/")}`;
    expect((await call(s, url, { method: "PUT", body: "u" })).status).toBe(201);
    const list = (await (await call(s, `${c}?format=json&prefix=dir%20one/`)).json()) as any[];
    expect(list.map((o) => o.name)).toEqual([name]);
  });
});

describe("object GET", () => {
  const body = "0123456789abcdefghij";
  beforeAll(async () => {
    await call(s, `${c}/range`, { method: "PUT", body });
  });

  it("Range → 206 with Content-Range (start-end, open end, suffix)", async () => {
    const a = await call(s, `${c}/range`, { headers: { range: "bytes=0-4" } });
    expect(a.status).toBe(206);
    expect(a.headers.get("content-range")).toBe("bytes 0-4/20");
    expect(await a.text()).toBe("01234");
    expect(await (await call(s, `${c}/range`, { headers: { range: "bytes=15-" } })).text()).toBe("fghij");
    expect(await (await call(s, `${c}/range`, { headers: { range: "bytes=-3" } })).text()).toBe("hij");
    const clamped = await call(s, `${c}/range`, { headers: { range: "bytes=18-100" } });
    expect(clamped.headers.get("content-range")).toBe("bytes 18-19/20");
  });

  it("unsatisfiable Range → 416 with bytes */size; malformed Range → full 200", async () => {
    const res = await call(s, `${c}/range`, { headers: { range: "bytes=20-30" } });
    expect(res.status).toBe(416);
    expect(res.headers.get("content-range")).toBe("bytes */20");
    await call(s, `${c}/empty`, { method: "PUT", body: "" });
    expect((await call(s, `${c}/empty`, { headers: { range: "bytes=0-" } })).status).toBe(416);
    expect((await call(s, `${c}/empty`, { headers: { range: "bytes=-5" } })).status).toBe(200);
    const malformed = await call(s, `${c}/range`, { headers: { range: "bytes=5-2" } });
    expect(malformed.status).toBe(200);
    expect(await malformed.text()).toBe(body);
  });

  it("multiple ranges → multipart/byteranges", async () => {
    const res = await call(s, `${c}/range`, { headers: { range: "bytes=0-1,5-6" } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-type")).toMatch(/^multipart\/byteranges;boundary=/);
    const text = await res.text();
    expect(text).toContain("Content-Range: bytes 0-1/20\r\n\r\n01\r\n");
    expect(text).toContain("Content-Range: bytes 5-6/20\r\n\r\n56\r\n");
  });

  it("If-None-Match → 304, If-Match mismatch → 412, If-Modified-Since", async () => {
    const etag = md5(body);
    expect((await call(s, `${c}/range`, { headers: { "if-none-match": etag } })).status).toBe(304);
    expect((await call(s, `${c}/range`, { headers: { "if-none-match": `"${etag}"` } })).status).toBe(304);
    expect((await call(s, `${c}/range`, { headers: { "if-match": "nope" } })).status).toBe(412);
    expect((await call(s, `${c}/range`, { headers: { "if-match": etag } })).status).toBe(200);
    const future = new Date(Date.now() + 3600_000).toUTCString();
    expect((await call(s, `${c}/range`, { headers: { "if-modified-since": future } })).status).toBe(304);
  });

  it("404 for a missing object", async () => {
    expect((await call(s, `${c}/missing`)).status).toBe(404);
    expect((await call(s, `${c}/missing`, { method: "HEAD" })).status).toBe(404);
  });

  it("streams a multi-megabyte object back intact", async () => {
    const big = Buffer.alloc(5 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = i % 251;
    expect((await call(s, `${c}/big.bin`, { method: "PUT", body: big })).status).toBe(201);
    const res = await call(s, `${c}/big.bin`);
    const got = Buffer.from(await res.arrayBuffer());
    expect(got.length).toBe(big.length);
    expect(got.equals(big)).toBe(true);
    const tail = await call(s, `${c}/big.bin`, { headers: { range: `bytes=${big.length - 10}-` } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(big.subarray(big.length - 10))).toBe(true);
  });
});

describe("object POST, DELETE, copy", () => {
  it("POST replaces ALL metadata (202) — keys not sent are gone", async () => {
    await call(s, `${c}/meta`, { method: "PUT", body: "m", headers: { "X-Object-Meta-A": "1", "X-Object-Meta-B": "2", "Content-Disposition": "inline" } });
    const post = await call(s, `${c}/meta`, { method: "POST", headers: { "X-Object-Meta-C": "3" } });
    expect(post.status).toBe(202);
    const head = await call(s, `${c}/meta`, { method: "HEAD" });
    expect(head.headers.get("x-object-meta-a")).toBeNull();
    expect(head.headers.get("x-object-meta-b")).toBeNull();
    expect(head.headers.get("x-object-meta-c")).toBe("3");
    expect(head.headers.get("content-disposition")).toBeNull();
    expect(await (await call(s, `${c}/meta`)).text()).toBe("m");
    expect((await call(s, `${c}/nope`, { method: "POST" })).status).toBe(404);
  });

  it("DELETE → 204, then 404", async () => {
    await call(s, `${c}/del`, { method: "PUT", body: "d" });
    expect((await call(s, `${c}/del`, { method: "DELETE" })).status).toBe(204);
    expect((await call(s, `${c}/del`, { method: "DELETE" })).status).toBe(404);
  });

  it("X-Copy-From copies bytes and metadata server-side (201 + ETag); missing source → 404", async () => {
    await call(s, `${s.storage}/other`, { method: "PUT" });
    await call(s, `${c}/src`, { method: "PUT", body: "copy me", headers: { "X-Object-Meta-Kind": "src", "content-type": "text/plain" } });
    const copy = await call(s, `${s.storage}/other/dst`, { method: "PUT", headers: { "X-Copy-From": "/objs/src", "content-length": "0", "X-Object-Meta-Extra": "yes" } });
    expect(copy.status).toBe(201);
    expect(copy.headers.get("etag")).toBe(md5("copy me"));
    const head = await call(s, `${s.storage}/other/dst`, { method: "HEAD" });
    expect(head.headers.get("x-object-meta-kind")).toBe("src");
    expect(head.headers.get("x-object-meta-extra")).toBe("yes");
    expect(await (await call(s, `${s.storage}/other/dst`)).text()).toBe("copy me");
    expect((await call(s, `${c}/x`, { method: "PUT", headers: { "X-Copy-From": "/objs/none", "content-length": "0" } })).status).toBe(404);
    // changing the content type by copying onto itself
    await call(s, `${c}/src`, { method: "PUT", headers: { "X-Copy-From": "objs/src", "content-type": "text/csv", "content-length": "0" } });
    expect((await call(s, `${c}/src`, { method: "HEAD" })).headers.get("content-type")).toBe("text/csv");
  });

  it("COPY with Destination", async () => {
    await call(s, `${c}/copy-src`, { method: "PUT", body: "via COPY" });
    const res = await call(s, `${c}/copy-src`, { method: "COPY", headers: { Destination: "/objs/copy-dst" } });
    expect(res.status).toBe(201);
    expect(await (await call(s, `${c}/copy-dst`)).text()).toBe("via COPY");
    expect((await call(s, `${c}/copy-src`, { method: "COPY", headers: { Destination: "nocontainerpart" } })).status).toBe(412);
  });
});

describe("expiring objects", () => {
  it("X-Delete-After: readable until then, 404 and gone from listings and counts after", async () => {
    await call(s, `${s.storage}/exp`, { method: "PUT" });
    await call(s, `${s.storage}/exp/keep`, { method: "PUT", body: "k" });
    const put = await call(s, `${s.storage}/exp/soon`, { method: "PUT", body: "s", headers: { "X-Delete-After": "60" } });
    expect(put.status).toBe(201);
    const head = await call(s, `${s.storage}/exp/soon`, { method: "HEAD" });
    const deleteAt = Number(head.headers.get("x-delete-at"));
    expect(deleteAt).toBeGreaterThan(Date.now() / 1000 + 50);
    s.emu.state.clock.advance(61_000);
    try {
      expect((await call(s, `${s.storage}/exp/soon`)).status).toBe(404);
      expect(await (await call(s, `${s.storage}/exp`)).text()).toBe("keep\n");
      expect((await call(s, `${s.storage}/exp`, { method: "HEAD" })).headers.get("x-container-object-count")).toBe("1");
    } finally {
      s.emu.state.clock.reset();
    }
  });

  it("X-Delete-At in the past or not an integer → 400; POST without it removes the expiry", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await call(s, `${s.storage}/exp/bad`, { method: "PUT", body: "b", headers: { "X-Delete-At": String(now - 10) } })).status).toBe(400);
    expect((await call(s, `${s.storage}/exp/bad`, { method: "PUT", body: "b", headers: { "X-Delete-At": "soon" } })).status).toBe(400);
    await call(s, `${s.storage}/exp/at`, { method: "PUT", body: "a", headers: { "X-Delete-At": String(now + 100) } });
    expect((await call(s, `${s.storage}/exp/at`, { method: "HEAD" })).headers.get("x-delete-at")).toBe(String(now + 100));
    await call(s, `${s.storage}/exp/at`, { method: "POST", headers: { "X-Object-Meta-Z": "1" } });
    expect((await call(s, `${s.storage}/exp/at`, { method: "HEAD" })).headers.get("x-delete-at")).toBeNull();
  });
});
