import { InvalidResponse } from "@rax/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NoSuchContainer, NoSuchObject } from "../src/index";
import { type Fixture, type SeenRequest, startFixture } from "./fixture-server";

// Servers that misbehave in ways Swift clients meet in the field: a page repeated by a cache or a
// server that ignores `marker`, null fields in listing rows, counts that are not numbers, a DELETE
// whose answer was lost, a missing destination container, a Range that is ignored.

let fx: Fixture;
beforeAll(async () => {
  fx = await startFixture();
});
afterAll(() => fx.close());
beforeEach(() => {
  fx.requests.length = 0;
});

const rows = (names: string[]) => names.map((name) => ({ name, bytes: 1, hash: "0".repeat(32), content_type: "text/plain", last_modified: "2024-01-01T00:00:00.000000" }));
const listings = () => fx.requests.filter((r) => r.method === "GET");

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
