import { InvalidResponse, NotFound, ServerError, ValidationError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { useFixture } from "./fixture-server";

// A server misbehaving in a way Swift clients meet in the field: count headers that are not numbers,
// and the other numbers read off headers and bodies (CDN listing rows, bulk status lines, expiry headers).

const fx = useFixture();

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

  it("a CDN TTL that is not a number → InvalidResponse (it read NaN)", async () => {
    fx.script = () => ({ status: 204, headers: { "x-cdn-enabled": "True", "x-ttl": "a day" } });
    await expect(fx.client().getContainerCdnAttributes("c")).rejects.toBeInstanceOf(InvalidResponse);
    fx.script = () => ({ status: 204, headers: { "x-cdn-enabled": "True", "x-ttl": "900" } });
    expect((await fx.client().getContainerCdnAttributes("c")).cdnTtl).toBe(900);
  });

  it("an object's expiry that is not a number → InvalidResponse", async () => {
    fx.script = () => ({ status: 200, headers: { "content-length": "0", "x-delete-at": "soon" } });
    await expect(fx.client().getObject("c", "o")).rejects.toBeInstanceOf(InvalidResponse);
    fx.script = () => ({ status: 200, headers: { "content-length": "0", "x-delete-at": "1700000000" } });
    expect((await fx.client().getObject("c", "o")).deleteAt).toBe(1_700_000_000);
  });
});

describe("other numbers read off the wire", () => {
  const row = (over: Record<string, unknown> = {}) => ({ name: "c", cdn_enabled: true, ttl: 900, log_retention: false, cdn_uri: "http://cdn.example/c", ...over });

  it("a CDN listing row whose ttl is not a whole number → InvalidResponse naming the row and field (it read NaN)", async () => {
    fx.script = () => ({ status: 200, headers: { "content-type": "application/json" }, body: [row(), row({ name: "d", ttl: "a day" })] });
    const e = await fx.client().listCdnContainers().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InvalidResponse);
    expect(e).toMatchObject({ path: "1.ttl" });
    expect((e as Error).message).toContain("must be a whole number of seconds");
    fx.script = () => ({ status: 200, headers: { "content-type": "application/json" }, body: [row({ ttl: -5 })] });
    await expect(fx.client().listCdnContainers()).rejects.toMatchObject({ path: "0.ttl" });
  });

  it("a CDN listing ttl given as digits is read; one absent is pyrax's default, as on HEAD; a row without a name or a body that is no list is refused", async () => {
    fx.script = () => ({ status: 200, headers: { "content-type": "application/json" }, body: [row({ ttl: "3600" }), row({ name: "e", ttl: undefined, cdn_uri: null, "X-Cdn-Uri": "http://x/e" })] });
    expect(await fx.client().listCdnContainers()).toEqual([
      { name: "c", cdnEnabled: true, cdnTtl: 3600, cdnLogRetention: false, cdnUri: "http://cdn.example/c", cdnSslUri: undefined, cdnStreamingUri: undefined, cdnIosUri: undefined },
      { name: "e", cdnEnabled: true, cdnTtl: 86_400, cdnLogRetention: false, cdnUri: "http://x/e", cdnSslUri: undefined, cdnStreamingUri: undefined, cdnIosUri: undefined },
    ]);
    fx.script = () => ({ status: 200, headers: { "content-type": "application/json" }, body: [{ ttl: 900 }] });
    await expect(fx.client().listCdnContainers()).rejects.toMatchObject({ path: "0.name" });
    fx.script = () => ({ status: 200, headers: { "content-type": "application/json" }, body: { containers: [] } });
    await expect(fx.client().listCdnContainers()).rejects.toBeInstanceOf(InvalidResponse);
  });

  it("a large-object delete report's status line: its code picks the error; a line without one is the server's failure (500), not status 4", async () => {
    fx.script = () => ({ status: 200, headers: { "content-type": "application/json" }, body: { "Response Status": "404 Not Found", "Response Body": "", "Number Deleted": 0, Errors: [] } });
    await expect(fx.client().deleteObject("c", "big", { withSegments: true })).rejects.toMatchObject({ status: 404 });
    fx.script = () => ({ status: 200, headers: { "content-type": "application/json" }, body: { "Response Status": "4xx oops", "Response Body": "", "Number Deleted": 0, Errors: [] } });
    const e = await fx.client().deleteObject("c", "big", { withSegments: true }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ServerError);
    expect(e).not.toBeInstanceOf(NotFound);
    expect(e).toMatchObject({ status: 500 });
  });

  it("X-Delete-After / X-Delete-At given as raw headers must be whole seconds: ValidationError naming the header, nothing sent", async () => {
    const cf = fx.client();
    await expect(cf.storeObject("c", "o", "data", { headers: { "X-Delete-After": "soon" } })).rejects.toMatchObject({ field: "options.headers.X-Delete-After" });
    await expect(cf.storeObject("c", "o", "data", { headers: { "x-delete-at": "1.5" } })).rejects.toBeInstanceOf(ValidationError);
    await expect(cf.storeObject("c", "o", "data", { largeObject: true, segmentSize: 2, headers: { "X-Delete-After": "" } })).rejects.toMatchObject({ field: "options.headers.X-Delete-After" });
    expect(fx.requests).toEqual([]);
    fx.script = () => ({ status: 201, headers: { etag: "8d777f385d3dfec8815d20f7496026dc" } });
    await cf.storeObject("c", "o", "data", { headers: { "X-Delete-After": "60" }, contentType: "text/plain" });
    expect(fx.requests.at(-1)?.headers["x-delete-after"]).toBe("60");
  });
});
