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

describe("counts that are not numbers", () => {
  it("account counts → InvalidResponse, never NaN", async () => {
    fx.script = () => ({ status: 204, headers: { "x-account-container-count": "lots", "x-account-object-count": "1", "x-account-bytes-used": "2" } });
    await expect(fx.client().getAccountDetails()).rejects.toBeInstanceOf(InvalidResponse);
  });

  it("container counts → InvalidResponse, never NaN", async () => {
    fx.script = () => ({ status: 204, headers: { "x-container-object-count": "1.5e", "x-container-bytes-used": "9" } });
    await expect(fx.client().getContainer("c")).rejects.toBeInstanceOf(InvalidResponse);
    fx.script = () => ({ status: 204, headers: { "x-container-object-count": "3", "x-container-bytes-used": "-4" } });
    await expect(fx.client().getContainer("c")).rejects.toBeInstanceOf(InvalidResponse);
  });

  it("an object's expiry that is not a number → InvalidResponse", async () => {
    fx.script = () => ({ status: 200, headers: { "content-length": "0", "x-delete-at": "soon" } });
    await expect(fx.client().getObject("c", "o")).rejects.toBeInstanceOf(InvalidResponse);
    fx.script = () => ({ status: 200, headers: { "content-length": "0", "x-delete-at": "1700000000" } });
    expect((await fx.client().getObject("c", "o")).deleteAt).toBe(1_700_000_000);
  });
});
