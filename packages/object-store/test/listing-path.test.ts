import { withQuery } from "@rax/core";
import { describe, expect, it } from "vitest";
import { listingPath, listingQuery, type ListingOptions } from "../src/swift-listing";

// A container listing's request target is built without the query object: it must be exactly the
// target core's withQuery builds from listingQuery, or Swift gets another question.
describe("listingPath", () => {
  it("spells every page's query as withQuery(listingQuery(…)) does", () => {
    const options: ListingOptions[] = [
      {},
      { prefix: "photos/" },
      { prefix: "" },
      { delimiter: "/" },
      { endMarker: "z z", prefix: "a&b=c", delimiter: "|" },
      { marker: "from-options" },
      { endMarker: "" },
    ];
    const markers = [undefined, "", "obj-0001.txt", "a/b c?d#e&f", "ä€😀", "..", "%2F"];
    const limits = [undefined, 1, 10_000, 2 ** 53, 1e21];
    for (const o of options)
      for (const marker of markers)
        for (const limit of limits) {
          const expected = withQuery("/c%20x", listingQuery({ ...o, limit }, marker));
          expect(listingPath("/c%20x", o, limit, marker), JSON.stringify({ o, marker, limit })).toBe(expected);
        }
  });

  it("refuses a marker with a lone surrogate as core's query encoding does, naming the field", () => {
    expect(() => listingPath("/c", {}, 10, "a\uD800")).toThrow(/query\.marker/);
    expect(() => withQuery("/c", listingQuery({}, "a\uD800"))).toThrow(/query\.marker/);
  });
});
