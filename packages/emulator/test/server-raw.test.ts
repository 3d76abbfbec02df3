import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, session, type Session } from "./helpers";

// Requests Node's HTTP parser refuses on its own, but real Swift (eventlet) reads: the emulator
// must answer them as the service would, not with a bare 400 from the parser.
let s: Session;
beforeAll(async () => {
  s = await session();
});
afterAll(() => s.emu.stop());

function raw(base: string, request: Buffer): Promise<string> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let data = "";
    socket.on("data", (c) => (data += c.toString("latin1")));
    socket.on("close", () => resolve(data));
    socket.on("error", reject);
    socket.write(request);
  });
}

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
