import * as z from "zod/mini";
import { describe, expect, it } from "vitest";
import { ID_SEGMENT, ValidationError, validate } from "../src/index";
import { idRef, idSegment } from "../src/zod-mini";

/** The ValidationError `validate` throws for `value`, or undefined when it passes. */
function refusal(schema: Parameters<typeof validate>[0], value: unknown, field: string): ValidationError | undefined {
  try {
    validate(schema, value, field);
    return undefined;
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
}

describe("the id-segment rule", () => {
  it("takes any id that is one path segment: UUIDs, numbers as text, inner and edge spaces, '?', '%', '@'", () => {
    for (const id of ["6f1e2d3c-aaaa-bbbb-cccc-1234567890ab", "42", "A-6817754", "my server", " x ", "a?b", "a%2Fb", "name@host", "é"]) {
      expect(validate(idSegment(), id, "server")).toBe(id);
    }
  });

  it("refuses a blank id or one with '/', naming the field, with the message users see", () => {
    for (const bad of ["", " ", "\t\n", "a/b", "/", "abc/"]) {
      const e = refusal(idSegment(), bad, "server");
      expect(e?.field).toBe("server");
      expect(e?.message).toBe("server: must not be blank or contain '/'");
    }
  });

  it("refuses a value that is not a string", () => {
    for (const bad of [undefined, null, 42, {}, ["a"]]) expect(refusal(idSegment(), bad, "server")?.field).toBe("server");
  });

  it("ID_SEGMENT is the same rule for a package that words its own message", () => {
    const key = z.string().check(z.regex(ID_SEGMENT, "must be a metadata key"));
    expect(refusal(key, "a/b", "key")?.message).toBe("key: must be a metadata key");
    expect(validate(key, "a b", "key")).toBe("a b");
  });
});

describe("idRef()", () => {
  it("reads an id given as itself or in any object's `id`, dropping the rest", () => {
    expect(validate(idRef(), "123", "server")).toBe("123");
    expect(validate(idRef(), { id: "123", name: "web", status: "ACTIVE" }, "server")).toBe("123");
  });

  it("words a bad string id by the segment rule, and anything else as not an id or object with one", () => {
    for (const bad of ["", "  ", "a/b"]) expect(refusal(idRef(), bad, "server")?.message).toBe("server: must not be blank or contain '/'");
    for (const bad of [undefined, null, 42, {}, { id: "" }, { id: "a/b" }, { id: 42 }, { name: "web" }]) {
      const e = refusal(idRef(), bad, "server");
      expect(e?.field, JSON.stringify(bad)).toBe("server");
      expect(e?.message).toBe("server: must be an id (not blank, no '/') or an object with an id");
    }
  });
});
