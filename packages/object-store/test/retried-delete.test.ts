import { describe, expect, it } from "vitest";
import { NoSuchObject } from "../src/index";
import { useFixture } from "./fixture-server";

// A server misbehaving in a way Swift clients meet in the field: a DELETE whose answer was lost.

const fx = useFixture();

describe("a DELETE whose first answer was lost", () => {
  it("retried and answered 404 means gone: it succeeds, not NoSuchObject", async () => {
    let n = 0;
    fx.script = (r) => (r.method === "DELETE" ? (n++ === 0 ? { status: 0 } : { status: 404, body: "Not Found" }) : { status: 204 });
    await expect(fx.client().deleteObject("c", "o")).resolves.toBeUndefined();
    expect(fx.requests.filter((r) => r.method === "DELETE").length).toBe(2);
  });

  it("a first-try 404 is still NoSuchObject", async () => {
    fx.script = (r) => (r.method === "DELETE" ? { status: 404, body: "Not Found" } : { status: 204 });
    await expect(fx.client().deleteObject("c", "o")).rejects.toBeInstanceOf(NoSuchObject);
  });
});
