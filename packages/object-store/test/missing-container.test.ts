import { describe, expect, it } from "vitest";
import { NoSuchContainer, NoSuchObject } from "../src/index";
import { type SeenRequest, useFixture } from "./fixture-server";

// A server misbehaving in a way Swift clients meet in the field: a missing destination (or source) container.

const fx = useFixture();

describe("a missing container is named as such", () => {
  const world = (missing: string) => (r: SeenRequest) => {
    if (r.path === `/${missing}` || r.path.startsWith(`/${missing}/`)) return { status: 404, body: "Not Found" };
    if (r.method === "HEAD") return { status: r.path.split("/").length > 2 ? 200 : 204, headers: { "content-length": "0" } };
    return { status: 201 };
  };

  it("copy into a missing container → NoSuchContainer for the destination", async () => {
    fx.script = world("dst");
    const e = await fx.client().copyObject("src", "o", "dst").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NoSuchContainer);
    expect((e as NoSuchContainer).container).toBe("dst");
  });

  it("move into a missing container → NoSuchContainer, the original kept", async () => {
    fx.script = world("dst");
    await expect(fx.client().moveObject("src", "o", "dst")).rejects.toBeInstanceOf(NoSuchContainer);
    expect(fx.requests.some((r) => r.method === "DELETE")).toBe(false);
  });

  it("copy of a missing source in an existing container → NoSuchObject about the source", async () => {
    fx.script = (r) => (r.method === "PUT" ? { status: 404 } : r.path === "/src/o" ? { status: 404 } : { status: 204 });
    const e = await fx.client().copyObject("src", "o", "dst").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NoSuchObject);
    expect((e as NoSuchObject).container).toBe("src");
  });

  it("fetch / delete / metadata of an object in a missing container → NoSuchContainer", async () => {
    fx.script = world("gone");
    await expect(fx.client().fetchObject("gone", "o")).rejects.toBeInstanceOf(NoSuchContainer);
    await expect(fx.client().deleteObject("gone", "o")).rejects.toBeInstanceOf(NoSuchContainer);
    await expect(fx.client().getObject("gone", "o")).rejects.toBeInstanceOf(NoSuchContainer);
  });
});
