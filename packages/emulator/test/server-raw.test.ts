import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, md5, rawExchange, session, type Session } from "./helpers";

// Requests Node's HTTP parser refuses on its own, but real Swift (eventlet) reads: the emulator
// must answer them as the service would, not with a bare 400 from the parser.
let s: Session;
beforeAll(async () => {
  s = await session();
});
afterAll(() => s.emu.stop());

const raw = rawExchange;

const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);

describe("requests Node's parser refuses", () => {
  it("raw UTF-8 in the request line reaches Swift, as percent-encoded UTF-8", async () => {
    const path = new URL(s.storage).pathname;
    const put = await raw(s.storage, Buffer.from(`PUT ${path}/caf\u00e9 HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ${s.token}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`, "utf8"));
    expect(statusOf(put)).toBe(201);
    expect(put).toMatch(/\r\nx-trans-id: tx/i);
    expect((await call(s, `${s.storage}/caf%C3%A9`, { method: "HEAD" })).status).toBe(204);
    // With a body, too.
    const obj = await raw(s.storage, Buffer.from(`PUT ${path}/caf\u00e9/th\u00e9.txt HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ${s.token}\r\nContent-Length: 5\r\n\r\nhello`, "utf8"));
    expect(statusOf(obj)).toBe(201);
    expect(await (await call(s, `${s.storage}/caf%C3%A9/th%C3%A9.txt`)).text()).toBe("hello");
  });

  it("an unknown method reaches the service (Swift: 405), not a parser 400", async () => {
    const path = new URL(s.storage).pathname;
    const res = await raw(s.storage, Buffer.from(`FOO ${path} HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ${s.token}\r\nConnection: close\r\n\r\n`));
    expect(statusOf(res)).toBe(405);
  });

  it("what cannot be read at all still gets a bare 400", async () => {
    const res = await raw(s.storage, Buffer.from("NOT A REQUEST\r\n\r\n"));
    expect(statusOf(res)).toBe(400);
  });
});

/** Every byte the server sent before it closed, and how the connection ended. */
function rawBytes(base: string, request: string | Buffer): Promise<{ bytes: Buffer; error?: string }> {
  const url = new URL(base);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    const got: Buffer[] = [];
    let error: string | undefined;
    socket.on("data", (c) => got.push(c));
    socket.on("error", (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    socket.on("close", () => resolve({ bytes: Buffer.concat(got), ...(error ? { error } : {}) }));
    socket.write(request);
  });
}

describe("a body that fails mid-way", () => {
  it("reaches the client up to the cut: every byte of the segments that exist, then EOF short of Content-Length", async () => {
    const first = Buffer.alloc(70_000, "a");
    await call(s, `${s.storage}/cutsegs`, { method: "PUT" });
    await call(s, `${s.storage}/cutsegs/1`, { method: "PUT", body: first });
    await call(s, `${s.storage}/cutsegs/2`, { method: "PUT", body: "second" });
    const manifest = [
      { path: "/cutsegs/1", etag: md5(first), size_bytes: first.length },
      { path: "/cutsegs/2", etag: md5("second"), size_bytes: 6 },
    ];
    expect((await call(s, `${s.storage}/cutsegs/slo?multipart-manifest=put`, { method: "PUT", body: JSON.stringify(manifest) })).status).toBe(201);
    expect((await call(s, `${s.storage}/cutsegs/2`, { method: "DELETE" })).status).toBe(204);

    const path = new URL(s.storage).pathname;
    const { bytes } = await rawBytes(s.storage, `GET ${path}/cutsegs/slo HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ${s.token}\r\n\r\n`);
    const headEnd = bytes.indexOf("\r\n\r\n");
    const head = bytes.subarray(0, headEnd).toString("latin1");
    expect(head).toMatch(/^HTTP\/1\.1 200 /);
    expect(head).toMatch(new RegExp(`\r\ncontent-length: ${first.length + 6}\r\n`, "i"));
    // Exactly the first segment: nothing dropped before the cut, no chunked terminator after it.
    expect(bytes.subarray(headEnd + 4).equals(first)).toBe(true);
  });

  it("a small first segment and the status line are not lost either (writes Node corks for the tick)", async () => {
    await call(s, `${s.storage}/cutsmall`, { method: "PUT" });
    await call(s, `${s.storage}/cutsmall/1`, { method: "PUT", body: "hello" });
    await call(s, `${s.storage}/cutsmall/2`, { method: "PUT", body: "world" });
    const manifest = [
      { path: "/cutsmall/1", etag: md5("hello"), size_bytes: 5 },
      { path: "/cutsmall/2", etag: md5("world"), size_bytes: 5 },
    ];
    await call(s, `${s.storage}/cutsmall/slo?multipart-manifest=put`, { method: "PUT", body: JSON.stringify(manifest) });
    await call(s, `${s.storage}/cutsmall/2`, { method: "DELETE" });
    const path = new URL(s.storage).pathname;
    const { bytes } = await rawBytes(s.storage, `GET ${path}/cutsmall/slo HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ${s.token}\r\n\r\n`);
    const text = bytes.toString("latin1");
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(text.slice(text.indexOf("\r\n\r\n") + 4)).toBe("hello");
  });
  it("as well on a request Node's parser refused (raw UTF-8 in the path): headers, then the bytes before the cut", async () => {
    const c = `${s.storage}/cut%C3%A9`;
    await call(s, c, { method: "PUT" });
    await call(s, `${c}/1`, { method: "PUT", body: "hello" });
    await call(s, `${c}/2`, { method: "PUT", body: "world" });
    const manifest = [
      { path: "/cut\u00e9/1", etag: md5("hello"), size_bytes: 5 },
      { path: "/cut\u00e9/2", etag: md5("world"), size_bytes: 5 },
    ];
    expect((await call(s, `${c}/slo?multipart-manifest=put`, { method: "PUT", body: JSON.stringify(manifest) })).status).toBe(201);
    await call(s, `${c}/2`, { method: "DELETE" });
    const path = new URL(s.storage).pathname;
    const { bytes } = await rawBytes(s.storage, Buffer.from(`GET ${path}/cut\u00e9/slo HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ${s.token}\r\n\r\n`, "utf8"));
    const text = bytes.toString("latin1");
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(text).toMatch(/\r\ncontent-length: 10\r\n/i);
    expect(text.slice(text.indexOf("\r\n\r\n") + 4)).toBe("hello");
  });
});

