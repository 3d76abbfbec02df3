import { InvalidResponse } from "@rax/core";
import { beforeEach, describe, expect, it } from "vitest";
import { useFixture } from "./fixture-server";

// A server misbehaving in a way Swift clients meet in the field: a page repeated by a cache or a server that ignores `marker`.

const fx = useFixture();

const rows = (names: string[]) => names.map((name) => ({ name, bytes: 1, hash: "0".repeat(32), content_type: "text/plain", last_modified: "2024-01-01T00:00:00.000000" }));
const listings = () => fx.requests.filter((r) => r.method === "GET");

describe("a server that repeats a page (ignores marker)", () => {
  beforeEach(() => {
    fx.script = (r) => (r.method === "GET" ? { status: 200, body: r.path === "" ? [{ name: "a", count: 1, bytes: 1 }, { name: "b", count: 1, bytes: 1 }] : rows(["a", "b", "c"]) } : { status: 204 });
  });

  it("fullListing stops with InvalidResponse after two requests instead of looping", async () => {
    const e = await fx.client().listObjectNames("c", { fullListing: true, limit: 3 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InvalidResponse);
    expect(listings().length).toBe(2);
  });

  it("the lazy iterator never yields the repeated page", async () => {
    const seen: string[] = [];
    const e = await (async () => {
      for await (const o of fx.client().listObjects("c", { limit: 3 })) seen.push(o.name);
    })().catch((x: unknown) => x);
    expect(seen).toEqual(["a", "b", "c"]);
    expect(e).toBeInstanceOf(InvalidResponse);
  });

  it("container listings and walks that delete a container's objects have the same guard", async () => {
    const e = await fx.client().listContainers({ fullListing: true, limit: 2 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InvalidResponse);
    fx.requests.length = 0;
    const seen: string[] = [];
    const e2 = await (async () => {
      for await (const c of fx.client().iterContainers({ limit: 2 })) seen.push(c.name);
    })().catch((x: unknown) => x);
    expect(seen).toEqual(["a", "b"]);
    expect(e2).toBeInstanceOf(InvalidResponse);
  });
});
