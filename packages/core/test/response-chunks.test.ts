import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { RaxResponse, TimeoutError } from "../src/index";

const answer = (body: Readable, readDeadline?: { at: number; ms: number }) =>
  new RaxResponse({ status: 200, headers: {}, attempts: 1, method: "GET", url: "http://127.0.0.1/x", body, readDeadline });

describe("RaxResponse.chunks", () => {
  it("hands over the body as the chunks it arrived in, unjoined", async () => {
    const parts = [Buffer.from("ab"), Buffer.from("cde"), Buffer.from("f")];
    const got = await answer(Readable.from(parts)).chunks();
    expect(got.map(String)).toEqual(["ab", "cde", "f"]);
    expect(Buffer.concat(got).toString()).toBe("abcdef");
  });

  it("an ended body is no chunks", async () => {
    const body = Readable.from([Buffer.from("x")]);
    await answer(body).bytes();
    expect(await answer(body).chunks()).toEqual([]);
  });

  it("a body destroyed before its end rejects, as bytes() does", async () => {
    const body = new Readable({ read() {} });
    body.push(Buffer.from("partial"));
    const reading = answer(body).chunks();
    body.destroy(new Error("socket hang up"));
    await expect(reading).rejects.toThrow("socket hang up");
  });

  it("a body that stalls past the call's deadline rejects with a TimeoutError", async () => {
    const body = new Readable({ read() {} });
    body.push(Buffer.from("first"));
    const e = await answer(body, { at: Date.now() + 50, ms: 50 }).chunks().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TimeoutError);
  });
});
