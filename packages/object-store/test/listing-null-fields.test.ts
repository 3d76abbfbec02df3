import { InvalidResponse } from "@rax/core";
import { describe, expect, it } from "vitest";
import { useFixture } from "./fixture-server";

// A server misbehaving in a way Swift clients meet in the field: null fields in listing rows.

const fx = useFixture();

const rows = (names: string[]) => names.map((name) => ({ name, bytes: 1, hash: "0".repeat(32), content_type: "text/plain", last_modified: "2024-01-01T00:00:00.000000" }));

describe("listing rows with null optional fields", () => {
  it("content_type / hash / last_modified null are absent, not InvalidResponse", async () => {
    fx.script = () => ({ status: 200, body: [{ name: "x", bytes: 3, hash: null, content_type: null, last_modified: null }, { subdir: "d/" }] });
    const objs = await fx.client().getObjects("c", { delimiter: "/" });
    expect(objs.map((o) => o.name)).toEqual(["x", "d/"]);
    expect(objs[0]!.contentType).toBeUndefined();
    expect(objs[0]!.etag).toBeUndefined();
    expect(objs[0]!.bytes).toBe(3);
  });

  it("a container row with null count/bytes reads as 0", async () => {
    fx.script = () => ({ status: 200, body: [{ name: "c1", count: null, bytes: null }] });
    expect(await fx.client().listContainersInfo()).toEqual([{ name: "c1", count: 0, bytes: 0 }]);
  });
});
