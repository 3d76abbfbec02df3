import { describe, expect, it } from "vitest";
import { ValidationError } from "../src/errors";
import { TargetSplitter } from "../src/request-target";

// The splitter must hand undici exactly what WHATWG URL parsing gives, fast path or not.
const parsed = (url: string) => {
  const u = new URL(url);
  return { origin: u.origin, path: u.pathname + u.search };
};

const ORIGIN = "http://127.0.0.1:8080";
const TAILS = [
  "/v1/AUTH_x/c/o",
  "/v1/AUTH_x/c?format=json&limit=10000&marker=a%2Fb",
  "/v1/AUTH_x/c/a/./b",
  "/v1/AUTH_x/c/a/../b",
  "/v1/AUTH_x/c/a/%2e%2E/b",
  "/v1/AUTH_x/c/a/.%2e",
  "/v1/AUTH_x/c/..?x=1",
  "/v1/AUTH_x/c/a b",
  "/v1/AUTH_x/c/a#frag",
  "/v1/AUTH_x/c/ä",
  "/v1/AUTH_x/c/a?q='x'",
  "/v1/AUTH_x/c/a\\b",
  "/v1/AUTH_x/c/a?q=/../",
  "/v1/AUTH_x/c/%zz",
  "/v1/AUTH_x/c/a\tb",
  "/v1/AUTH_x/c/{x}`<>\"",
  "/",
  "/?",
  "/a?b?c",
];

describe("TargetSplitter", () => {
  it("splits every URL as new URL() does, before and after it remembers an origin", () => {
    const s = new TargetSplitter();
    for (const tail of TAILS) expect(s.split(ORIGIN + tail), tail).toEqual(parsed(ORIGIN + tail));
    for (const tail of TAILS) expect(s.split(ORIGIN + tail), tail).toEqual(parsed(ORIGIN + tail));
  });

  it("gives a URL sent twice in a row the same split, and the next URL its own", () => {
    const s = new TargetSplitter();
    for (const tail of TAILS) {
      const url = ORIGIN + tail;
      expect(s.split(url), tail).toEqual(parsed(url));
      expect(s.split(url), `${tail} again`).toEqual(parsed(url));
    }
    // A refused URL between two sends of one URL changes nothing for either.
    s.split(`${ORIGIN}/v1/a`);
    expect(() => s.split("/v1/a")).toThrow(ValidationError);
    expect(s.split(`${ORIGIN}/v1/a`)).toEqual(parsed(`${ORIGIN}/v1/a`));
    expect(s.split("http://other:81/v1/a")).toEqual(parsed("http://other:81/v1/a"));
  });

  it("does not take another origin that shares the remembered one's prefix for it", () => {
    const s = new TargetSplitter();
    s.split("http://localhost/v1/x");
    for (const url of ["http://localhost.evil/x", "http://localhost:81/x", "http://localhost:80/x", "HTTP://localhost/x", "http://u:p@localhost/x", "http://localhost", "http://localhost?x"])
      expect(s.split(url), url).toEqual(parsed(url));
    expect(() => s.split("http://localhost:99999/x")).toThrow(ValidationError);
  });

  it("refuses what is not an absolute http(s) URL, remembered origin or not", () => {
    const s = new TargetSplitter();
    s.split(`${ORIGIN}/v1/x`);
    for (const url of ["/v1/x", "ftp://127.0.0.1/x", "not a url", ""]) expect(() => s.split(url), url).toThrow(ValidationError);
  });
});
