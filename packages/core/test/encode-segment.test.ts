import { describe, expect, it } from "vitest";
import { ValidationError } from "../src/errors";
import { encodePath, encodeSegment } from "../src/url";

// Whatever shortcut encodeSegment takes for plain names, its output must be encodeURIComponent's,
// segment by segment, and dot segments must still be refused.
const NAMES = ["obj-0001.txt", "a.b", "...", ".hidden", "x..", "a~b_c-d", "a b", "ä", "a%2Fb", "a+b", "(x)", "*", "'q'", "a?b", "a#b", "", "A-Z_09"];

describe("encodeSegment", () => {
  it("encodes each segment as encodeURIComponent does, with or without keepSlashes", () => {
    for (const n of NAMES) {
      if (n !== "") expect(encodeSegment(n), n).toBe(encodeURIComponent(n));
      expect(encodeSegment(`dir/${n}/x`, { keepSlashes: true }), n).toBe(`dir/${encodeURIComponent(n)}/x`);
    }
    expect(encodeSegment("a/b")).toBe("a%2Fb");
    expect(encodeSegment("a//b/", { keepSlashes: true })).toBe("a//b/");
    expect(encodePath("v1", "obj-0001.txt")).toBe("/v1/obj-0001.txt");
  });

  it("refuses . and .. segments, named by field, plain or not", () => {
    for (const bad of [".", ".."]) expect(() => encodeSegment(bad, { field: "name" })).toThrow(ValidationError);
    for (const bad of ["./a", "a/..", "a/./b", "..", "a/../b/ä"])
      expect(() => encodeSegment(bad, { keepSlashes: true, field: "name" }), bad).toThrow(/name/);
  });
});
