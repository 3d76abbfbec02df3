import { redact } from "@rax/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ObjectStore } from "../src/index";
import { type FakeSwift, startFakeSwift } from "./fake-swift";
import { clientFor, since } from "./setup";

let swift: FakeSwift;
let cf: ObjectStore;
beforeAll(async () => {
  swift = await startFakeSwift();
});
afterAll(() => swift.close());
beforeEach(() => {
  swift.reset();
  cf = clientFor(swift);
});

describe("account", () => {
  it("reports counts, bytes and metadata (getAccountDetails = getAccountInfo)", async () => {
    swift.put("a", "x", "hello");
    swift.put("b", "y", "hi");
    swift.accountMeta["x-account-meta-color"] = "blue";
    const info = await cf.getAccountDetails();
    expect(info).toEqual({ containerCount: 2, objectCount: 2, bytesUsed: 7, metadata: { color: "blue" } });
    expect(await cf.getAccountInfo()).toEqual(info);
    expect(await cf.getAccountMetadata()).toEqual({ color: "blue" });
  });

  it("adds metadata by default and replaces it with clear", async () => {
    swift.accountMeta["x-account-meta-old"] = "1";
    await cf.setAccountMetadata({ color: "blue", Flower_Type: "lily" });
    expect(swift.accountMeta).toEqual({ "x-account-meta-old": "1", "x-account-meta-color": "blue", "x-account-meta-flower-type": "lily" });
    await cf.setAccountMetadata({ color: "red" }, { clear: true });
    expect(swift.accountMeta).toEqual({ "x-account-meta-color": "red" });
    await cf.removeAccountMetadataKey("color");
    expect(swift.accountMeta).toEqual({});
  });

  it("keeps an already-prefixed key as is", async () => {
    await cf.setAccountMetadata({ "X-Account-Meta-City": "Springfield" });
    expect(swift.accountMeta).toEqual({ "x-account-meta-city": "Springfield" });
  });

  it("sets a random temp-URL key when none is given, returns it and never shows it in logs", async () => {
    const key = await cf.setTempUrlKey();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(swift.accountMeta["x-account-meta-temp-url-key"]).toBe(key);
    expect(await cf.getTempUrlKey()).toBe(key);
    expect(redact(`key is ${key}`)).not.toContain(key);
    const mine = await cf.setTempUrlKey("my-own-secret-key");
    expect(mine).toBe("my-own-secret-key");
    expect(await cf.getTempUrlKey()).toBe("my-own-secret-key");
  });

  it("reads the temp-URL key whatever the header's case", async () => {
    swift.accountMeta["X-Account-Meta-Temp-Url-Key" as string] = "MixedCaseKey1";
    expect(await cf.getTempUrlKey()).toBe("MixedCaseKey1");
  });

  it("returns undefined when no key is set", async () => {
    expect(await cf.getTempUrlKey()).toBeUndefined();
  });

  it("sends the token and one HEAD per metadata read", async () => {
    const mark = swift.requests.length;
    await cf.getAccountMetadata();
    const reqs = since(swift, mark);
    expect(reqs.map((r) => r.method)).toEqual(["HEAD"]);
    expect(reqs[0]?.headers["x-auth-token"]).toBeDefined();
  });
});
