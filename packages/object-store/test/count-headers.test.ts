import { InvalidResponse } from "@rax/core";
import { describe, expect, it } from "vitest";
import { useFixture } from "./fixture-server";

// A server misbehaving in a way Swift clients meet in the field: count headers that are not numbers.

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
