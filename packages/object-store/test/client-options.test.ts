import { ValidationError } from "@rax/core";
import { DEFAULT_USER, type RunningEmulator, startEmulator } from "@rax/emulator";
import { Context } from "@rax/identity";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ObjectStore } from "../src/index";
import { type Answer, type Fixture, startFixture } from "./fixture-server";

let emu: RunningEmulator;
let ctx: Context;
let fx: Fixture;
beforeAll(async () => {
  emu = await startEmulator();
  ctx = new Context({
    identityType: "rackspace",
    authEndpoint: emu.authUrl,
    username: DEFAULT_USER.username,
    apiKey: DEFAULT_USER.apiKey,
    configFile: false,
    env: {},
  });
  await ctx.authenticate();
  fx = await startFixture();
});
afterAll(async () => {
  await ctx?.close();
  await emu?.stop();
  await fx?.close();
});
beforeEach(() => {
  fx.requests.length = 0;
});

describe("options given to ctx.client(ObjectStore, …)", () => {
  it("are honoured: segmentSize makes a small upload a segmented one", async () => {
    const cf = ctx.client(ObjectStore, { segmentSize: 4, segmentConcurrency: 2 });
    expect(cf.defaults.segmentSize).toBe(4);
    await cf.createContainer("opts");
    const obj = await cf.storeObject("opts", "ten.bin", Buffer.from("0123456789"));
    expect(obj.largeObject).toBe("slo");
    expect((await cf.fetchObject("opts", "ten.bin")).toString()).toBe("0123456789");
    expect(await cf.listObjectNames("opts_segments", { fullListing: true })).toHaveLength(3);
  });

  it("clients with different options are different clients; the same options share one", () => {
    const a = ctx.client(ObjectStore, { segmentSize: 4 });
    expect(ctx.client(ObjectStore, { segmentSize: 4 })).toBe(a);
    expect(ctx.client(ObjectStore, { segmentSize: 8 })).not.toBe(a);
    expect(ctx.client(ObjectStore).defaults.segmentSize).toBe(5 * 1024 ** 3 - 1);
  });

  it("unknown or bad options are refused with ValidationError naming them", () => {
    expect(() => ctx.client(ObjectStore, { segmentSise: 4 } as never)).toThrow(ValidationError);
    expect(() => ctx.client(ObjectStore, { segmentSize: -1 })).toThrow(/segmentSize/);
  });
});

describe("Container CDN attributes", () => {
  it("are read-only: assigning one throws instead of silently doing nothing", async () => {
    fx.script = () => ({ status: 204, headers: { "x-container-object-count": "0", "x-container-bytes-used": "0" } });
    const cont = await fx.client().getContainer("c");
    expect(() => {
      (cont as unknown as { cdnLogRetention: boolean }).cdnLogRetention = true;
    }).toThrow(TypeError);
    expect(() => {
      (cont as unknown as { cdnEnabled: boolean }).cdnEnabled = true;
    }).toThrow(TypeError);
  });

  it("are undefined until loaded, and filled by getCdnAttributes() / getContainer(name, { cdn: true })", async () => {
    fx.script = (r): Answer =>
      r.path.startsWith("cdn:")
        ? { status: 204, headers: { "x-cdn-enabled": "True", "x-ttl": "900", "x-log-retention": "False", "x-cdn-uri": "http://cdn.example/c" } }
        : { status: 204, headers: { "x-container-object-count": "0", "x-container-bytes-used": "0" } };
    const plain = await fx.client().getContainer("c");
    expect(plain.cdnEnabled).toBeUndefined();
    await plain.getCdnAttributes();
    expect(plain.cdnEnabled).toBe(true);
    expect(plain.cdnUri).toBe("http://cdn.example/c");
    const loaded = await fx.client().getContainer("c", { cdn: true });
    expect(loaded.cdnTtl).toBe(900);
  });
});

describe("copy/move with a new name passed positionally", () => {
  it("says that the new name goes in { newObjName }", async () => {
    const cf = fx.client();
    for (const call of [
      () => cf.copyObject("c", "o", "d", "new-name" as never),
      () => cf.moveObject("c", "o", "d", "new-name" as never),
    ]) {
      const e = await call().catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as Error).message).toMatch(/newObjName/);
    }
    expect(fx.requests).toHaveLength(0);
  });
});
