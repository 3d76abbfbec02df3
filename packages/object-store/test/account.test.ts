// Account calls against @rax/emulator (an independent reading of Swift), plus per-call fixtures for
// what a server may send that the emulator does not (mixed-case headers).
import { inspect } from "node:util";
import { redact } from "@rax/core";
import { DEFAULT_USER, type RunningEmulator, startEmulator } from "@rax/emulator";
import { Context } from "@rax/identity";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ObjectStore } from "../src/index";
import { useFixture } from "./fixture-server";

let emu: RunningEmulator;
let ctx: Context;
let cf: ObjectStore;
const fx = useFixture();
beforeAll(async () => {
  emu = await startEmulator();
  ctx = new Context({ identityType: "rackspace", authEndpoint: emu.authUrl, username: DEFAULT_USER.username, apiKey: DEFAULT_USER.apiKey, configFile: false, env: {} });
  await ctx.authenticate();
  cf = ctx.client(ObjectStore);
});
afterAll(async () => {
  await ctx?.close();
  await emu?.stop();
});
beforeEach(async () => {
  await cf.setAccountMetadata({}, { clear: true });
});

describe("account", () => {
  it("reports counts, bytes and metadata (getAccountDetails = getAccountInfo)", async () => {
    await cf.storeObject(await cf.createContainer("acct-a"), "x", "hello");
    await cf.storeObject(await cf.createContainer("acct-b"), "y", "hi");
    await cf.setAccountMetadata({ color: "blue" });
    const info = await cf.getAccountDetails();
    expect(info).toEqual({ containerCount: 2, objectCount: 2, bytesUsed: 7, metadata: { color: "blue" } });
    expect(await cf.getAccountInfo()).toEqual(info);
    expect(await cf.getAccountMetadata()).toEqual({ color: "blue" });
    await cf.deleteContainer("acct-a", { deleteObjects: true });
    await cf.deleteContainer("acct-b", { deleteObjects: true });
  });

  it("adds metadata by default and replaces it with clear", async () => {
    await cf.setAccountMetadata({ old: "1" });
    await cf.setAccountMetadata({ color: "blue", Flower_Type: "lily" });
    expect(await cf.getAccountMetadata()).toEqual({ old: "1", color: "blue", "flower-type": "lily" });
    await cf.setAccountMetadata({ color: "red" }, { clear: true });
    expect(await cf.getAccountMetadata()).toEqual({ color: "red" });
    await cf.removeAccountMetadataKey("color");
    expect(await cf.getAccountMetadata()).toEqual({});
  });

  it("keeps an already-prefixed key as is", async () => {
    await cf.setAccountMetadata({ "X-Account-Meta-City": "Springfield" });
    expect(await cf.getAccountMetadata()).toEqual({ city: "Springfield" });
  });

  it("sets a random temp-URL key when none is given, returns it and never shows it in logs", async () => {
    const key = await cf.setTempUrlKey();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect((await cf.getAccountMetadata())["temp-url-key"]).toBe(key);
    expect(await cf.getTempUrlKey()).toBe(key);
    expect(redact(`key is ${key}`)).not.toContain(key);
    const mine = await cf.setTempUrlKey("my-own-secret-key");
    expect(mine).toBe("my-own-secret-key");
    expect(await cf.getTempUrlKey()).toBe("my-own-secret-key");
  });

  it("a printed account, its metadata or a container shows the temp-URL keys as [REDACTED]; code still reads and round-trips them", async () => {
    const key = await cf.setTempUrlKey("acct-key-never-printed");
    await cf.setAccountMetadata({ "Temp-Url-Key-2": "acct-key2-never-printed", color: "blue" });
    await cf.createContainer("acct-keyed", { metadata: { "Temp-URL-Key": "cont-key-never-printed" } });
    const meta = await cf.getAccountMetadata();
    const info = await cf.getAccountInfo();
    const cont = await cf.getContainer("acct-keyed");
    const contMeta = await cf.getContainerMetadata("acct-keyed");
    for (const shown of [meta, info, cont, contMeta].flatMap((v) => [inspect(v, { depth: 10 }), JSON.stringify(v)])) {
      expect(shown).not.toMatch(/never-printed/);
    }
    expect(inspect(meta)).toContain("'temp-url-key': '[REDACTED]'");
    expect(JSON.parse(JSON.stringify(info)).metadata).toEqual({ "temp-url-key": "[REDACTED]", "temp-url-key-2": "[REDACTED]", color: "blue" });
    expect(meta["temp-url-key"]).toBe(key);
    expect(contMeta["temp-url-key"]).toBe("cont-key-never-printed");
    // metadata goes back as read: a clear-and-set of a copy keeps the key (a copy that lost it would delete it)
    await cf.setAccountMetadata({ ...meta, color: "red" }, { clear: true });
    expect(await cf.getTempUrlKey()).toBe(key);
    expect((await cf.getAccountMetadata())["temp-url-key-2"]).toBe("acct-key2-never-printed");
    // and it is registered: a log line or error that quotes it is masked
    expect(redact("k=cont-key-never-printed")).not.toContain("cont-key-never-printed");
    await cf.deleteContainer("acct-keyed");
  });

  it("returns undefined when no key is set", async () => {
    expect(await cf.getTempUrlKey()).toBeUndefined();
  });

  it("reads the temp-URL key whatever the header's case", async () => {
    fx.script = () => ({ status: 204, headers: { "X-Account-Meta-Temp-Url-Key": "MixedCaseKey1" } });
    expect(await fx.client().getTempUrlKey()).toBe("MixedCaseKey1");
  });

  it("sends the token and one HEAD per metadata read", async () => {
    fx.script = () => ({ status: 204, headers: { "x-account-meta-a": "1" } });
    expect(await fx.client().getAccountMetadata()).toEqual({ a: "1" });
    expect(fx.requests.map((r) => r.method)).toEqual(["HEAD"]);
    expect(fx.requests[0]?.headers["x-auth-token"]).toBe("fixture-token");
  });
});
