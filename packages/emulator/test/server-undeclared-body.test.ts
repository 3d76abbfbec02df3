import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, rawExchange, session, type Session } from "./helpers";

// A PUT with neither Content-Length nor chunked encoding has an empty body as far as HTTP goes; the
// bytes after it are no request. Swift answers 411 (its functional suite's testNoContentLengthForPut);
// the emulator once re-read the whole packet as a second, framed PUT and stored it (201).
let s: Session;
beforeAll(async () => {
  s = await session();
});
afterAll(() => s.emu.stop());


describe("bytes after a request that declared no body", () => {
  it("an object PUT without Content-Length or chunked is 411, answered once, and nothing is stored", async () => {
    const path = new URL(s.storage).pathname;
    expect((await call(s, `${s.storage}/undeclared`, { method: "PUT" })).status).toBe(201);
    const answer = await rawExchange(s.storage, `PUT ${path}/undeclared/o HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ${s.token}\r\n\r\ntesting`);
    expect(answer.match(/^HTTP\/1\.1 \d{3}/gm)).toEqual(["HTTP/1.1 411"]);
    expect((await call(s, `${s.storage}/undeclared/o`, { method: "HEAD" })).status).toBe(404);
  });
});
