import { Readable } from "node:stream";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { InvalidResponse, RaxResponse, registerSecret } from "../src/index";

const answer = (...chunks: string[]) =>
  new RaxResponse({ status: 200, headers: {}, attempts: 1, method: "GET", url: "http://127.0.0.1/x", body: Readable.from(chunks.map((c) => Buffer.from(c))) });

describe("RaxResponse.json", () => {
  it("an empty or whitespace-only body is undefined (204-style answers), not a parse error", async () => {
    expect(await answer().json()).toBeUndefined();
    expect(await answer(" \r\n\t", "\u00a0\ufeff ").json()).toBeUndefined();
  });

  it("JSON surrounded by whitespace parses", async () => {
    expect(await answer("\n  ", '{"servers": [1, 2]}', " \n").json()).toEqual({ servers: [1, 2] });
  });

  it("a body that is not JSON is an InvalidResponse with a snippet", async () => {
    const e = (await answer("  <html>oops</html>").json().catch((x: unknown) => x)) as InvalidResponse;
    expect(e).toBeInstanceOf(InvalidResponse);
    expect(e.snippet).toContain("<html>oops");
  });

  it("the parse error's cause does not quote the body (V8's message shows ~10 characters around the fault)", async () => {
    const e = (await answer('{"id":SECRETVALUE0123456789}').json().catch((x: unknown) => x)) as InvalidResponse;
    expect(e).toBeInstanceOf(InvalidResponse);
    const cause = e.cause as SyntaxError;
    expect(cause).toBeInstanceOf(SyntaxError);
    expect(cause.message).toMatch(/^Unexpected token/);
    // The snippet shows the (redacted) body on purpose; the cause must add no second, unredacted copy.
    for (const shown of [cause.message, String(cause.stack), inspect(cause, { showHidden: true, depth: Infinity })]) expect(shown).not.toContain("SECRETVAL");
  });

  it("the snippet is redacted before it is cut: a secret across the 200th character is still masked", async () => {
    const secret = "cut-secret-7a7a7a7a7a7a7a7a";
    registerSecret(secret);
    const body = `${"x".repeat(190)}${secret} not json`;
    const e = (await answer(body).json().catch((x: unknown) => x)) as InvalidResponse;
    expect(e.snippet).not.toContain(secret.slice(0, 10));
    expect(e.snippet).toContain("x".repeat(190));
  });
});

describe("RaxResponse.headers printed", () => {
  const TOKEN = "gAAAAAsubject-token-3c3c3c3c3c3c";
  const withHeaders = () =>
    new RaxResponse({ status: 201, headers: { "x-subject-token": TOKEN, "content-type": "application/json" }, attempts: 1, method: "POST", url: "http://127.0.0.1/v3/auth/tokens", body: Readable.from([]) });

  it("util.inspect of res.headers masks X-Subject-Token; the record itself, its keys and JSON stay as received", () => {
    const res = withHeaders();
    for (const shown of [inspect(res.headers), inspect(res.headers, { showHidden: true, getters: true, depth: Infinity }), inspect({ ...res.headers }), inspect(res, { showHidden: true, getters: true, depth: Infinity })]) {
      expect(shown).not.toContain("subject-token-3c3c");
      expect(shown).toContain("application/json");
    }
    expect(res.headers["x-subject-token"]).toBe(TOKEN);
    expect(Object.keys(res.headers)).toEqual(["x-subject-token", "content-type"]);
    expect(JSON.parse(JSON.stringify(res.headers))).toEqual({ "x-subject-token": TOKEN, "content-type": "application/json" });
  });
});
