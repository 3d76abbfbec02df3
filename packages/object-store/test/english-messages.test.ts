import { InvalidResponse, ValidationError } from "@rax/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ObjectStore } from "../src/index";
import { type Fixture, startFixture } from "./fixture-server";

// zod/mini loads no locale: a schema parsed with its own `safeParse` says only "Invalid input". Nothing in
// this process imports classic zod (which would set English globally), so these fail if a parse skips core's
// `parseSchema`.
describe("zod's own messages read in English", () => {
  let fx: Fixture;
  let cf: ObjectStore;
  const raw = { json: "[]" };
  beforeEach(async () => {
    fx = await startFixture(() => ({ status: 200, headers: { "content-type": "application/json" }, body: Buffer.from(raw.json) }));
    cf = fx.client();
  });
  afterEach(() => fx.close());

  const refusal = async (p: () => unknown): Promise<unknown> => {
    try {
      await p();
    } catch (e) {
      return e;
    }
    return expect.fail("expected a refusal");
  };

  it("an option of the wrong type names the field and the expected type, before any request", async () => {
    const e = await refusal(() => cf.getObjects("c", { limit: "ten" as unknown as number }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).field).toBe("options.limit");
    expect((e as ValidationError).message).toContain("expected number, received string");

    const etag = await refusal(() => cf.storeObject("c", "o", "data", { etag: 5 as unknown as string }));
    expect((etag as ValidationError).field).toBe("options.etag");
    expect((etag as ValidationError).message).toContain("expected string, received number");
    expect(fx.requests).toHaveLength(0);
  });

  it("a listing row of the wrong shape is an InvalidResponse that says what was expected", async () => {
    raw.json = '[{"name": 5}]';
    const e = await refusal(() => cf.getObjects("c"));
    expect(e).toBeInstanceOf(InvalidResponse);
    expect((e as InvalidResponse).path).toBe("0.name");
    expect((e as InvalidResponse).message).toContain("expected string, received number");
  });
});
