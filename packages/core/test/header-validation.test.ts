import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Transport, ValidationError, encodePath, encodeSegment, withQuery } from "../src/index";
import { startServer, type TestServer } from "./helpers";

let srv: TestServer;
let t: Transport;
beforeAll(async () => {
  srv = await startServer((req, res) => {
    res.writeHead(200, { "x-got": String(req.headers["x-meta"] ?? "") });
    res.end();
  });
  t = new Transport();
});
afterAll(async () => {
  await t.close();
  await srv.close();
});

async function refused(headers: Record<string, string>): Promise<ValidationError> {
  const before = srv.requests.length;
  const err = await t.request({ method: "PUT", url: `${srv.url}/x`, headers, body: "b" }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect(srv.requests.length).toBe(before);
  return err as ValidationError;
}

describe("header names and values are checked before any request", () => {
  it.each([
    ["CR/LF", "a\r\nX-Injected: 1"],
    ["LF", "a\nb"],
    ["NUL", "text/plain\0"],
    ["a control character", "a\u0001b"],
  ])("a value with %s is a ValidationError naming the header, not a ConnectionError", async (_what, value) => {
    const err = await refused({ "X-Meta": value });
    expect(err.field).toBe("headers.x-meta");
  });

  it("the error never quotes the value (it may be a secret)", async () => {
    const err = await refused({ "X-Auth-Token": "secret-token-value\r\n" });
    expect(err.message).not.toContain("secret-token-value");
    expect(err.message).toContain("carriage return");
  });

  it.each(["x meta", "x:meta", "x-méta", ""])("a bad header name %j is a ValidationError", async (name) => {
    const err = await refused({ [name]: "v" });
    expect(err.field.startsWith("headers.")).toBe(true);
    expect(err.message).toContain("not a valid HTTP header name");
  });

  it("a value beyond Latin-1 is refused with a clear message; Latin-1 and tabs pass", async () => {
    const err = await refused({ "X-Meta": "東京" });
    expect(err.field).toBe("headers.x-meta");
    expect(err.message).toMatch(/outside Latin-1 \(U\+6771\).*encode/);
    const res = await t.request({ method: "GET", url: `${srv.url}/ok`, headers: { "X-Meta": "Zu\u0308rich".normalize("NFC") + "\tok" } });
    expect(res.status).toBe(200);
    await res.dump();
  });
});

describe("lone surrogates in names are ValidationErrors, not URIErrors", () => {
  const lone = "report-\ud800.txt";
  it("encodeSegment / encodePath name the field", () => {
    expect(() => encodeSegment(lone, { field: "name" })).toThrow(ValidationError);
    expect(() => encodeSegment(lone, { keepSlashes: true, field: "obj" })).toThrow(expect.objectContaining({ field: "obj" }));
    expect(() => encodePath("servers", lone)).toThrow(expect.objectContaining({ field: "path" }));
  });
  it("withQuery names the query key", () => {
    expect(() => withQuery("http://127.0.0.1/x", { prefix: lone })).toThrow(expect.objectContaining({ field: "query.prefix" }));
  });
  it("a valid pair still encodes", () => {
    expect(encodeSegment("😀")).toBe("%F0%9F%98%80");
  });
});
