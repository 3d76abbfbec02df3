import { ValidationError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { parseOptions } from "../src/options";
import { storeObjectOptionsSchema, storeOptions } from "../src/transfer/store-options";

// storeOptions checks the common option shapes without zod; whatever it accepts or refuses must be
// what the schema accepts or refuses, with the same field and message.
const schemaResult = (o: unknown) => {
  try {
    return { ok: parseOptions(storeObjectOptionsSchema(), o, "options") };
  } catch (e) {
    return { error: e instanceof ValidationError ? { field: e.field, message: e.message } : String(e) };
  }
};
const storeResult = (o: unknown) => {
  try {
    return { ok: storeOptions(storeObjectOptionsSchema(), o).options };
  } catch (e) {
    return { error: e instanceof ValidationError ? { field: e.field, message: e.message } : String(e) };
  }
};

const signal = new AbortController().signal;
const progress = () => {};
const cases: Record<string, unknown> = {
  empty: {},
  contentType: { contentType: "text/plain" },
  "all simple": {
    contentType: "a/b", contentEncoding: "gzip", ttl: 60, etag: "0123456789abcdefABCDEF0123456789", size: 0, chunkSize: 1,
    segmentSize: 10, segmentConcurrency: 2, largeObject: false, onProgress: progress, signal, metadata: { a: "b" }, headers: { "X-A": "1" },
  },
  "undefined values": { contentType: undefined, signal: undefined, deleteAt: undefined, resume: undefined },
  "null prototype": Object.assign(Object.create(null), { contentType: "text/plain" }),
  "contentType number": { contentType: 5 },
  "contentType null": { contentType: null },
  "ttl zero": { ttl: 0 },
  "ttl fraction": { ttl: 1.5 },
  "ttl NaN": { ttl: Number.NaN },
  "ttl string": { ttl: "60" },
  "etag short": { etag: "abc" },
  "size negative": { size: -1 },
  "size unsafe": { size: 2 ** 60 },
  "chunkSize Infinity": { chunkSize: Number.POSITIVE_INFINITY },
  "largeObject string": { largeObject: "yes" },
  "onProgress not function": { onProgress: 1 },
  "signal not AbortSignal": { signal: {} },
  "unknown key": { contentType: "a", bogus: 1 },
  "resume without uploadId": { resume: true },
  "ttl with deleteAt": { ttl: 5, deleteAt: 10 },
  "deleteAt date": { deleteAt: new Date(2_000_000_000_000) },
  "manifest bad": { manifest: "x" },
  "uploadId bad": { uploadId: "a/b" },
  array: [],
  string: "text/plain",
  null: null,
  "class instance": new (class { contentType = "text/plain"; })(),
};

describe("storeOptions without zod for the common shapes", () => {
  for (const [name, o] of Object.entries(cases)) {
    it(`${name}: same outcome as the schema`, () => {
      expect(storeResult(o)).toEqual(schemaResult(o));
    });
  }

  it("refuses a bad value before any request, naming the field", () => {
    expect(() => storeOptions(storeObjectOptionsSchema(), { contentType: "a", ttl: -1 })).toThrow(expect.objectContaining({ field: "options.ttl" }));
    expect(() => storeOptions(storeObjectOptionsSchema(), { signal: "x" })).toThrow(expect.objectContaining({ field: "options.signal" }));
  });

  it("returns a new object, not the caller's", () => {
    const o = { contentType: "text/plain" };
    const { options, headers } = storeOptions(storeObjectOptionsSchema(), o);
    expect(options).not.toBe(o);
    expect(options).toEqual(o);
    expect(headers["content-type"]).toBe("text/plain");
  });
});

describe("unquoteEtag (read on every PUT)", () => {
  it("drops Swift's quotes around a large object's ETag and lower-cases", async () => {
    const { unquoteEtag } = await import("../src/transfer/upload-data");
    expect(unquoteEtag('"ABCdef"')).toBe("abcdef");
    expect(unquoteEtag("ABCdef")).toBe("abcdef");
    expect(unquoteEtag('"')).toBe('"');
    expect(unquoteEtag('""')).toBe("");
    expect(unquoteEtag('"abc')).toBe('"abc');
    expect(unquoteEtag(undefined)).toBeUndefined();
  });
});
