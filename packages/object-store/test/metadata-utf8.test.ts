import { ValidationError } from "@rax/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Fixture, startFixture } from "./fixture-server";

// Swift wants UTF-8 in metadata (account/container: 400 otherwise; objects: stored as given),
// as python-swiftclient sends it. Values beyond Latin-1 must go out as their UTF-8 bytes and come
// back as the same string; Swift's limits are refused before any request.

let fx: Fixture;
beforeAll(async () => {
  fx = await startFixture();
});
afterAll(() => fx.close());
beforeEach(() => {
  fx.requests.length = 0;
  fx.script = (r) => ({ status: r.method === "PUT" ? 201 : r.method === "POST" ? (r.path.split("/").length > 2 ? 202 : 204) : r.method === "HEAD" && r.path.split("/").length > 2 ? 200 : 204 });
});

const utf8 = (s: string) => Buffer.from(s, "utf8");
const last = () => fx.requests.at(-1)!;

describe("metadata values go out as UTF-8", () => {
  it("object metadata on upload", async () => {
    await fx.client().storeObject("c", "o", "x", { metadata: { city: "Zürich", jp: "東京", plain: "ok" } });
    const put = fx.requests.find((r) => r.method === "PUT")!;
    expect(put.rawHeader("x-object-meta-city")).toEqual(utf8("Zürich"));
    expect(put.rawHeader("x-object-meta-jp")).toEqual(utf8("東京"));
    expect(put.rawHeader("x-object-meta-plain")).toEqual(utf8("ok"));
  });

  it("container and account metadata", async () => {
    await fx.client().setContainerMetadata("c", { city: "Zürich" });
    expect(last().rawHeader("x-container-meta-city")).toEqual(utf8("Zürich"));
    await fx.client().setAccountMetadata({ jp: "東京" });
    expect(last().rawHeader("x-account-meta-jp")).toEqual(utf8("東京"));
    await fx.client().createContainer("d", { metadata: { emoji: "🚀" } });
    expect(fx.requests.find((r) => r.method === "PUT")!.rawHeader("x-container-meta-emoji")).toEqual(utf8("🚀"));
  });

  it("content type and extra headers beyond Latin-1 (upload and copy)", async () => {
    await fx.client().storeObject("c", "o", "x", { contentType: "text/plain; name=東京", headers: { "Content-Disposition": "attachment; filename=Zürich.txt" } });
    expect(last().rawHeader("content-type")).toEqual(utf8("text/plain; name=東京"));
    expect(last().rawHeader("content-disposition")).toEqual(utf8("attachment; filename=Zürich.txt"));
    fx.script = (r) => (r.method === "HEAD" ? { status: 200, headers: { "content-length": "1" } } : { status: 201 });
    await fx.client().copyObject("c", "東京/ö.txt", "d", { contentType: "text/ö" });
    const put = fx.requests.filter((r) => r.method === "PUT").at(-1)!;
    expect(put.rawHeader("content-type")).toEqual(utf8("text/ö"));
    // The copy source is a percent-encoded path: pure ASCII on the wire.
    expect(put.headers["x-copy-from"]).toBe("/c/%E6%9D%B1%E4%BA%AC/%C3%B6.txt");
  });

  it("reads UTF-8 metadata back as the same strings", async () => {
    fx.script = () => ({
      status: 200,
      headers: { "content-length": "1" },
      rawHeaders: { "x-object-meta-city": utf8("Zürich"), "x-object-meta-jp": utf8("東京"), "x-object-meta-latin": Buffer.from([0xe9]) },
    });
    const meta = await fx.client().getObjectMetadata("c", "o");
    expect(meta.city).toBe("Zürich");
    expect(meta.jp).toBe("東京");
    // Not valid UTF-8: kept as the byte it is (Latin-1), not replaced.
    expect(meta.latin).toBe("é");
  });

  it("a merge (setObjectMetadata) re-sends existing UTF-8 values unchanged", async () => {
    fx.script = (r) =>
      r.method === "HEAD" ? { status: 200, headers: { "content-length": "1" }, rawHeaders: { "x-object-meta-jp": utf8("東京") } } : { status: 202 };
    await fx.client().setObjectMetadata("c", "o", { city: "Zürich" });
    expect(last().rawHeader("x-object-meta-jp")).toEqual(utf8("東京"));
    expect(last().rawHeader("x-object-meta-city")).toEqual(utf8("Zürich"));
  });
});

describe("Swift's metadata limits are refused before any request", () => {
  const refused = async (p: Promise<unknown>, field: RegExp) => {
    const e = await p.then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).field).toMatch(field);
    expect(fx.requests.length).toBe(0);
  };

  it("a value over 256 bytes (UTF-8 bytes, not characters)", async () => {
    await refused(fx.client().storeObject("c", "o", "x", { metadata: { jp: "東".repeat(86) } }), /metadata\.jp/);
    await refused(fx.client().setContainerMetadata("c", { v: "a".repeat(257) }), /metadata\.v/);
    await fx.client().setContainerMetadata("c", { v: "a".repeat(256) });
  });

  it("more than 90 items", async () => {
    const many = Object.fromEntries(Array.from({ length: 91 }, (_, i) => [`k${i}`, "v"]));
    await refused(fx.client().setAccountMetadata(many), /metadata/);
  });

  it("more than 4096 bytes in all", async () => {
    const big = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`key${i}`, "v".repeat(250)]));
    await refused(fx.client().storeObject("c", "o", "x", { metadata: big }), /metadata/);
  });

  it("a name over 128 bytes", async () => {
    await refused(fx.client().setObjectMetadata("c", "o", { ["n".repeat(129)]: "v" }), /metadata/);
  });
});