describe("dot segments in object names (real Swift keeps them as sent)", () => {
  const names = ["a/../b", "./x", "..", "x/.", "."];
  it("PUT stores each name as is; GET and the listing find it under that name", async () => {
    await call(s, `${s.storage}/dots`, { method: "PUT" });
    const path = new URL(s.storage).pathname;
    for (const name of names) {
      const put = await raw(s.storage, Buffer.from(`PUT ${path}/dots/${name} HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ${s.token}\r\nContent-Length: ${name.length}\r\nConnection: close\r\n\r\n${name}`));
      expect(statusOf(put), name).toBe(201);
    }
    const listing = await (await call(s, `${s.storage}/dots`)).text();
    expect(listing.split("\n").filter(Boolean).sort()).toEqual([...names].sort());
    // Nothing landed where a folded path would point ("b", "x", the container itself).
    expect((await call(s, `${s.storage}/dots/b`, { method: "HEAD" })).status).toBe(404);
    const get = await raw(s.storage, Buffer.from(`GET ${path}/dots/a/../b HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ${s.token}\r\nConnection: close\r\n\r\n`));
    expect(statusOf(get)).toBe(200);
    expect(get.endsWith("\r\n\r\na/../b")).toBe(true);
    expect(s.emu.requests.at(-1)).toMatchObject({ method: "GET", path: `${path}/dots/a/../b`, status: 200 });
    // %2E%2E is the same name once Swift decodes the path.
    expect((await call(s, `${s.storage}/dots/%2E%2E`)).status).toBe(200);
  });

  it("a client cannot forge the marker the server puts on dot segments", async () => {
    const path = new URL(s.storage).pathname;
    await call(s, `${s.storage}/forge`, { method: "PUT" });
    const put = await raw(
      s.storage,
      Buffer.from(`PUT ${path}/forge/..~m HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ${s.token}\r\nX-Emulator-Dot-Segment-Marker: ~m\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`),
    );
    expect(statusOf(put)).toBe(201);
    expect((await (await call(s, `${s.storage}/forge`)).text()).trim()).toBe("..~m");
  });

  it("a backslash is part of the name, not a separator", async () => {
    const path = new URL(s.storage).pathname;
    await call(s, `${s.storage}/bs`, { method: "PUT" });
    const put = await raw(s.storage, Buffer.from(`PUT ${path}/bs/x\\..\\y HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ${s.token}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`));
    expect(statusOf(put)).toBe(201);
    expect((await (await call(s, `${s.storage}/bs`)).text()).trim()).toBe("x\\..\\y");
  });
});
