import { describe, expect, it } from "vitest";
// Only zod/mini in this file: classic zod would set English messages globally when imported.
import * as z from "zod/mini";
import { ValidationError, parseSchema, validate } from "../src/index";

describe("parseSchema / validate with zod/mini schemas", () => {
  const schema = z.object({ name: z.string().check(z.minLength(1)), size: z.optional(z.int()) });

  it("gives English issue messages and the field path", () => {
    const err = (() => { try { validate(schema, { name: "web", size: "big" }, "opts"); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe("opts.size");
    expect((err as ValidationError).message).toBe("opts.size: Invalid input: expected number, received string");
    const r = parseSchema(schema, { name: "" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("Too small: expected string to have >=1 characters");
  });

  it("leaves zod's global config alone (a user's own mini schemas keep their messages)", () => {
    parseSchema(schema, {});
    expect(z.safeParse(z.string(), 5).error?.issues[0]?.message).toBe("Invalid input");
  });

  it("returns the parsed value", () => {
    expect(validate(schema, { name: "a", size: 2 }, "opts")).toEqual({ name: "a", size: 2 });
  });
});

describe("validate names an unknown key", () => {
  it("as field + key, for strict objects at the top and nested", () => {
    const strict = z.strictObject({ region: z.optional(z.string()), retry: z.optional(z.strictObject({ attempts: z.optional(z.number()) })) });
    const top = (() => { try { validate(strict, { region: "ORD", debug: true }, "options"); } catch (e) { return e as ValidationError; } })();
    expect(top?.field).toBe("options.debug");
    expect(top?.message).toBe('options.debug: Unrecognized key: "debug"');
    const nested = (() => { try { validate(strict, { retry: { tries: 2 } }, "options"); } catch (e) { return e as ValidationError; } })();
    expect(nested?.field).toBe("options.retry.tries");
    const bare = (() => { try { validate(strict, { debug: 1 }, ""); } catch (e) { return e as ValidationError; } })();
    expect(bare?.field).toBe("debug");
  });
});
