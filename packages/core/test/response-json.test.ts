import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { InvalidResponse, RaxResponse } from "../src/index";

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
});
